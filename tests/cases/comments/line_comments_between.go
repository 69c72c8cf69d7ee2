package ledger

// Entry is one ledger line.
type Entry struct {
	Debit  int64
	Credit int64
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

// TODO(ops): move to a shared package.

// Balance sums an entry.
func Balance(e Entry) int64 {
	// credits are subtracted
	return e.Debit - e.Credit // may be negative
}

// NOTE: this comment is separated from the next func by a blank line.

func total(es []Entry) int64 {
	var t int64
	for _, e := range es {
		t += Balance(e) // accumulate
	}
	return t
}

// Total is exported.
func Total(es []Entry) int64 { return total(es) }
