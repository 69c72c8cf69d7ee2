package main

import (
	"fmt"
	"time"
)

// Durations print as Go formats them (d.String()), whichever way they are printed.
func main() {
	var zero time.Duration
	ds := []time.Duration{zero, 7 * time.Nanosecond, 1500 * time.Nanosecond, 100 * time.Millisecond, 1500 * time.Microsecond, 90 * time.Second, time.Hour, 2*time.Hour + 3*time.Minute + 4005*time.Millisecond, 1234567891 * time.Nanosecond}
	for _, d := range ds {
		fmt.Println(d)
		fmt.Println(d.String(), "|", d)
		fmt.Printf("%v %s\n", d, d)
	}
}
