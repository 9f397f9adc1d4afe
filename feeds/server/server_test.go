package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/normalize"
	"tidings/storage"
)

var testStart = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// clock is a test's own time, advanced by hand.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// newTestServer serves a real store with one topic, "gaza", holding n
// articles, and a control handler that answers "ran".
func newTestServer(t *testing.T, n int) (*httptest.Server, *storage.Store, *clock) {
	t.Helper()
	control := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ran") })
	f := newFixture(t, n, nil, func(o *Options) { o.Control, o.ControlToken = control, "secret" })
	return f.ts, f.store, f.clk
}

// fixture is a Server over a real store, served by httptest.
type fixture struct {
	ts    *httptest.Server
	srv   *Server
	store *storage.Store
	clk   *clock
}

// newFixture serves a real store with the topic "gaza" (query gaza),
// followed by topics, and n articles of "Gaza story N"; configure, when
// set, adjusts the options before the server is built.
func newFixture(t *testing.T, n int, topics []Topic, configure func(*Options)) *fixture {
	t.Helper()
	clk := &clock{testStart}
	store, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := store.Check(); err != nil {
			t.Errorf("consistency check: %v", err)
		}
		store.Close()
	})
	topics = append([]Topic{{Topic: newTopic(t, "gaza", "gaza")}}, topics...)
	var synced []*normalize.Topic
	for _, tp := range topics {
		synced = append(synced, tp.Topic)
	}
	if _, err := store.SyncTopics(t.Context(), synced); err != nil {
		t.Fatal(err)
	}
	addArticles(t, store, 0, n)
	opts := Options{Store: store, Topics: topics, BaseURL: "http://feeds.example/", Now: clk.Now}
	if configure != nil {
		configure(&opts)
	}
	srv := New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &fixture{ts: ts, srv: srv, store: store, clk: clk}
}

// newTopic compiles a topic titled after its name.
func newTopic(t *testing.T, name, query string) *normalize.Topic {
	t.Helper()
	title := strings.ToUpper(name[:1]) + name[1:]
	topic, err := normalize.NewTopic(name, title, "All about "+title, query)
	if err != nil {
		t.Fatal(err)
	}
	return topic
}

func addArticles(t *testing.T, store *storage.Store, from, to int) {
	t.Helper()
	var batch []normalize.Article
	for i := from; i < to; i++ {
		a := normalize.Article{Source: "Wire", GUID: fmt.Sprint(i), Title: fmt.Sprintf("Gaza story %d", i),
			Link: fmt.Sprintf("https://wire.example/%d", i), Text: "News from Gaza.",
			Published: time.Date(2021, 5, 12, i, 0, 0, 0, time.UTC)}
		a.Finish("Wire", testStart)
		batch = append(batch, a)
	}
	if _, err := store.Save("Wire", batch, storage.SourceState{Name: "Wire"}); err != nil {
		t.Fatal(err)
	}
}

