package library

import "fmt"

// Shape is anything with an area and a perimeter.
type Shape interface {
	Area() float64
	Perimeter() float64
}

// Describe renders a shape for humans.
func Describe(s Shape) string {
	return fmt.Sprintf("area=%.2f perimeter=%.2f", s.Area(), s.Perimeter())
}

// Largest returns the shape with the largest area.
func Largest(shapes []Shape) (Shape, error) {
	if len(shapes) == 0 {
		return nil, ErrEmpty
	}
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best, nil
}
