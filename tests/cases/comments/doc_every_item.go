// Package docs exercises doc comments on every kind of item.
package docs

import "fmt"

// MaxItems is a documented constant.
const MaxItems = 100

// Mode is a documented enum type.
type Mode int

// Documented enum values.
const (
	// ModeFast trades accuracy for speed.
	ModeFast Mode = iota
	// ModeSafe is the default.
	ModeSafe
)

// DefaultName is a documented variable.
var DefaultName = "docs"

// Widget is a documented struct.
type Widget struct {
	// Name is a documented field.
	Name  string
	Count int // Count has a trailing line comment.
}

// Sizer is a documented interface.
type Sizer interface {
	// Size is a documented interface method.
	Size() int
}

// Size is a documented method.
func (w Widget) Size() int { return w.Count }

// Describe is a documented function.
//
// It has a second paragraph and a list:
//   - item one
//   - item two
func Describe(w Widget) string {
	return fmt.Sprintf("%s(%d)", w.Name, w.Count)
}
