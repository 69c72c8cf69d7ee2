package main

import (
	"fmt"
	"io"
	"os"
)

// point prints as Go prints a struct.
type point struct{ X, Y int }

// render writes to any io.Writer; Go ignores the byte counts and errors here.
func render(w io.Writer, name string, n int) {
	fmt.Fprintf(w, "%s has %d items\n", name, n)
	fmt.Fprintln(w, "done", n, true)
	fmt.Fprint(w, "a", 1, 2, "b", "\n")
}

func main() {
	render(os.Stdout, "cart", 3)
	fmt.Fprintln(os.Stdout, "to stdout", point{1, 2})
	fmt.Fprint(os.Stdout, 1, 2, "x", 3, "\n")
	fmt.Fprintf(os.Stdout, "%5.2f|%-4d|\n", 1.5, 7)
	fmt.Fprint(os.Stderr, "to stderr\n")
}
