package seed

import "math"

// Rows: `func (c Circle) Area() float64`, pointer receiver that mutates,
// exported `Name` / unexported `name`, `math.Pi`.

// Circle is a shape.
type Circle struct {
	Radius float64
	name   string
}

// Area uses a value receiver.
func (c Circle) Area() float64 {
	return math.Pi * c.Radius * c.Radius
}

// Grow uses a pointer receiver and mutates.
func (c *Circle) Grow(by float64) {
	c.Radius += by
}

// Rename mutates the unexported field.
func (c *Circle) Rename(n string) {
	c.name = n
}

// label is unexported.
func (c Circle) label() string {
	return c.name
}

// Label is exported.
func (c Circle) Label() string {
	return c.label()
}
