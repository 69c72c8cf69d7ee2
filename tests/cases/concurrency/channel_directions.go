package stream

// Pipeline wires a producer to a consumer.
type Pipeline struct {
	// In receives raw lines.
	In chan string
	// Out only sends upper-cased lines.
	Out chan<- string
	// Errs is receive-only for callers.
	Errs <-chan error
	done chan struct{}
}

// Produce sends every line on out and closes it.
func Produce(lines []string, out chan<- string) {
	for _, l := range lines {
		out <- l
	}
	close(out)
}

// Drain receives until in is closed.
func Drain(in <-chan string) []string {
	var got []string
	for l := range in {
		got = append(got, l)
	}
	return got
}

// Relay copies from a bidirectional channel to a send-only one.
func Relay(src chan string, dst chan<- string, stop chan struct{}) {
	for {
		select {
		case v, ok := <-src:
			if !ok {
				return
			}
			dst <- v
		case <-stop:
			return
		}
	}
}
