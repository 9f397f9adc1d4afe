package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tidings/normalize"
	"tidings/storage"
)

// Figures of the serving benchmark (issue 6).
const (
	serveBenchArticles = 100_000
	serveBenchEvery    = 100 // one article in this many is in the topic
	wrkDuration        = "5s"
	wrkConnections     = "32"
)

// fillStore writes n generated articles to the database at path, in
// batches, with topic "wire" matching one in every serveBenchEvery.
func fillStore(b *testing.B, path string, n int) *normalize.Topic {
	b.Helper()
	store, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	topic, err := normalize.NewTopic("wire", "Wire", "", "ceasefire")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := store.SyncTopics(b.Context(), []*normalize.Topic{topic}); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for start := 0; start < n; start += 1000 {
		var batch []normalize.Article
		for i := start; i < min(start+1000, n); i++ {
			word := "markets"
			if i%serveBenchEvery == 0 {
				word = "ceasefire"
			}
			a := normalize.Article{Source: "Gen", GUID: strconv.Itoa(i), Title: fmt.Sprintf("Story %d on %s", i, word),
				Link: fmt.Sprintf("https://gen.example/%d", i), Authors: []string{"Desk"},
				Text:      fmt.Sprintf("Body of story %d about %s, long enough to look like a real paragraph of news copy.", i, word),
				Published: base.Add(time.Duration(i) * time.Minute)}
			a.Finish("Gen", now)
			batch = append(batch, a)
		}
		if _, err := store.Save("Gen", batch, storage.SourceState{Name: "Gen"}); err != nil {
			b.Fatal(err)
		}
	}
	return topic
}

// timeRebuild measures re-indexing a topic whose query changed over the
// whole store.
func timeRebuild(b *testing.B, path string) time.Duration {
	b.Helper()
	store, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	topic, _ := normalize.NewTopic("rebuild", "", "", "ceasefire OR markets")
	start := time.Now()
	if _, err := store.SyncTopics(b.Context(), []*normalize.Topic{topic}); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

var (
	wrkRate = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	wrkP99  = regexp.MustCompile(`\s99%\s+([0-9.]+)(us|ms|s)`)
)

// wrk loads url and returns requests per second and the p99 latency.
func wrk(b *testing.B, url string, header ...string) (float64, time.Duration) {
	b.Helper()
	args := []string{"-t2", "-c" + wrkConnections, "-d" + wrkDuration, "--latency"}
	for _, h := range header {
		args = append(args, "-H", h)
	}
	out, err := exec.Command("wrk", append(args, url)...).CombinedOutput()
	if err != nil {
		b.Fatalf("wrk: %v\n%s", err, out)
	}
	rate := wrkRate.FindSubmatch(out)
	p99 := wrkP99.FindSubmatch(out)
	if rate == nil || p99 == nil || strings.Contains(string(out), "Non-2xx") && len(header) == 0 {
		b.Fatalf("wrk output not understood or errors:\n%s", out)
	}
	r, _ := strconv.ParseFloat(string(rate[1]), 64)
	d, _ := time.ParseDuration(string(p99[1]) + string(p99[2]))
	return r, d
}

// BenchmarkServeTopic loads `tidings serve` (its own process, on loopback)
// with wrk: a topic feed of 50 entries over a store of 100,000 articles,
// against the same bytes served from memory by a bare net/http handler in
// the same run. It reports:
//
//	serve/bare        requests/s of the topic feed over the bare handler's (target ≥ 0.8)
//	serve304/bare     requests/s of conditional requests answered 304 over the bare handler's 200s (target ≥ 1)
//	p99_serve_ms, p99_304_ms, p99_bare_ms
//	rebuild_100k_s    seconds to index a changed topic query over the whole store
//
// Run: go test -run '^$' -bench ServeTopic -benchtime 1x ./cmd/tidings/
func BenchmarkServeTopic(b *testing.B) {
	if testing.Short() {
		b.Skip("slow: builds tidings and a store of 100,000 articles")
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		b.Skip("wrk is not installed (apt-get install -y wrk)")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "tidings")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "t.db")
	fillStore(b, db, serveBenchArticles)
	rebuild := timeRebuild(b, db)
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte("database: t.db\nlisten: 127.0.0.1:0\ntopics:\n  - name: wire\n    title: Wire\n    query: ceasefire\n"), 0o644)
	serve := exec.Command(bin, "-config", cfg, "serve")
	if err := serve.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { serve.Process.Signal(os.Interrupt); serve.Wait() }()
	cf := waitControlFile(b, db)
	url := "http://" + cf.Addr + "/topics/wire.atom"
	// wrk asks for no compression: take the plain variant and its ETag.
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	etag, ctype := resp.Header.Get("ETag"), resp.Header.Get("Content-Type")
	if n := strings.Count(string(body), "<entry>"); n != 50 {
		b.Fatalf("the topic feed has %d entries, want 50", n)
	}
	req.Header.Set("If-None-Match", etag)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNotModified {
		b.Fatalf("a conditional request was not answered 304: %v %v", resp, err)
	}
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("ETag", etag)
		w.Write(body)
	}))
	defer bare.Close()

	for b.Loop() {
		bareRate, bareP99 := wrk(b, bare.URL)
		serveRate, serveP99 := wrk(b, url)
		cond, condP99 := wrk(b, url, "If-None-Match: "+etag)
		b.ReportMetric(serveRate/bareRate, "serve/bare")
		b.ReportMetric(cond/bareRate, "serve304/bare")
		b.ReportMetric(float64(serveP99.Microseconds())/1000, "p99_serve_ms")
		b.ReportMetric(float64(condP99.Microseconds())/1000, "p99_304_ms")
		b.ReportMetric(float64(bareP99.Microseconds())/1000, "p99_bare_ms")
		b.ReportMetric(rebuild.Seconds(), "rebuild_100k_s")
		b.Logf("bare %.0f req/s, serve %.0f req/s, 304 %.0f req/s; feed %d bytes; rebuild over %d articles %v",
			bareRate, serveRate, cond, len(body), serveBenchArticles, rebuild.Round(time.Millisecond))
	}
}
