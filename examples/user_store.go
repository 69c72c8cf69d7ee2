package store

import (
	"context"
	"errors"
	"sync"
)

// ErrNotFound is returned when no user has the given ID.
var ErrNotFound = errors.New("user not found")

// User is a registered account.
type User struct {
	ID    string `json:"id"`
	Email string `json:"email,omitempty"`
}

// Store keeps users in memory.
type Store struct {
	mu    sync.RWMutex
	users map[string]*User
}

// Get returns the user with the given ID.
func (s *Store) Get(ctx context.Context, id string) (*User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u, ok := s.users[id]
	if !ok {
		return nil, ErrNotFound
	}
	return u, nil
}
