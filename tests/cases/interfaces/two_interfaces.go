package cache

import "time"

// Getter fetches a value.
type Getter interface {
	Get(key string) ([]byte, bool)
}

// Setter stores a value with a time to live.
type Setter interface {
	Set(key string, val []byte, ttl time.Duration)
}

// Memory satisfies both Getter and Setter.
type Memory struct {
	items map[string][]byte
}

// Get implements Getter.
func (m *Memory) Get(key string) ([]byte, bool) {
	v, ok := m.items[key]
	return v, ok
}

// Set implements Setter; ttl is ignored in memory.
func (m *Memory) Set(key string, val []byte, ttl time.Duration) {
	m.items[key] = val
}

// ReadOnly satisfies only Getter.
type ReadOnly struct {
	snapshot map[string][]byte
}

// Get implements Getter.
func (r ReadOnly) Get(key string) ([]byte, bool) {
	v, ok := r.snapshot[key]
	return v, ok
}

// Warm copies keys from src into dst.
func Warm(dst Setter, src Getter, keys []string) {
	for _, k := range keys {
		if v, ok := src.Get(k); ok {
			dst.Set(k, v, time.Minute)
		}
	}
}
