package queue

import "sync"

// Queue hands out work under a mutex; each section locks only while it needs the state.
type Queue struct {
	mu     sync.Mutex
	items  []string
	closed bool
}

// Push appends unless the queue is closed.
func (q *Queue) Push(item string) bool {
	q.mu.Lock()
	closed := q.closed
	q.mu.Unlock()
	if closed {
		return false
	}
	q.mu.Lock()
	q.items = append(q.items, item)
	q.mu.Unlock()
	return true
}

// Close marks the queue closed and reports how many items were left.
func (q *Queue) Close() int {
	q.mu.Lock()
	q.closed = true
	left := len(q.items)
	q.mu.Unlock()
	return left
}

// Drain empties the queue, holding the lock only while it copies the items.
func (q *Queue) Drain() []string {
	q.mu.Lock()
	out := q.items
	q.items = nil
	q.mu.Unlock()
	return out
}
