package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// newServer starts an httptest server for h and closes it when t ends.
func newServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// mustGet fetches url and fails the test on any error.
func mustGet(t *testing.T, c *Client, url string, v Validators) *Response {
	t.Helper()
	res, err := c.Get(t.Context(), url, v)
	if err != nil {
		t.Fatalf("Get(%s): got error %v, want nil", url, err)
	}
	return res
}

// gzipped returns b gzip-compressed.
func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// acceptsGzip reports whether r asked for gzip, as Go's transport does.
func acceptsGzip(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept-Encoding"), "gzip")
}

func TestNewDefaults(t *testing.T) {
	t.Parallel()
	got := New(Options{}).opts
	if got.UserAgent != DefaultUserAgent || !strings.Contains(got.UserAgent, "tidings") {
		t.Errorf("UserAgent: got %q, want %q naming tidings", got.UserAgent, DefaultUserAgent)
	}
	if got.Timeout != 30*time.Second {
		t.Errorf("Timeout: got %s, want 30s", got.Timeout)
	}
	if got.MaxBodySize != 10<<20 {
		t.Errorf("MaxBodySize: got %d, want %d", got.MaxBodySize, 10<<20)
	}
	if got.MaxRedirects != 5 {
		t.Errorf("MaxRedirects: got %d, want 5", got.MaxRedirects)
	}
	if got.Transport == nil {
		t.Error("Transport: got nil, want the default transport")
	}
}

func TestGetOK(t *testing.T) {
	t.Parallel()
	const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`
	tests := []struct {
		name    string
		headers map[string]string
		status  int
		want    Response // URL is filled in per server
	}{
		{
			name: "body and validators",
			headers: map[string]string{
				"Content-Type":     "application/rss+xml; charset=utf-8",
				"ETag":             `"abc"`,
				"Last-Modified":    "Mon, 02 Jan 2006 15:04:05 GMT",
				"Content-Language": "fr-FR, en",
			},
			status: http.StatusOK,
			want: Response{
				Status:          http.StatusOK,
				Body:            []byte(feed),
				ContentType:     "application/rss+xml; charset=utf-8",
				ContentLanguage: "fr-FR, en",
				Validators:      Validators{ETag: `"abc"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT"},
			},
		},
		{
			name:    "no validators",
			headers: map[string]string{"Content-Type": "text/xml"},
			status:  http.StatusOK,
			want:    Response{Status: http.StatusOK, Body: []byte(feed), ContentType: "text/xml"},
		},
		{
			name:    "other 2xx",
			headers: map[string]string{"Content-Type": "text/xml"},
			status:  http.StatusNonAuthoritativeInfo,
			want:    Response{Status: http.StatusNonAuthoritativeInfo, Body: []byte(feed), ContentType: "text/xml"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.headers {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(feed))
			}))
			// Stale validators must not survive a 200 that carries none.
			got := mustGet(t, New(Options{}), srv.URL+"/feed", Validators{ETag: `"old"`})
			want := tt.want
			want.URL = srv.URL + "/feed"
			assertResponse(t, got, &want)
		})
	}
}

// assertResponse compares every field of got and want.
func assertResponse(t *testing.T, got, want *Response) {
	t.Helper()
	if got.URL != want.URL {
		t.Errorf("URL: got %q, want %q", got.URL, want.URL)
	}
	if got.Status != want.Status {
		t.Errorf("Status: got %d, want %d", got.Status, want.Status)
	}
	if got.NotModified != want.NotModified {
		t.Errorf("NotModified: got %t, want %t", got.NotModified, want.NotModified)
	}
	if !bytes.Equal(got.Body, want.Body) || (got.Body == nil) != (want.Body == nil) {
		t.Errorf("Body: got %q, want %q", got.Body, want.Body)
	}
	if got.ContentType != want.ContentType {
		t.Errorf("ContentType: got %q, want %q", got.ContentType, want.ContentType)
	}
	if got.ContentLanguage != want.ContentLanguage {
		t.Errorf("ContentLanguage: got %q, want %q", got.ContentLanguage, want.ContentLanguage)
	}
	if got.Validators != want.Validators {
		t.Errorf("Validators: got %+v, want %+v", got.Validators, want.Validators)
	}
	if got.PermanentRedirect != want.PermanentRedirect {
		t.Errorf("PermanentRedirect: got %q, want %q", got.PermanentRedirect, want.PermanentRedirect)
	}
}

func TestGetRequestHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts Options
		v    Validators
		want map[string]string // "" means the header must be absent
	}{
		{
			name: "defaults without validators",
			want: map[string]string{
				"User-Agent":        DefaultUserAgent,
				"Accept":            acceptHeader,
				"If-None-Match":     "",
				"If-Modified-Since": "",
			},
		},
		{
			name: "custom user agent and validators",
			opts: Options{UserAgent: "tidings-test/1"},
			v:    Validators{ETag: `W/"x1"`, LastModified: "Tue, 03 Jan 2006 10:00:00 GMT"},
			want: map[string]string{
				"User-Agent":        "tidings-test/1",
				"If-None-Match":     `W/"x1"`,
				"If-Modified-Since": "Tue, 03 Jan 2006 10:00:00 GMT",
			},
		},
		{
			name: "etag only",
			v:    Validators{ETag: `"e"`},
			want: map[string]string{"If-None-Match": `"e"`, "If-Modified-Since": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			seen := make(chan http.Header, 1)
			srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				seen <- r.Header.Clone()
			}))
			mustGet(t, New(tt.opts), srv.URL, tt.v)
			got := <-seen
			for k, want := range tt.want {
				if got.Get(k) != want {
					t.Errorf("%s: got %q, want %q", k, got.Get(k), want)
				}
			}
			if !strings.Contains(got.Get("Accept-Encoding"), "gzip") {
				t.Errorf("Accept-Encoding: got %q, want gzip", got.Get("Accept-Encoding"))
			}
		})
	}
}

func TestGetNotModified(t *testing.T) {
	t.Parallel()
	const (
		etag    = `"v2"`
		lastMod = "Wed, 04 Jan 2006 08:00:00 GMT"
		body    = "<feed/>"
	)
	// The server answers 304 only when a validator really matches, and
	// resends the ETag but not Last-Modified, as servers often do.
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.Header().Set("ETag", etag)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		_, _ = w.Write([]byte(body))
	}))
	full := Response{URL: srv.URL, Status: http.StatusOK, Body: []byte(body),
		ContentType: "text/plain; charset=utf-8", Validators: Validators{ETag: etag, LastModified: lastMod}}
	tests := []struct {
		name string
		v    Validators
		want Response
	}{
		{
			name: "etag matches",
			v:    Validators{ETag: etag, LastModified: "Sun, 01 Jan 2006 00:00:00 GMT"},
			want: Response{URL: srv.URL, Status: http.StatusNotModified, NotModified: true,
				Validators: Validators{ETag: etag, LastModified: "Sun, 01 Jan 2006 00:00:00 GMT"}},
		},
		{
			name: "last-modified matches",
			v:    Validators{LastModified: lastMod},
			want: Response{URL: srv.URL, Status: http.StatusNotModified, NotModified: true,
				Validators: Validators{ETag: etag, LastModified: lastMod}},
		},
		{name: "stale etag", v: Validators{ETag: `"v1"`}, want: full},
		{name: "no validators", want: full},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assertResponse(t, mustGet(t, c, srv.URL, tt.v), &tt.want)
		})
	}
}

func TestGetGzip(t *testing.T) {
	t.Parallel()
	body := []byte(strings.Repeat("<item>gzip</item>", 100))
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !acceptsGzip(r) {
			http.Error(w, "gzip not accepted", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/atom+xml")
		_, _ = w.Write(gzipped(t, body))
	}))
	got := mustGet(t, New(Options{}), srv.URL, Validators{})
	if !bytes.Equal(got.Body, body) {
		t.Errorf("Body: got %d bytes %.40q…, want %d bytes %.40q…", len(got.Body), got.Body, len(body), body)
	}
}

