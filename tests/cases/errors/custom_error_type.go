package validate

import (
	"errors"
	"fmt"
	"strings"
)

// ValidationError reports an invalid field.
type ValidationError struct {
	Field  string
	Reason string
}

// Error implements the error interface.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %s", e.Field, e.Reason)
}

// Signup is a sign-up form.
type Signup struct {
	Email    string
	Password string
}

// Validate checks the form and returns a *ValidationError on failure.
func (s Signup) Validate() error {
	if !strings.Contains(s.Email, "@") {
		return &ValidationError{Field: "email", Reason: "missing @"}
	}
	if len(s.Password) < 8 {
		return &ValidationError{Field: "password", Reason: "too short"}
	}
	return nil
}

// FieldOf extracts the failing field name using errors.As.
func FieldOf(err error) (string, bool) {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Field, true
	}
	return "", false
}
