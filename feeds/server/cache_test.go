package server

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestAcceptsGzip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZip", true},
		{"x-gzip", true},
		{"gzip, deflate, br", true},
		{"deflate, gzip;q=0.5", true},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"gzip;q=0.001", true},
		{"gzip;q=bogus", false},
		{"gzip;q=2", false},
		{"br, deflate", false},
		{"identity", false},
		{"*", true},
		{"*;q=0", false},
		{"gzip;q=0, *", false},
		{"*;q=0, gzip", true},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("Accept-Encoding", tt.header)
			}
			if got := acceptsGzip(h); got != tt.want {
				t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

// gunzip decompresses a gzip body.
func gunzip(t *testing.T, body string) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return string(plain)
}

func TestGzip(t *testing.T) {
	ts, _, _ := newTestServer(t, 10)
	for _, path := range []string{"/topics/gaza.atom", "/topics/gaza.rss", "/topics/gaza.json", "/topics/gaza", "/", "/search.atom?q=gaza"} {
		t.Run(path, func(t *testing.T) {
			plainResp, plain := do(t, http.MethodGet, ts.URL+path)
			gzResp, gz := do(t, http.MethodGet, ts.URL+path, "Accept-Encoding", "gzip")
			for _, r := range []*http.Response{plainResp, gzResp} {
				if r.StatusCode != http.StatusOK || r.Header.Get("Vary") != "Accept-Encoding" {
					t.Fatalf("got %s, Vary %q; want 200 and Vary: Accept-Encoding", r.Status, r.Header.Get("Vary"))
				}
			}
			if ce := plainResp.Header.Get("Content-Encoding"); ce != "" {
				t.Errorf("without Accept-Encoding: got Content-Encoding %q, want none", ce)
			}
			if ce := gzResp.Header.Get("Content-Encoding"); ce != "gzip" {
				t.Fatalf("with Accept-Encoding gzip: got Content-Encoding %q, want gzip", ce)
			}
			if got := gunzip(t, gz); got != plain {
				t.Errorf("gzip body decompresses to %d bytes, want the %d of the plain body", len(got), len(plain))
			}
			if len(gz) >= len(plain) {
				t.Errorf("gzip body is %d bytes, plain %d", len(gz), len(plain))
			}
			plainTag, gzTag := plainResp.Header.Get("ETag"), gzResp.Header.Get("ETag")
			if want := strings.TrimSuffix(plainTag, `"`) + `-gzip"`; gzTag != want {
				t.Errorf("gzip ETag %q, want %q (plain %q)", gzTag, want, plainTag)
			}
		})
	}
}

func TestGzipConditionalRequests(t *testing.T) {
	ts, _, _ := newTestServer(t, 10)
	url := ts.URL + "/topics/gaza.atom"
	plainResp, plain := do(t, http.MethodGet, url)
	gzResp, gz := do(t, http.MethodGet, url, "Accept-Encoding", "gzip")
	plainTag, gzTag := plainResp.Header.Get("ETag"), gzResp.Header.Get("ETag")
	modified := gzResp.Header.Get("Last-Modified")
	tests := []struct {
		name        string
		header      []string
		status      int
		etag, body  string
		compression string
	}{
		{"plain, plain tag", []string{"If-None-Match", plainTag}, 304, plainTag, "", ""},
		{"gzip, gzip tag", []string{"Accept-Encoding", "gzip", "If-None-Match", gzTag}, 304, gzTag, "", ""},
		{"gzip, both tags", []string{"Accept-Encoding", "gzip", "If-None-Match", plainTag + ", " + gzTag}, 304, gzTag, "", ""},
		{"plain, both tags", []string{"If-None-Match", gzTag + ", " + plainTag}, 304, plainTag, "", ""},
		{"gzip, weak gzip tag", []string{"Accept-Encoding", "gzip", "If-None-Match", "W/" + gzTag}, 304, gzTag, "", ""},
		// A tag of the other variant does not validate this one.
		{"gzip, plain tag", []string{"Accept-Encoding", "gzip", "If-None-Match", plainTag}, 200, gzTag, gz, "gzip"},
		{"plain, gzip tag", []string{"If-None-Match", gzTag}, 200, plainTag, plain, ""},
		{"gzip refused, gzip tag", []string{"Accept-Encoding", "gzip;q=0", "If-None-Match", gzTag}, 200, plainTag, plain, ""},
		{"gzip, If-Modified-Since", []string{"Accept-Encoding", "gzip", "If-Modified-Since", modified}, 304, gzTag, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, body := do(t, http.MethodGet, url, tt.header...)
			if r.StatusCode != tt.status || r.Header.Get("ETag") != tt.etag || body != tt.body {
				t.Errorf("got %s, ETag %q, %d bytes; want %d, ETag %q, %d bytes", r.Status, r.Header.Get("ETag"), len(body), tt.status, tt.etag, len(tt.body))
			}
			if r.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("got Vary %q, want Accept-Encoding", r.Header.Get("Vary"))
			}
			if tt.status == 200 && r.Header.Get("Content-Encoding") != tt.compression {
				t.Errorf("got Content-Encoding %q, want %q", r.Header.Get("Content-Encoding"), tt.compression)
			}
		})
	}
	// Ranges are not served (RFC 9110 lets a server ignore Range): the
	// whole variant comes back, never a slice of the other one.
	if r, body := do(t, http.MethodGet, url, "Accept-Encoding", "gzip", "Range", "bytes=0-9"); r.StatusCode != http.StatusOK || body != gz || r.ContentLength != int64(len(gz)) {
		t.Errorf("gzip range: got %s, %d bytes, Content-Length %d; want 200 with the whole gzip body", r.Status, len(body), r.ContentLength)
	}
	for _, enc := range []string{"", "gzip"} {
		r, body := do(t, http.MethodHead, url, "Accept-Encoding", enc)
		want, wantLen := plainTag, len(plain)
		if enc == "gzip" {
			want, wantLen = gzTag, len(gz)
		}
		if r.StatusCode != 200 || body != "" || r.Header.Get("ETag") != want || r.ContentLength != int64(wantLen) {
			t.Errorf("HEAD with Accept-Encoding %q: got %s, %d bytes, ETag %q, Content-Length %d; want 200, no body, ETag %q, Content-Length %d",
				enc, r.Status, len(body), r.Header.Get("ETag"), r.ContentLength, want, wantLen)
		}
	}
}

