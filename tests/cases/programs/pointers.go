// Pointers: passing a value versus passing a pointer that the callee writes through.
package main

import "fmt"

func zeroval(ival int) {
	ival = 0
	_ = ival
}

func zeroptr(iptr *int) {
	*iptr = 0
}

type counter struct {
	hits int
}

func bump(c *counter) {
	c.hits++
}

func main() {
	i := 1
	fmt.Println("initial:", i)

	zeroval(i)
	fmt.Println("zeroval:", i)

	zeroptr(&i)
	fmt.Println("zeroptr:", i)

	c := &counter{}
	bump(c)
	bump(c)
	fmt.Println("hits:", c.hits)
}
