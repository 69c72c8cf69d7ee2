package api

// UserResponse is the JSON body returned by GET /users/{id}.
type UserResponse struct {
	ID        string   `json:"id"`
	Email     string   `json:"email"`
	Nickname  string   `json:"nickname,omitempty"`
	Roles     []string `json:"roles,omitempty"`
	Password  string   `json:"-"`
	Score     float64  `json:"score,string"`
	IsAdmin   bool     `json:"is_admin"`
	internal  int
	CreatedAt string `json:"created_at" db:"created_at"`
}

// ErrorBody is the JSON body for failed requests.
type ErrorBody struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Detail  string `json:"detail,omitempty"`
}
