// Type parameters constrained to one slice or map type (`S ~[]E`, `M ~map[K]V`): Rust takes
// the slice or map itself and drops the parameter.
package coretypes

import "sort"

// Filter keeps the elements keep accepts.
func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// SortedKeys returns the keys of m in order.
func SortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
