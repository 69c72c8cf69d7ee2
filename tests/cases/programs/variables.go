// Variables: declared with var or :=, zero values, several at once.
package main

import "fmt"

func main() {
	var a = "initial"
	fmt.Println(a)

	var b, c int = 1, 2
	fmt.Println(b, c)

	var d = true
	fmt.Println(d)

	var e int
	fmt.Println(e)

	f := "apple"
	fmt.Println(f)

	g, h := 3, 4
	g, h = h, g
	fmt.Println(g, h)

	count := 0
	count += 5
	count++
	fmt.Println("count:", count)
}
