package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"tidings/normalize"
)

// feedSite serves fixed feed bodies by path, each with its headers.
type feedSite map[string]struct {
	header map[string]string
	body   string
}

func (fs feedSite) start(t *testing.T) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := fs[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		for k, v := range f.header {
			w.Header().Set(k, v)
		}
		w.Write([]byte(f.body))
	}))
	t.Cleanup(ts.Close)
	return ts
}

// byTitle returns the stored articles of source by title.
func byTitle(t *testing.T, cfg, source string) map[string]normalize.Article {
	t.Helper()
	stories, _ := storedArticles(t, cfg, source)
	m := map[string]normalize.Article{}
	for _, a := range stories {
		m[a.Title] = a
	}
	return m
}

// TestDayFirstDates: an all-numeric date is read day first in a feed whose
// language writes it so (its own <language>, else the server's
// Content-Language) and month first in American English.
func TestDayFirstDates(t *testing.T) {
	item := func(title, date string) string {
		return `<item><title>` + title + `</title><link>https://news.example/` + title + `</link><pubDate>` + date + `</pubDate></item>`
	}
	ts := feedSite{
		"/fr.xml": {body: `<rss version="2.0"><channel><title>Le Monde</title><language>fr</language>` +
			item("fr", "07/09/2022") + item("fr-late", "07/09/2022 21:15") + `</channel></rss>`},
		"/us.xml": {body: `<rss version="2.0"><channel><title>Wire</title><language>en-us</language>` +
			item("us", "07/09/2022") + item("us-unambiguous", "25/12/2022") + `</channel></rss>`},
		"/de.xml": {header: map[string]string{"Content-Language": "de-DE"},
			body: `<rss version="2.0"><channel><title>Zeitung</title>` + item("de", "07.09.2022") + `</channel></rss>`},
	}.start(t)
	cfg := setup(t, ts.URL+"/fr.xml", ts.URL+"/us.xml", ts.URL+"/de.xml")
	fetchCounts(t, cfg)
	day := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	want := map[string]map[string]time.Time{
		"Feed 1": {"fr": day(2022, 9, 7, 0, 0), "fr-late": day(2022, 9, 7, 21, 15)},
		"Feed 2": {"us": day(2022, 7, 9, 0, 0), "us-unambiguous": day(2022, 12, 25, 0, 0)},
		"Feed 3": {"de": day(2022, 9, 7, 0, 0)},
	}
	for source, titles := range want {
		stored := byTitle(t, cfg, source)
		for title, w := range titles {
			if got := stored[title].Published; !got.Equal(w) || got.Location() != time.UTC {
				t.Errorf("%s %q: stored published %v, want %v (UTC)", source, title, got, w)
			}
		}
	}
}
