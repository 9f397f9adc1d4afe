package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/normalize"
	"tidings/storage"
)

// fetchCounts runs `tidings fetch -force -json` with the given extra
// arguments and returns each source's counts by name.
func fetchCounts(t *testing.T, cfg string, args ...string) map[string]storage.Counts {
	t.Helper()
	code, out, stderr := tidings(t, context.Background(), append([]string{"-config", cfg, "fetch", "-force", "-json"}, args...)...)
	if code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	var sum struct {
		Results []struct {
			Source string
			storage.Counts
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("fetch -json: %v\n%s", err, out)
	}
	m := map[string]storage.Counts{}
	for _, r := range sum.Results {
		m[r.Source] = r.Counts
	}
	return m
}

// storedArticles opens the database of cfg (written by setup) and returns
// the stories (first versions) of the named source, sorted by ID, and how
// many articles, versions included, the database holds.
func storedArticles(t *testing.T, cfg, source string) ([]normalize.Article, int) {
	t.Helper()
	s, err := storage.Open(filepath.Join(filepath.Dir(cfg), "data", "t.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Latest(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	var out []normalize.Article
	for _, a := range all {
		if a.Origin == source {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b normalize.Article) int { return strings.Compare(a.ID, b.ID) })
	return out, s.CountArticles()
}

func ids(articles []normalize.Article) []string {
	var out []string
	for _, a := range articles {
		out = append(out, a.ID)
	}
	return out
}

// TestReissuedGUIDs: a feed that gives its items fresh random GUIDs on
// every request, with fixed links, keeps its articles' IDs over three
// fetches, stores no duplicates, and is shown as identified by links.
func TestReissuedGUIDs(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var items strings.Builder
		for i := range 3 {
			fmt.Fprintf(&items, `<item><title>Gaza report %d</title><link>https://wire.example/gaza/%d?utm_medium=feed</link>
<guid isPermaLink="false">%s</guid><pubDate>Wed, 12 May 2021 1%d:00:00 GMT</pubDate><description>Report %d from Gaza.</description></item>`,
				i, i, rand.Text(), i, i)
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<description>d</description>%s</channel></rss>`, items.String())
	}))
	defer ts.Close()
	cfg := setup(t, ts.URL+"/rss.xml")

	var first []string
	for run := 1; run <= 3; run++ {
		counts := fetchCounts(t, cfg)["Feed 1"]
		if want := 3; run == 1 && counts.New != want {
			t.Errorf("fetch %d: %+v, want %d new", run, counts, want)
		}
		if run > 1 && (counts.New != 0 || counts.Duplicates != 0 || counts.Unchanged != 3) {
			t.Errorf("fetch %d: %+v, want 3 unchanged, none new or duplicate", run, counts)
		}
		stories, total := storedArticles(t, cfg, "Feed 1")
		got := ids(stories)
		if run == 1 {
			first = got
		}
		if len(got) != 3 || !slices.Equal(got, first) {
			t.Errorf("fetch %d: stored IDs %q, want the 3 of the first fetch %q", run, got, first)
		}
		if total != 4 {
			t.Errorf("fetch %d: %d articles stored, want 4 (the feed's 3 and the seed)", run, total)
		}
	}
	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "sources")
	if code != 0 || !strings.Contains(out, "Feed 1: guids: unstable, using links") || strings.Contains(out, "Seeds: guids") {
		t.Errorf("sources: exit %d, want Feed 1 (only) shown as using links:\n%s%s", code, out, stderr)
	}
}
