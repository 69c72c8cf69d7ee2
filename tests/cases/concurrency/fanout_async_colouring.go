package crawler

import "net/url"

// Result is the outcome of checking one URL.
type Result struct {
	URL string
	OK  bool
}

// checkAll validates every URL concurrently and collects the results.
func checkAll(urls []string) []Result {
	ch := make(chan Result, len(urls))
	for _, u := range urls {
		go func(raw string) {
			_, err := url.Parse(raw)
			ch <- Result{URL: raw, OK: err == nil}
		}(u)
	}
	out := make([]Result, 0, len(urls))
	for range urls {
		out = append(out, <-ch)
	}
	return out
}

// CountValid does not spawn itself but calls checkAll, so it is coloured async too.
func CountValid(urls []string) int {
	n := 0
	for _, r := range checkAll(urls) {
		if r.OK {
			n++
		}
	}
	return n
}

// Normalize is synchronous and must stay a plain fn.
func Normalize(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.String()
}
