package inventory

import "fmt"

// Counter counts named things.
type Counter interface {
	Add(name string, n int)
	Total() int
}

// Tally is a Counter.
type Tally struct {
	counts map[string]int
}

// Add records n more of name.
func (t *Tally) Add(name string, n int) {
	t.counts[name] += n
}

// Total sums every count.
func (t Tally) Total() int {
	sum := 0
	for _, n := range t.counts {
		sum += n
	}
	return sum
}

// Warehouse embeds a Tally, so it is a Counter too.
type Warehouse struct {
	Tally
	Site string
}

// Describe names the site and its total.
func (w Warehouse) Describe() string {
	return fmt.Sprintf("%s: %d", w.Site, w.Total())
}

// Stock adds n of name to any Counter.
func Stock(c Counter, name string, n int) int {
	c.Add(name, n)
	return c.Total()
}
