// Defer, panic and recover: deferred calls run last-in first-out, recover stops a panic.
package main

import "fmt"

func safeDivide(a, b int) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	for i := range 3 {
		defer fmt.Println("deferred", i)
	}

	if q, err := safeDivide(10, 2); err == nil {
		fmt.Println("quotient:", q)
	}
	if _, err := safeDivide(1, 0); err != nil {
		fmt.Println(err)
	}
	fmt.Println("main done")
}
