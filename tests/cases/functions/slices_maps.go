package stats

import "sort"

// WordCounts counts occurrences of each word.
func WordCounts(words []string) map[string]int {
	counts := make(map[string]int, len(words))
	for _, w := range words {
		counts[w]++
	}
	return counts
}

// TopKeys returns the keys of m sorted by descending count.
func TopKeys(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

// Filter keeps positive numbers.
func Filter(xs []int) []int {
	var out []int
	for _, x := range xs {
		if x > 0 {
			out = append(out, x)
		}
	}
	return out
}

// GroupByLen groups strings by their length.
func GroupByLen(xs []string) map[int][]string {
	g := map[int][]string{}
	for _, x := range xs {
		g[len(x)] = append(g[len(x)], x)
	}
	return g
}
