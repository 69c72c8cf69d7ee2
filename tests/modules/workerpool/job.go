// Package workerpool runs jobs on a fixed number of goroutines.
package workerpool

import (
	"errors"
	"time"
)

// ErrClosed is returned when a job is submitted after Close.
var ErrClosed = errors.New("pool closed")

// Job is a unit of work.
type Job struct {
	ID      int
	Payload []byte
	Timeout time.Duration
}

// Result is the outcome of one job.
type Result struct {
	JobID int
	Size  int
	Err   error
}

// Handler processes one job.
type Handler interface {
	Handle(job Job) (int, error)
}
