// Command server runs the user service.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"example.com/httpsvc/internal/api"
	"example.com/httpsvc/internal/store"
)

func run(ctx context.Context, addr string) error {
	srv := &api.Server{Users: store.NewMemory()}
	logger := log.New(os.Stderr, "users ", log.LstdFlags)
	handler := api.Logged(api.WithTimeout(srv.Routes(), 5*time.Second), logger)
	httpServer := &http.Server{Addr: addr, Handler: handler}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = httpServer.Shutdown(shutdown)
	}()
	if err := httpServer.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, ":8080"); err != nil {
		log.Fatal(err)
	}
}
