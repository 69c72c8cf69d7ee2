package metrics

// Collector accumulates counters, samples and labels.
type Collector struct {
	count   int
	samples []float64
	labels  map[string]string
}

// NewCollector returns an empty collector.
func NewCollector() *Collector {
	return &Collector{labels: make(map[string]string)}
}

// Inc increments the event counter.
func (c *Collector) Inc() {
	c.count++
}

// Observe appends a sample.
func (c *Collector) Observe(v float64) {
	c.samples = append(c.samples, v)
}

// SetLabel sets a label value.
func (c *Collector) SetLabel(k, v string) {
	c.labels[k] = v
}

// Reset clears all state.
func (c *Collector) Reset() {
	c.count = 0
	c.samples = nil
	c.labels = make(map[string]string)
}
