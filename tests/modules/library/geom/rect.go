// Package geom has shapes built from points.
package geom

// Point is a position in the plane.
type Point struct {
	X, Y float64
}

// Rect is an axis-aligned rectangle.
type Rect struct {
	Min, Max Point
}

// Area implements library.Shape.
func (r Rect) Area() float64 {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

// Perimeter implements library.Shape.
func (r Rect) Perimeter() float64 {
	return 2 * ((r.Max.X - r.Min.X) + (r.Max.Y - r.Min.Y))
}