// client leaves Accept-Encoding to each test: the default one asks for
// gzip on its own and decompresses out of sight.
var client = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// do sends a request with the header name/value pairs and returns the
// response with its body, read and closed.
func do(t *testing.T, method, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestRoutes(t *testing.T) {
	ts, _, _ := newTestServer(t, 3)
	tests := []struct {
		path, status, ctype, contains string
	}{
		{"/topics/gaza.atom", "200 OK", "application/atom+xml", "<title type=\"text\">Gaza story 2</title>"},
		{"/topics/gaza.rss", "200 OK", "application/rss+xml", "<rss"},
		{"/topics/gaza.json", "200 OK", "application/feed+json", `"version": "https://jsonfeed.org/version/1.1"`},
		{"/topics/gaza", "200 OK", "text/html", "Gaza story 2"},
		{"/topics/gaza.atom?limit=1", "200 OK", "application/atom+xml", "Gaza story 2"},
		{"/topics.opml", "200 OK", "text/x-opml", `xmlUrl="http://feeds.example/topics/gaza.atom"`},
		{"/", "200 OK", "text/html", `rel="alternate" type="application/atom+xml"`},
		{"/healthz", "200 OK", "text/plain", "ok"},
		{"/topics.json", "200 OK", "application/json", `"articles": 3`},
		{"/topics/nope.atom", "404 Not Found", "text/plain", `topic "nope"`},
		{"/topics/gaza.xml", "404 Not Found", "text/plain", `format "xml"`},
		{"/topics/gaza.atom?limit=0", "400 Bad Request", "text/plain", "limit"},
		{"/topics/gaza.atom?limit=501", "400 Bad Request", "text/plain", "limit"},
		{"/nothing", "404 Not Found", "text/plain", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := do(t, http.MethodGet, ts.URL+tt.path)
			if resp.Status != tt.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.ctype) {
				t.Errorf("got %s %q, want %s %q", resp.Status, resp.Header.Get("Content-Type"), tt.status, tt.ctype)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("body lacks %q:\n%.400s", tt.contains, body)
			}
		})
	}
	_, body := do(t, http.MethodGet, ts.URL+"/topics/gaza.atom?limit=1")
	if n := strings.Count(body, "<entry>"); n != 1 {
		t.Errorf("limit=1: got %d entries, want 1", n)
	}
}

func TestConditionalRequests(t *testing.T) {
	ts, store, clk := newTestServer(t, 2)
	url := ts.URL + "/topics/gaza.atom"
	resp, body := do(t, http.MethodGet, url)
	etag, modified := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if !strings.HasPrefix(etag, `"`) || modified == "" {
		t.Fatalf("got ETag %q, Last-Modified %q; want a strong ETag and a date", etag, modified)
	}
	if r, b := do(t, http.MethodGet, url, "If-None-Match", etag); r.StatusCode != http.StatusNotModified || b != "" {
		t.Errorf("If-None-Match: got %s with %d bytes, want an empty 304", r.Status, len(b))
	}
	if r, _ := do(t, http.MethodGet, url, "If-Modified-Since", modified); r.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since: got %s, want 304", r.Status)
	}
	if r, b := do(t, http.MethodHead, url); r.StatusCode != 200 || b != "" || r.Header.Get("ETag") != etag {
		t.Errorf("HEAD: got %s, %d bytes, ETag %q; want 200, no body, the same ETag", r.Status, len(b), r.Header.Get("ETag"))
	}

	// A new article changes the feed: the old validator no longer matches.
	clk.now = clk.now.Add(time.Hour)
	addArticles(t, store, 2, 3)
	r, newBody := do(t, http.MethodGet, url, "If-None-Match", etag)
	if r.StatusCode != 200 || r.Header.Get("ETag") == etag || newBody == body || !strings.Contains(newBody, "Gaza story 2") {
		t.Errorf("after a change: got %s, ETag %q (was %q); want 200 with the new entry", r.Status, r.Header.Get("ETag"), etag)
	}
}

func TestControlNeedsToken(t *testing.T) {
	ts, _, _ := newTestServer(t, 0)
	tests := []struct {
		name, auth string
		want       int
	}{
		{"no token", "", http.StatusForbidden},
		{"wrong token", "Bearer guess", http.StatusForbidden},
		{"token", "Bearer secret", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := do(t, http.MethodPost, ts.URL+"/-/fetch", "Authorization", tt.auth)
			if resp.StatusCode != tt.want {
				t.Errorf("got %s, want %d", resp.Status, tt.want)
			}
		})
	}
	if isLoopback("192.0.2.1:1234") || !isLoopback("127.0.0.1:1") || !isLoopback("[::1]:1") {
		t.Error("isLoopback misjudges an address")
	}
}

