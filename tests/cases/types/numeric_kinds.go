package wire

// Header is a binary protocol header using every numeric kind.
type Header struct {
	Length   int
	Seq      uint
	Flags    int8
	Window   int16
	Offset   int32
	Time     int64
	Version  uint8
	Port     uint16
	Checksum uint32
	TraceID  uint64
	Marker   byte
	Initial  rune
	Addr     uintptr
	Load     float32
	Latency  float64
	Magic    [4]byte
	Reserved [2]uint32
}

// Encode packs the header into a fixed-size prefix.
func (h Header) Encode() [8]byte {
	var b [8]byte
	copy(b[:4], h.Magic[:])
	b[4] = h.Version
	b[5] = byte(h.Flags)
	b[6] = byte(h.Port >> 8)
	b[7] = byte(h.Port)
	return b
}

// Average returns the mean of samples as float32.
func Average(samples []int16) float32 {
	var sum int64
	for _, s := range samples {
		sum += int64(s)
	}
	return float32(sum) / float32(len(samples))
}
