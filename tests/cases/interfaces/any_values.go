package logx

import (
	"fmt"
	"strings"
)

// Field is a structured log field with an arbitrary value.
type Field struct {
	Key   string
	Value any
}

// Entry holds legacy interface{} attributes.
type Entry struct {
	Message string
	Attrs   map[string]interface{}
	Extra   []any
}

// Format renders fields as key=value pairs.
func Format(msg string, fields ...Field) string {
	var b strings.Builder
	b.WriteString(msg)
	for _, f := range fields {
		fmt.Fprintf(&b, " %s=%v", f.Key, f.Value)
	}
	return b.String()
}

// Describe reports the dynamic type of v.
func Describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case string:
		return "string:" + x
	case int:
		return fmt.Sprintf("int:%d", x)
	case error:
		return "error:" + x.Error()
	default:
		return fmt.Sprintf("%T", x)
	}
}
