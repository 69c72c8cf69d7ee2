package orders

// Status is the lifecycle state of an order; zero is deliberately invalid.
type Status int

const (
	Pending Status = iota + 1
	Paid
	Shipped
	Delivered
)

// Priority skips a value with the blank identifier.
type Priority uint8

const (
	Low Priority = iota
	_
	Normal
	_
	High
)

// IsFinal reports whether the order can no longer change.
func (s Status) IsFinal() bool {
	return s == Delivered
}
