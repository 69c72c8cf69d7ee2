package seed

import "context"

// Rows: `go doWork(ctx, in)`, `ch := make(chan int, 10)`, `ch <- 42` / `v := <-ch`,
// `select { case ..: }`, `ctx context.Context` parameter, async colouring.

// doWork doubles values until ctx is cancelled or in is closed.
func doWork(ctx context.Context, in <-chan int, out chan<- int) {
	for {
		select {
		case <-ctx.Done():
			return
		case v, ok := <-in:
			if !ok {
				close(out)
				return
			}
			out <- v * 2
		}
	}
}

// Double spawns a worker and sends one value through it.
func Double(ctx context.Context, x int) int {
	in := make(chan int, 10)
	out := make(chan int, 10)
	go doWork(ctx, in, out)
	in <- x
	close(in)
	return <-out
}

// DoubleAll calls Double, so it is async too.
func DoubleAll(ctx context.Context, xs []int) []int {
	res := make([]int, len(xs))
	for i, x := range xs {
		res[i] = Double(ctx, x)
	}
	return res
}
