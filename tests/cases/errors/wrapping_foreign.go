package config

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

// Settings is loaded from a JSON file.
type Settings struct {
	Name    string `json:"name"`
	Workers int    `json:"workers"`
}

// Load reads and decodes the settings file at path.
func Load(path string) (*Settings, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading config %s: %w", path, err)
	}
	var s Settings
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("decoding config: %w", err)
	}
	return &s, nil
}

// WorkersFromEnv parses the WORKERS environment variable.
func WorkersFromEnv() (int, error) {
	n, err := strconv.Atoi(os.Getenv("WORKERS"))
	if err != nil {
		return 0, fmt.Errorf("parsing WORKERS: %w", err)
	}
	return n, nil
}

// Save writes the settings back to disk.
func Save(path string, s *Settings) error {
	raw, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding config: %w", err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		return fmt.Errorf("writing config: %w", err)
	}
	return nil
}
