package list

// Node is one element of a singly linked list.
type Node struct {
	Value int
	Next  *Node
}

// List is a singly linked list with a length counter.
type List struct {
	head *Node
	len  int
}

// PushFront inserts v at the head.
func (l *List) PushFront(v int) {
	l.head = &Node{Value: v, Next: l.head}
	l.len++
}

// PopFront removes and returns the head value.
func (l *List) PopFront() (int, bool) {
	if l.head == nil {
		return 0, false
	}
	v := l.head.Value
	l.head = l.head.Next
	l.len--
	return v, true
}

// Find returns the first node with value v, or nil.
func (l *List) Find(v int) *Node {
	for n := l.head; n != nil; n = n.Next {
		if n.Value == v {
			return n
		}
	}
	return nil
}
