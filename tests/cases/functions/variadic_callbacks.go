package pipeline

import "fmt"

// Sum adds any number of integers.
func Sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

// Logf formats a message with a prefix.
func Logf(prefix string, format string, args ...any) string {
	return prefix + ": " + fmt.Sprintf(format, args...)
}

// Map applies fn to every element of xs.
func Map(xs []string, fn func(string) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, fn(x))
	}
	return out
}

// Retry calls op up to attempts times until it returns nil.
func Retry(attempts int, op func() error, onFail func(attempt int, err error)) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(); err == nil {
			return nil
		}
		if onFail != nil {
			onFail(i, err)
		}
	}
	return err
}
