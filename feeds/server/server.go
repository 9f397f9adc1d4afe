// Package server is the http.Handler behind `tidings serve` (and, in
// process, behind `tidings export`): topic feeds in Atom, RSS and JSON Feed,
// ad-hoc feeds of a query (?q= on a topic, /search over everything), the
// OPML of all topics, HTML pages, source and topic state as JSON, and a
// loopback-only control endpoint through which `tidings fetch` runs a fetch
// inside the server that owns the database.
//
// Rendered responses are cached, plain and gzipped, until the store
// changes. Topics may be private: see Options.Token and Topic.Token. Each
// topic feed is an archived feed (RFC 5005) whose older entries are on
// archive pages that do not change: see archive.go.
package server

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"tidings/normalize"
	"tidings/storage"
)

// Entry limits of a topic feed.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// Defaults of Options.
const (
	DefaultMaxAge    = 5 * time.Minute
	DefaultScanLimit = 20000
)

// Topic is a configured topic with its feed's entry limit.
type Topic struct {
	*normalize.Topic
	Limit int // entries per feed; zero means DefaultLimit
	// Token, when set, makes the topic private: its feeds and pages answer
	// only requests whose ?token= is this token or Options.Token.
	Token string
}

// Source is a configured source, for /sources.json.
type Source struct {
	Name string
	URL  string // feed URL or seed folder
}

// Options configure a Server. Store and BaseURL are required.
type Options struct {
	Store   *storage.Store
	Topics  []Topic
	Sources []Source
	// BaseURL is the public address of the server, ending in "/"; feed ids
	// and self links are built from it.
	BaseURL string
	Logger  *slog.Logger // nil discards
	// Control, when set, is served under /-/ to loopback clients that send
	// "Authorization: Bearer ControlToken".
	Control      http.Handler
	ControlToken string
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// Metrics, when set, writes the fetch metrics for GET /metrics in the
	// Prometheus text format; the server adds its own gauges.
	Metrics func(io.Writer) error
	// MaxAge is how long clients and proxies may reuse a rendered response,
	// sent as Cache-Control max-age in whole seconds; zero means
	// DefaultMaxAge.
	MaxAge time.Duration
	// Hub is the WebSub hub named in every feed (rel="hub"); empty: none.
	Hub string
	// ScanLimit caps how many stored articles, newest first, one ad-hoc
	// query (?q=, /search) reads; zero means DefaultScanLimit.
	ScanLimit int
	// Token, when set, makes every topic private (each accepts this token
	// besides its own) and is required by /search. A request carrying it
	// also sees the private topics listed on /, /topics.opml, /topics.json
	// and /metrics. Rules and statuses: see access.go.
	Token string
	// ArchivePageSize is how many entries one archive page of a topic
	// holds (see archive.go); zero means DefaultArchivePageSize. Pages are
	// cut anew when it changes, so that what clients hold of them as
	// immutable no longer matches: set it once.
	ArchivePageSize int
}

// Server serves tidings' HTTP endpoints. It is safe for concurrent use.
type Server struct {
	opts    Options
	mux     *http.ServeMux
	started time.Time
	topics  map[string]Topic

	cache *cache
	// cacheControl is the Cache-Control of public and of private responses.
	cacheControl, cacheControlPrivate string
}

