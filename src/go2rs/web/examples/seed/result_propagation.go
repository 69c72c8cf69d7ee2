package seed

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Rows: `func F(..) (T, error)`, `if err != nil { return .., err }`, `fmt.Errorf("...: %w", err)`.

// readPort reads a port number from a file.
func readPort(path string) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	port, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil {
		return 0, fmt.Errorf("parsing port: %w", err)
	}
	return port, nil
}

// LoadConfig wraps every failure with context.
func LoadConfig(dir string) (int, error) {
	port, err := readPort(dir + "/port")
	if err != nil {
		return 0, fmt.Errorf("reading config: %w", err)
	}
	return port, nil
}
