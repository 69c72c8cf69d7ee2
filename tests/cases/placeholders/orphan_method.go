package handlers

import "strings"

// Normalize is a method pasted without its receiver type: UserService is not defined here.
func (s *UserService) Normalize(email string) string {
	s.calls++
	return strings.ToLower(strings.TrimSpace(email))
}

// Lookup also belongs to the missing type.
func (s *UserService) Lookup(id int64) (*User, error) {
	return s.repo.Find(id)
}
