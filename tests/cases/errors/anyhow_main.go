package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

// sumFile adds up one integer per line in the file at path.
func sumFile(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()

	total := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		n, err := strconv.Atoi(sc.Text())
		if err != nil {
			return 0, fmt.Errorf("line %d: %w", line, err)
		}
		total += n
	}
	return total, sc.Err()
}

func run(args []string) error {
	if len(args) < 2 {
		return errors.New("usage: sum FILE")
	}
	total, err := sumFile(args[1])
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no such file %q", args[1])
	}
	if err != nil {
		return err
	}
	fmt.Println(total)
	return nil
}

func main() {
	if err := run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
