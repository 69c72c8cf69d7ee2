package broken

// Greeting returns a greeting.
func Greeting(name string) string {
	return "hello, + name
}

// Farewell is after the broken string.
func Farewell(name string) string {
	return "bye, " + name
}
