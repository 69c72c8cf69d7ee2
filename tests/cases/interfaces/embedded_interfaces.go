package blob

import "errors"

// Reader reads bytes into p.
type Reader interface {
	Read(p []byte) (int, error)
}

// Writer writes bytes from p.
type Writer interface {
	Write(p []byte) (int, error)
}

// Closer releases resources.
type Closer interface {
	Close() error
}

// ReadWriter groups Reader and Writer.
type ReadWriter interface {
	Reader
	Writer
}

// ReadWriteCloser adds Close to ReadWriter.
type ReadWriteCloser interface {
	ReadWriter
	Closer
}

// Buffer is an in-memory ReadWriteCloser.
type Buffer struct {
	data   []byte
	closed bool
}

// Read implements Reader.
func (b *Buffer) Read(p []byte) (int, error) {
	if b.closed {
		return 0, errors.New("closed")
	}
	n := copy(p, b.data)
	b.data = b.data[n:]
	return n, nil
}

// Write implements Writer.
func (b *Buffer) Write(p []byte) (int, error) {
	b.data = append(b.data, p...)
	return len(p), nil
}

// Close implements Closer.
func (b *Buffer) Close() error {
	b.closed = true
	return nil
}