// New returns a Server for the options.
func New(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.MaxAge = cmp.Or(opts.MaxAge, DefaultMaxAge)
	opts.ScanLimit = cmp.Or(opts.ScanLimit, DefaultScanLimit)
	if opts.ArchivePageSize <= 0 {
		opts.ArchivePageSize = DefaultArchivePageSize
	}
	maxAge := int(opts.MaxAge / time.Second)
	s := &Server{
		opts:                opts,
		mux:                 http.NewServeMux(),
		started:             opts.Now().UTC().Truncate(time.Second),
		topics:              make(map[string]Topic, len(opts.Topics)),
		cache:               newCache(maxAdhocEntries),
		cacheControl:        fmt.Sprintf("public, max-age=%d", maxAge),
		cacheControlPrivate: fmt.Sprintf("private, max-age=%d", maxAge),
	}
	for _, t := range opts.Topics {
		t.Limit = cmp.Or(t.Limit, DefaultLimit)
		s.topics[t.Name] = t
	}
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.handleIndex)
	s.mux.HandleFunc("GET /topics/{file}", s.handleTopic)
	s.mux.HandleFunc("GET /topics/{name}/archive/{file}", s.handleArchive)
	s.mux.HandleFunc("GET /search", s.handleSearch(""))
	for ext := range formats {
		s.mux.HandleFunc("GET /search."+ext, s.handleSearch(ext))
	}
	s.mux.HandleFunc("GET /topics.opml", s.handleOPML)
	s.mux.HandleFunc("GET /topics.json", s.handleTopicsJSON)
	s.mux.HandleFunc("GET /sources.json", s.handleSourcesJSON)
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.HandleFunc("GET /metrics", s.handleMetrics)
	if s.opts.Control != nil {
		s.mux.Handle("/-/", s.requireControl(s.opts.Control))
	}
}

// ServeHTTP routes a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// handleMetrics serves Prometheus metrics: the fetch counters, and gauges
// of what is stored. Private topics are left out unless the request
// carries the global token, as on the index.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	if s.opts.Metrics != nil {
		if err := s.opts.Metrics(&b); err != nil {
			s.error(w, r, err)
			return
		}
	}
	fmt.Fprintf(&b, "# HELP tidings_articles Articles stored.\n# TYPE tidings_articles gauge\ntidings_articles %d\n", s.opts.Store.CountArticles())
	fmt.Fprintf(&b, "# HELP tidings_topic_articles Articles in each topic.\n# TYPE tidings_topic_articles gauge\n")
	for _, t := range s.listed(s.globalToken(r.URL)) {
		fmt.Fprintf(&b, "tidings_topic_articles{topic=%q} %d\n", t.Name, s.opts.Store.TopicCount(t.Name))
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b.Bytes())
}

// requireControl lets through only loopback clients with the token: the
// endpoint starts fetches, so it must not be reachable from the network
// even when the server listens publicly or sits behind a local proxy.
func (s *Server) requireControl(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.isOperator(r) {
			s.error(w, r, errForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// isOperator reports whether r comes from the operator's own tidings
// commands: from loopback with the control token, which serve keeps in a
// file only its own user can read. Only the connection's own address
// counts: headers such as X-Forwarded-For are the client's to write. The
// token is compared as tokenEqual compares, in constant time and without
// revealing its length.
func (s *Server) isOperator(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return isLoopback(r.RemoteAddr) && ok && tokenEqual(got, s.opts.ControlToken)
}

func isLoopback(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Request errors that map to a status in error.
var (
	errForbidden = errors.New("forbidden")
)

// badRequest is a client error, answered 400 with its message.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

// error maps err to a status in one place and logs only server errors.
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	var bad *badRequest
	var query *normalize.QueryError
	switch {
	case errors.Is(err, storage.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, errForbidden):
		status = http.StatusForbidden
	case errors.As(err, &bad), errors.As(err, &query):
		status = http.StatusBadRequest
	default:
		s.opts.Logger.Error("request failed", "url", normalize.RedactedURL(r.URL), "error", err)
	}
	msg := err.Error()
	if status == http.StatusInternalServerError {
		msg = "internal error"
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	fmt.Fprintf(w, "%d %s: %s\n", status, http.StatusText(status), msg)
}

// limit reads ?limit=, between 1 and MaxLimit, defaulting to def.
func limit(r *http.Request, def int) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, &badRequest{fmt.Sprintf("limit %q: want a number from 1 to %d", v, MaxLimit)}
	}
	return n, nil
}
