package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tidings/feeds/fetch"
	"tidings/storage"
)

func rss(feed string, items int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://%s.example/</link><description>d</description>`, feed, feed)
	for i := range items {
		fmt.Fprintf(&b, `<item><title>%s story %d</title><link>https://%s.example/%d</link><guid>%s-%d</guid>
<pubDate>Wed, 12 May 2021 %02d:00:00 GMT</pubDate><description>Body of %s story %d.</description></item>`, feed, i, feed, i, feed, i, i, feed, i)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// feedHost serves /good/N (a feed with an ETag), /html (a web page), /500.
func feedHost(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/good/{n}", func(w http.ResponseWriter, r *http.Request) {
		etag := `"` + r.PathValue("n") + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		fmt.Fprint(w, rss("feed"+r.PathValue("n"), 3))
	})
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!doctype html><html><body>not a feed</body></html>")
	})
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func openStore(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := s.Verify(); err != nil {
			t.Errorf("at the end of the test: %v", err)
		}
		s.Close()
	})
	return s
}

func TestRunIsolatesFailures(t *testing.T) {
	host := feedHost(t)
	var sources []Source
	for i := range 20 {
		sources = append(sources, Source{Name: fmt.Sprintf("good %02d", i), URL: fmt.Sprintf("%s/good/%d", host.URL, i)})
	}
	sources = append(sources,
		Source{Name: "html", URL: host.URL + "/html"},
		Source{Name: "500", URL: host.URL + "/500"},
		Source{Name: "missing seeds", Seeds: filepath.Join(t.TempDir(), "nope")},
	)
	store := openStore(t)
	opts := Options{Store: store, Fetcher: fetch.New(fetch.Options{}), Concurrency: 4}
	sum, err := Run(context.Background(), sources, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.OK() {
		t.Error("summary OK despite three failed sources")
	}
	for i, r := range sum.Results {
		if r.Source != sources[i].Name {
			t.Fatalf("result %d is for %q, want %q (config order)", i, r.Source, sources[i].Name)
		}
		bad := i >= 20
		if bad != (r.Failed == 1) || (!bad && r.New != 3) {
			t.Errorf("%s: got %+v", r.Source, r)
		}
	}
	for name, want := range map[string]string{"html": "not a feed", "500": "500", "missing seeds": "nope"} {
		st, err := store.Source(name)
		if err != nil || st.Status != storage.StatusError || !strings.Contains(st.LastError, want) {
			t.Errorf("state of %s: got %+v, %v; want status error mentioning %q", name, st, err, want)
		}
	}
	if n := store.CountArticles(); n != 60 {
		t.Errorf("stored %d articles, want 60", n)
	}

	// Not due yet: skipped. Forced: conditional requests, all 304.
	sum, _ = Run(context.Background(), sources[:20], opts)
	if !sum.Results[0].Skipped {
		t.Errorf("second run: got %+v, want skipped (not due)", sum.Results[0])
	}
	opts.Force = true
	sum, _ = Run(context.Background(), sources[:20], opts)
	for _, r := range sum.Results {
		if !r.NotModified || r.New != 0 {
			t.Errorf("forced run: %s got %+v, want not modified", r.Source, r)
		}
	}
	st, _ := store.Source("good 00")
	if st.Status != storage.StatusOK || st.ETag != `"0"` || st.Articles != 3 || st.NextDue.Before(time.Now()) {
		t.Errorf("state after 304: got %+v", st)
	}
}

func TestRunSeeds(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", "000_167c493f75d27566.txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "000_167c493f75d27566.txt"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "001_0000000000000000.txt"), []byte(""), 0o644)
	// The same page under another name is the same story.
	os.WriteFile(filepath.Join(dir, "002_1111111111111111.txt"), data, 0o644)
	store := openStore(t)
	sum, err := Run(context.Background(), []Source{{Name: "Seeds", Seeds: dir}}, Options{Store: store, Fetcher: fetch.New(fetch.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	r := sum.Results[0]
	if r.New != 1 || r.Duplicates != 1 || r.Failed != 1 || !strings.Contains(r.Errors[0], "001_0000000000000000.txt") {
		t.Errorf("got %+v, want 1 new, 1 duplicate, 1 failure naming the empty file", r)
	}
}

// TestRunInterrupted cancels a run while feeds are being read: the sources
// read in full are stored, the others are left as they were (no failed
// attempt, no half-written source) and Run says how far it got.
func TestRunInterrupted(t *testing.T) {
	var requests atomic.Int32
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	stopped := errors.New("operator pressed ctrl-c")
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) == 12 {
			cancel(stopped)
		}
		if requests.Load() > 8 { // slow from here on: caught in flight
			<-r.Context().Done()
			return
		}
		fmt.Fprint(w, rss("f"+r.URL.Path[1:], 3))
	}))
	defer ts.Close()
	var sources []Source
	for i := range 40 {
		sources = append(sources, Source{Name: fmt.Sprintf("feed %02d", i), URL: fmt.Sprintf("%s/%d", ts.URL, i)})
	}
	store := openStore(t)
	var m Metrics
	sum, err := Run(ctx, sources, Options{Store: store, Fetcher: fetch.New(fetch.Options{}), Concurrency: 4, PerHost: 4, Metrics: &m})
	var ie *InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, stopped) {
		t.Fatalf("Run() error = %v, want an InterruptedError caused by %v", err, stopped)
	}
	done := 0
	for _, r := range sum.Results {
		if r.Interrupted {
			if r.New+r.Failed != 0 || len(r.Errors) > 0 {
				t.Errorf("%s: interrupted but got %+v", r.Source, r)
			}
			if _, err := store.Source(r.Source); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("%s: interrupted, yet its state was stored (%v)", r.Source, err)
			}
			continue
		}
		done++
		st, err := store.Source(r.Source)
		if err != nil || r.New != 3 || st.Status != storage.StatusOK || st.Articles != 3 {
			t.Errorf("%s: done, got result %+v state %+v (%v), want 3 new articles and status ok", r.Source, r, st, err)
		}
	}
	if ie.Done != done || ie.Total != 40 || done == 0 || done > 8 {
		t.Errorf("InterruptedError %+v, %d sources done: want Done = %d of 40, at most the 8 fast ones", ie, done, done)
	}
	if n := store.CountArticles(); n != 3*done {
		t.Errorf("stored %d articles, want %d", n, 3*done)
	}
	if m.fetches[OutcomeNew] != int64(done) || m.fetches[OutcomeError] != 0 {
		t.Errorf("metrics count %v, want %d ok and no error: an interrupted source was not read", m.fetches, done)
	}
	if m.runs != 0 {
		t.Errorf("metrics count %d runs, want 0: an interrupted run did not complete", m.runs)
	}
	if got := int(requests.Load()); got >= 40 {
		t.Errorf("%d feeds requested: sources still waiting were started after the cancellation", got)
	}
}
