package crawl

import "sync"

// Visited is shared between crawler goroutines.
type Visited struct {
	mu   sync.Mutex
	seen map[string]bool
}

// TryVisit marks url and reports whether it was new.
func (v *Visited) TryVisit(url string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.seen[url] {
		return false
	}
	v.seen[url] = true
	return true
}

// Crawler fetches pages with a fixed number of goroutines.
type Crawler struct {
	visited *Visited
	wg      sync.WaitGroup
	Fetch   func(url string) []string
}

// Crawl visits start and every reachable link concurrently.
func (c *Crawler) Crawl(start string) {
	c.visited = &Visited{seen: map[string]bool{}}
	c.wg.Add(1)
	go c.visit(start)
	c.wg.Wait()
}

func (c *Crawler) visit(url string) {
	defer c.wg.Done()
	if !c.visited.TryVisit(url) {
		return
	}
	for _, link := range c.Fetch(url) {
		c.wg.Add(1)
		go c.visit(link)
	}
}
