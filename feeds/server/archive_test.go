package server

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds/publish"
	"tidings/normalize"
	"tidings/storage"
)

// archiveDoc is what the archive tests read of a feed document in any
// format: its entry ids and its RFC 5005 links and mark.
type archiveDoc struct {
	ids                    []string
	prev, next, current    string
	self                   string
	archive, jsonExtension bool
}

// atomOrRSS reads both formats by namespace: Atom has its links and entries
// at the root, RSS in the channel.
type atomOrRSS struct {
	xmlLinks
	Entries []struct {
		ID string `xml:"id"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
	Channel struct {
		xmlLinks
		Items []struct {
			GUID string `xml:"guid"`
		} `xml:"item"`
	} `xml:"channel"`
}

type xmlLinks struct {
	Links []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Archive *struct{} `xml:"http://purl.org/syndication/history/1.0 archive"`
}

func (l *xmlLinks) fill(d *archiveDoc) {
	d.archive = d.archive || l.Archive != nil
	for _, link := range l.Links {
		switch link.Rel {
		case "prev-archive":
			d.prev = link.Href
		case "next-archive":
			d.next = link.Href
		case "current":
			d.current = link.Href
		case "self":
			d.self = link.Href
		}
	}
}

// parseArchiveDoc reads a document of the format ext.
func parseArchiveDoc(t *testing.T, ext, body string) archiveDoc {
	t.Helper()
	var d archiveDoc
	if ext == "json" {
		var jf struct {
			FeedURL string `json:"feed_url"`
			NextURL string `json:"next_url"`
			Ext     *struct {
				Archive     bool   `json:"archive"`
				PrevArchive string `json:"prev_archive"`
				NextArchive string `json:"next_archive"`
				Current     string `json:"current"`
			} `json:"_rfc5005"`
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(body), &jf); err != nil {
			t.Fatalf("decode json feed: %v\n%.300s", err, body)
		}
		d.self, d.prev = jf.FeedURL, jf.NextURL
		if jf.Ext != nil {
			d.jsonExtension, d.archive, d.next, d.current = true, jf.Ext.Archive, jf.Ext.NextArchive, jf.Ext.Current
			if jf.Ext.PrevArchive != jf.NextURL {
				t.Errorf("_rfc5005 prev_archive %q, next_url %q; want the same", jf.Ext.PrevArchive, jf.NextURL)
			}
		}
		for _, it := range jf.Items {
			d.ids = append(d.ids, it.ID)
		}
		return d
	}
	var x atomOrRSS
	if err := xml.Unmarshal([]byte(body), &x); err != nil {
		t.Fatalf("decode %s: %v\n%.300s", ext, err, body)
	}
	x.fill(&d)
	x.Channel.fill(&d)
	for _, e := range x.Entries {
		d.ids = append(d.ids, e.ID)
	}
	for _, it := range x.Channel.Items {
		d.ids = append(d.ids, it.GUID)
	}
	return d
}

// walk reads the subscription document at path (with its query) and
// follows prev-archive to the oldest page, as a reader catching up would.
// It returns how often each entry id was seen, the pages' URLs, newest
// first, and their bodies by URL, and checks each page's own links on the
// way. Links name the fixture's BaseURL, which walk reads from its server.
func walk(t *testing.T, f *fixture, ext, path string) (seen map[string]int, pages []string, bodies map[string]string) {
	t.Helper()
	get := func(url string) (*http.Response, string) {
		t.Helper()
		return do(t, http.MethodGet, strings.Replace(url, f.srv.opts.BaseURL, f.ts.URL+"/", 1))
	}
	url := f.srv.opts.BaseURL + strings.TrimPrefix(path, "/")
	seen, bodies = map[string]int{}, map[string]string{}
	r, body := get(url)
	if r.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, r.Status)
	}
	doc := parseArchiveDoc(t, ext, body)
	if doc.archive || doc.next != "" || doc.current != "" {
		t.Errorf("subscription document: marked as archive %v, next %q, current %q; want none", doc.archive, doc.next, doc.current)
	}
	for _, id := range doc.ids {
		seen[id]++
	}
	from := url
	for next := doc.prev; next != ""; next = doc.prev {
		if len(pages) > 100 {
			t.Fatal("more than 100 archive pages: a loop?")
		}
		r, body := get(next)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", next, r.Status)
		}
		doc = parseArchiveDoc(t, ext, body)
		if !doc.archive || doc.self != next || doc.current != url {
			t.Errorf("%s: archive mark %v, self %q, current %q; want true, itself, %s", next, doc.archive, doc.self, doc.current, url)
		}
		// The newest complete page links to no newer page yet, and a
		// partial page is never linked to from the page before it.
		wantNext := from
		if len(pages) == 0 || partialPage(from) {
			wantNext = ""
		}
		if doc.next != wantNext {
			t.Errorf("%s: next-archive %q, want %q", next, doc.next, wantNext)
		}
		for _, id := range doc.ids {
			seen[id]++
		}
		pages, bodies[next], from = append(pages, next), body, next
	}
	return seen, pages, bodies
}

// partialPage reports whether url names a partial archive page, K-N.
func partialPage(url string) bool {
	url, _, _ = strings.Cut(url, "?")
	return strings.Contains(url[strings.LastIndex(url, "/"):], "-")
}

// storedIDs returns the entry ids of every article of the topic.
func storedIDs(t *testing.T, store *storage.Store, topic string) []string {
	t.Helper()
	articles, err := store.TopicArticles(topic, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range articles {
		ids = append(ids, publish.EntryID(a.ID))
	}
	return ids
}

// saveLate stores an article published in 2020, long before the fixture's
// articles, as a feed that was down for a while would deliver it.
func saveLate(t *testing.T, store *storage.Store, guid string) {
	t.Helper()
	a := normalize.Article{Source: "Slow", GUID: guid, Title: "Gaza late story " + guid,
		Link: "https://slow.example/" + guid, Text: "Late news from Gaza.",
		Published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	a.Finish("Slow", testStart)
	if _, err := store.Save("Slow", []normalize.Article{a}, storage.SourceState{Name: "Slow"}); err != nil {
		t.Fatal(err)
	}
}

// newArchiveFixture serves the topic "gaza" with a feed of 2 entries and
// archive pages of 3, holding n articles.
func newArchiveFixture(t *testing.T, n int, topics []Topic, configure func(*Options)) *fixture {
	t.Helper()
	return newFixture(t, n, topics, func(o *Options) {
		o.Topics[0].Limit, o.ArchivePageSize = 2, 3
		if configure != nil {
			configure(o)
		}
	})
}

// TestArchiveWalk follows prev-archive from each format's subscription
// document and checks that every article of the topic is reached, before
// and after new articles, one of them dated long before the others, and
// that the pages read the first time did not change: not at all when they
// had a successor, else in their entries only (the next-archive link is
// new).
func TestArchiveWalk(t *testing.T) {
	f := newArchiveFixture(t, 10, nil, nil)
	exts := []string{"atom", "rss", "json"}
	// walkAll walks each format and returns the pages' bodies by URL and,
	// by format, the newest page's URL.
	walkAll := func(when string, wantPages int) (map[string]string, map[string]string) {
		t.Helper()
		all, newest := map[string]string{}, map[string]string{}
		for _, ext := range exts {
			seen, pages, bodies := walk(t, f, ext, "/topics/gaza."+ext)
			if len(pages) != wantPages {
				t.Errorf("%s, %s: walked %d pages %v, want %d", when, ext, len(pages), pages, wantPages)
				continue
			}
			stored := storedIDs(t, f.store, "gaza")
			var missing []string
			for _, id := range stored {
				if seen[id] == 0 {
					missing = append(missing, id)
				}
			}
			if len(missing) > 0 || len(seen) != len(stored) {
				t.Errorf("%s, %s: %d entries seen of %d, missing %v", when, ext, len(seen), len(stored), missing)
			}
			maps.Copy(all, bodies)
			newest[ext] = pages[0]
		}
		return all, newest
	}

	before, newest := walkAll("10 articles", 3)
	for _, ext := range exts {
		want := "http://feeds.example/topics/gaza/archive/2." + ext
		if _, body := do(t, http.MethodGet, f.ts.URL+"/topics/gaza."+ext); parseArchiveDoc(t, ext, body).prev != want {
			t.Errorf("%s subscription document: prev-archive is not %s:\n%.600s", ext, want, body)
		}
	}
	f.clk.now = f.clk.now.Add(time.Minute)
	saveLate(t, f.store, "1")
	walkAll("and an old-dated article", 4) // 3-2, the late one's partial page, then 2, 1, 0
	f.clk.now = f.clk.now.Add(time.Minute)
	addArticles(t, f.store, 10, 14)
	after, _ := walkAll("and 4 more", 5)
	for _, ext := range exts {
		for url, body := range before {
			if !strings.HasSuffix(url, "."+ext) {
				continue
			}
			if url == newest[ext] {
				got, want := parseArchiveDoc(t, ext, after[url]).ids, parseArchiveDoc(t, ext, body).ids
				if !slices.Equal(got, want) {
					t.Errorf("%s, the newest page before: entries %q, want %q as before", url, got, want)
				}
				continue
			}
			if after[url] != body {
				t.Errorf("%s changed after new articles:\nbefore:\n%s\nafter:\n%s", url, body, after[url])
			}
		}
	}
}

// TestArchivePartialPage: when the feed lacks an article of the slots
// after the last complete page, here one published long before the
// others, it links to a partial page holding them, which does not change
// when the page fills up.
func TestArchivePartialPage(t *testing.T) {
	f := newArchiveFixture(t, 6, nil, nil)
	feed := f.ts.URL + "/topics/gaza.atom"
	f.clk.now = f.clk.now.Add(time.Minute)
	saveLate(t, f.store, "1")
	_, body := do(t, http.MethodGet, feed)
	if got, want := entryTitles(body), []string{"Gaza story 5", "Gaza story 4"}; !slices.Equal(got, want) {
		t.Errorf("feed: got %q, want %q", got, want)
	}
	partial := "http://feeds.example/topics/gaza/archive/2-1.atom"
	if got := parseArchiveDoc(t, "atom", body).prev; got != partial {
		t.Fatalf("feed: prev-archive %q, want %q", got, partial)
	}
	url := f.ts.URL + "/topics/gaza/archive/2-1.atom"
	r, before := do(t, http.MethodGet, url)
	doc := parseArchiveDoc(t, "atom", before)
	if got, want := entryTitles(before), []string{"Gaza late story 1"}; !slices.Equal(got, want) || !doc.archive ||
		doc.prev != "http://feeds.example/topics/gaza/archive/1.atom" || doc.next != "" {
		t.Errorf("partial page: entries %q, archive %v, prev %q, next %q; want %q, true, page 1, none",
			got, doc.archive, doc.prev, doc.next, want)
	}
	if cc := r.Header.Get("Cache-Control"); cc != immutablePublic {
		t.Errorf("partial page: Cache-Control %q, want %q", cc, immutablePublic)
	}

	f.clk.now = f.clk.now.Add(time.Minute)
	addArticles(t, f.store, 6, 8)
	_, body = do(t, http.MethodGet, feed)
	if got, want := parseArchiveDoc(t, "atom", body).prev, "http://feeds.example/topics/gaza/archive/2.atom"; got != want {
		t.Errorf("feed once page 2 is complete: prev-archive %q, want %q", got, want)
	}
	_, page := do(t, http.MethodGet, f.ts.URL+"/topics/gaza/archive/2.atom")
	if got, want := entryTitles(page), []string{"Gaza story 7", "Gaza story 6", "Gaza late story 1"}; !slices.Equal(got, want) {
		t.Errorf("page 2: got %q, want %q", got, want)
	}
	if _, after := do(t, http.MethodGet, url); after != before {
		t.Errorf("the partial page changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}

	// Ad-hoc queries and the HTML page are not part of the archived feed.
	for _, path := range []string{"/topics/gaza.atom?q=story", "/topics/gaza"} {
		if _, body := do(t, http.MethodGet, f.ts.URL+path); strings.Contains(body, "archive") {
			t.Errorf("%s mentions archives:\n%.600s", path, body)
		}
	}
}

func TestArchiveResponses(t *testing.T) {
	f := newArchiveFixture(t, 9, nil, nil) // pages 0, 1 and 2, the newest
	base := f.ts.URL + "/topics/gaza/archive/"
	tests := []struct {
		file         string
		status       int
		cacheControl string
	}{
		{"0.atom", 200, immutablePublic},
		{"1.rss", 200, immutablePublic},
		{"1.json", 200, immutablePublic},
		{"2.atom", 200, "public, max-age=300"},
		{"2-2.atom", 200, immutablePublic},
		{"0-1.json", 200, immutablePublic},
		{"3.atom", 404, ""},
		{"3-1.atom", 404, ""},
		{"1-3.atom", 404, ""},
		{"1-0.atom", 404, ""},
		{"1-01.atom", 404, ""},
		{"1-.atom", 404, ""},
		{"-.atom", 404, ""},
		{"99999999999999999999.atom", 404, ""},
		{"-1.atom", 404, ""},
		{"01.atom", 404, ""},
		{"x.atom", 404, ""},
		{"1.xml", 404, ""},
		{"1", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, body := do(t, http.MethodGet, base+tt.file)
			if r.StatusCode != tt.status {
				t.Fatalf("got %s, want %d\n%s", r.Status, tt.status, body)
			}
			if tt.cacheControl != "" && r.Header.Get("Cache-Control") != tt.cacheControl {
				t.Errorf("Cache-Control: got %q, want %q", r.Header.Get("Cache-Control"), tt.cacheControl)
			}
		})
	}

	// Validators: a strong ETag, and the date of the page's last entry.
	url := base + "0.atom"
	r, _ := do(t, http.MethodGet, url)
	etag, modified := r.Header.Get("ETag"), r.Header.Get("Last-Modified")
	if want := "Wed, 12 May 2021 02:00:00 GMT"; !strings.HasPrefix(etag, `"`) || modified != want {
		t.Errorf("got ETag %q, Last-Modified %q; want a strong ETag and %s", etag, modified, want)
	}
	f.clk.now = f.clk.now.Add(time.Minute)
	addArticles(t, f.store, 9, 12)
	for _, h := range [][]string{{"If-None-Match", etag}, {"If-Modified-Since", modified}} {
		if r, _ := do(t, http.MethodGet, url, h...); r.StatusCode != http.StatusNotModified {
			t.Errorf("%s after new articles: got %s, want 304", h[0], r.Status)
		}
	}
	if r, _ := do(t, http.MethodGet, base+"2.atom"); r.Header.Get("Cache-Control") != immutablePublic {
		t.Errorf("page 2 once page 3 is complete: Cache-Control %q, want %q", r.Header.Get("Cache-Control"), immutablePublic)
	}
}

