package broken

// Good is fine.
func Good(x int) int { return x }

// Bad has a broken parameter list.
func Bad(a int, b string, , c) error {
	return nil
}

// AlsoGood is fine.
func AlsoGood() bool { return true }
