package netcfg

import "time"

// Typed connection defaults.
const (
	DefaultPort    uint16        = 8080
	DefaultHost    string        = "localhost"
	DefaultTimeout time.Duration = 5 * time.Second
	MaxRetries     int32         = 3
	BackoffFactor  float64       = 1.5
	UseTLS         bool          = true
	Separator      rune          = ':'
	Terminator     byte          = '\n'
)

// ReadTimeout references another typed constant.
const ReadTimeout = DefaultTimeout * 2

// Addr joins the default host and port.
func Addr() string {
	return DefaultHost + string(Separator) + "8080"
}
