package inventory

// Item is a stock-keeping unit.
type Item struct {
	SKU   string
	Qty   int
	Price int64
}

// Value returns the stock value in cents.
func (i Item) Value() int64 {
	return int64(i.Qty) * i.Price
}

// Warehouse groups items by SKU.
type Warehouse struct {
	Name  string
	items map[string]*Item
}

// Add stores an item in the warehouse.
func (w *Warehouse) Add(it *Item) {
	w.items[it.SKU] = it
}

// restockThreshold is the quantity below which items are reordered.
const restockThreshold = 5

// NeedsRestock reports whether the item is low.
func (i Item) NeedsRestock() bool {
	return i.Qty < restockThreshold
}

// Total returns the value of every item in the warehouse.
func (w *Warehouse) Total() int64 {
	var sum int64
	for _, it := range w.items {
		sum += it.Value()
	}
	return sum
}

// Remove takes quantity out of stock.
func (i *Item) Remove(n int) {
	i.Qty -= n
}
