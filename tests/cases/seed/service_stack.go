package main

import (
	"database/sql"
	"encoding/json"
	"flag"
	"log/slog"
	"net/http"
	"os"
)

// Packages table: net/http (server), database/sql, encoding/json, log/slog, flag.

// Item is served as JSON.
type Item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

type app struct {
	db  *sql.DB
	log *slog.Logger
}

func (a *app) listItems(w http.ResponseWriter, r *http.Request) {
	items := []Item{{ID: 1, Name: "widget"}}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(items); err != nil {
		a.log.Error("encode", "err", err)
	}
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()
	a := &app{log: slog.New(slog.NewJSONHandler(os.Stdout, nil))}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", a.listItems)
	a.log.Info("listening", "addr", *addr)
	if err := http.ListenAndServe(*addr, mux); err != nil {
		a.log.Error("server", "err", err)
		os.Exit(1)
	}
}
