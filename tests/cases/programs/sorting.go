// Sorting: the slices and sort packages sort built-in types in place.
package main

import (
	"fmt"
	"slices"
	"sort"
)

func main() {
	strs := []string{"c", "a", "b"}
	slices.Sort(strs)
	fmt.Println("Strings:", strs)

	ints := []int{7, 2, 4}
	slices.Sort(ints)
	fmt.Println("Ints:   ", ints)

	fmt.Println("Sorted: ", slices.IsSorted(ints))

	floats := []float64{2.5, -1, 3.25}
	sort.Float64s(floats)
	fmt.Println("Floats: ", floats)

	idx, found := slices.BinarySearch(ints, 4)
	fmt.Println("found 4 at", idx, found)
}
