// Printing edge cases: struct values, %+v, %T, %c, %x of text, float constants in exponent
// form, fallthrough chains, non-blocking receives, binary search over duplicates, orderings.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

type inner struct {
	a int
	b string
}

type outer struct {
	Name string
	In   inner
	Tags []string
	Ok   bool
}

type celsius struct {
	deg int
}

func (c *celsius) String() string { return fmt.Sprintf("%d°C", c.deg) }

type level int

func (l level) String() string { return fmt.Sprintf("L%d", int(l)) }

type reading struct {
	Where string
	Temp  celsius
	Lvl   level
	level level
	Mark  rune
}

const big = 1 << 40
const tiny = 1.0 / 3e6

func newInner(a int) *inner {
	return &inner{a, "n"}
}

func grade(n int) string {
	out := ""
	switch {
	case n > 90:
		out += "A+"
		fallthrough
	case n > 80:
		out += "B+"
		fallthrough
	case n > 70:
		out += "C+"
	default:
		out += "F-"
	}
	return out
}

func main() {
	o := outer{Name: "x", In: inner{1, "y"}, Tags: []string{"p", "q"}, Ok: true}
	fmt.Println(o)
	fmt.Printf("%v|%+v\n", o, o.In)
	fmt.Printf("%T %T %T %T\n", o, 1, "s", []float64{1})
	ages := map[string]int{"zed": 3, "amy": 40, "bob": 7}
	fmt.Println(ages, map[int]bool{2: true, -1: false})
	fmt.Printf("%v|%d\n", ages, len(ages))
	c := celsius{21}
	fmt.Println(c, &c, level(3))
	fmt.Println(reading{"attic", celsius{5}, 1, 2, 'x'})
	pair := struct {
		k string
		v int
	}{"a", 1}
	fmt.Println(pair, pair.k)
	fmt.Printf("%+v\n", pair)
	p := &inner{2, "z"}
	fmt.Println(p, *p, newInner(3))
	fmt.Printf("%v %+v\n", p, newInner(4))
	fmt.Print(p, *p, 1, 2, "x", 3, 1e6, "\n")
	fmt.Printf("%c%c|%5c|%-3c|\n", 71, 'o', 'x', 'y')
	fmt.Printf("%x %X %8s|%-8s|\n", "Go!", "hi", "right", "left")
	var mask uint8 = 200
	fmt.Printf("%x %b %o %x %U %U\n", -255, mask, 8, 0xff, 'A', 0x1F600)
	fmt.Println(big*1e6, tiny, 2.5e-7, 1e6, 123456.0)

	for _, n := range []int{95, 85, 75, 10} {
		fmt.Println(n, grade(n))
	}

	xs := []int{1, 3, 3, 3, 7}
	for _, v := range []int{0, 3, 4, 9} {
		i, found := slices.BinarySearch(xs, v)
		fmt.Println(v, i, found)
	}

	words := []string{"pear", "fig", "banana", "kiwi"}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Compare(len(a), len(b))
	})
	fmt.Println(words, cmp.Compare("a", "b"), cmp.Compare(2, 2))

	fmt.Println(strings.Split("héj", ""), len(strings.Split("ab", "")))
	for _, r := range "éßaİ" {
		fmt.Print(string(unicode.ToUpper(r)), string(unicode.ToLower(unicode.ToUpper(r))), " ")
	}
	fmt.Println()

	var sb strings.Builder
	fmt.Fprintf(&sb, "%d-%s", 7, "z")
	fmt.Println(sb.String())

	for _, text := range []string{"T", "0", "False", "yes"} {
		if v, err := strconv.ParseBool(text); err == nil {
			fmt.Println(text, v)
		} else {
			fmt.Println(text, "is not a bool")
		}
	}

	ch := make(chan int, 1)
	for range 2 {
		select {
		case v := <-ch:
			fmt.Println("got", v)
		default:
			fmt.Println("empty")
			ch <- 5
		}
	}
}
