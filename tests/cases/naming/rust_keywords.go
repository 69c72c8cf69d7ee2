package kw

// match is a Rust keyword used as a Go type name.
type match struct {
	fn    string
	impl  int
	ref   *match
	where string
	Self  bool
}

// Crate is an exported type with keyword-named fields.
type Crate struct {
	Super string
	Mod   string
	crate string
	use   []string
	trait string
	pub   bool
	dyn   any
	mut   int
}

// move relocates a match; both the func and a param use Rust keywords.
func move(self *match, loop int) *match {
	for i := 0; i < loop; i++ {
		self.impl++
	}
	return self
}

// where filters crate names.
func where(crate []string, fn func(string) bool) []string {
	var out []string
	for _, let := range crate {
		if fn(let) {
			out = append(out, let)
		}
	}
	return out
}

// Async and Await are fine in Go but reserved-ish in Rust.
func Async(await int, yield int, unsafe bool) int {
	if unsafe {
		return await
	}
	return yield
}

// Use exercises the unexported keyword items.
func Use(c Crate) int {
	m := move(&match{fn: c.crate}, len(c.use))
	return len(where(c.use, func(s string) bool { return s != m.fn })) + c.mut
}
