// Goroutines: several run at once; each writes its own slot and main prints after joining.
package main

import (
	"fmt"
	"sync"
)

func square(n int) int {
	return n * n
}

func main() {
	results := make([]int, 5)
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = square(i + 1)
		}(i)
	}
	wg.Wait()

	for i, r := range results {
		fmt.Println("square of", i+1, "is", r)
	}

	done := make(chan string)
	go func(msg string) {
		done <- msg + " from a goroutine"
	}("hello")
	fmt.Println(<-done)
}
