package logging

// Level is a log severity.
type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

// String implements fmt.Stringer.
func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	case Error:
		return "ERROR"
	default:
		return "UNKNOWN"
	}
}

// ParseLevel converts a name into a Level.
func ParseLevel(s string) (Level, bool) {
	for l := Debug; l <= Error; l++ {
		if l.String() == s {
			return l, true
		}
	}
	return Info, false
}
