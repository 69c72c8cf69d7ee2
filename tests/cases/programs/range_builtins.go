// Range over built-in types: slices with and without the index, maps, strings and integers.
package main

import (
	"fmt"
	"sort"
)

func main() {
	nums := []int{2, 3, 4}
	sum := 0
	for _, num := range nums {
		sum += num
	}
	fmt.Println("sum:", sum)

	for i, num := range nums {
		if num == 3 {
			fmt.Println("index:", i)
		}
	}

	kvs := map[string]string{"a": "apple", "b": "banana"}
	lines := []string{}
	for k, v := range kvs {
		lines = append(lines, fmt.Sprintf("%s -> %s", k, v))
	}
	sort.Strings(lines)
	for _, line := range lines {
		fmt.Println(line)
	}

	for i, c := range "go" {
		fmt.Println(i, c)
	}

	for i := range 3 {
		fmt.Println("int range", i)
	}
}
