package jobs

import (
	"context"
	"sync"
)

// Job is a unit of work.
type Job struct {
	ID      int
	Payload string
}

// Outcome is the result of one job.
type Outcome struct {
	JobID int
	Size  int
	Err   error
}

// worker processes jobs until the channel closes or ctx ends.
func worker(ctx context.Context, jobs <-chan Job, results chan<- Outcome) {
	for j := range jobs {
		select {
		case <-ctx.Done():
			return
		case results <- Outcome{JobID: j.ID, Size: len(j.Payload)}:
		}
	}
}

// RunPool processes all jobs with n workers.
func RunPool(ctx context.Context, n int, all []Job) []Outcome {
	jobs := make(chan Job)
	results := make(chan Outcome, len(all))
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker(ctx, jobs, results)
		}()
	}
	for _, j := range all {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	var out []Outcome
	for r := range results {
		out = append(out, r)
	}
	return out
}
