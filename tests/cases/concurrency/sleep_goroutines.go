package heartbeat

import (
	"fmt"
	"time"
)

// Beat sends a heartbeat message every period, count times.
func Beat(name string, period time.Duration, count int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i := 0; i < count; i++ {
			time.Sleep(period)
			ch <- fmt.Sprintf("%s beat %d", name, i)
		}
	}()
	return ch
}

// Delayed runs fn after d in the background.
func Delayed(d time.Duration, fn func()) {
	go func() {
		time.Sleep(d)
		fn()
	}()
}

// Backoff returns the delay for the given attempt; it does not block.
func Backoff(attempt int) time.Duration {
	return time.Duration(1<<attempt) * 100 * time.Millisecond
}
