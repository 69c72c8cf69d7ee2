// Linked structures: a singly linked list and a binary search tree built from nil-able
// pointers, walked with `for n := head; n != nil; n = n.Next` and nil receivers.
package main

import "fmt"

type node struct {
	value int
	next  *node
}

type list struct {
	head *node
	size int
}

func (l *list) push(v int) {
	l.head = &node{value: v, next: l.head}
	l.size++
}

func (l *list) pushNode(v int) {
	n := &node{value: v}
	n.next = l.head
	l.head = n
	l.size++
}

func (l *list) pop() (int, bool) {
	if l.head == nil {
		return 0, false
	}
	v := l.head.value
	l.head = l.head.next
	l.size--
	return v, true
}

func (l *list) sum() int {
	total := 0
	for n := l.head; n != nil; n = n.next {
		total += n.value
	}
	return total
}

func (l *list) contains(v int) bool {
	for n := l.head; n != nil; n = n.next {
		if n.value == v {
			return true
		}
	}
	return false
}

type tree struct {
	key         int
	left, right *tree
}

func insert(t *tree, key int) *tree {
	if t == nil {
		return &tree{key: key}
	}
	if key < t.key {
		t.left = insert(t.left, key)
	} else if key > t.key {
		t.right = insert(t.right, key)
	}
	return t
}

func (t *tree) has(key int) bool {
	for n := t; n != nil; {
		switch {
		case key < n.key:
			n = n.left
		case key > n.key:
			n = n.right
		default:
			return true
		}
	}
	return false
}

func (t *tree) height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.left.height(), t.right.height())
}

func (t *tree) size() int {
	if t == nil {
		return 0
	}
	return 1 + t.left.size() + t.right.size()
}

func main() {
	l := &list{}
	for i := 1; i <= 5; i++ {
		l.push(i * 10)
	}
	fmt.Println("sum", l.sum(), "size", l.size)
	fmt.Println("contains 30:", l.contains(30), "contains 35:", l.contains(35))
	v, ok := l.pop()
	fmt.Println("pop", v, ok)
	v, ok = l.pop()
	fmt.Println("pop", v, ok)
	fmt.Println("sum", l.sum(), "size", l.size)
	for {
		if _, ok := l.pop(); !ok {
			break
		}
	}
	v, ok = l.pop()
	fmt.Println("empty pop", v, ok, "size", l.size)
	l.pushNode(7)
	l.pushNode(8)
	fmt.Println("sum", l.sum(), "size", l.size, "contains 7:", l.contains(7))

	root := insert(nil, 50)
	for _, k := range []int{30, 70, 20, 40, 60, 80, 10, 45, 70} {
		root = insert(root, k)
	}
	fmt.Println("height", root.height(), "size", root.size())
	fmt.Println("has 45:", root.has(45), "has 55:", root.has(55))
}
