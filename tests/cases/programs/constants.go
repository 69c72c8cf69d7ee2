// Constants: untyped constants take their type from the context they are used in.
package main

import (
	"fmt"
	"math"
)

const s string = "constant"

const (
	kilobyte = 1 << 10
	megabyte = kilobyte << 10
)

func main() {
	fmt.Println(s)

	const n = 500000000
	const d = 3e20 / n
	fmt.Println(d)
	fmt.Println(int64(d))

	fmt.Println(math.Sin(n) < 1)
	fmt.Println(kilobyte, megabyte)
}
