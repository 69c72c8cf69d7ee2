// More of math, time.Duration, time.Time and strconv with Go's results.
package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

func main() {
	x := 8.0
	fmt.Println(math.Log2(x), math.Log10(1000), math.Cbrt(27), math.Atan2(1, 1) > 0.78)
	fmt.Println(math.IsNaN(math.NaN()), math.Signbit(-x), math.Signbit(x))
	fmt.Println(math.MaxInt32, math.MinInt32, math.MaxUint8, math.MaxUint16, math.MaxUint32)
	fmt.Println(math.MaxFloat64 > 1e308, math.SmallestNonzeroFloat64 > 0)
	var d time.Duration = 90*time.Minute + 30*time.Second + 250*time.Millisecond
	fmt.Println(d.Minutes(), d.Hours(), d.Microseconds(), d.Nanoseconds())
	epoch := time.Unix(0, 0)
	later := epoch.Add(1500 * time.Millisecond)
	fmt.Println(later.Unix(), later.UnixMilli())
	fmt.Println(strconv.FormatFloat(1.23456, 'f', 2, 64), strconv.FormatFloat(2.5, 'f', -1, 64), strconv.FormatFloat(0.000001, 'f', -1, 64))
	var b strings.Builder
	b.Grow(16)
	b.WriteString("abc")
	b.Reset()
	b.WriteString("x")
	fmt.Println(b.String(), b.Len())
}
