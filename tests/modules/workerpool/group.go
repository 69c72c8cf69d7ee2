package workerpool

import (
	"context"
	"sync"
)

// Group runs tasks and returns the first error, errgroup-style.
type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel context.CancelFunc
}

// WithContext returns a group whose context is cancelled on the first error.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

// Go runs f on its own goroutine.
func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel()
				}
			})
		}
	}()
}

// Wait blocks until every task returned, then reports the first error.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel()
	}
	return g.err
}

// RunAll processes every job with the pool and collects the results.
func RunAll(ctx context.Context, n int, h Handler, jobs []Job) ([]Result, error) {
	g, ctx := WithContext(ctx)
	p := New(n, h)
	p.Start(ctx)
	g.Go(func() error {
		defer p.Close()
		for _, j := range jobs {
			if err := p.Submit(ctx, j); err != nil {
				return err
			}
		}
		return nil
	})
	var out []Result
	for r := range p.Results() {
		out = append(out, r)
	}
	return out, g.Wait()
}
