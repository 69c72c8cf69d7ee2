// Maps: set, get, delete, the comma-ok lookup, and printing keys in a stable order.
package main

import (
	"fmt"
	"sort"
)

func main() {
	m := make(map[string]int)
	m["k1"] = 7
	m["k2"] = 13
	fmt.Println("len:", len(m))

	v1 := m["k1"]
	fmt.Println("v1:", v1)
	v3 := m["k3"]
	fmt.Println("v3:", v3)

	delete(m, "k2")
	fmt.Println("len:", len(m))

	_, prs := m["k2"]
	fmt.Println("prs:", prs)

	n := map[string]int{"foo": 1, "bar": 2, "baz": 3}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, n[k])
	}
}
