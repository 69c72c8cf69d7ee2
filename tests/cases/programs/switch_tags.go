// Switch tags: a computed tag is evaluated once, however many cases compare it.
package main

import (
	"fmt"
	"strings"
)

func norm(s string) string {
	fmt.Println("norm", s)
	return strings.ToLower(s)
}

func main() {
	yes, no := "yes", "no"
	for _, w := range []string{"YES", "No", "maybe"} {
		switch norm(w) {
		case yes:
			fmt.Println("agree")
		case no:
			fmt.Println("disagree")
		default:
			fmt.Println("unsure")
		}
	}
}
