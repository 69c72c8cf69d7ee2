package money

import "fmt"

// Amount is a currency amount in minor units.
type Amount struct {
	Cents    int64
	Currency string
}

// String formats the amount, e.g. "12.50 EUR".
func (a Amount) String() string {
	return fmt.Sprintf("%d.%02d %s", a.Cents/100, a.Cents%100, a.Currency)
}

// Percent is a ratio in percent.
type Percent float64

// String formats the percentage.
func (p Percent) String() string {
	return fmt.Sprintf("%.1f%%", float64(p))
}

// Receipt prints a line item.
func Receipt(item string, a Amount) string {
	return fmt.Sprintf("%-20s %s", item, a)
}
