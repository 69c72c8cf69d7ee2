package wal

// Record kinds in the write-ahead log; untyped iota, no named type.
const (
	recordFull = iota
	recordFirst
	recordMiddle
	recordLast
)

// Block sizes computed from iota.
const (
	_         = iota
	blockSize = 1 << (10 * iota)
	segmentSize
)

// IsFragment reports whether kind is part of a split record.
func IsFragment(kind int) bool {
	return kind != recordFull && kind <= recordLast
}

// Segments returns how many segments n bytes need.
func Segments(n int) int {
	return (n + segmentSize - 1) / segmentSize
}
