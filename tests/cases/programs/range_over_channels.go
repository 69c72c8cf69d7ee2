// Range over channels: a range loop receives until the channel is closed and drained.
package main

import "fmt"

func produce(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i * i
		}
	}()
	return out
}

func main() {
	queue := make(chan string, 2)
	queue <- "one"
	queue <- "two"
	close(queue)

	for elem := range queue {
		fmt.Println(elem)
	}

	total := 0
	for sq := range produce(4) {
		total += sq
	}
	fmt.Println("sum of squares:", total)
}
