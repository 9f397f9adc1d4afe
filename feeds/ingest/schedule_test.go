package ingest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tidings/feeds/fetch"
	"tidings/storage"
)

// runner runs fetches at a clock the test moves, with no jitter.
type runner struct {
	t     *testing.T
	store *storage.Store
	now   time.Time
	opts  Options
}

func newRunner(t *testing.T) *runner {
	r := &runner{t: t, store: openStore(t), now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)}
	r.opts = Options{Store: r.store, Fetcher: fetch.New(fetch.Options{}), Interval: 10 * time.Minute,
		Now: func() time.Time { return r.now }, Jitter: func() float64 { return 0 }}
	return r
}

// run fetches the sources at r.now and returns the results.
func (r *runner) run(sources ...Source) []Result {
	r.t.Helper()
	sum, err := Run(context.Background(), sources, r.opts)
	if err != nil {
		r.t.Fatal(err)
	}
	return sum.Results
}

func (r *runner) state(name string) storage.SourceState {
	r.t.Helper()
	st, err := r.store.Source(name)
	if err != nil {
		r.t.Fatal(err)
	}
	return st
}

func TestBackoffAndRecovery(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, rss("back", 1))
	}))
	defer ts.Close()
	r := newRunner(t)
	src := Source{Name: "flaky", URL: ts.URL}
	wantDelays := []time.Duration{10 * time.Minute, 20 * time.Minute, 40 * time.Minute, 80 * time.Minute}
	for i, want := range wantDelays {
		res := r.run(src)[0]
		st := r.state("flaky")
		if res.Failed != 1 || st.ConsecutiveErrors != i+1 || st.Status != storage.StatusError {
			t.Fatalf("failure %d: got %+v, state %+v", i+1, res, st)
		}
		if got := st.NextDue.Sub(r.now); got != want {
			t.Errorf("after %d failures: next due in %v, want %v", i+1, got, want)
		}
		// Not due yet: skipped without a request.
		r.now = r.now.Add(want - time.Second)
		if res := r.run(src)[0]; !res.Skipped {
			t.Errorf("before due: got %+v, want skipped", res)
		}
		r.now = r.now.Add(time.Second)
	}
	if r.state("flaky").Unhealthy(r.now) {
		t.Error("unhealthy after 2.5 hours of failures, want only after a day")
	}
	if !r.state("flaky").Unhealthy(r.now.Add(25 * time.Hour)) {
		t.Error("not unhealthy after a day of failures")
	}
	fail.Store(false)
	if res := r.run(src)[0]; res.Failed != 0 || res.New != 1 {
		t.Fatalf("recovery: got %+v", res)
	}
	if st := r.state("flaky"); st.ConsecutiveErrors != 0 || st.Status != storage.StatusOK || !st.FailingSince.IsZero() ||
		st.NextDue.Sub(r.now) != 10*time.Minute {
		t.Errorf("after recovery: got %+v, want the streak reset and the plain interval", st)
	}
}

func TestBackoffIsCappedAndJittered(t *testing.T) {
	if got := backoff(time.Hour, 30, func() float64 { return 0 }); got != MaxBackoff {
		t.Errorf("30 failures: got %v, want the cap %v", got, MaxBackoff)
	}
	if got := backoff(10*time.Minute, 1, func() float64 { return 0.5 }); got != 11*time.Minute {
		t.Errorf("jitter 0.5: got %v, want 11m (10%% more)", got)
	}
}

