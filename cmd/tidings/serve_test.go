package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestBaseURLMismatch(t *testing.T) {
	for _, tt := range []struct {
		base, listen string
		want         string // a fragment of the problem; "" for none
	}{
		{"http://127.0.0.1:8080/", "127.0.0.1:8080", ""},
		{"http://localhost:8080/", "127.0.0.1:8080", ""},
		{"http://[::1]:8080/", "[::1]:8080", ""},
		{"http://127.0.0.1/", "127.0.0.1:80", ""},
		{"https://localhost/", "127.0.0.1:443", ""},
		{"http://127.0.0.1:8080/", "127.0.0.1:9090", "names port 8080, but serve listens on port 9090"},
		{"http://localhost/", "127.0.0.1:8080", "names port 80, but serve listens on port 8080"},
		{"http://127.0.0.1:8080/", "0.0.0.0:8080", "names this machine only (127.0.0.1)"},
		{"http://localhost:8080/", "192.0.2.7:8080", "names this machine only (localhost)"},
		// A public name in front of a proxy is expected to differ.
		{"https://news.example.org/", "127.0.0.1:8080", ""},
		{"http://192.0.2.7:8080/", "0.0.0.0:9090", ""},
	} {
		addr, err := net.ResolveTCPAddr("tcp", tt.listen)
		if err != nil {
			t.Fatal(err)
		}
		got := baseURLMismatch(tt.base, addr)
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("baseURLMismatch(%q, %s) = %q, want %q", tt.base, tt.listen, got, tt.want)
		}
	}
}

// serveBaseURL runs serve on a port the system chooses, with the test
// config's base_url line replaced by baseURL (none when empty), and calls
// fn with serve's address while it runs. It returns serve's log.
func serveBaseURL(t *testing.T, baseURL string, fn func(addr string)) string {
	t.Helper()
	cfg := setup(t)
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if baseURL != "" {
		baseURL = "base_url: " + baseURL + "\n"
	}
	data = bytes.Replace(data, []byte("base_url: http://feeds.example/\n"), []byte(baseURL), 1)
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var stderr bytes.Buffer
	wg.Go(func() {
		Main(ctx, []string{"-config", cfg, "serve", "-addr", "127.0.0.1:0"}, &bytes.Buffer{}, &stderr)
	})
	fn(waitControlFile(t, filepath.Join(filepath.Dir(cfg), "data", "t.db")).Addr)
	cancel()
	wg.Wait()
	return stderr.String()
}

// TestServeWarnsOfBaseURL runs serve on another port than the config's
// base_url, as `serve -addr` does: the feeds would send readers to a port
// nobody answers on, so serve's log must say so, naming both.
func TestServeWarnsOfBaseURL(t *testing.T) {
	log := serveBaseURL(t, "http://127.0.0.1:8080/", func(string) {})
	if !strings.Contains(log, "level=WARN") || !strings.Contains(log, "base_url names port 8080, but serve listens on port") {
		t.Errorf("serve on another port than base_url's: no warning in its log:\n%s", log)
	}
}

// TestServeBaseURLFollowsListen leaves base_url unset: the feeds then name
// the address serve really listens on (here a port the system chose), so
// that `serve -addr` works without editing the config, and serve does not
// warn.
func TestServeBaseURLFollowsListen(t *testing.T) {
	var addr, feed string
	log := serveBaseURL(t, "", func(a string) {
		addr = a
		_, feed = getBody(t, "http://"+addr+"/topics/israel-gaza.atom")
	})
	if self := `<link href="http://` + addr + `/topics/israel-gaza.atom" rel="self"`; !strings.Contains(feed, self) {
		t.Errorf("base_url unset, serve on %s: the feed has no %s:\n%s", addr, self, feed)
	}
	if strings.Contains(log, "level=WARN") {
		t.Errorf("base_url unset: serve warned:\n%s", log)
	}
}
