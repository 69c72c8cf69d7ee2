package store

import "errors"

// Sentinel errors returned by the store.
var (
	// ErrNotFound means no record matched the key.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a record with that key already exists.
	ErrConflict = errors.New("conflict")
	ErrClosed   = errors.New("store closed")
)

// ErrReadOnly is declared on its own.
var ErrReadOnly = errors.New("store is read-only")

// Store is an in-memory key/value store.
type Store struct {
	data     map[string]string
	closed   bool
	readOnly bool
}

// Get returns the value for key.
func (s *Store) Get(key string) (string, error) {
	if s.closed {
		return "", ErrClosed
	}
	v, ok := s.data[key]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}

// Insert adds a new key; it fails if the key exists.
func (s *Store) Insert(key, value string) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if _, ok := s.data[key]; ok {
		return ErrConflict
	}
	s.data[key] = value
	return nil
}
