package broken

// Config is cut off mid-definition.
type Config struct {
	Host string
	Port int
