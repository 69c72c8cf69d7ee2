package lru

import "sync"

// Cache is a size-bounded map with generic keys and values.
type Cache[K comparable, V any] struct {
	mu    sync.Mutex
	cap   int
	order []K
	data  map[K]V
}

// New creates a cache with the given capacity.
func New[K comparable, V any](capacity int) *Cache[K, V] {
	return &Cache[K, V]{cap: capacity, data: make(map[K]V)}
}

// Put stores v under k, evicting the oldest entry when full.
func (c *Cache[K, V]) Put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.data[k]; !ok {
		if len(c.order) == c.cap {
			delete(c.data, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, k)
	}
	c.data[k] = v
}

// Get returns the value for k.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[k]
	return v, ok
}
