// String functions: the everyday helpers of the strings package.
package main

import (
	"fmt"
	"strings"
)

var p = fmt.Println

func main() {
	p("Contains:  ", strings.Contains("test", "es"))
	p("Count:     ", strings.Count("test", "t"))
	p("HasPrefix: ", strings.HasPrefix("test", "te"))
	p("HasSuffix: ", strings.HasSuffix("test", "st"))
	p("Index:     ", strings.Index("test", "e"))
	p("Join:      ", strings.Join([]string{"a", "b"}, "-"))
	p("Repeat:    ", strings.Repeat("a", 5))
	p("Replace:   ", strings.Replace("foo", "o", "0", -1))
	p("Replace:   ", strings.Replace("foo", "o", "0", 1))
	p("Split:     ", strings.Split("a-b-c-d-e", "-"))
	p("ToLower:   ", strings.ToLower("TEST"))
	p("ToUpper:   ", strings.ToUpper("test"))
	p("TrimSpace: ", strings.TrimSpace("  padded  "))
	p("Fields:    ", strings.Fields(" a  b c "))

	var b strings.Builder
	for i := range 3 {
		fmt.Fprintf(&b, "%d;", i)
	}
	b.WriteString("end")
	p("Builder:   ", b.String())
}
