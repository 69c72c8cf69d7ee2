package ids

import "strconv"

// UserID is a typed integer identifier.
type UserID int64

// Email is a typed string.
type Email string

// Tags is a named slice type.
type Tags []string

// Scores is a named map type.
type Scores map[UserID]float64

// Digest is a fixed-size hash.
type Digest [32]byte

// String formats the ID.
func (id UserID) String() string {
	return "user-" + strconv.FormatInt(int64(id), 10)
}

// Has reports whether t contains tag.
func (t Tags) Has(tag string) bool {
	for _, x := range t {
		if x == tag {
			return true
		}
	}
	return false
}

// Best returns the highest-scoring user.
func (s Scores) Best() (UserID, bool) {
	var best UserID
	found := false
	for id, v := range s {
		if !found || v > s[best] {
			best, found = id, true
		}
	}
	return best, found
}
