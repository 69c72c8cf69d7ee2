package tree

// Tree is a binary search tree node.
type Tree struct {
	Key         string
	Value       int
	Left, Right *Tree
}

// Insert adds or replaces key and returns the (possibly new) root.
func Insert(t *Tree, key string, value int) *Tree {
	if t == nil {
		return &Tree{Key: key, Value: value}
	}
	switch {
	case key < t.Key:
		t.Left = Insert(t.Left, key, value)
	case key > t.Key:
		t.Right = Insert(t.Right, key, value)
	default:
		t.Value = value
	}
	return t
}

// Get looks up key.
func (t *Tree) Get(key string) (int, bool) {
	for n := t; n != nil; {
		switch {
		case key < n.Key:
			n = n.Left
		case key > n.Key:
			n = n.Right
		default:
			return n.Value, true
		}
	}
	return 0, false
}

// Height returns the depth of the tree.
func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Height(), t.Right.Height())
}