// TestArchiveValid runs an archive page and a subscription document with
// archives through the Atom validator.
func TestArchiveValid(t *testing.T) {
	f := newArchiveFixture(t, 7, nil, nil)
	dir := t.TempDir()
	var files []string
	for i, path := range []string{"/topics/gaza.atom", "/topics/gaza/archive/0.atom", "/topics/gaza/archive/1.atom",
		"/topics/gaza/archive/2-1.atom"} {
		r, body := do(t, http.MethodGet, f.ts.URL+path)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", path, r.Status)
		}
		file := filepath.Join(dir, fmt.Sprintf("%d.atom", i))
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	validateAtom(t, files...)
}

func TestArchiveToken(t *testing.T) {
	secret := Topic{Topic: newTopic(t, "secret", "gaza"), Token: secretToken}
	f := newArchiveFixture(t, 6, []Topic{secret}, nil)
	_, unknown := do(t, http.MethodGet, f.ts.URL+"/topics/nope/archive/0.atom")
	hidden := strings.ReplaceAll(unknown, "nope", "secret")
	for _, path := range []string{"/topics/secret/archive/0.atom", "/topics/secret/archive/0.atom?token=guess",
		"/topics/secret/archive/9.atom", "/topics/secret/archive/0.xml"} {
		if r, body := do(t, http.MethodGet, f.ts.URL+path); r.StatusCode != 404 || body != hidden {
			t.Errorf("%s: got %s %q, want 404 %q", path, r.Status, body, hidden)
		}
	}
	q := "?token=" + secretToken
	seen, pages, _ := walk(t, f, "atom", "/topics/secret.atom"+q)
	if len(pages) != 2 || len(seen) != 6 {
		t.Errorf("walk with the token: %d pages %v, %d entries; want 2 and 6", len(pages), pages, len(seen))
	}
	for _, p := range pages {
		if !strings.HasSuffix(p, q) {
			t.Errorf("archive link %s lacks the token", p)
		}
	}
	r, _ := do(t, http.MethodGet, f.ts.URL+"/topics/secret/archive/0.atom"+q)
	if r.Header.Get("Cache-Control") != immutablePrivate || r.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("private archive page: Cache-Control %q, Referrer-Policy %q; want %q, no-referrer",
			r.Header.Get("Cache-Control"), r.Header.Get("Referrer-Policy"), immutablePrivate)
	}
}
