package model

import "time"

// Timestamps records creation and update times.
type Timestamps struct {
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Audit records who touched a record last.
type Audit struct {
	ModifiedBy string
}

// Touch refreshes UpdatedAt.
func (t *Timestamps) Touch() {
	t.UpdatedAt = time.Now()
}

// Order embeds Timestamps by value and Audit by pointer.
type Order struct {
	Timestamps
	*Audit
	ID     string
	Amount int64
}

// NewOrder builds an order with both timestamps set.
func NewOrder(id string, amount int64) *Order {
	now := time.Now()
	return &Order{
		Timestamps: Timestamps{CreatedAt: now, UpdatedAt: now},
		Audit:      &Audit{ModifiedBy: "system"},
		ID:         id,
		Amount:     amount,
	}
}
