package library

import "example.com/library/geom"

// Square is a rectangle with equal sides.
type Square struct {
	Corner geom.Point
	Side   float64
}

// Area implements Shape.
func (s Square) Area() float64 { return s.Side * s.Side }

// Perimeter implements Shape.
func (s Square) Perimeter() float64 { return 4 * s.Side }

// Bounds returns the square as a rectangle.
func (s Square) Bounds() geom.Rect {
	return geom.Rect{Min: s.Corner, Max: geom.Point{X: s.Corner.X + s.Side, Y: s.Corner.Y + s.Side}}
}
