package payments

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrDeclined is returned when the card issuer refuses the charge.
var ErrDeclined = errors.New("card declined")

// ChargeError wraps the underlying cause with the charge ID.
type ChargeError struct {
	ChargeID string
	Err      error
}

func (e *ChargeError) Error() string {
	return fmt.Sprintf("charge %s: %v", e.ChargeID, e.Err)
}

// Unwrap exposes the cause to errors.Is and errors.As.
func (e *ChargeError) Unwrap() error { return e.Err }

// ParseAmount converts "1250" into cents.
func ParseAmount(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", s, err)
	}
	return n, nil
}

// Charge validates the amount and charges the card.
func Charge(id, amount string, balance int64) (int64, error) {
	cents, err := ParseAmount(amount)
	if err != nil {
		return 0, &ChargeError{ChargeID: id, Err: err}
	}
	if cents > balance {
		return 0, &ChargeError{ChargeID: id, Err: ErrDeclined}
	}
	return balance - cents, nil
}

// IsDeclined sees through the ChargeError wrapper.
func IsDeclined(err error) bool {
	return errors.Is(err, ErrDeclined)
}
