package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Figures of the fetch benchmark (issue 3): N feeds of 20 items on one
// host, each answer delayed by L, read with the given concurrency.
const (
	benchFeeds       = 1000
	benchItems       = 20
	benchLatency     = 50 * time.Millisecond
	benchConcurrency = 32
)

// benchFeedServer serves benchFeeds RSS feeds after benchLatency, with
// ETags, counting the bytes it sends on the wire (status lines, headers and
// bodies) and the 304s.
type benchFeedServer struct {
	*httptest.Server
	bytes, notModified, requests atomic.Int64
	bodies                       map[string][]byte
}

// countingListener counts the bytes written to every connection it accepts.
type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	return countingConn{c, l.n}, err
}

type countingConn struct {
	net.Conn
	n *atomic.Int64
}

func (c countingConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.n.Add(int64(n))
	return n, err
}

func newBenchFeedServer() *benchFeedServer {
	s := &benchFeedServer{bodies: map[string][]byte{}}
	for i := range benchFeeds {
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title><link>https://f%d.example/</link><description>d</description>`, i, i)
		for j := range benchItems {
			fmt.Fprintf(&b, `<item><title>Story %d of feed %d about Gaza</title><link>https://f%d.example/%d</link><guid>f%d-%d</guid><pubDate>Wed, 12 May 2021 %02d:%02d:00 GMT</pubDate><description>&lt;p&gt;Paragraph one of story %d in feed %d, with enough words to look like news from the wire desk today.&lt;/p&gt;</description></item>`,
				j, i, i, j, i, j, j%24, i%60, j, i)
		}
		b.WriteString("</channel></rss>")
		s.bodies[fmt.Sprintf("/feed/%d", i)] = []byte(b.String())
	}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		time.Sleep(benchLatency)
		body, ok := s.bodies[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := `"` + r.URL.Path + `"`
		if r.Header.Get("If-None-Match") == etag {
			s.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	}))
	s.Listener = countingListener{s.Listener, &s.bytes}
	s.Start()
	return s
}

// baseline GETs every feed with the same concurrency and no parsing or
// storage: the best any fetcher could do on this machine.
func (s *benchFeedServer) baseline() time.Duration {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: benchConcurrency}}
	start := time.Now()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range benchConcurrency {
		wg.Go(func() {
			for i := range jobs {
				resp, err := client.Get(fmt.Sprintf("%s/feed/%d", s.URL, i))
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		})
	}
	for i := range benchFeeds {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return time.Since(start)
}

// run runs the built tidings binary and returns its wall time and peak RSS.
func runTidings(b *testing.B, bin string, args ...string) (time.Duration, int64) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		b.Fatalf("tidings %v: %v\n%s", args, err, out)
	}
	return wall, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
}

// BenchmarkFetch1000Feeds runs `tidings fetch` as a user would, as its own
// process, over 1,000 feeds of 20 items on one host with 50 ms latency and
// concurrency 32, then again with nothing changed. It reports, measured in
// the same run:
//
//	first/ideal, second/ideal  wall time over N×L/concurrency (target ≤ 1.5)
//	first/baseline             wall time over bare concurrent GETs
//	second_304_%               share of the second run answered 304 (target 100)
//	second_bytes_%             bytes sent on the wire in the second run over the first (target < 2)
//	peak_rss_MB                peak RSS of the tidings process (target < 150)
//
// Run: go test -run '^$' -bench Fetch1000Feeds -benchtime 1x ./cmd/tidings/
func BenchmarkFetch1000Feeds(b *testing.B) {
	if testing.Short() {
		b.Skip("slow: builds tidings and serves 1,000 feeds")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "tidings")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	srv := newBenchFeedServer()
	defer srv.Close()
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "database: %s\nbase_url: http://feeds.example/\nfetch:\n  concurrency: %d\n  per_host: %d\nsources:\n",
		filepath.Join(dir, "t.db"), benchConcurrency, benchConcurrency)
	for i := range benchFeeds {
		fmt.Fprintf(&cfg, "  - name: feed %d\n    url: %s/feed/%d\n", i, srv.URL, i)
	}
	cfg.WriteString("topics:\n  - name: gaza\n    query: gaza\n")
	cfgPath := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	ideal := time.Duration(benchFeeds) * benchLatency / benchConcurrency
	base := srv.baseline()
	srv.bytes.Store(0)
	srv.requests.Store(0)

	for b.Loop() {
		first, rss1 := runTidings(b, bin, "-config", cfgPath, "fetch", "-force")
		firstBytes := srv.bytes.Load()
		srv.bytes.Store(0)
		srv.notModified.Store(0)
		second, rss2 := runTidings(b, bin, "-config", cfgPath, "fetch", "-force")
		b.ReportMetric(first.Seconds()/ideal.Seconds(), "first/ideal")
		b.ReportMetric(first.Seconds()/base.Seconds(), "first/baseline")
		b.ReportMetric(second.Seconds()/ideal.Seconds(), "second/ideal")
		b.ReportMetric(100*float64(srv.notModified.Load())/benchFeeds, "second_304_%")
		b.ReportMetric(100*float64(srv.bytes.Load())/float64(firstBytes), "second_bytes_%")
		b.ReportMetric(float64(max(rss1, rss2))/(1<<20), "peak_rss_MB")
		b.Logf("ideal %v, baseline %v, first run %v, second run %v, first run %d bytes on the wire",
			ideal, base.Round(time.Millisecond), first.Round(time.Millisecond), second.Round(time.Millisecond), firstBytes)
		os.Remove(filepath.Join(dir, "t.db")) // the next iteration starts empty
	}
}
