// More of package strings (case folding, cutsets, Cut, SplitN) and directories from os.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("été", "ÉTÉ"), strings.EqualFold("ß", "ss"))
	fmt.Println(strings.EqualFold("K", "\u212a"), strings.EqualFold("ab", "abc"))
	s := "xx-hello-xx"
	fmt.Println(strings.Trim(s, "x-"), strings.TrimLeft(s, "x"), strings.TrimRight(s, "-x"))
	fmt.Println(strings.ContainsAny(s, "qz"), strings.ContainsAny(s, "oz"), strings.ContainsAny(s, ""))
	fmt.Println(strings.IndexByte(s, 'h'), strings.IndexRune("naïve", 'v'), strings.IndexByte(s, 'q'))
	pair := "key=value=more"
	before, after, found := strings.Cut(pair, "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut(pair, ":")
	fmt.Println(before, after == "", found)
	fmt.Println(len(strings.SplitN("a,b,c,d", ",", 2)), strings.SplitN("a,b,c,d", ",", 2)[1])
	fmt.Println(len(strings.SplitN("a,b,c", ",", -1)), len(strings.SplitN("a,b,c", ",", 0)), len(strings.SplitN("a,b,c", ",", -0)))
	if err := os.MkdirAll("out/nested", 0o755); err != nil {
		fmt.Println("mkdir failed")
		return
	}
	if err := os.MkdirAll("out/nested", 0o755); err != nil {
		fmt.Println("mkdir again failed")
	}
	if err := os.Mkdir("out", 0o755); err != nil {
		fmt.Println("mkdir of an existing dir fails")
	}
	f, err := os.Create("out/nested/file.txt")
	if err != nil {
		fmt.Println("create failed")
		return
	}
	defer f.Close()
	fmt.Println("created")
}
