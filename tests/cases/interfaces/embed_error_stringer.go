package apierr

import (
	"fmt"
	"net/http"
)

// StatusError is an error that also knows its HTTP status.
type StatusError interface {
	error
	Status() int
}

// Describer is printable and has a category.
type Describer interface {
	fmt.Stringer
	Category() string
}

// NotFound is a StatusError.
type NotFound struct {
	Resource string
}

func (e NotFound) Error() string { return e.Resource + " not found" }

// Status implements StatusError.
func (e NotFound) Status() int { return http.StatusNotFound }

// String implements fmt.Stringer.
func (e NotFound) String() string { return "NotFound(" + e.Resource + ")" }

// Category implements Describer.
func (e NotFound) Category() string { return "client" }

// StatusOf returns the HTTP status for err.
func StatusOf(err error) int {
	if se, ok := err.(StatusError); ok {
		return se.Status()
	}
	return http.StatusInternalServerError
}
