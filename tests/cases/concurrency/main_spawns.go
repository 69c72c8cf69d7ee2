package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"
)

// tick prints a line every second until ctx ends.
func tick(ctx context.Context, name string, done chan<- string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			done <- name
			return
		case now := <-t.C:
			fmt.Println(name, now.Format(time.RFC3339))
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	done := make(chan string, 2)
	go tick(ctx, "alpha", done)
	go tick(ctx, "beta", done)

	<-ctx.Done()
	for i := 0; i < 2; i++ {
		fmt.Println("stopped", <-done)
	}
}
