// Custom errors: an error type with fields, found again through wrapping with errors.As.
package main

import (
	"errors"
	"fmt"
)

type argError struct {
	arg     int
	message string
}

func (e *argError) Error() string {
	return fmt.Sprintf("%d - %s", e.arg, e.message)
}

func f(arg int) (int, error) {
	if arg == 42 {
		return -1, &argError{arg, "can't work with it"}
	}
	return arg + 3, nil
}

func process(arg int) error {
	if _, err := f(arg); err != nil {
		return fmt.Errorf("process %d: %w", arg, err)
	}
	return nil
}

func main() {
	err := process(42)
	fmt.Println(err)

	var ae *argError
	if errors.As(err, &ae) {
		fmt.Println(ae.arg)
		fmt.Println(ae.message)
	} else {
		fmt.Println("err doesn't match argError")
	}

	fmt.Println(process(1) == nil)
}
