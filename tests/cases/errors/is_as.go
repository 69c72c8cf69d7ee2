package httpx

import (
	"context"
	"errors"
	"net"
	"os"
)

// ErrRateLimited is returned when the upstream throttles us.
var ErrRateLimited = errors.New("rate limited")

// Retryable reports whether err is worth retrying.
func Retryable(err error) bool {
	if errors.Is(err, ErrRateLimited) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return true
	}
	var pathErr *os.PathError
	return !errors.As(err, &pathErr)
}

// Classify maps an error to an HTTP status code.
func Classify(err error) int {
	switch {
	case err == nil:
		return 200
	case errors.Is(err, ErrRateLimited):
		return 429
	case errors.Is(err, context.Canceled):
		return 499
	default:
		return 500
	}
}
