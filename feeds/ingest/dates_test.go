package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"tidings/feeds/fetch"
	"tidings/normalize"
	"tidings/storage"
)

// TestRunDates follows dates through runs, a restart and a move of the
// feed, with a fixed clock: an undated entry keeps the time it was first
// seen (even when its content changes), a date far in the future is
// clamped to the time of fetching, and every stored time is UTC.
func TestRunDates(t *testing.T) {
	var edited atomic.Bool
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		undated := "First text."
		if edited.Load() {
			undated = "Edited text."
		}
		w.Write([]byte(`<rss version="2.0"><channel><title>W</title><link>https://w.example/</link>
<item><guid>undated</guid><title>Undated</title><link>https://w.example/u</link><description>` + undated + `</description></item>
<item><guid>future</guid><title>Future</title><link>https://w.example/f</link><pubDate>Thu, 01 Jan 2099 00:00:00 GMT</pubDate></item>
<item><guid>zoned</guid><title>Zoned</title><link>https://w.example/z</link><pubDate>Wed, 12 May 2021 10:00:00 +0300</pubDate></item>
</channel></rss>`))
	}))
	defer ts.Close()
	path := filepath.Join(t.TempDir(), "t.db")
	first := time.Date(2024, 5, 1, 12, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	firstUTC := first.UTC()

	// run fetches the feed (at url) at time now with a store opened for
	// the run, as each `tidings fetch` opens the database anew.
	run := func(now time.Time, url string) (map[string]normalize.Article, Result) {
		t.Helper()
		store, err := storage.Open(path, storage.Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		sum, err := Run(context.Background(), []Source{{Name: "W", URL: url}},
			Options{Store: store, Fetcher: fetch.New(fetch.Options{}), Force: true, Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]normalize.Article{}
		for _, guid := range []string{"undated", "future", "zoned"} {
			a, err := store.Article(normalize.NewID("W", guid))
			if err != nil {
				t.Fatalf("article %s: %v", guid, err)
			}
			for _, tm := range []time.Time{a.Published, a.Updated} {
				if tm.Location() != time.UTC {
					t.Errorf("%s: stored time %v is not UTC", guid, tm)
				}
			}
			stored[guid] = a
		}
		return stored, sum.Results[0]
	}

	got, _ := run(first, ts.URL+"/feed")
	if !got["undated"].Published.Equal(firstUTC) {
		t.Errorf("undated: published %v, want the time first seen, %v", got["undated"].Published, firstUTC)
	}
	if !got["future"].Published.Equal(firstUTC) {
		t.Errorf("future: published %v, want clamped to the time of fetching, %v", got["future"].Published, firstUTC)
	}
	if want := time.Date(2021, 5, 12, 7, 0, 0, 0, time.UTC); !got["zoned"].Published.Equal(want) {
		t.Errorf("zoned: published %v, want %v", got["zoned"].Published, want)
	}

	edited.Store(true)
	later := first.Add(3 * time.Hour)
	got, res := run(later, ts.URL+"/feed")
	if res.Updated != 1 || res.New != 0 {
		t.Errorf("second run: %+v, want the undated entry updated, nothing new", res)
	}
	if u := got["undated"]; !u.Published.Equal(firstUTC) || !u.Updated.Equal(later.UTC()) || u.Text != "Edited text." {
		t.Errorf("undated after an edit: published %v, updated %v, text %q; want first seen %v, updated %v, the edit",
			u.Published, u.Updated, u.Text, firstUTC, later.UTC())
	}
	if !got["future"].Published.Equal(firstUTC) {
		t.Errorf("future after a later run: published %v, want still %v", got["future"].Published, firstUTC)
	}

	// The feed moves (a new configured URL): the same source, the same
	// articles, their first-seen times kept.
	got, res = run(first.Add(30*time.Hour), ts.URL+"/moved")
	if res.New+res.Updated+res.Duplicates != 0 || !got["undated"].Published.Equal(firstUTC) {
		t.Errorf("after a move: %+v, undated published %v; want nothing new, first seen %v", res, got["undated"].Published, firstUTC)
	}
}
