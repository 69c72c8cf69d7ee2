package limits

// MaxUploadSize is the largest accepted upload, in bytes.
const MaxUploadSize = 10 << 20

// DefaultRatio is the default compression ratio.
const DefaultRatio = 0.75

// ServiceName identifies this service in logs.
const ServiceName = "billing-api"

// DebugEnabled toggles verbose logging.
const DebugEnabled = false

const (
	// KB is one kilobyte.
	KB = 1024
	// MB references KB.
	MB = KB * 1024
	// Greeting references ServiceName.
	Greeting = "hello from " + ServiceName
)

// Fits reports whether n bytes may be uploaded.
func Fits(n int) bool {
	return n <= MaxUploadSize
}
