package session

import "time"

// Profile is optional user metadata.
type Profile struct {
	Bio    string
	Avatar string
}

// Clock returns the current time.
type Clock struct {
	Offset time.Duration
}

// Session is a logged-in session.
type Session struct {
	// Profile may be nil until loaded; it is nil-checked below.
	Profile *Profile
	// Parent is set to nil when the session is detached.
	Parent *Session
	// clock is always set by the constructor and never nil-checked.
	clock *Clock
	Token string
}

// New creates a session with a clock.
func New(token string) *Session {
	return &Session{Token: token, clock: &Clock{}}
}

// Bio returns the profile bio or a placeholder.
func (s *Session) Bio() string {
	if s.Profile == nil {
		return "(no profile)"
	}
	return s.Profile.Bio
}

// Detach removes the parent link.
func (s *Session) Detach() {
	s.Parent = nil
}

// Now returns the session clock time.
func (s *Session) Now() time.Time {
	return time.Now().Add(s.clock.Offset)
}
