// A goroutine owns its state; others read and write through request channels.
package main

import "fmt"

type readOp struct {
	key  int
	resp chan int
}

type writeOp struct {
	key  int
	val  int
	resp chan bool
}

func main() {
	reads := make(chan readOp)
	writes := make(chan writeOp)

	go func() {
		state := make(map[int]int)
		for {
			select {
			case read := <-reads:
				read.resp <- state[read.key]
			case write := <-writes:
				state[write.key] += write.val
				write.resp <- true
			}
		}
	}()

	for i := range 4 {
		w := writeOp{key: i % 2, val: i + 1, resp: make(chan bool)}
		writes <- w
		<-w.resp
	}

	for key := range 2 {
		r := readOp{key: key, resp: make(chan int)}
		reads <- r
		fmt.Println("key", key, "=", <-r.resp)
	}
}
