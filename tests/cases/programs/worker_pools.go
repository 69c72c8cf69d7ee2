// Worker pools: three workers share a job queue; results are sorted before printing.
package main

import (
	"fmt"
	"sort"
)

func worker(id int, jobs <-chan int, results chan<- string) {
	for j := range jobs {
		_ = id
		results <- fmt.Sprintf("job %d -> %d", j, j*2)
	}
}

func main() {
	const numJobs = 5
	jobs := make(chan int, numJobs)
	results := make(chan string, numJobs)

	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	collected := make([]string, 0, numJobs)
	for range numJobs {
		collected = append(collected, <-results)
	}
	sort.Strings(collected)
	for _, line := range collected {
		fmt.Println(line)
	}
}
