package app

// Start wires the service from types defined elsewhere.
func Start(cfg *Config, store Store, log Logger) (*Server, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	log.Info("starting", cfg.Addr)
	return NewServer(cfg.Addr, store), nil
}

// Migrate runs pending migrations on a store of unknown type.
func Migrate(store Store, steps []Migration) error {
	for _, s := range steps {
		if err := store.Apply(s); err != nil {
			return err
		}
	}
	return nil
}

// Deps bundles undefined dependency types.
type Deps struct {
	Cache   Cache
	Metrics *MetricsRegistry
	Queue   []Job
}
