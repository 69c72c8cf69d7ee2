// Hello world: the smallest complete program.
package main

import "fmt"

func main() {
	fmt.Println("hello world")
}
