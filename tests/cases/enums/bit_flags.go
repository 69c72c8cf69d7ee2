package perm

// Permission is a bit set of access rights.
type Permission uint32

const (
	Read Permission = 1 << iota
	Write
	Execute
	Admin
)

// All has every permission set.
const All = Read | Write | Execute | Admin

// Has reports whether p includes q.
func (p Permission) Has(q Permission) bool {
	return p&q == q
}

// Grant returns p with q added.
func (p Permission) Grant(q Permission) Permission {
	return p | q
}
