package ingest

import (
	"context"
	"net/url"
	"strings"
	"sync"
)

// hostLimiter bounds how many requests run at once against one host, so a
// publisher with many feeds is never hammered by the worker pool.
type hostLimiter struct {
	per int
	mu  sync.Mutex
	sem map[string]chan struct{}
}

func newHostLimiter(per int) *hostLimiter {
	return &hostLimiter{per: per, sem: make(map[string]chan struct{})}
}

// acquire waits for a slot on rawURL's host and returns its release, or
// ctx's error.
func (h *hostLimiter) acquire(ctx context.Context, rawURL string) (func(), error) {
	host := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		host = strings.ToLower(u.Hostname())
	}
	h.mu.Lock()
	sem, ok := h.sem[host]
	if !ok {
		sem = make(chan struct{}, h.per)
		h.sem[host] = sem
	}
	h.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}
