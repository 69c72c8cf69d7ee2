// Invoice is a billing document.
type Invoice struct {
	Number string
	Amount int64
	Paid   bool
	Lines  []string
}
