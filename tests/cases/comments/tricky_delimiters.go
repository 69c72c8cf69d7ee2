package globs

// Match reports whether path matches a glob like "src/*/main.go" or "/* root */".
// A comment can mention */ and /* without ending or starting anything.
func Match(pattern, path string) bool {
	// pattern "a/*" matches "a/b"; "*/" is also fine here
	if pattern == "*" {
		return true
	}
	return pattern == path
}

/*
Expand is preceded by a block comment rather than line comments.
It expands "~/" and mentions // inside a block comment.
*/
func Expand(path, home string) string {
	if len(path) >= 2 && path[:2] == "~/" {
		return home + path[1:]
	}
	return path
}

/* Separator is documented with a one-line block comment. */
const Separator = "/*/"

// Literal holds a string containing comment markers: "/* not a comment */".
var Literal = `// nor is this */`
