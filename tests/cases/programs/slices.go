// Slices: make, append, copy, slicing, and slices of slices.
package main

import (
	"fmt"
	"slices"
)

func main() {
	s := make([]string, 3)
	fmt.Println("emp:", s, "len:", len(s))

	s[0] = "a"
	s[1] = "b"
	s[2] = "c"
	fmt.Println("set:", s)

	s = append(s, "d")
	s = append(s, "e", "f")
	fmt.Println("apd:", s)

	c := make([]string, len(s))
	copy(c, s)
	fmt.Println("cpy:", c)

	fmt.Println("sl1:", s[2:5])
	fmt.Println("sl2:", s[:5])
	fmt.Println("sl3:", s[2:])

	t := []string{"g", "h", "i"}
	t2 := []string{"g", "h", "i"}
	fmt.Println("equal:", slices.Equal(t, t2))

	twoD := make([][]int, 3)
	for i := 0; i < 3; i++ {
		twoD[i] = make([]int, i+1)
		for j := 0; j < i+1; j++ {
			twoD[i][j] = i + j
		}
	}
	fmt.Println("2d:", twoD)
}
