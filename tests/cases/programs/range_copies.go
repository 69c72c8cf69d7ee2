// Range variables are copies in Go: reassigning one (or changing a struct copy) leaves the
// ranged slice alone, while a slice element changed in place (sorted) changes what the
// outer slice or map holds. A generic constructor's literal leaves fields to zero values.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type point struct{ X, Y int }

type cache[K comparable, V any] struct {
	data  map[K]V
	order []K
	limit int
}

func newCache[K comparable, V any](limit int) *cache[K, V] {
	return &cache[K, V]{data: make(map[K]V), limit: limit}
}

func (c *cache[K, V]) put(k K, v V) {
	if _, ok := c.data[k]; !ok {
		c.order = append(c.order, k)
	}
	c.data[k] = v
	if len(c.order) > c.limit {
		oldest := c.order[0]
		c.order = c.order[1:]
		delete(c.data, oldest)
	}
}

func main() {
	names := strings.Split("  bob ,alice, carol,dave  ,,anna", ",")
	groups := make(map[string][]string)
	for i, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if i%2 == 0 {
			n = strings.ToUpper(n)
		}
		groups[n[:1]] = append(groups[n[:1]], n)
	}
	for _, g := range groups {
		sort.Strings(g)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, strings.Join(groups[k], ","))
	}
	fmt.Println(strings.Join(names, "|"))

	points := []point{{1, 2}, {3, 4}}
	for _, p := range points {
		p.X *= 10
		fmt.Println(p.X, p.Y)
	}
	fmt.Println(points[0].X, points[1].X)

	grid := [][]int{{3, 1, 2}, {9, 7, 8}}
	for _, row := range grid {
		sort.Ints(row)
	}
	for _, row := range grid {
		fmt.Println(row[0], row[1], row[2])
	}

	c := newCache[string, int](2)
	c.put("a", 1)
	c.put("b", 2)
	c.put("c", 3)
	fmt.Println(len(c.data), strings.Join(c.order, ","))
}
