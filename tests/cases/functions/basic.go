package textutil

import "strings"

// Slugify turns a title into a URL slug.
func Slugify(title string) string {
	lower := strings.ToLower(strings.TrimSpace(title))
	return strings.Join(strings.Fields(lower), "-")
}

// isVowel is unexported.
func isVowel(r rune) bool {
	return strings.ContainsRune("aeiou", r)
}

// CountVowels counts vowels in s.
func CountVowels(s string) int {
	n := 0
	for _, r := range s {
		if isVowel(r) {
			n++
		}
	}
	return n
}

// Truncate shortens s to at most n bytes.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
