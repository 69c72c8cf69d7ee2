// Select: wait on two channels; each round only one of them is ready, so the order is fixed.
package main

import "fmt"

func main() {
	c1 := make(chan string)
	c2 := make(chan string)
	next := make(chan int)

	go func() {
		for round := range next {
			if round%2 == 0 {
				c1 <- fmt.Sprint("one #", round)
			} else {
				c2 <- fmt.Sprint("two #", round)
			}
		}
	}()

	for i := range 4 {
		next <- i
		select {
		case msg1 := <-c1:
			fmt.Println("received", msg1)
		case msg2 := <-c2:
			fmt.Println("received", msg2)
		}
	}
	close(next)
}
