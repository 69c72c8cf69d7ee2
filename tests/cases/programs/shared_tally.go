// Goroutines add to a mutex-guarded tally; the function returns it once they are done.
package main

import (
	"fmt"
	"sync"
)

type Tally struct {
	mu     sync.Mutex
	counts map[string]int
}

func (t *Tally) Add(word string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.counts[word]++
}

func (t *Tally) Count(word string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.counts[word]
}

func countAll(words []string) *Tally {
	t := &Tally{counts: map[string]int{}}
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(word string) {
			defer wg.Done()
			t.Add(word)
		}(w)
	}
	wg.Wait()
	return t
}

func main() {
	t := countAll([]string{"go", "rust", "go", "go"})
	fmt.Println("go", t.Count("go"))
	fmt.Println("rust", t.Count("rust"))
}
