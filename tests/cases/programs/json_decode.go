package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Item is decoded from JSON.
type Item struct {
	ID   int      `json:"id"`
	Name string   `json:"name"`
	Tags []string `json:"tags"`
}

// decodeFirst decodes the first value of a stream; what follows it is left unread.
func decodeFirst(stream string) {
	var it Item
	if err := json.NewDecoder(strings.NewReader(stream)).Decode(&it); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(it.ID, it.Name, len(it.Tags))
}

func main() {
	decodeFirst(`{"id": 7, "name": "seven", "extra": true} {"id": 8}`)
	decodeFirst(`  {"tags": ["a", "b"]}`)
	decodeFirst("")
	decodeFirst("   ")
}
