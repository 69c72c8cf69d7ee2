package seed

import "strings"

// Rows: `string` parameter / result, `[]T` parameter / result, `map[K]V`, set-like maps.

// Title capitalises the first letter of s.
func Title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Lengths returns the length of each word.
func Lengths(words []string) []int {
	out := make([]int, len(words))
	for i, w := range words {
		out[i] = len(w)
	}
	return out
}

// Index maps words to positions.
func Index(words []string) map[string]int {
	idx := make(map[string]int)
	for i, w := range words {
		idx[w] = i
	}
	return idx
}

// Distinct returns a set of the words.
func Distinct(words []string) map[string]struct{} {
	set := map[string]struct{}{}
	for _, w := range words {
		set[w] = struct{}{}
	}
	return set
}
