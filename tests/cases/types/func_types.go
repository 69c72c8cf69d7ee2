package router

import "strings"

// Handler handles one request path.
type Handler func(w string) error

// Middleware wraps a Handler.
type Middleware func(Handler) Handler

// Route binds a pattern to a handler with hooks.
type Route struct {
	Pattern string
	Handle  Handler
	// OnDone is called after every request.
	OnDone func()
	// Match decides whether a path belongs to the route.
	Match func(path string) bool
	// Chain is applied in order.
	Chain []Middleware
}

// Serve runs the handler through the middleware chain.
func (r Route) Serve(path string) error {
	h := r.Handle
	for i := len(r.Chain) - 1; i >= 0; i-- {
		h = r.Chain[i](h)
	}
	err := h(path)
	if r.OnDone != nil {
		r.OnDone()
	}
	return err
}

// Prefix returns a Match function for a path prefix.
func Prefix(p string) func(string) bool {
	return func(path string) bool { return strings.HasPrefix(path, p) }
}
