// Closing channels: close tells the worker no more jobs come; the comma-ok receive sees it.
package main

import "fmt"

func main() {
	jobs := make(chan int, 5)
	done := make(chan bool)

	go func() {
		for {
			j, more := <-jobs
			if more {
				fmt.Println("received job", j)
			} else {
				fmt.Println("received all jobs")
				done <- true
				return
			}
		}
	}()

	for j := 1; j <= 3; j++ {
		jobs <- j
	}
	close(jobs)
	<-done
	fmt.Println("sent all jobs, worker finished")

	_, ok := <-jobs
	fmt.Println("received more jobs:", ok)
}
