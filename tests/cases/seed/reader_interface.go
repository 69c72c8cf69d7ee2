package seed

import "io"

// Rows: `type Reader interface { Read(p []byte) (int, error) }`, implicit satisfaction,
// interface value held at runtime, `interface{}` / `any`.

// Reader reads bytes into p.
type Reader interface {
	Read(p []byte) (int, error)
}

// StringReader satisfies Reader implicitly.
type StringReader struct {
	s   string
	pos int
}

// Read implements Reader.
func (r *StringReader) Read(p []byte) (int, error) {
	if r.pos >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(p, r.s[r.pos:])
	r.pos += n
	return n, nil
}

// Source holds a Reader chosen at runtime.
type Source struct {
	Name string
	R    Reader
}

// Meta carries arbitrary values.
type Meta struct {
	Values map[string]any
}

// Describe accepts anything.
func Describe(v interface{}) string {
	if s, ok := v.(string); ok {
		return s
	}
	return "?"
}
