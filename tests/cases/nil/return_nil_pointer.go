package users

// User is an account holder.
type User struct {
	ID    int
	Name  string
	Email string
}

// Directory indexes users by ID.
type Directory struct {
	users []User
}

// FindByEmail returns the user with the given email, or nil if none.
func (d *Directory) FindByEmail(email string) *User {
	for i := range d.users {
		if d.users[i].Email == email {
			return &d.users[i]
		}
	}
	return nil
}

// First returns the first user, or nil when the directory is empty.
func (d *Directory) First() *User {
	if len(d.users) == 0 {
		return nil
	}
	return &d.users[0]
}

// NewUser always returns a non-nil pointer.
func NewUser(id int, name string) *User {
	return &User{ID: id, Name: name}
}
