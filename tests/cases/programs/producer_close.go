// A producer goroutine closes the channel it was handed; the consumer ranges until then.
package main

import "fmt"

func produce(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i * i
	}
	close(out)
}

func sum(in <-chan int, done chan<- int) {
	total := 0
	for v := range in {
		total += v
	}
	done <- total
}

func main() {
	squares := make(chan int)
	go produce(4, squares)
	for v := range squares {
		fmt.Println("square", v)
	}

	nums := make(chan int, 3)
	done := make(chan int)
	go sum(nums, done)
	nums <- 1
	nums <- 2
	nums <- 3
	close(nums)
	fmt.Println("sum", <-done)
}
