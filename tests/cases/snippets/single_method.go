// Full reports whether the buffer has no room left.
func (b *RingBuffer) Full() bool {
	return b.size == len(b.data)
}
