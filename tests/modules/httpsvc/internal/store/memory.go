package store

import (
	"context"
	"fmt"
	"sync"
)

// Memory is an in-memory user store safe for concurrent use.
type Memory struct {
	mu    sync.RWMutex
	users map[int64]User
}

// NewMemory returns an empty store.
func NewMemory() *Memory {
	return &Memory{users: make(map[int64]User)}
}

// Get returns the user with the given ID.
func (m *Memory) Get(ctx context.Context, id int64) (User, error) {
	if err := ctx.Err(); err != nil {
		return User{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	u, ok := m.users[id]
	if !ok {
		return User{}, fmt.Errorf("get %d: %w", id, ErrNotFound)
	}
	return u, nil
}

// Put stores a new user.
func (m *Memory) Put(ctx context.Context, u User) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.users[u.ID]; ok {
		return ErrConflict
	}
	m.users[u.ID] = u
	return nil
}

// Len returns the number of users.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.users)
}
