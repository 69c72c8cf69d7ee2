package seed

import "cmp"

// Rows: generics `[T any]`, `[T comparable]`, `cmp.Ordered` (floats: PartialOrd).

// First returns the first element or the zero value.
func First[T any](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	return xs[0]
}

// Dedup removes duplicates, keeping order.
func Dedup[T comparable](xs []T) []T {
	seen := make(map[T]bool)
	var out []T
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Largest returns the maximum of a non-empty slice.
func Largest[T cmp.Ordered](xs []T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

// LargestFloat is the float64 instantiation.
func LargestFloat(xs []float64) float64 {
	return Largest(xs)
}
