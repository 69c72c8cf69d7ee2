package mathx

// DivMod returns the quotient and remainder.
func DivMod(a, b int) (int, int) {
	return a / b, a % b
}

// MinMax returns the smallest and largest values; ok is false for empty input.
func MinMax(xs []int) (min, max int, ok bool) {
	if len(xs) == 0 {
		return
	}
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return min, max, true
}

// splitHostPort splits "host:port" without validation.
func splitHostPort(addr string) (host string, port string) {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[:i], addr[i+1:]
		}
	}
	return addr, ""
}

// Parse exposes splitHostPort.
func Parse(addr string) (string, string) {
	return splitHostPort(addr)
}
