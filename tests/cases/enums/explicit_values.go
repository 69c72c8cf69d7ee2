package httpstatus

// Code is an HTTP status code with explicit values.
type Code int

const (
	OK                  Code = 200
	Created             Code = 201
	BadRequest          Code = 400
	NotFound            Code = 404
	InternalServerError Code = 500
)

// Kind is a string-valued enum.
type Kind string

const (
	KindUser    Kind = "user"
	KindService Kind = "service"
	KindRobot   Kind = "robot"
)

// IsError reports whether c is a 4xx or 5xx code.
func (c Code) IsError() bool {
	return c >= 400
}
