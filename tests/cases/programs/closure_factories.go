// Closure factories: returned closures own what they capture (text, slices, a counter).
package main

import (
	"fmt"
	"strings"
)

func prefixMatcher(p string) func(string) bool {
	return func(path string) bool { return strings.HasPrefix(path, p) }
}

func picker(xs []int) func(int) int {
	return func(i int) int { return xs[i%len(xs)] }
}

func counter(step int) func() int {
	total := 0
	return func() int {
		total += step
		return total
	}
}

func main() {
	api := prefixMatcher("/api/")
	for _, path := range []string{"/api/users", "/static/app.js"} {
		fmt.Println(path, api(path))
	}
	pick := picker([]int{10, 20, 30})
	fmt.Println(pick(1), pick(5))
	byTwo := counter(2)
	byTwo()
	fmt.Println(byTwo(), byTwo())
	other := counter(5)
	fmt.Println(other(), byTwo())
}
