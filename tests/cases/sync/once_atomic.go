package telemetry

import (
	"sync"
	"sync/atomic"
)

// Counter counts requests without a mutex.
type Counter struct {
	requests atomic.Int64
	errors   atomic.Int64
	ready    atomic.Bool
}

// Hit records a request.
func (c *Counter) Hit(failed bool) {
	c.requests.Add(1)
	if failed {
		c.errors.Add(1)
	}
}

// ErrorRate returns the share of failed requests.
func (c *Counter) ErrorRate() float64 {
	n := c.requests.Load()
	if n == 0 {
		return 0
	}
	return float64(c.errors.Load()) / float64(n)
}

var (
	defaultOnce    sync.Once
	defaultCounter *Counter
)

// Default returns the process-wide counter, created once.
func Default() *Counter {
	defaultOnce.Do(func() {
		defaultCounter = &Counter{}
		defaultCounter.ready.Store(true)
	})
	return defaultCounter
}

// Exporter flushes once on shutdown.
type Exporter struct {
	closeOnce sync.Once
	flushed   int32
}

// Close flushes exactly once even if called many times.
func (e *Exporter) Close() {
	e.closeOnce.Do(func() {
		atomic.StoreInt32(&e.flushed, 1)
	})
}
