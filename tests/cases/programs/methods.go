// Methods: value receivers that read, pointer receivers that mutate.
package main

import "fmt"

type rect struct {
	width, height int
}

func (r *rect) area() int {
	return r.width * r.height
}

func (r rect) perim() int {
	return 2*r.width + 2*r.height
}

func (r *rect) scale(k int) {
	r.width *= k
	r.height *= k
}

func main() {
	r := rect{width: 10, height: 5}
	fmt.Println("area:", r.area())
	fmt.Println("perim:", r.perim())

	r.scale(2)
	fmt.Println("scaled area:", r.area())
	fmt.Println("scaled perim:", r.perim())
}
