package server

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// maxAdhocEntries bounds the cached responses of ad-hoc queries, which any
// client can vary without end.
const maxAdhocEntries = 256

// rendered is a response body kept for conditional and repeated requests,
// plain and gzipped.
type rendered struct {
	body        []byte
	gzipped     []byte // nil when body is too small to be worth compressing
	contentType string
	etag        string // of body; gzipETag is that of gzipped
	gzipETag    string
	modified    time.Time
	changed     time.Time // the store's Changed() when rendered
	// immutable: the body will not change (an archive page whose links
	// are final), so clients may keep it for a year.
	immutable bool
}

// response is what a handler renders, before it is cached and compressed.
type response struct {
	body        []byte
	contentType string
	// modified is the Last-Modified to send; zero means the store's last
	// change. A response that outlives store changes (an archive page)
	// sets it, so that conditional requests by date keep matching.
	modified  time.Time
	immutable bool
}

// cacheKey names one rendered response. query is the canonical text of an
// ad-hoc query; token the access token its links carry (only ever a
// configured token, so tokens do not multiply the entries); archive is set
// for an archive page.
type cacheKey struct {
	path    string
	limit   int
	query   string
	token   string
	archive bool
}

// bounded reports whether k belongs in the LRU: an ad-hoc query, which any
// client can vary without end, or an archive page, of which a large topic
// has thousands that a crawler may walk once.
func (k cacheKey) bounded() bool {
	return k.query != "" || k.archive
}

// cache keeps rendered responses. Those of the configured pages are few
// (topics × formats × limits × tokens) and are kept until replaced; those
// of ad-hoc queries and archive pages are kept in an LRU of at most
// maxAdhoc entries. It is safe for concurrent use.
type cache struct {
	mu       sync.Mutex
	fixed    map[cacheKey]*rendered
	adhoc    map[cacheKey]*list.Element // of *adhocEntry in order
	order    *list.List                 // most recently used first
	maxAdhoc int
}

type adhocEntry struct {
	key cacheKey
	r   *rendered
}

func newCache(maxAdhoc int) *cache {
	return &cache{fixed: map[cacheKey]*rendered{}, adhoc: map[cacheKey]*list.Element{},
		order: list.New(), maxAdhoc: maxAdhoc}
}

// get returns the response cached under k, or nil.
func (c *cache) get(k cacheKey) *rendered {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !k.bounded() {
		return c.fixed[k]
	}
	el, ok := c.adhoc[k]
	if !ok {
		return nil
	}
	c.order.MoveToFront(el)
	return el.Value.(*adhocEntry).r
}

// put caches r under k, evicting the least recently used ad-hoc response
// when there are too many.
func (c *cache) put(k cacheKey, r *rendered) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !k.bounded() {
		c.fixed[k] = r
		return
	}
	if el, ok := c.adhoc[k]; ok {
		el.Value.(*adhocEntry).r = r
		c.order.MoveToFront(el)
		return
	}
	c.adhoc[k] = c.order.PushFront(&adhocEntry{k, r})
	for c.order.Len() > c.maxAdhoc {
		oldest := c.order.Back()
		delete(c.adhoc, c.order.Remove(oldest).(*adhocEntry).key)
	}
}

// len is how many responses are cached, for tests.
func (c *cache) len() (fixed, adhoc int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.fixed), len(c.adhoc)
}

// serveRendered answers with a cached body, rendering (and compressing) it
// again only when the store changed since; see serve.
func (s *Server) serveRendered(w http.ResponseWriter, r *http.Request, key cacheKey, render func() ([]byte, string, error)) {
	s.serve(w, r, key, func() (response, error) {
		body, ctype, err := render()
		return response{body: body, contentType: ctype}, err
	})
}

// serve answers with a cached response, rendering (and compressing) it
// again only when the store changed since. The gzipped variant goes to
// clients that accept it, under its own ETag. Conditional requests
// (If-None-Match, If-Modified-Since) and HEAD are answered by
// writeConditional against the variant sent.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, key cacheKey, render func() (response, error)) {
	changed := s.opts.Store.Changed()
	e := s.cache.get(key)
	if e == nil || !e.changed.Equal(changed) {
		resp, err := render()
		if err != nil {
			s.error(w, r, err)
			return
		}
		if e, err = s.newRendered(resp, changed); err != nil {
			s.error(w, r, err)
			return
		}
		s.cache.put(key, e)
	}
	h := w.Header()
	h.Set("Content-Type", e.contentType)
	h.Add("Vary", "Accept-Encoding")
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(e.contentType, "text/html") {
		// Our pages need nothing but their inline style: should anything
		// slip through into one, it can load and run nothing.
		h.Set("Content-Security-Policy", pageCSP)
	}
	h.Set("Cache-Control", s.cacheControl)
	if e.immutable {
		h.Set("Cache-Control", immutablePublic)
	}
	if key.token != "" {
		// Shared caches must not keep a private feed, and the token in the
		// page's address must not reach the sites it links to.
		h.Set("Cache-Control", s.cacheControlPrivate)
		if e.immutable {
			h.Set("Cache-Control", immutablePrivate)
		}
		h.Set("Referrer-Policy", "no-referrer")
	}
	body, etag := e.body, e.etag
	if e.gzipped != nil && acceptsGzip(r.Header) {
		body, etag = e.gzipped, e.gzipETag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	h.Set("Last-Modified", e.modified.UTC().Format(http.TimeFormat))
	writeConditional(w, r, body, etag, e.modified)
}

