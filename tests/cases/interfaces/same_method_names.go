// Go satisfies an interface only with identical method signatures: two sinks whose methods
// share names (Send, Close) but not parameter types are different interfaces, and a type
// implements the one it matches. byte and uint8 are one type, so Write(p []byte) does
// satisfy an interface spelled with []uint8.
package sinks

type Payment struct{ ID int }

type Account struct{ Name string }

type PaymentSink interface {
	Send(p *Payment) error
	Close() error
}

type AccountSink interface {
	Send(a *Account) error
	Close() error
}

// LogPaymentSink implements PaymentSink, not AccountSink.
type LogPaymentSink struct{ total int }

func (l *LogPaymentSink) Send(p *Payment) error {
	l.total += p.ID
	return nil
}

func (l *LogPaymentSink) Close() error { return nil }

type Uint8Writer interface {
	Write(p []uint8) (int, error)
}

// CountingWriter implements Uint8Writer.
type CountingWriter struct{ n int }

func (w *CountingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

var (
	_ PaymentSink = (*LogPaymentSink)(nil)
	_ Uint8Writer = (*CountingWriter)(nil)
)
