package seed

// Row: `const ( A = iota; B )`.

// Shape is a kind of shape.
type Shape int

const (
	A Shape = iota
	B
)

// Untyped form of the same row.
const (
	First = iota
	Second
)

// Name returns the shape name.
func (s Shape) Name() string {
	if s == A {
		return "A"
	}
	return "B"
}
