package web

import (
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
)

// API serves HTTP using foreign package types.
type API struct {
	DB     *sql.DB
	Logger *slog.Logger
	Client *http.Client
	Raw    json.RawMessage
	Body   io.Reader
	mux    *http.ServeMux
}

// GetUser handles GET /users/{id}.
func (a *API) GetUser(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	row := a.DB.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", id)
	var name string
	if err := row.Scan(&name); err != nil {
		a.Logger.Error("query failed", "err", err)
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"id": id, "name": name})
}

// Decode reads a JSON body from an io.Reader.
func Decode(body io.Reader) (json.RawMessage, error) {
	var raw json.RawMessage
	err := json.NewDecoder(body).Decode(&raw)
	return raw, err
}

// Routes registers handlers.
func (a *API) Routes() http.Handler {
	a.mux = http.NewServeMux()
	a.mux.HandleFunc("GET /users/{id}", a.GetUser)
	return a.mux
}
