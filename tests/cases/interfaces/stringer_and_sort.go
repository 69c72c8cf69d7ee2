package ranking

import (
	"fmt"
	"sort"
)

// Player satisfies fmt.Stringer.
type Player struct {
	Name  string
	Score int
}

func (p Player) String() string { return fmt.Sprintf("%s (%d)", p.Name, p.Score) }

// ByScore satisfies sort.Interface from the standard library.
type ByScore []Player

func (s ByScore) Len() int           { return len(s) }
func (s ByScore) Less(i, j int) bool { return s[i].Score > s[j].Score }
func (s ByScore) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// Leaderboard returns players formatted in ranking order.
func Leaderboard(ps []Player) []string {
	sort.Sort(ByScore(ps))
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = fmt.Sprintf("%d. %v", i+1, p)
	}
	return out
}
