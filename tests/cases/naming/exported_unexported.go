package account

// Account has exported and unexported members.
type Account struct {
	Owner    string
	balance  int64
	IsOpen   bool
	isFrozen bool
}

// account is an unexported type that differs from Account only in case.
type account struct {
	id int
}

// Deposit is exported.
func (a *Account) Deposit(n int64) { a.balance += n }

// balanceOf is unexported.
func balanceOf(a *Account) int64 { return a.balance }

// BalanceOf is exported and wraps balanceOf.
func BalanceOf(a *Account) int64 { return balanceOf(a) }

// newAccount builds an internal account.
func newAccount(id int) account { return account{id: id} }

// NewAccount builds an exported Account.
func NewAccount(owner string) *Account {
	_ = newAccount(1)
	return &Account{Owner: owner, IsOpen: true}
}
