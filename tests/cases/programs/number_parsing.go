// Text parsing with strconv: numbers and booleans out of strings, and the errors it reports.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func sumFields(line string) (int, error) {
	total := 0
	for _, field := range strings.Fields(line) {
		n, err := strconv.Atoi(field)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func main() {
	f, _ := strconv.ParseFloat("1.234", 64)
	fmt.Println(f)

	i, _ := strconv.ParseInt("123", 0, 64)
	fmt.Println(i)

	d, _ := strconv.ParseInt("0x1c8", 0, 64)
	fmt.Println(d)

	k, _ := strconv.Atoi("135")
	fmt.Println(k)

	b, _ := strconv.ParseBool("true")
	fmt.Println(b)

	_, e := strconv.Atoi("wat")
	fmt.Println(e)

	fmt.Println(strconv.Itoa(99) + "!")
	fmt.Println(strconv.Quote("hi"))

	for _, line := range []string{"1 2 3", "4 x 6"} {
		if total, err := sumFields(line); err != nil {
			fmt.Println("bad line:", err)
		} else {
			fmt.Println("total:", total)
		}
	}
}
