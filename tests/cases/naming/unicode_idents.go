package café

// Größe is a size in centimetres.
type Größe int

// Bestellung is an order with Unicode field names.
type Bestellung struct {
	Größe   Größe
	Kaffee  string
	straße  string
	Преис   float64
	número  int
	Ñandú   bool
	données []byte
}

// café returns a description of the order.
func café(b Bestellung) string {
	return b.Kaffee + " @ " + b.straße
}

// Beschreibe is exported and calls the unexported café.
func Beschreibe(b Bestellung) string {
	return café(b)
}

// Größer reports whether a is larger than b.
func Größer(a, b Größe) bool {
	return a > b
}
