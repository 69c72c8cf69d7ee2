// Package hook keeps an optional callback: a func field that is nil-checked and set to nil
// is an Option in Rust, called through `if let Some(..)`.
package hook

import "fmt"

// Hook calls onHit when set.
type Hook struct {
	name  string
	onHit func(string)
}

// New makes a hook that prints.
func New(name string) *Hook {
	return &Hook{name: name, onHit: func(s string) { fmt.Println("hit", s) }}
}

// Quiet makes a hook without a callback.
func Quiet(name string) *Hook {
	return &Hook{name: name, onHit: nil}
}

// Mute drops the callback.
func (h *Hook) Mute() {
	h.onHit = nil
}

// Set installs a callback.
func (h *Hook) Set(f func(string)) {
	h.onHit = f
}

// Fire calls the callback if any.
func (h *Hook) Fire() {
	if h.onHit != nil {
		h.onHit(h.name)
	}
}
