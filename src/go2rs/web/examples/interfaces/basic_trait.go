package notify

import "fmt"

// Notifier sends a message to a recipient.
type Notifier interface {
	// Notify delivers msg to the recipient.
	Notify(to, msg string) error
	Name() string
}

// EmailNotifier sends email; it satisfies Notifier implicitly.
type EmailNotifier struct {
	From string
	sent int
}

// Notify implements Notifier.
func (e *EmailNotifier) Notify(to, msg string) error {
	if to == "" {
		return fmt.Errorf("empty recipient")
	}
	e.sent++
	return nil
}

// Name implements Notifier.
func (e *EmailNotifier) Name() string { return "email" }

// Broadcast sends msg through n to every recipient.
func Broadcast(n Notifier, to []string, msg string) error {
	for _, r := range to {
		if err := n.Notify(r, msg); err != nil {
			return fmt.Errorf("%s: %w", n.Name(), err)
		}
	}
	return nil
}
