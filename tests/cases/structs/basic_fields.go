package model

// Account holds one customer account as stored in the database.
type Account struct {
	// ID is the primary key.
	ID       int64
	Name     string
	Balance  float64
	Active   bool
	Age      int
	Flags    uint32
	Initial  rune
	Checksum byte
	Ratio    float32
	Tags     []string
	Limits   map[string]int
	// notes are internal and never exported.
	notes   string
	version uint64
}

// Point is a simple 2D coordinate.
type Point struct {
	X, Y int
}
