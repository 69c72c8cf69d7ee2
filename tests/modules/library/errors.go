// Package library offers generic containers and shapes.
package library

import "errors"

// ErrEmpty is returned when popping from an empty container.
var ErrEmpty = errors.New("container is empty")

// ErrNegative is returned for a shape with a negative dimension.
var ErrNegative = errors.New("negative dimension")
