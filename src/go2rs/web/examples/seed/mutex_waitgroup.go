package seed

import (
	"crypto/sha256"
	"sync"
)

// Rows: `mu sync.Mutex; data map[K]V`, `sync.WaitGroup`, CPU-heavy work in a goroutine.

// Hashes stores digests computed in parallel.
type Hashes struct {
	mu   sync.Mutex
	data map[string][32]byte
}

// put stores a digest under the lock.
func (h *Hashes) put(k string, v [32]byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.data[k] = v
}

// ComputeAll hashes every input in its own goroutine (CPU-heavy work).
func ComputeAll(inputs []string) *Hashes {
	h := &Hashes{data: make(map[string][32]byte)}
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			sum := sha256.Sum256([]byte(s))
			for i := 0; i < 1000; i++ {
				sum = sha256.Sum256(sum[:])
			}
			h.put(s, sum)
		}(in)
	}
	wg.Wait()
	return h
}
