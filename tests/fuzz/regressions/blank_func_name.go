// INvoice is a billing document.
type Invoice struct {
	Number string
	Amount int64
	Paid   bool
	Lines  []string
}pac
kage voice is a billing document.
type Invoice struct {
	Number string
	Amount int64
	Paid   bool
	Lines  []string
}pac
kage orders

// Status is the lifecycle state of an order; zero is delibera billing document.
type Invoice struct {
	Number string
	Amount int64
	Paidype Status ina
	_
	Normal
	_
	HŒigh
)

// IsFinal reports whether the order can no longer change.
func (s Status) IsFinal() bool {
	return s == Delivered
}