func TestGetBodyTooLarge(t *testing.T) {
	t.Parallel()
	const limit = 64 << 10
	bomb := gzipped(t, make([]byte, 4*limit))
	if len(bomb) >= limit {
		t.Fatalf("gzip bomb: got %d compressed bytes, want fewer than the %d-byte cap", len(bomb), limit)
	}
	tests := []struct {
		name    string
		handler http.HandlerFunc
		wantErr bool
	}{
		{
			name: "exactly the cap",
			handler: func(w http.ResponseWriter, r *http.Request) {
				_, _ = w.Write(make([]byte, limit))
			},
		},
		{
			name: "content-length over the cap",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", strconv.Itoa(limit+1))
				_, _ = w.Write(make([]byte, limit+1))
			},
			wantErr: true,
		},
		{
			name: "chunked over the cap",
			handler: func(w http.ResponseWriter, r *http.Request) {
				for range 5 {
					_, _ = w.Write(make([]byte, limit/4+1))
					w.(http.Flusher).Flush()
				}
			},
			wantErr: true,
		},
		{
			name: "gzip small compressed, over the cap decompressed",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Content-Length", strconv.Itoa(len(bomb)))
				_, _ = w.Write(bomb)
			},
			wantErr: true,
		},
	}
	c := New(Options{MaxBodySize: limit})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, tt.handler)
			res, err := c.Get(t.Context(), srv.URL, Validators{})
			if !tt.wantErr {
				if err != nil || len(res.Body) != limit {
					t.Fatalf("got error %v, want a %d-byte body", err, limit)
				}
				return
			}
			if !errors.Is(err, ErrBodyTooLarge) {
				t.Fatalf("got error %v, want ErrBodyTooLarge", err)
			}
			if !strings.Contains(err.Error(), srv.URL) {
				t.Errorf("got error %q, want it to name %s", err, srv.URL)
			}
		})
	}
}

func TestGetTimeout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		partBody bool // send headers and part of the body before stalling
	}{
		{name: "slow headers"},
		{name: "slow body", partBody: true},
	}
	c := New(Options{Timeout: 100 * time.Millisecond})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// The handler waits for the client to give up; release frees
			// it if the client never does, so the server can close.
			release := make(chan struct{})
			srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.partBody {
					_, _ = w.Write([]byte("<rss>"))
					w.(http.Flusher).Flush()
				}
				select {
				case <-r.Context().Done():
				case <-release:
				}
			}))
			t.Cleanup(func() { close(release) }) // runs before srv.Close
			_, err := c.Get(t.Context(), srv.URL, Validators{})
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("got error %v, want context.DeadlineExceeded", err)
			}
			if !strings.Contains(err.Error(), "fetch "+srv.URL) || !strings.Contains(err.Error(), "timed out after 100ms") {
				t.Errorf("got error %q, want it to name %s and the timeout", err, srv.URL)
			}
		})
	}
}

func TestGetCanceled(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := New(Options{}).Get(ctx, srv.URL, Validators{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want context.Canceled", err)
	}
	if strings.Contains(err.Error(), "timed out") {
		t.Errorf("got error %q, want no timeout claimed for a canceled caller", err)
	}
}

func TestGetConnectionRefused(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens on url now
	_, err := New(Options{}).Get(t.Context(), url, Validators{})
	if err == nil {
		t.Fatal("got nil error, want a connection error")
	}
	if want := "fetch " + url + ": "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got error %q, want prefix %q", err, want)
	}
}

func TestGetTLSWithTransport(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("tls"))
	}))
	t.Cleanup(srv.Close)
	got := mustGet(t, New(Options{Transport: srv.Client().Transport}), srv.URL, Validators{})
	if string(got.Body) != "tls" {
		t.Errorf("Body: got %q, want %q", got.Body, "tls")
	}
}

func TestClientConcurrentUse(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		_, _ = w.Write([]byte(r.URL.Path))
	}))
	c := New(Options{})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			path := "/old"
			if i%2 == 1 {
				path = "/feed" + strconv.Itoa(i)
			}
			res, err := c.Get(t.Context(), srv.URL+path, Validators{})
			if err != nil {
				t.Errorf("Get(%s): got error %v, want nil", path, err)
				return
			}
			want := path
			if path == "/old" {
				want = "/new"
			}
			if string(res.Body) != want {
				t.Errorf("Get(%s): got body %q, want %q", path, res.Body, want)
			}
		})
	}
	wg.Wait()
}
