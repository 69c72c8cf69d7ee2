package geometry

import "math"

// Rect is an axis-aligned rectangle.
type Rect struct {
	Width, Height float64
}

// Area returns the area of the rectangle.
func (r Rect) Area() float64 {
	return r.Width * r.Height
}

// Perimeter returns the perimeter of the rectangle.
func (r Rect) Perimeter() float64 {
	return 2 * (r.Width + r.Height)
}

// Diagonal returns the length of the diagonal.
func (r Rect) Diagonal() float64 {
	return math.Hypot(r.Width, r.Height)
}

// Scale returns a scaled copy; the receiver is not changed.
func (r Rect) Scale(f float64) Rect {
	r.Width *= f
	r.Height *= f
	return r
}