// TestControlOnlyFromLoopback: the control endpoint answers only the
// operator's own commands, which connect from loopback. A remote client is
// refused even with the right token, and so is one that claims loopback in
// a header a proxy would set; the control handler never runs for them.
func TestControlOnlyFromLoopback(t *testing.T) {
	ran := 0
	control := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ran++ })
	f := newFixture(t, 0, nil, func(o *Options) { o.Control, o.ControlToken = control, "secret-control-token" })
	tests := []struct {
		name, remote string
		header       []string
		want         int
	}{
		{"loopback with the token", "127.0.0.1:5000", nil, http.StatusOK},
		{"IPv6 loopback with the token", "[::1]:5000", nil, http.StatusOK},
		{"remote with the token", "192.0.2.7:5000", nil, http.StatusForbidden},
		{"remote IPv6 with the token", "[2001:db8::1]:5000", nil, http.StatusForbidden},
		{"IPv4-mapped remote", "[::ffff:192.0.2.7]:5000", nil, http.StatusForbidden},
		{"unspecified address", "0.0.0.0:5000", nil, http.StatusForbidden},
		{"no port", "127.0.0.1", nil, http.StatusForbidden},
		{"empty address", "", nil, http.StatusForbidden},
		{"remote claiming loopback", "192.0.2.7:5000",
			[]string{"X-Forwarded-For", "127.0.0.1", "X-Real-IP", "127.0.0.1", "Forwarded", "for=127.0.0.1"}, http.StatusForbidden},
		{"loopback, wrong token", "127.0.0.1:5000", []string{"Authorization", "Bearer secret-control-tokeN"}, http.StatusForbidden},
		{"loopback, token with a space", "127.0.0.1:5000", []string{"Authorization", "Bearer secret-control-token "}, http.StatusForbidden},
		{"loopback, token prefix", "127.0.0.1:5000", []string{"Authorization", "Bearer secret"}, http.StatusForbidden},
		{"loopback, bare token", "127.0.0.1:5000", []string{"Authorization", "secret-control-token"}, http.StatusForbidden},
		{"loopback, token in the query", "127.0.0.1:5000", []string{"Authorization", ""}, http.StatusForbidden},
	}
	for _, tt := range tests {
		for _, path := range []string{"/-/fetch", "/-/backup", "/-/anything", "/-/fetch?token=secret-control-token"} {
			before := ran
			req := httptest.NewRequest(http.MethodPost, path, nil)
			req.RemoteAddr = tt.remote
			req.Header.Set("Authorization", "Bearer secret-control-token")
			for i := 0; i+1 < len(tt.header); i += 2 {
				req.Header.Set(tt.header[i], tt.header[i+1])
			}
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Errorf("%s, %s: got %d, want %d", tt.name, path, rec.Code, tt.want)
			}
			if handled := ran > before; handled != (tt.want == http.StatusOK) {
				t.Errorf("%s, %s: control handler ran: %v, want %v", tt.name, path, handled, tt.want == http.StatusOK)
			}
			if strings.Contains(rec.Body.String(), "secret-control-token") {
				t.Errorf("%s, %s: the answer shows the token: %q", tt.name, path, rec.Body.String())
			}
		}
	}
}

func TestEmptyTopicFeedIsDated(t *testing.T) {
	ts, _, _ := newTestServer(t, 0)
	resp, body := do(t, http.MethodGet, ts.URL+"/topics/gaza.atom")
	if resp.StatusCode != 200 || !strings.Contains(body, "<updated>2026-11-26T12:00:00Z</updated>") {
		t.Errorf("empty topic: got %s\n%s", resp.Status, body)
	}
}

func TestPagesSendStrictCSP(t *testing.T) {
	ts, _, _ := newTestServer(t, 2)
	for _, path := range []string{"/", "/topics/gaza"} {
		resp, _ := do(t, http.MethodGet, ts.URL+path)
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'none'") {
			t.Errorf("%s: Content-Security-Policy %q, want default-src 'none'", path, csp)
		}
	}
	if resp, _ := do(t, http.MethodGet, ts.URL+"/topics/gaza.atom"); resp.Header.Get("Content-Security-Policy") != "" {
		t.Error("a feed carries the page CSP")
	}
}