// pageCSP is the Content-Security-Policy of every HTML page we serve.
const pageCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// writeConditional answers 304 when the request's validators match (RFC 9110
// §13.2.2: If-None-Match decides when present, else If-Modified-Since),
// else the body, without it for HEAD. http.ServeContent does the same and
// ranges besides, which no feed reader asks for; written directly, a
// response costs one write instead of copying the body through a reader,
// which halved the requests per second a topic feed could serve.
func writeConditional(w http.ResponseWriter, r *http.Request, body []byte, etag string, modified time.Time) {
	if notModified(r, etag, modified) {
		h := w.Header()
		h.Del("Content-Type")
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// notModified evaluates the conditional headers of a GET or HEAD against
// the response's validators.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return etagListMatches(inm, etag)
	}
	ims, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !modified.Truncate(time.Second).After(ims)
}

// etagListMatches reports whether an If-None-Match list names etag, by the
// weak comparison RFC 9110 prescribes for it (W/ prefixes ignored).
func etagListMatches(list, etag string) bool {
	etag = strings.TrimPrefix(etag, "W/")
	for _, candidate := range strings.Split(list, ",") {
		candidate = strings.TrimSpace(candidate)
		if candidate == "*" || strings.TrimPrefix(candidate, "W/") == etag {
			return true
		}
	}
	return false
}

func (s *Server) newRendered(resp response, changed time.Time) (*rendered, error) {
	body := resp.body
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:16])
	e := &rendered{body: body, contentType: resp.contentType, etag: `"` + tag + `"`, gzipETag: `"` + tag + `-gzip"`,
		modified: s.lastModified(changed), changed: changed, immutable: resp.immutable}
	if !resp.modified.IsZero() && resp.modified.Before(e.modified) {
		e.modified = resp.modified.UTC().Truncate(time.Second)
	}
	if len(body) >= minGzipSize {
		gz, err := compress(body)
		if err != nil {
			return nil, err
		}
		if len(gz) < len(body) {
			e.gzipped = gz
		}
	}
	return e, nil
}

// lastModified is the store's last change, or the server's start for an
// empty store; never the zero time.
func (s *Server) lastModified(changed time.Time) time.Time {
	if changed.IsZero() {
		return s.started
	}
	return changed.UTC().Truncate(time.Second)
}

// minGzipSize is the smallest body worth compressing: below it the gzip
// header and the client's work outweigh the bytes saved.
const minGzipSize = 1024

// compress gzips body at the best compression: a cached body is compressed
// once per render and sent many times.
func compress(body []byte) ([]byte, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write(body); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return b.Bytes(), nil
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: gzip
// (or x-gzip) listed with a q-value above zero, or, when it is not listed,
// "*" with one (RFC 9110, section 12.5.3). No header means no gzip.
func acceptsGzip(h http.Header) bool {
	gzipQ, anyQ := -1.0, -1.0
	for _, v := range h.Values("Accept-Encoding") {
		for item := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(item, ";")
			switch strings.ToLower(strings.TrimSpace(coding)) {
			case "gzip", "x-gzip":
				gzipQ = max(gzipQ, qValue(params))
			case "*":
				anyQ = max(anyQ, qValue(params))
			}
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return anyQ > 0
}

// qValue reads the weight among the parameters of an Accept-Encoding item:
// 1 when absent, 0 when malformed.
func qValue(params string) float64 {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || q < 0 || q > 1 {
				return 0
			}
			return q
		}
	}
	return 1
}

// writeCompressed writes a body rendered per request, gzipped when the
// client accepts it and it is large enough.
func writeCompressed(w http.ResponseWriter, r *http.Request, body []byte) {
	w.Header().Add("Vary", "Accept-Encoding")
	if len(body) >= minGzipSize && acceptsGzip(r.Header) {
		// Compressing into memory does not fail; were it to, the plain
		// body would still be a correct answer.
		if gz, err := compress(body); err == nil {
			w.Header().Set("Content-Encoding", "gzip")
			body = gz
		}
	}
	w.Write(body)
}
