package metrics

// Histogram stores bucketed observations.
type Histogram struct {
	buckets []float64
	counts  []uint64
	total   uint64
}

// Total returns the number of observations; the receiver is only read.
func (h *Histogram) Total() uint64 {
	return h.total
}

// Mean returns the average bucket bound weighted by count.
func (h *Histogram) Mean() float64 {
	if h.total == 0 {
		return 0
	}
	var sum float64
	for i, c := range h.counts {
		sum += h.buckets[i] * float64(c)
	}
	return sum / float64(h.total)
}

// Buckets returns a copy of the bucket bounds.
func (h *Histogram) Buckets() []float64 {
	out := make([]float64, len(h.buckets))
	copy(out, h.buckets)
	return out
}
