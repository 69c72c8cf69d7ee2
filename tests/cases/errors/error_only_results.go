package migrate

import (
	"errors"
	"fmt"
)

// ErrDirty means a previous migration failed halfway.
var ErrDirty = errors.New("database is dirty")

// Migration is one schema change.
type Migration struct {
	Version int
	Up      func() error
}

// Runner applies migrations in order.
type Runner struct {
	current int
	dirty   bool
}

// Apply runs one migration and records the version.
func (r *Runner) Apply(m Migration) error {
	if r.dirty {
		return ErrDirty
	}
	if m.Version <= r.current {
		return fmt.Errorf("migration %d already applied", m.Version)
	}
	if err := m.Up(); err != nil {
		r.dirty = true
		return fmt.Errorf("migration %d: %w", m.Version, err)
	}
	r.current = m.Version
	return nil
}

// ApplyAll applies every migration and stops at the first error.
func (r *Runner) ApplyAll(ms []Migration) error {
	for _, m := range ms {
		if err := r.Apply(m); err != nil {
			return err
		}
	}
	return nil
}
