x := 5
y := x * 2
fmt.Println(x, y)
