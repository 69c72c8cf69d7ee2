package indexer

import (
	"context"
	"time"
)

// Document is queued for indexing.
type Document struct {
	ID   string
	Body string
}

// Indexer consumes documents in a background goroutine.
type Indexer struct {
	queue   chan Document
	results chan<- string
	quit    chan struct{}
	done    chan struct{}
	flushed int
}

// New creates an indexer that reports indexed IDs on results.
func New(results chan<- string) *Indexer {
	return &Indexer{
		queue:   make(chan Document, 64),
		results: results,
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
	}
}

// Start launches the background loop.
func (ix *Indexer) Start(ctx context.Context) {
	go ix.loop(ctx)
}

func (ix *Indexer) loop(ctx context.Context) {
	defer close(ix.done)
	flush := time.NewTicker(500 * time.Millisecond)
	defer flush.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ix.quit:
			return
		case doc := <-ix.queue:
			ix.results <- doc.ID
		case <-flush.C:
			ix.flushed++
		}
	}
}

// Submit enqueues a document; it blocks when the queue is full.
func (ix *Indexer) Submit(doc Document) {
	ix.queue <- doc
}

// Stop signals the loop and waits for it to exit.
func (ix *Indexer) Stop() {
	close(ix.quit)
	<-ix.done
}
