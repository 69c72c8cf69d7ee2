package config

// Config is the root of the service configuration file.
type Config struct {
	Server struct {
		Host string
		Port int
	}
	Database DatabaseConfig
	Replicas []DatabaseConfig
	Features map[string]FeatureFlag
}

// DatabaseConfig describes one database connection.
type DatabaseConfig struct {
	DSN      string
	MaxConns int
	TLS      *TLSConfig
}

// TLSConfig is optional TLS material.
type TLSConfig struct {
	CertFile string
	KeyFile  string
}

// FeatureFlag toggles a feature for a share of users.
type FeatureFlag struct {
	Enabled bool
	Percent uint8
}
