// Timeouts: select with time.After gives up on a result that never arrives.
package main

import (
	"fmt"
	"time"
)

func main() {
	never := make(chan string)
	select {
	case res := <-never:
		fmt.Println(res)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout 1")
	}

	ready := make(chan string, 1)
	ready <- "result 2"
	select {
	case res := <-ready:
		fmt.Println(res)
	case <-time.After(5 * time.Second):
		fmt.Println("timeout 2")
	}

	nonBlocking := make(chan int)
	select {
	case v := <-nonBlocking:
		fmt.Println("received", v)
	default:
		fmt.Println("no value ready")
	}
}
