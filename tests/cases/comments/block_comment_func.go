package retry

import "time"

/*
Policy describes how often to retry.

Fields:

	Attempts - maximum tries
	Delay    - base delay
*/
type Policy struct {
	Attempts int
	Delay    time.Duration /* inline block comment */
}

/* Wait returns the delay before attempt n (0-based). */
func (p Policy) Wait(n int) time.Duration {
	return p.Delay * time.Duration(1<<n)
}

/*
Do runs fn until it succeeds or attempts run out.
*/
func Do(p Policy, fn func() error) error {
	var err error
	for i := 0; i < p.Attempts; i++ {
		if err = fn(); err == nil {
			return nil
		}
		time.Sleep(p.Wait(i))
	}
	return err
}
