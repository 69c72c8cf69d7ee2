// Multiple return values: a function returns two values; callers take both or ignore one.
package main

import "fmt"

func vals() (int, int) {
	return 3, 7
}

func divmod(a, b int) (quo, rem int) {
	quo = a / b
	rem = a % b
	return
}

func main() {
	a, b := vals()
	fmt.Println(a)
	fmt.Println(b)

	_, c := vals()
	fmt.Println(c)

	q, r := divmod(17, 5)
	fmt.Println(q, r)
}