func TestGzipOncePerRender(t *testing.T) {
	f := newFixture(t, 10, nil, nil)
	url := f.ts.URL + "/topics/gaza.atom"
	do(t, http.MethodGet, url, "Accept-Encoding", "gzip")
	key := cacheKey{path: "/topics/gaza.atom", limit: DefaultLimit}
	first := f.srv.cache.get(key)
	if first == nil || first.gzipped == nil {
		t.Fatalf("cached %+v, want a rendered feed with its gzip variant", first)
	}
	do(t, http.MethodGet, url, "Accept-Encoding", "gzip")
	do(t, http.MethodGet, url)
	if again := f.srv.cache.get(key); again != first {
		t.Error("an unchanged store rendered (and compressed) the feed again")
	}
	f.clk.now = f.clk.now.Add(time.Hour)
	addArticles(t, f.store, 10, 11)
	do(t, http.MethodGet, url, "Accept-Encoding", "gzip")
	if again := f.srv.cache.get(key); again == first || again.gzipped == nil {
		t.Error("a changed store did not render and compress the feed again")
	}
}

func TestNoGzipForTinyBodies(t *testing.T) {
	t.Parallel()
	s := &Server{}
	small, err := s.newRendered(response{body: []byte(strings.Repeat("a", minGzipSize-1)), contentType: "text/plain"}, time.Time{})
	if err != nil || small.gzipped != nil {
		t.Errorf("a %d-byte body: got gzipped %d bytes, error %v; want none", minGzipSize-1, len(small.gzipped), err)
	}
	big, err := s.newRendered(response{body: []byte(strings.Repeat("a", minGzipSize)), contentType: "text/plain"}, time.Time{})
	if err != nil || big.gzipped == nil || big.etag == big.gzipETag {
		t.Errorf("a %d-byte body: got gzipped %d bytes, ETags %s %s, error %v; want a gzip variant with its own ETag",
			minGzipSize, len(big.gzipped), big.etag, big.gzipETag, err)
	}

	// Over HTTP: the OPML of one topic is a few hundred bytes.
	f := newFixture(t, 1, nil, nil)
	r, body := do(t, http.MethodGet, f.ts.URL+"/topics.opml", "Accept-Encoding", "gzip")
	if len(body) >= minGzipSize {
		t.Fatalf("the OPML is %d bytes; the test needs one under %d", len(body), minGzipSize)
	}
	if r.Header.Get("Content-Encoding") != "" || r.Header.Get("Vary") != "Accept-Encoding" || !strings.HasPrefix(body, "<?xml") {
		t.Errorf("tiny OPML: got Content-Encoding %q, Vary %q; want no encoding, Vary: Accept-Encoding", r.Header.Get("Content-Encoding"), r.Header.Get("Vary"))
	}
}

