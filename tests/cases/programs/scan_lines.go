package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

const poem = "roses are red\nviolets are blue\r\n\nlast line"

// countStdin counts the lines on standard input (none when it is empty).
func countStdin() int {
	n := 0
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		n++
	}
	return n
}

func main() {
	text := poem
	sc := bufio.NewScanner(strings.NewReader(text))
	for i := 1; sc.Scan(); i++ {
		line := sc.Text()
		if line == "" {
			fmt.Println(i, "(blank)")
			continue
		}
		fmt.Println(i, strings.ToUpper(line), len(strings.Fields(line)))
	}
	if err := sc.Err(); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println("stdin lines:", countStdin())
}
