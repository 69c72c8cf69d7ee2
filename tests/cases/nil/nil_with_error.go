package users

import (
	"database/sql"
	"errors"
)

// ErrNotFound is returned when no user matches.
var ErrNotFound = errors.New("user not found")

// User is a row in the users table.
type User struct {
	ID   int64
	Name string
}

// Repo loads users from a map standing in for the database.
type Repo struct {
	rows map[int64]User
}

// Get returns nil, ErrNotFound when the user is missing: the pointer is never nil on success.
func (r *Repo) Get(id int64) (*User, error) {
	u, ok := r.rows[id]
	if !ok {
		return nil, ErrNotFound
	}
	return &u, nil
}

// Lookup returns nil, nil when the user is missing: absence is not an error.
func (r *Repo) Lookup(id int64) (*User, error) {
	if id <= 0 {
		return nil, errors.New("invalid id")
	}
	u, ok := r.rows[id]
	if !ok {
		return nil, nil
	}
	return &u, nil
}

// FromRow converts a scanned row, treating sql.ErrNoRows as absence.
func FromRow(err error, u User) (*User, error) {
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}
