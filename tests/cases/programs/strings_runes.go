// Strings and runes: byte length versus rune count, and iterating over runes.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	const s = "héllo, 世界"

	fmt.Println("len:", len(s))
	fmt.Println("rune count:", utf8.RuneCountInString(s))

	for idx, r := range s {
		fmt.Printf("%q starts at %d\n", r, idx)
	}

	upper := 0
	for _, r := range "GoLang" {
		if r >= 'A' && r <= 'Z' {
			upper++
		}
	}
	fmt.Println("upper:", upper)
	fmt.Println("first byte:", s[0])
}
