package queue

// Queue is a FIFO of job IDs.
type Queue struct {
	items   []string
	dropped int
}

// push appends one item; it mutates the receiver directly.
func (q *Queue) push(id string) {
	q.items = append(q.items, id)
}

// PushAll does not assign to q itself but calls the mutating push.
func (q *Queue) PushAll(ids []string) {
	for _, id := range ids {
		q.push(id)
	}
}

// PushIfRoom calls push only when below the limit, otherwise counts a drop.
func (q *Queue) PushIfRoom(id string, limit int) bool {
	if q.Len() >= limit {
		q.markDropped()
		return false
	}
	q.push(id)
	return true
}

func (q *Queue) markDropped() {
	q.dropped++
}

// Len is read-only.
func (q *Queue) Len() int {
	return len(q.items)
}
