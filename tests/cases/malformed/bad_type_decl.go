package broken

type = struct {
	X int
}

func ok() {}
