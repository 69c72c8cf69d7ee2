package acl

// Set of role names, the Go way.
type RoleSet map[string]struct{}

// Policy holds nested collections.
type Policy struct {
	// Allowed maps a resource to the set of roles allowed on it.
	Allowed map[string]map[string]struct{}
	// Groups maps a group to its members.
	Groups map[string][]string
	// Matrix is a dense permission matrix.
	Matrix [][]bool
	// Tags is a plain set.
	Tags map[string]struct{}
	// History holds per-user lists of actions.
	History map[int64][]map[string]string
}

// Allow grants role access to resource.
func (p *Policy) Allow(resource, role string) {
	if p.Allowed[resource] == nil {
		p.Allowed[resource] = map[string]struct{}{}
	}
	p.Allowed[resource][role] = struct{}{}
}

// Can reports whether any of roles may access resource.
func (p *Policy) Can(resource string, roles RoleSet) bool {
	for r := range roles {
		if _, ok := p.Allowed[resource][r]; ok {
			return true
		}
	}
	return false
}

// Unique returns a set built from xs.
func Unique(xs []string) map[string]struct{} {
	set := make(map[string]struct{}, len(xs))
	for _, x := range xs {
		set[x] = struct{}{}
	}
	return set
}
