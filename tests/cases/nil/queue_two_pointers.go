// Package queue links one node from two pointers (head..next and tail): Push aliases the
// node, which a Box cannot, so it must stay todo!(); Pop and Last only follow one pointer.
package queue

type node struct {
	v    int
	next *node
}

// Queue is FIFO with head and tail pointers (two pointers to one node).
type Queue struct {
	head, tail *node
	n          int
}

// Push appends v.
func (q *Queue) Push(v int) {
	n := &node{v: v}
	if q.tail == nil {
		q.head = n
		q.tail = n
	} else {
		q.tail.next = n
		q.tail = n
	}
	q.n++
}

// Pop removes the front.
func (q *Queue) Pop() (int, bool) {
	if q.head == nil {
		return 0, false
	}
	v := q.head.v
	q.head = q.head.next
	if q.head == nil {
		q.tail = nil
	}
	q.n--
	return v, true
}

// Last returns the tail value.
func (q *Queue) Last() int {
	if q.tail == nil {
		return -1
	}
	return q.tail.v
}
