package registry

import "sync"

// Service is a registered backend.
type Service struct {
	Name string
	Addr string
}

// Registry maps names to services; reads vastly outnumber writes.
type Registry struct {
	mu       sync.RWMutex
	services map[string]Service
	version  uint64
}

// Lookup takes a read lock.
func (r *Registry) Lookup(name string) (Service, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s, ok := r.services[name]
	return s, ok
}

// Register takes the write lock.
func (r *Registry) Register(s Service) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.services == nil {
		r.services = make(map[string]Service)
	}
	r.services[s.Name] = s
	r.version++
}

// Version returns the number of registrations.
func (r *Registry) Version() uint64 {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.version
}
