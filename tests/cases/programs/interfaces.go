// Interfaces: two shapes satisfy one interface implicitly; a function takes the interface.
package main

import (
	"fmt"
	"math"
)

type geometry interface {
	area() float64
	perim() float64
}

type rect struct {
	width, height float64
}

type circle struct {
	radius float64
}

func (r rect) area() float64  { return r.width * r.height }
func (r rect) perim() float64 { return 2*r.width + 2*r.height }

func (c circle) area() float64  { return math.Pi * c.radius * c.radius }
func (c circle) perim() float64 { return 2 * math.Pi * c.radius }

func measure(g geometry) {
	fmt.Printf("area %.2f perim %.2f\n", g.area(), g.perim())
}

func main() {
	shapes := []geometry{rect{width: 3, height: 4}, circle{radius: 5}}
	for _, s := range shapes {
		measure(s)
	}
	if c, ok := shapes[1].(circle); ok {
		fmt.Println("circle with radius", c.radius)
	}
}
