package p

type A struct {
	*B
}

type B struct {
	A
}

func (a *A) Get() int {
	return a.Missing
}
