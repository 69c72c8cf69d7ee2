package poller

import (
	"context"
	"time"
)

// Poll calls fetch every interval until ctx is cancelled.
func Poll(ctx context.Context, interval time.Duration, fetch func() int, out chan<- int) error {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
			out <- fetch()
		}
	}
}

// FirstValue waits for a value or the deadline.
func FirstValue(ctx context.Context, in <-chan int) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	select {
	case v := <-in:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
