package seed

// Rows: func returning `*User` that may be nil; `if u == nil { .. }`.

// User is an account.
type User struct {
	ID   int
	Name string
}

// FindUser returns nil when no user has the id.
func FindUser(users []User, id int) *User {
	for i := range users {
		if users[i].ID == id {
			return &users[i]
		}
	}
	return nil
}

// Greeting handles the nil case explicitly.
func Greeting(users []User, id int) string {
	u := FindUser(users, id)
	if u == nil {
		return "hello, stranger"
	}
	return "hello, " + u.Name
}
