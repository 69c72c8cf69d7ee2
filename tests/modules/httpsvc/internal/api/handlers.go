// Package api exposes the store over HTTP.
package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"example.com/httpsvc/internal/store"
)

// Server holds the handler dependencies.
type Server struct {
	Users *store.Memory
}

// UserResponse is the JSON body returned for one user.
type UserResponse struct {
	User  store.User `json:"user"`
	Count int        `json:"count"`
}

// GetUser handles GET /users/{id}.
func (s *Server) GetUser(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	u, err := s.Users.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, UserResponse{User: u, Count: s.Users.Len()})
}

// CreateUser handles POST /users.
func (s *Server) CreateUser(w http.ResponseWriter, r *http.Request) {
	var u store.User
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	if err := s.Users.Put(r.Context(), u); err != nil {
		http.Error(w, err.Error(), http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
