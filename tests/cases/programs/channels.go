// Channels: an unbuffered channel connects a sending goroutine to the receiving main.
package main

import "fmt"

func main() {
	messages := make(chan string)

	go func() { messages <- "ping" }()

	msg := <-messages
	fmt.Println(msg)

	sums := make(chan int)
	go func() {
		total := 0
		for i := 1; i <= 10; i++ {
			total += i
		}
		sums <- total
	}()
	fmt.Println("sum:", <-sums)
}
