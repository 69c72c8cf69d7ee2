package billing

import (
	"context"
	"net/http"
)

// Charge uses a foreign request type and an undefined gateway type.
func Charge(ctx context.Context, r *http.Request, gw PaymentGateway) (*Receipt, error) {
	amount := r.URL.Query().Get("amount")
	return gw.Charge(ctx, amount)
}

// Invoice embeds an undefined type.
type Invoice struct {
	Customer
	Lines []LineItem
	Total Money
}
