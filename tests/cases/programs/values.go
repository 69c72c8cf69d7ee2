// Values: strings, integers, floats and booleans, and the operators on them.
package main

import "fmt"

func main() {
	fmt.Println("go" + "lang")

	fmt.Println("1+1 =", 1+1)
	fmt.Println("7/3 =", 7/3)
	fmt.Println("7%3 =", 7%3)
	fmt.Println("7.0/2.0 =", 7.0/2.0)

	fmt.Println(true && false)
	fmt.Println(true || false)
	fmt.Println(!true)
}