func TestRetryAfter(t *testing.T) {
	r := newRunner(t)
	date := r.now.Add(3 * time.Hour).Format(http.TimeFormat)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		switch req.URL.Path {
		case "/seconds":
			w.Header().Set("Retry-After", "7200")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/date":
			w.Header().Set("Date", r.now.Format(http.TimeFormat))
			w.Header().Set("Retry-After", date)
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/short":
			w.Header().Set("Retry-After", "60") // shorter than the interval: the interval wins
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer ts.Close()
	tests := []struct {
		path string
		want time.Duration
	}{
		{"/seconds", 2 * time.Hour},
		{"/date", 3 * time.Hour},
		{"/short", 10 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			name := "src" + tt.path
			r.run(Source{Name: name, URL: ts.URL + tt.path})
			if got := r.state(name).NextDue.Sub(r.now); got != tt.want {
				t.Errorf("next due in %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFeedHintsLengthenInterval(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body := rss("hint", 1)
		switch req.URL.Path {
		case "/ttl":
			body = strings.Replace(body, "<description>d</description>", "<description>d</description><ttl>60</ttl>", 1)
		case "/maxage":
			w.Header().Set("Cache-Control", "max-age=1800")
		case "/huge":
			w.Header().Set("Cache-Control", "max-age=999999999")
		case "/small":
			w.Header().Set("Cache-Control", "max-age=60")
		}
		fmt.Fprint(w, body)
	}))
	defer ts.Close()
	tests := []struct {
		path  string
		every time.Duration
		want  time.Duration
	}{
		{"/plain", 0, 10 * time.Minute},
		{"/plain", 5 * time.Minute, 5 * time.Minute},
		{"/ttl", 0, time.Hour},
		{"/maxage", 0, 30 * time.Minute},
		{"/huge", 0, MaxHint},
		{"/small", 0, 10 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s every %v", tt.path, tt.every), func(t *testing.T) {
			r := newRunner(t)
			r.run(Source{Name: "s", URL: ts.URL + tt.path, Every: tt.every})
			if got := r.state("s").NextDue.Sub(r.now); got != tt.want {
				t.Errorf("next due in %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRedirectsAndGone(t *testing.T) {
	var oldHits, newHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, req *http.Request) {
		oldHits.Add(1)
		http.Redirect(w, req, "/new", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/temp", func(w http.ResponseWriter, req *http.Request) {
		http.Redirect(w, req, "/new", http.StatusFound)
	})
	mux.HandleFunc("/new", func(w http.ResponseWriter, req *http.Request) {
		newHits.Add(1)
		fmt.Fprint(w, rss("moved", 1))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusGone)
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	r := newRunner(t)
	r.opts.Force = true

	res := r.run(Source{Name: "perm", URL: ts.URL + "/old"}, Source{Name: "temp", URL: ts.URL + "/temp"})
	if res[0].Moved != ts.URL+"/new" || res[1].Moved != "" {
		t.Errorf("moved: got %q and %q, want only the 301 reported", res[0].Moved, res[1].Moved)
	}
	if st := r.state("perm"); st.URL != ts.URL+"/new" || st.ConfigURL != ts.URL+"/old" {
		t.Errorf("301: stored URL %q (config %q), want the new one", st.URL, st.ConfigURL)
	}
	if st := r.state("temp"); st.URL != ts.URL+"/temp" {
		t.Errorf("302: stored URL %q, want unchanged", st.URL)
	}
	oldHits.Store(0)
	r.run(Source{Name: "perm", URL: ts.URL + "/old"})
	if oldHits.Load() != 0 {
		t.Error("after a 301 the old URL was requested again")
	}

	r.opts.Force = false
	res = r.run(Source{Name: "gone", URL: ts.URL + "/gone"})
	if res[0].Failed != 1 || !res[0].Disabled || !strings.Contains(res[0].Errors[0], "410") {
		t.Errorf("410: got %+v, want a failure that disables the source", res[0])
	}
	r.now = r.now.Add(48 * time.Hour)
	res = r.run(Source{Name: "gone", URL: ts.URL + "/gone"})
	if !res[0].Skipped || !res[0].Disabled || res[0].Failed != 0 {
		t.Errorf("disabled source: got %+v, want skipped as disabled", res[0])
	}
	res = r.run(Source{Name: "gone", URL: ts.URL + "/new"})
	if res[0].Failed != 0 || res[0].Skipped || r.state("gone").Status != storage.StatusOK {
		t.Errorf("disabled source with a new url: got %+v, want fetched again", res[0])
	}
}

func TestPerHostLimitAndHeaders(t *testing.T) {
	var mu sync.Mutex
	running, peak := 0, 0
	var tokens atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		mu.Lock()
		running++
		peak = max(peak, running)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		running--
		mu.Unlock()
		if req.Header.Get("Authorization") == "Bearer t0k3n" {
			tokens.Add(1)
		}
		fmt.Fprint(w, rss(strings.Trim(req.URL.Path, "/"), 1))
	}))
	defer ts.Close()
	var sources []Source
	for i := range 12 {
		sources = append(sources, Source{Name: fmt.Sprint(i), URL: fmt.Sprintf("%s/f%d", ts.URL, i),
			Header: map[string]string{"Authorization": "Bearer t0k3n"}})
	}
	r := newRunner(t)
	r.opts.Concurrency, r.opts.PerHost = 8, 2
	r.run(sources...)
	if peak > 2 {
		t.Errorf("peak concurrent requests to one host: got %d, want at most 2", peak)
	}
	if tokens.Load() != 12 {
		t.Errorf("extra header sent on %d of 12 requests", tokens.Load())
	}
}

func TestMaxEntries(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		fmt.Fprint(w, rss("big", 50))
	}))
	defer ts.Close()
	r := newRunner(t)
	r.opts.MaxEntries = 10
	if res := r.run(Source{Name: "big", URL: ts.URL})[0]; res.New != 10 || res.Dropped != 40 {
		t.Errorf("got %d new articles and %d dropped, want the cap of 10 and 40 dropped", res.New, res.Dropped)
	}
}

// zeros is an endless reader of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestHugeBodyIsCut(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.CopyN(w, zeros{}, 1<<30) // 1 GiB, streamed: never held in memory here
	}))
	defer ts.Close()
	r := newRunner(t)
	r.opts.Fetcher = fetch.New(fetch.Options{MaxBodySize: 1 << 20})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res := r.run(Source{Name: "huge", URL: ts.URL}, Source{Name: "fine", URL: ts.URL + "/x"})
	runtime.ReadMemStats(&after)
	if res[0].Failed != 1 || !strings.Contains(res[0].Errors[0], "body too large") {
		t.Errorf("1 GiB body: got %+v, want a failure naming the cap", res[0])
	}
	// Reading stops at the cap: the run allocates a few MiB, not a GiB.
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("the run allocated %d MiB for two capped bodies, want under 64", grew>>20)
	}
}
