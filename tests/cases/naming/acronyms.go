package netutil

import (
	"net/url"
	"strings"
)

// HTTPServer is an acronym-heavy type name.
type HTTPServer struct {
	ID       string
	userID   int64
	BaseURL  string
	TLSCert  []byte
	APIKey   string
	httpPort int
}

// XMLParser parses XML documents.
type XMLParser struct {
	StrictHTML bool
}

// JSONRPCRequest is a JSON-RPC envelope.
type JSONRPCRequest struct {
	ID     int
	Method string
}

// parseURL wraps url.Parse.
func parseURL(raw string) (*url.URL, error) {
	return url.Parse(raw)
}

// GetUserID returns the user ID.
func (s *HTTPServer) GetUserID() int64 { return s.userID }

// ServeHTTPS reports whether TLS is configured.
func (s *HTTPServer) ServeHTTPS() bool { return len(s.TLSCert) > 0 }

// NewHTTPServer validates baseURL.
func NewHTTPServer(id, baseURL string) (*HTTPServer, error) {
	u, err := parseURL(baseURL)
	if err != nil {
		return nil, err
	}
	return &HTTPServer{ID: id, BaseURL: strings.TrimSuffix(u.String(), "/")}, nil
}

// ToSQL renders a query for an ID list.
func ToSQL(ids []int64) string {
	return "SELECT * FROM t WHERE id IN (" + strings.Repeat("?,", len(ids)) + ")"
}
