package token

// Rule is a routing rule whose field names collide with Rust keywords.
type Rule struct {
	// type is the rule kind, e.g. "prefix".
	Type  string
	match string
	impl  string
	fn    func(string) bool
	self  *Rule
	Move  bool
	Ref   string
	loop  int
}

// Matches reports whether path matches the rule.
func (r *Rule) Matches(path string) bool {
	if r.fn != nil {
		return r.fn(path)
	}
	return r.match == path
}
