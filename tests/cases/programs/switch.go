// Switch: with a tag, several values per case, no tag (an if-chain), and fallthrough.
package main

import "fmt"

func describe(i int) string {
	switch i {
	case 1:
		return "one"
	case 2, 3:
		return "two or three"
	default:
		return "many"
	}
}

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	default:
		return "positive"
	}
}

func main() {
	for _, i := range []int{1, 2, 3, 4} {
		fmt.Println(i, describe(i))
	}
	for _, n := range []int{-5, 0, 5} {
		fmt.Println(n, classify(n))
	}

	switch level := 2; level {
	case 2:
		fmt.Println("level two")
		fallthrough
	case 1:
		fmt.Println("at least level one")
	}
}
