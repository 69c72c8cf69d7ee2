package events

import "fmt"

// Handler processes one event.
type Handler interface {
	Handle(ev Event) error
}

// Event is a named payload.
type Event struct {
	Name    string
	Payload map[string]string
}

// Bus dispatches events to handlers held as interface values.
type Bus struct {
	handlers []Handler
	fallback Handler
	byName   map[string]Handler
}

// Subscribe registers h for the event name.
func (b *Bus) Subscribe(name string, h Handler) {
	b.handlers = append(b.handlers, h)
	b.byName[name] = h
}

// Publish sends ev to the matching handler or the fallback.
func (b *Bus) Publish(ev Event) error {
	h, ok := b.byName[ev.Name]
	if !ok {
		h = b.fallback
	}
	if h == nil {
		return fmt.Errorf("no handler for %q", ev.Name)
	}
	return h.Handle(ev)
}

// LogHandler prints events.
type LogHandler struct{ Prefix string }

// Handle implements Handler.
func (l LogHandler) Handle(ev Event) error {
	fmt.Println(l.Prefix, ev.Name)
	return nil
}
