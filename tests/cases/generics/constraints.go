package numeric

// Number is any integer or float type by underlying type.
type Number interface {
	~int | ~int64 | ~float64
}

// Sum adds all values.
func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

// Average returns the mean as float64.
func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

// Celsius is a named float that satisfies Number.
type Celsius float64

// Shower is a constraint with a method.
type Shower interface {
	comparable
	Show() string
}

// ShowAll renders every element.
func ShowAll[T Shower](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.Show()
	}
	return out
}
