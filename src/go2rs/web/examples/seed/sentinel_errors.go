package seed

import "errors"

// Rows: `var ErrNotFound = errors.New("not found")`, `errors.Is/As`.

var (
	// ErrNotFound means the key is absent.
	ErrNotFound = errors.New("not found")
	// ErrExpired means the key has expired.
	ErrExpired = errors.New("expired")
)

// QuotaError carries the exceeded limit.
type QuotaError struct {
	Limit int
}

func (e *QuotaError) Error() string { return "quota exceeded" }

// Fetch returns a value or a sentinel error.
func Fetch(m map[string]string, key string) (string, error) {
	v, ok := m[key]
	if !ok {
		return "", ErrNotFound
	}
	if v == "" {
		return "", ErrExpired
	}
	return v, nil
}

// ShouldRefresh inspects errors with errors.Is and errors.As.
func ShouldRefresh(err error) bool {
	var qe *QuotaError
	if errors.As(err, &qe) {
		return qe.Limit > 0
	}
	return errors.Is(err, ErrNotFound) || errors.Is(err, ErrExpired)
}
