// Package store keeps users in memory.
package store

import (
	"errors"
	"time"
)

// ErrNotFound is returned when no user has the requested ID.
var ErrNotFound = errors.New("user not found")

// ErrConflict is returned when a user with the same ID already exists.
var ErrConflict = errors.New("user already exists")

// User is one account.
type User struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`
	Email   string    `json:"email,omitempty"`
	Created time.Time `json:"created"`
}

// Valid reports whether the user has the required fields.
func (u User) Valid() bool {
	return u.Name != "" && u.ID > 0
}
