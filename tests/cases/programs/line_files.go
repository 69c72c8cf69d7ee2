package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

// sumFile adds up one integer per line; blank lines are skipped.
func sumFile(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()

	total := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" {
			fmt.Println("blank line", line)
			continue
		}
		n, err := strconv.Atoi(sc.Text())
		if err != nil {
			return 0, fmt.Errorf("line %d: %w", line, err)
		}
		total += n
	}
	return total, sc.Err()
}

// longest returns the longest line, ignoring read errors as Go's loop does.
func longest(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	best := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if len(sc.Text()) > len(best) {
			best = sc.Text()
		}
	}
	return best
}

// countLines counts lines, reporting a read error after the loop.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("reading %s: %w", path, err)
	}
	return n, nil
}

func main() {
	if err := os.WriteFile("numbers.txt", []byte("1\n2\n\n39\r\nlast-line-is-long"), 0o644); err != nil {
		fmt.Println("write failed")
		return
	}
	_, bad := sumFile("numbers.txt")
	fmt.Println("bad number:", bad != nil)
	if err := os.WriteFile("numbers.txt", []byte("1\n2\n\n39\r\n100"), 0o600); err != nil {
		fmt.Println("write failed")
		return
	}
	total, err := sumFile("numbers.txt")
	fmt.Println(total, err)
	fmt.Println(longest("numbers.txt"))
	n, err := countLines("numbers.txt")
	fmt.Println(n, err)
	_, missing := sumFile("missing.txt")
	fmt.Println(errors.Is(missing, fs.ErrNotExist))
	_, unread := countLines("missing.txt")
	fmt.Println(unread != nil)
}
