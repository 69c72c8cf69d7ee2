// Goroutines push onto a queue whose methods lock only around the state they touch.
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu     sync.Mutex
	items  []string
	closed bool
}

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

func (q *Queue) Close() int {
	q.mu.Lock()
	q.closed = true
	left := len(q.items)
	q.mu.Unlock()
	return left
}

func (q *Queue) Drain() []string {
	q.mu.Lock()
	out := q.items
	q.items = nil
	q.mu.Unlock()
	return out
}

func main() {
	q := &Queue{}
	var wg sync.WaitGroup
	for _, w := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func(item string) {
			defer wg.Done()
			q.Push(item)
		}(w)
	}
	wg.Wait()
	fmt.Println("left", q.Close())
	fmt.Println("pushed after close:", q.Push("d"))
	fmt.Println("drained", len(q.Drain()))
}
