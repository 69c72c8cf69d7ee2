package seed

import (
	"context"
	"errors"
	"time"
)

// Row: `context.WithTimeout`.

// ErrSlow is returned when the call exceeds its budget.
var ErrSlow = errors.New("call too slow")

// CallWithTimeout runs fn with a deadline.
func CallWithTimeout(parent context.Context, d time.Duration, fn func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(parent, d)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ErrSlow
	}
}
