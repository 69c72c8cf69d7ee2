// Structs: typed collections of fields, a constructor, and field access through a pointer.
package main

import "fmt"

type person struct {
	name string
	age  int
}

func newPerson(name string) *person {
	p := person{name: name}
	p.age = 42
	return &p
}

func main() {
	fmt.Println(person{"Bob", 20})
	fmt.Println(person{name: "Alice", age: 30})
	fmt.Println(person{name: "Fred"})
	fmt.Println(newPerson("Jon").age)

	s := person{name: "Sean", age: 50}
	fmt.Println(s.name)

	sp := &s
	sp.age = 51
	fmt.Println(s.age)

	dog := struct {
		name   string
		isGood bool
	}{"Rex", true}
	fmt.Println(dog.name, dog.isGood)
}
