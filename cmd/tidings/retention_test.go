package main

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRetention: the feed's items and the seed, all from 2021, are pruned
// by max_age at the end of the first run, and the next forced run, which
// reads them all again, stores none of them.
func TestRetention(t *testing.T) {
	// No ETag: every fetch gets the whole feed again.
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, testRSS)
	}))
	t.Cleanup(feed.Close)
	cfg := setupWith(t, "retention:\n  max_age: 720h\n  max_articles_per_source: 100\n", feed.URL+"/rss.xml")
	ctx := context.Background()

	code, out, stderr := tidings(t, ctx, "-config", cfg, "fetch")
	if code != 0 {
		t.Fatalf("first fetch: exit %d\n%s%s", code, out, stderr)
	}
	if want := "pruned 3 articles (3 older than retention.max_age, 0 over retention.max_articles_per_source)"; !strings.Contains(out, want) {
		t.Errorf("first fetch: output lacks %q:\n%s", want, out)
	}
	want := map[string]int{"israel-gaza": 0, "diplomacy": 0, "empty": 0}
	if got := topicCounts(t, cfg); !maps.Equal(got, want) {
		t.Errorf("topic counts after the first fetch: got %v, want %v", got, want)
	}

	code, out, stderr = tidings(t, ctx, "-config", cfg, "fetch", "-force", "-json")
	if code != 0 {
		t.Fatalf("second fetch: exit %d\n%s%s", code, out, stderr)
	}
	var sum struct {
		Results []struct {
			Source                     string
			New, Unchanged, Tombstoned int
		}
		Pruned *struct{ Aged, OverCap int } `json:"pruned"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("fetch -json: %v\n%s", err, out)
	}
	wantResults := map[string][3]int{"Seeds": {0, 0, 1}, "Feed 1": {0, 1, 2}} // new, unchanged, tombstoned
	for _, r := range sum.Results {
		if got := [3]int{r.New, r.Unchanged, r.Tombstoned}; got != wantResults[r.Source] {
			t.Errorf("second fetch, %s: got new, unchanged, tombstoned %v, want %v", r.Source, got, wantResults[r.Source])
		}
	}
	if sum.Pruned == nil || sum.Pruned.Aged != 0 || sum.Pruned.OverCap != 0 {
		t.Errorf("second fetch pruned: got %+v, want nothing", sum.Pruned)
	}
	if got := topicCounts(t, cfg); !maps.Equal(got, want) {
		t.Errorf("topic counts after the second fetch: got %v, want %v", got, want)
	}
}
