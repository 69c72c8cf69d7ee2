package feed

import "errors"

// Post is a feed entry.
type Post struct {
	ID    int
	Title string
}

// Source yields posts.
type Source interface {
	Posts() ([]Post, error)
}

// Feed aggregates optional sources.
type Feed struct {
	primary Source
	backup  Source
	cache   map[int]Post
}

// Latest returns nil (an empty slice) when there are no sources.
func (f *Feed) Latest() ([]Post, error) {
	src := f.primary
	if src == nil {
		src = f.backup
	}
	if src == nil {
		return nil, errors.New("no source configured")
	}
	return src.Posts()
}

// Cached returns the cached post or nil.
func (f *Feed) Cached(id int) *Post {
	if f.cache == nil {
		return nil
	}
	p, ok := f.cache[id]
	if !ok {
		return nil
	}
	return &p
}

// Remember stores p, creating the map lazily.
func (f *Feed) Remember(p Post) {
	if f.cache == nil {
		f.cache = make(map[int]Post)
	}
	f.cache[p.ID] = p
}
