package library

import "math"

// Circle is a round shape.
type Circle struct {
	Radius float64
}

// NewCircle validates r.
func NewCircle(r float64) (Circle, error) {
	if r < 0 {
		return Circle{}, ErrNegative
	}
	return Circle{Radius: r}, nil
}

// Area implements Shape.
func (c Circle) Area() float64 { return math.Pi * c.Radius * c.Radius }

// Perimeter implements Shape.
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.Radius }
