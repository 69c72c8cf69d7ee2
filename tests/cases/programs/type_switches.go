// Type switches and assertions: on an `any` value and on an interface value.
package main

import "fmt"

type shape interface {
	area() float64
}

type square struct {
	side float64
}

type circle struct {
	radius float64
}

func (s square) area() float64 { return s.side * s.side }
func (c circle) area() float64 { return 3 * c.radius * c.radius }

func kind(v any) string {
	switch x := v.(type) {
	case int:
		return fmt.Sprintf("int %d", x+1)
	case string:
		return "string " + x
	case bool, float64:
		return "bool or float"
	case []int:
		return fmt.Sprintf("ints %d", len(x))
	default:
		return "something else"
	}
}

func describe(s shape) string {
	switch v := s.(type) {
	case square:
		return fmt.Sprintf("square of side %.1f", v.side)
	case circle:
		return fmt.Sprintf("circle of radius %.1f", v.radius)
	}
	return "unknown shape"
}

func count(values []any) int {
	n := 0
	for _, v := range values {
		switch v.(type) {
		case string:
			n++
		}
	}
	return n
}

func wrap(i int) any {
	fmt.Println("wrap", i)
	if i%2 == 1 {
		return "odd"
	}
	return i
}

func main() {
	fmt.Println(kind(41))
	fmt.Println(kind("go"))
	fmt.Println(kind(true))
	fmt.Println(kind(2.5))
	fmt.Println(kind([]int{1}))
	fmt.Println(kind([]string{}))
	shapes := []shape{square{side: 2}, circle{radius: 1}}
	for _, s := range shapes {
		fmt.Println(describe(s), s.area())
	}
	if sq, ok := shapes[0].(square); ok {
		fmt.Println("first is a square:", sq.side)
	}
	if _, ok := shapes[1].(square); !ok {
		fmt.Println("second is not a square")
	}
	fmt.Println(count([]any{"a", 1, "b"}))
	x := 100
	for i := 0; i < 3; i++ {
		switch x := wrap(i).(type) {
		case string:
			fmt.Println("text", x)
		case int:
			fmt.Println("number", x)
		}
	}
	fmt.Println(x)
}
