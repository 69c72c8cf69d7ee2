package paint

// Color is a primary color.
type Color int

// The supported colors.
const (
	Red Color = iota
	Green
	Blue
)

// Hex returns the CSS hex code of c.
func (c Color) Hex() string {
	switch c {
	case Red:
		return "#ff0000"
	case Green:
		return "#00ff00"
	case Blue:
		return "#0000ff"
	}
	return "#000000"
}