func TestGzipJSON(t *testing.T) {
	var sources []Source
	for i := range 10 {
		sources = append(sources, Source{Name: fmt.Sprintf("Source %d", i), URL: fmt.Sprintf("https://wire.example/%d.xml", i)})
	}
	f := newFixture(t, 1, nil, func(o *Options) { o.Sources = sources })
	plainResp, plain := do(t, http.MethodGet, f.ts.URL+"/sources.json")
	gzResp, gz := do(t, http.MethodGet, f.ts.URL+"/sources.json", "Accept-Encoding", "gzip")
	if len(plain) < minGzipSize || plainResp.Header.Get("Content-Encoding") != "" {
		t.Fatalf("plain /sources.json: %d bytes, Content-Encoding %q; want over %d bytes, none", len(plain), plainResp.Header.Get("Content-Encoding"), minGzipSize)
	}
	if gzResp.Header.Get("Content-Encoding") != "gzip" || gzResp.Header.Get("Vary") != "Accept-Encoding" || gunzip(t, gz) != plain {
		t.Errorf("gzip /sources.json: Content-Encoding %q, Vary %q; want gzip of the plain body", gzResp.Header.Get("Content-Encoding"), gzResp.Header.Get("Vary"))
	}
	if r, body := do(t, http.MethodGet, f.ts.URL+"/topics.json", "Accept-Encoding", "gzip"); r.Header.Get("Content-Encoding") != "" || !strings.Contains(body, `"name": "gaza"`) {
		t.Errorf("tiny /topics.json: Content-Encoding %q; want plain JSON", r.Header.Get("Content-Encoding"))
	}
}

func TestCacheControl(t *testing.T) {
	tests := []struct {
		maxAge time.Duration
		want   string
	}{
		{0, "public, max-age=300"},
		{15 * time.Minute, "public, max-age=900"},
		{time.Minute, "public, max-age=60"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			f := newFixture(t, 1, nil, func(o *Options) { o.MaxAge = tt.maxAge })
			for _, path := range []string{"/topics/gaza.atom", "/topics/gaza", "/", "/topics.opml", "/search.rss?q=gaza"} {
				r, _ := do(t, http.MethodGet, f.ts.URL+path)
				if got := r.Header.Get("Cache-Control"); got != tt.want {
					t.Errorf("%s: got Cache-Control %q, want %q", path, got, tt.want)
				}
				if r304, _ := do(t, http.MethodGet, f.ts.URL+path, "If-None-Match", r.Header.Get("ETag")); r304.StatusCode != 304 || r304.Header.Get("Cache-Control") != tt.want {
					t.Errorf("%s: conditional GET got %s, Cache-Control %q; want 304 with %q", path, r304.Status, r304.Header.Get("Cache-Control"), tt.want)
				}
			}
		})
	}
}

func TestAdhocCacheIsBounded(t *testing.T) {
	t.Parallel()
	c := newCache(2)
	r := func(i int) *rendered { return &rendered{body: []byte{byte(i)}} }
	key := func(i int) cacheKey { return cacheKey{path: "/search.atom", query: fmt.Sprint(i)} }
	c.put(key(1), r(1))
	c.put(key(2), r(2))
	c.get(key(1)) // 2 is now the least recently used
	c.put(key(3), r(3))
	if fixed, adhoc := c.len(); fixed != 0 || adhoc != 2 {
		t.Errorf("got %d fixed and %d ad-hoc entries, want 0 and 2", fixed, adhoc)
	}
	if c.get(key(2)) != nil || c.get(key(1)) == nil || c.get(key(3)) == nil {
		t.Error("evicted the wrong entry: want the least recently used, 2, gone")
	}
	c.put(cacheKey{path: "/topics/gaza.atom"}, r(4))
	if fixed, adhoc := c.len(); fixed != 1 || adhoc != 2 {
		t.Errorf("got %d fixed and %d ad-hoc entries, want 1 and 2", fixed, adhoc)
	}

	// Over HTTP, many distinct queries stay within the bound.
	f := newFixture(t, 1, nil, nil)
	for i := range maxAdhocEntries + 10 {
		do(t, http.MethodGet, fmt.Sprintf("%s/search.atom?q=gaza+OR+w%d", f.ts.URL, i))
	}
	if _, adhoc := f.srv.cache.len(); adhoc != maxAdhocEntries {
		t.Errorf("after %d queries: %d cached, want %d", maxAdhocEntries+10, adhoc, maxAdhocEntries)
	}
}
