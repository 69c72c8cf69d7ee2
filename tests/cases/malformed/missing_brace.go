package broken

// Valid before the break.
func Before(a int) int {
	return a + 1
}

// Middle is missing its closing brace.
func Middle(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	return total
}

// After is valid again.
func After(s string) string {
	return s + "!"
}
