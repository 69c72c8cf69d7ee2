// Channel buffering: a buffered channel accepts values without a receiver ready.
package main

import "fmt"

func main() {
	messages := make(chan string, 2)

	messages <- "buffered"
	messages <- "channel"

	fmt.Println(<-messages)
	fmt.Println(<-messages)

	queue := make(chan int, 3)
	for i := range 3 {
		queue <- i * 10
	}
	fmt.Println("queued:", len(queue), "capacity:", cap(queue))
	for range 3 {
		fmt.Println(<-queue)
	}
}
