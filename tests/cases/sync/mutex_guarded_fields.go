package ratelimit

import (
	"sync"
	"time"
)

// Limiter allows at most Limit calls per key per window.
type Limiter struct {
	Limit  int
	Window time.Duration

	// mu guards the fields below it.
	mu     sync.Mutex
	counts map[string]int
	reset  time.Time
}

// NewLimiter creates a limiter.
func NewLimiter(limit int, window time.Duration) *Limiter {
	return &Limiter{Limit: limit, Window: window, counts: map[string]int{}, reset: time.Now().Add(window)}
}

// Allow reports whether key may proceed now.
func (l *Limiter) Allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Now().After(l.reset) {
		l.counts = map[string]int{}
		l.reset = time.Now().Add(l.Window)
	}
	if l.counts[key] >= l.Limit {
		return false
	}
	l.counts[key]++
	return true
}
