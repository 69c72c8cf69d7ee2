package workerpool

import (
	"context"
	"sync"
)

// Pool feeds jobs to workers over channels.
type Pool struct {
	workers int
	handler Handler
	jobs    chan Job
	results chan Result
	wg      sync.WaitGroup
	mu      sync.Mutex
	closed  bool
}

// New returns a pool with n workers.
func New(n int, h Handler) *Pool {
	return &Pool{
		workers: n,
		handler: h,
		jobs:    make(chan Job),
		results: make(chan Result, n),
	}
}

// Start launches the workers; they stop when ctx ends or the pool closes.
func (p *Pool) Start(ctx context.Context) {
	for i := 0; i < p.workers; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.work(ctx)
		}()
	}
	go func() {
		p.wg.Wait()
		close(p.results)
	}()
}

func (p *Pool) work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case job, ok := <-p.jobs:
			if !ok {
				return
			}
			n, err := p.handler.Handle(job)
			p.results <- Result{JobID: job.ID, Size: n, Err: err}
		}
	}
}

// Submit queues a job.
func (p *Pool) Submit(ctx context.Context, job Job) error {
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return ErrClosed
	}
	select {
	case p.jobs <- job:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Results is the channel the workers report on.
func (p *Pool) Results() <-chan Result {
	return p.results
}

// Close stops accepting jobs.
func (p *Pool) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		p.closed = true
		close(p.jobs)
	}
}
