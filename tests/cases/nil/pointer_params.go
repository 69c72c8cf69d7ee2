package server

import "time"

// Options configures a server.
type Options struct {
	Addr    string
	Timeout time.Duration
	Retries int
}

// Stats counts handled requests.
type Stats struct {
	Requests int
	Errors   int
}

// Addr uses defaults when cfg is nil: the parameter is nil-checked.
func Addr(cfg *Options) string {
	if cfg == nil {
		return ":8080"
	}
	return cfg.Addr
}

// Record mutates the pointed-to stats.
func Record(s *Stats, failed bool) {
	s.Requests++
	if failed {
		s.Errors++
	}
}

// ApplyDefaults writes into the options.
func ApplyDefaults(o *Options) {
	o.Retries = 3
	o.Timeout = 5 * time.Second
}

// Describe only reads the options.
func Describe(o *Options) string {
	return o.Addr + " (" + o.Timeout.String() + ")"
}
