// WaitGroups: wait for several goroutines; a mutex guards the shared total.
package main

import (
	"fmt"
	"sync"
)

func work(id int) int {
	return id * 100
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0

	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := work(i)
			mu.Lock()
			total += v
			mu.Unlock()
		}()
	}

	wg.Wait()
	fmt.Println("all workers done, total:", total)
}
