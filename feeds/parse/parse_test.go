package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testNow is the fixed time of fetching: the date of undated articles.
var testNow = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// testOptions are the options every test feed is parsed with. The URL lets
// relative links resolve; its host matches the Content-Location header of
// feedparser's conformance cases.
func testOptions(name string) Options {
	return Options{Source: "test", URL: "http://example.com/feeds/" + name, Now: testNow}
}

// feedFiles returns the input feeds in testdata: every file but the goldens
// and notes. A new case is just a new file (and its golden, from -update).
func feedFiles(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".golden.json") || strings.HasSuffix(name, ".md") {
			continue
		}
		files = append(files, filepath.Join("testdata", name))
	}
	if len(files) == 0 {
		t.Fatal("no feeds in testdata")
	}
	return files
}

func TestParseGolden(t *testing.T) {
	t.Parallel()
	for _, path := range feedFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(body, testOptions(name))
			if err != nil {
				t.Fatalf("Parse(%s): %v", name, err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // goldens are read by people
			enc.SetIndent("", "  ")
			if err := enc.Encode(f); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if line, g, w := firstDiff(got, want); line > 0 {
				t.Errorf("Parse(%s) differs from %s at line %d (run go test -update and review the diff):\ngot:  %s\nwant: %s",
					name, golden, line, g, w)
			}
		})
	}
}

// firstDiff returns the first line (from 1) at which got and want differ,
// with that line of each; line is 0 when they are equal.
func firstDiff(got, want []byte) (line int, g, w string) {
	if bytes.Equal(got, want) {
		return 0, "", ""
	}
	gl := strings.Split(string(got), "\n")
	wl := strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		g, w = "(end)", "(end)"
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return i + 1, g, w
		}
	}
	return 1, "", "" // unreachable: unequal bytes differ in some line
}

func TestParseNotAFeed(t *testing.T) {
	t.Parallel()
	const feedURL = "https://news.example/rss.xml"
	tests := []struct {
		name, body string
	}{
		{"empty", ""},
		{"blank", " \n\t "},
		{"html page", "<!DOCTYPE html>\n<html><head><title>Moved</title></head><body><p>Document moved</p></body></html>"},
		{"html without doctype", "<html><body>Not found</body></html>"},
		{"xml error document", `<?xml version="1.0"?><error><code>403</code></error>`},
		{"plain text", "Service Unavailable"},
		{"json error document", `{"error": "rate limited", "status": 429}`},
		{"json without version", `{"title": "x", "items": [{"id": "1", "content_text": "a"}]}`},
		{"json array", `[{"id": 1}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.body), Options{Source: "test", URL: feedURL, Now: testNow})
			if !errors.Is(err, ErrUnknownFormat) {
				t.Fatalf("Parse(%q) = %v, %v, want an error wrapping ErrUnknownFormat", tt.body, f, err)
			}
			if f != nil {
				t.Errorf("Parse(%q) feed = %+v, want nil", tt.body, f)
			}
			if !strings.Contains(err.Error(), feedURL) {
				t.Errorf("Parse(%q) error = %q, want it to name %s", tt.body, err, feedURL)
			}
		})
	}
}

func TestParseBroken(t *testing.T) {
	t.Parallel()
	const feedURL = "https://news.example/feed"
	tests := []struct {
		name, body string
	}{
		{"truncated json", `{"version": "https://jsonfeed.org/version/1", "items": [`},
		{"null json item", `{"version": "https://jsonfeed.org/version/1.1", "items": [null]}`},
		{"json items not a list", `{"version": "https://jsonfeed.org/version/1", "items": 3}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.body), Options{Source: "test", URL: feedURL, Now: testNow})
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tt.body, f)
			}
			if errors.Is(err, ErrUnknownFormat) {
				t.Errorf("Parse(%q) error = %v, want a parse error, not ErrUnknownFormat", tt.body, err)
			}
			if !strings.Contains(err.Error(), feedURL) {
				t.Errorf("Parse(%q) error = %q, want it to name %s", tt.body, err, feedURL)
			}
		})
	}
}

// parseOne parses body and returns its only article.
func parseOne(t *testing.T, body string) articleView {
	t.Helper()
	f, err := Parse([]byte(body), testOptions("inline"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(f.Articles) != 1 {
		t.Fatalf("Parse: %d articles, want 1", len(f.Articles))
	}
	a := f.Articles[0]
	return articleView{Link: a.Link, URL: a.URL, Summary: a.Summary, Text: a.Text, Content: a.Content, Authors: a.Authors}
}

// articleView is the part of an Article these tests look at.
type articleView struct {
	Link, URL, Summary, Text, Content string
	Authors                           []string
}

func TestParseInheritsFeedAuthor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       []string
	}{
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>
			<author><name>Desk</name></author>
			<entry><id>urn:1</id><title>One</title></entry></feed>`, []string{"Desk"}},
		{"atom entry author wins", `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>
			<author><name>Desk</name></author>
			<entry><id>urn:1</id><title>One</title><author><name>Jane Doe</name></author></entry></feed>`, []string{"Jane Doe"}},
		{"rss managing editor", `<rss version="2.0"><channel><title>F</title><link>https://news.example/</link>
			<managingEditor>desk@news.example (News Desk)</managingEditor>
			<item><title>One</title><guid>g1</guid></item></channel></rss>`, []string{"News Desk"}},
		{"rss dc creator", `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>F</title>
			<managingEditor>desk@news.example (News Desk)</managingEditor>
			<item><title>One</title><guid>g1</guid><dc:creator>Jane Doe</dc:creator></item></channel></rss>`, []string{"Jane Doe"}},
		{"atom source author", `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>
			<author><name>Desk</name></author>
			<entry><id>urn:1</id><title>One</title><source><id>urn:s</id><title>Wire</title>
			<author><name>Wire Reporter</name><email>wr@wire.example</email></author></source></entry></feed>`, []string{"Wire Reporter"}},
		{"atom source without author", `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>
			<author><name>Desk</name></author>
			<entry><id>urn:1</id><title>One</title><source><id>urn:s</id><title>Wire</title></source></entry></feed>`, []string{"Desk"}},
		{"atom entry author over source", `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>
			<entry><id>urn:1</id><title>One</title><author><name>Jane Doe</name></author>
			<source><id>urn:s</id><author><name>Wire Reporter</name></author></source></entry></feed>`, []string{"Jane Doe"}},
		{"atom source author email only", `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>
			<entry><id>urn:1</id><title>One</title><source><id>urn:s</id>
			<author><email>desk@wire.example</email></author></source></entry></feed>`, []string{"desk@wire.example"}},
		{"rss author email (name)", `<rss version="2.0"><channel><title>F</title>
			<item><title>One</title><guid>g1</guid><author>jane@example.com (Jane Doe)</author></item></channel></rss>`, []string{"Jane Doe"}},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "title": "F", "authors": [{"name": "Desk"}],
			"items": [{"id": "1", "content_text": "x"}]}`, []string{"Desk"}},
		{"rss webmaster is no author", `<rss version="2.0"><channel><title>F</title>
			<webMaster>apps@news.example (Apps Support)</webMaster>
			<item><title>One</title><guid>g1</guid></item></channel></rss>`, []string{}},
		{"rss webmaster then itunes author", `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>F</title>
			<webMaster>apps@news.example (Apps Support)</webMaster><itunes:author>Jane Host</itunes:author>
			<item><title>One</title><guid>g1</guid></item></channel></rss>`, []string{"Jane Host"}},
		{"no author anywhere", `<rss version="2.0"><channel><title>F</title>
			<item><title>One</title><guid>g1</guid></item></channel></rss>`, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := parseOne(t, tt.body).Authors; !slices.Equal(got, tt.want) {
				t.Errorf("Authors = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseLinkFallback(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		wantLink   string
	}{
		{"link", `<rss version="2.0"><channel><item><link>https://news.example/a</link>
			<enclosure url="https://cdn.example/a.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`,
			"https://news.example/a"},
		{"enclosure", `<rss version="2.0"><channel><item><guid isPermaLink="false">ep-1</guid>
			<enclosure url="https://cdn.example/ep1.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`,
			"https://cdn.example/ep1.mp3"},
		{"relative enclosure", `<rss version="2.0"><channel><link>https://news.example/pod/</link><item><guid>ep-1</guid>
			<enclosure url="ep1.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`,
			"https://news.example/pod/ep1.mp3"},
		{"atom enclosure", `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id><entry><id>urn:1</id>
			<link rel="enclosure" href="https://cdn.example/v.mp4" type="video/mp4"/></entry></feed>`,
			"https://cdn.example/v.mp4"},
		{"permalink guid", `<rss version="2.0"><channel><link>https://news.example/</link><item>
			<guid>https://news.example/2024/a</guid></item></channel></rss>`,
			"https://news.example/2024/a"},
		{"permalink guid before enclosure", `<rss version="2.0"><channel><item>
			<guid isPermaLink="true">https://news.example/ep1</guid>
			<enclosure url="https://cdn.example/ep1.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`,
			"https://news.example/ep1"},
		{"guid not a permalink", `<rss version="2.0"><channel><link>https://news.example/</link><item>
			<guid isPermaLink="false">https://news.example/2024/a</guid><title>One</title></item></channel></rss>`,
			""},
		{"guid not a permalink, enclosure", `<rss version="2.0"><channel><item>
			<guid isPermaLink=" False ">https://news.example/ep1</guid>
			<enclosure url="https://cdn.example/ep1.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`,
			"https://cdn.example/ep1.mp3"},
		{"permalink guid that is no url", `<rss version="2.0"><channel><link>https://news.example/</link><item>
			<guid>12345</guid><title>One</title></item></channel></rss>`,
			""},
		{"atom id url", `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id><entry>
			<id>https://news.example/2024/a</id><title>One</title></entry></feed>`,
			"https://news.example/2024/a"},
		{"json feed id url", `{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "https://news.example/2024/j",
			"content_text": "x"}]}`, "https://news.example/2024/j"},
		{"json feed id that is no url", `{"version": "https://jsonfeed.org/version/1.1", "home_page_url": "https://news.example/",
			"items": [{"id": "42", "content_text": "x"}]}`, ""},
		{"no link is not the feed's home page", `<rss version="2.0"><channel><link>https://news.example/</link>
			<item><guid isPermaLink="false">x-1</guid><title>One</title></item></channel></rss>`,
			""},
		{"relative link", `<rss version="2.0"><channel><link>https://news.example/world/</link>
			<item><link>2024/a.html</link></item></channel></rss>`,
			"https://news.example/world/2024/a.html"},
		{"relative link against feed url", `<rss version="2.0"><channel>
			<item><link>/2024/a.html</link></item></channel></rss>`,
			"http://example.com/2024/a.html"},
		{"javascript link dropped", `<rss version="2.0"><channel><link>https://news.example/</link>
			<item><guid isPermaLink="false">x-1</guid><link>javascript:alert(1)</link></item></channel></rss>`,
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := parseOne(t, tt.body).Link; got != tt.wantLink {
				t.Errorf("Link = %q, want %q", got, tt.wantLink)
			}
		})
	}
}

func TestParseBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       articleView
	}{
		{
			name: "description is content",
			body: `<rss version="2.0"><channel><item><link>https://news.example/a</link>
				<description>&lt;p&gt;Body &lt;a href="/b"&gt;link&lt;/a&gt;.&lt;/p&gt;</description></item></channel></rss>`,
			want: articleView{
				Summary: "",
				Text:    "Body link.",
				Content: `<p>Body <a href="https://news.example/b" rel="nofollow noopener" target="_blank">link</a>.</p>`,
			},
		},
		{
			name: "content encoded with description",
			body: `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>
				<link>https://news.example/a</link><description>Standfirst.</description>
				<content:encoded><![CDATA[<p>Full body.</p>]]></content:encoded></item></channel></rss>`,
			want: articleView{Summary: "Standfirst.", Text: "Full body.", Content: "<p>Full body.</p>"},
		},
		{
			name: "linkless item resolved against feed link",
			body: `<rss version="2.0"><channel><link>https://news.example/world/</link><item><guid isPermaLink="false">x</guid>
				<description>&lt;a href="a.html"&gt;more&lt;/a&gt;</description></item></channel></rss>`,
			want: articleView{Text: "more", Content: `<a href="https://news.example/world/a.html" rel="nofollow noopener" target="_blank">more</a>`},
		},
		{
			name: "json content text is text",
			body: `{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "https://news.example/a",
				"summary": "Short.", "content_text": "Use <b> & <i>.\n\nSecond paragraph."}]}`,
			want: articleView{
				Summary: "Short.",
				Text:    "Use <b> & <i>.\n\nSecond paragraph.",
				Content: "<p>Use &lt;b&gt; &amp; &lt;i&gt;.</p>\n<p>Second paragraph.</p>",
			},
		},
		{
			name: "json content html wins",
			body: `{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "https://news.example/a",
				"content_html": "<p>Rich.</p>", "content_text": "Plain."}]}`,
			want: articleView{Text: "Rich.", Content: "<p>Rich.</p>"},
		},
		{
			name: "atom content text is text",
			body: `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id><entry><id>urn:1</id>
				<link href="https://news.example/a"/><content type="text">Use &lt;b&gt; &amp;
				&lt;i&gt;.

				Second paragraph.</content></entry></feed>`,
			want: articleView{
				Text:    "Use <b> & <i>.\n\nSecond paragraph.",
				Content: "<p>Use &lt;b&gt; &amp; &lt;i&gt;.</p>\n<p>Second paragraph.</p>",
			},
		},
		{
			name: "atom content without type is text",
			body: `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id><entry><id>urn:1</id>
				<link href="https://news.example/a"/><content><![CDATA[a <b> c]]></content></entry></feed>`,
			want: articleView{Text: "a <b> c", Content: "<p>a &lt;b&gt; c</p>"},
		},
		{
			name: "atom content html is html",
			body: `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id><entry><id>urn:1</id>
				<link href="https://news.example/a"/><content type="html">a &lt;b&gt;bold&lt;/b&gt; c</content></entry></feed>`,
			want: articleView{Text: "a bold c", Content: "a <b>bold</b> c"},
		},
		{
			name: "atom summary only",
			body: `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id><entry><id>urn:1</id>
				<link href="https://news.example/a"/><summary type="html">&lt;p&gt;Short.&lt;/p&gt;</summary></entry></feed>`,
			want: articleView{Text: "Short.", Content: "<p>Short.</p>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := parseOne(t, tt.body)
			if got.Summary != tt.want.Summary {
				t.Errorf("Summary = %q, want %q", got.Summary, tt.want.Summary)
			}
			if got.Text != tt.want.Text {
				t.Errorf("Text = %q, want %q", got.Text, tt.want.Text)
			}
			if got.Content != tt.want.Content {
				t.Errorf("Content = %q, want %q", got.Content, tt.want.Content)
			}
		})
	}
}

func TestParseStableIDs(t *testing.T) {
	t.Parallel()
	for _, path := range feedFiles(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			first, err := Parse(body, testOptions(name))
			if err != nil {
				t.Fatal(err)
			}
			// A later run, at another time, from another address.
			opts := testOptions(name)
			opts.Now, opts.URL = testNow.Add(36*time.Hour), "https://mirror.example/"+name
			second, err := Parse(body, opts)
			if err != nil {
				t.Fatal(err)
			}
			ids := func(f *Feed) []string {
				var out []string
				for _, a := range f.Articles {
					out = append(out, a.ID)
				}
				return out
			}
			a, b := ids(first), ids(second)
			if !slices.Equal(a, b) {
				t.Errorf("IDs = %q, then %q, want stable", a, b)
			}
			seen := map[string]bool{}
			for _, id := range a {
				if seen[id] {
					t.Errorf("ID %q repeats within the feed", id)
				}
				seen[id] = true
			}
		})
	}
}

// FuzzParse checks that Parse never panics and that every article it
// returns has an ID, valid UTF-8 text, a URL that is empty or an absolute
// http(s) URL, and enclosures whose URLs are absolute http(s) URLs.
func FuzzParse(f *testing.F) {
	for _, path := range feedFiles(f) {
		body, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(body)
	}
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1", "items": [null]}`))
	f.Add([]byte(`<rss version="2.0"><channel><item><link>javascript:alert(1)</link></item></channel></rss>`))
	f.Add([]byte(`<rss version="2.0" xml:base="https://a.example/"><channel><item xml:base="b/"><description>&lt;a href="c"&gt;</description></item><item xml:base="javascript:x"><description>&lt;img src="d"&gt;</description></item></channel></rss>`))
	f.Add([]byte(`<rss version="2.0"><channel><item><title>Cut</title><description><![CDATA[<p>sh`))
	f.Add([]byte(`<html><body><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id></entry></feed></body></html>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := Parse(body, testOptions("fuzz"))
		if err != nil {
			if !strings.Contains(err.Error(), testOptions("fuzz").URL) {
				t.Fatalf("Parse error = %q, want it to name the URL", err)
			}
			return
		}
		for i, a := range feed.Articles {
			if a.ID == "" {
				t.Fatalf("article %d has no ID", i)
			}
			for field, s := range map[string]string{"title": a.Title, "summary": a.Summary, "text": a.Text, "content": a.Content} {
				if !utf8.ValidString(s) {
					t.Fatalf("article %d %s = %q, want valid UTF-8", i, field, s)
				}
			}
			links := map[string]string{"url": a.URL, "link": a.Link}
			for j, e := range a.Enclosures {
				if e.URL == "" {
					t.Fatalf("article %d enclosure %d has no URL", i, j)
				}
				links[fmt.Sprint("enclosure ", j)] = e.URL
			}
			for field, s := range links {
				if s == "" {
					continue
				}
				u, err := url.Parse(s)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					t.Fatalf("article %d %s = %q, want empty or an absolute http(s) URL", i, field, s)
				}
			}
			if a.Updated.Before(a.Published) || a.Published.IsZero() {
				t.Fatalf("article %d dates = %v, %v, want Published set and Updated not before it", i, a.Published, a.Updated)
			}
		}
	})
}

func TestParseDayFirstByLanguage(t *testing.T) {
	t.Parallel()
	rss := func(lang, date string) string {
		return `<rss version="2.0"><channel><title>F</title>` + lang + `<item><guid>g1</guid><title>One</title>
			<pubDate>` + date + `</pubDate></item></channel></rss>`
	}
	sept7, july9 := time.Date(2022, 9, 7, 0, 0, 0, 0, time.UTC), time.Date(2022, 7, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, body, header string
		want               time.Time
	}{
		{"rss fr", rss("<language>fr</language>", "07/09/2022"), "", sept7},
		{"rss en-GB", rss("<language>en-GB</language>", "07/09/2022"), "", sept7},
		{"rss en-us", rss("<language>en-us</language>", "07/09/2022"), "", july9},
		{"rss no language", rss("", "07/09/2022"), "", july9},
		{"rss dc:language", `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>F</title>
			<dc:language>de-DE</dc:language><item><guid>g1</guid><dc:date>07.09.2022 10:00</dc:date></item></channel></rss>`,
			"", sept7.Add(10 * time.Hour)},
		{"rss unambiguous in en-us", rss("<language>en-us</language>", "25/12/2023"), "", time.Date(2023, 12, 25, 0, 0, 0, 0, time.UTC)},
		{"rss Content-Language", rss("", "07/09/2022 14:30"), "fr-FR, en", sept7.Add(14*time.Hour + 30*time.Minute)},
		{"rss own language over Content-Language", rss("<language>en-US</language>", "07/09/2022"), "fr", july9},
		{"atom xml:lang", `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title>F</title><id>urn:f</id>
			<entry><id>urn:1</id><title>One</title><updated>07/09/2022</updated></entry></feed>`, "", sept7},
		{"json feed language", `{"version": "https://jsonfeed.org/version/1.1", "language": "it-IT",
			"items": [{"id": "1", "content_text": "x", "date_published": "07/09/2022"}]}`, "", sept7},
		{"rfc 822 untouched", rss("<language>fr</language>", "Fri, 09 Jul 2022 00:00:00 GMT"), "", july9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := testOptions("inline")
			opts.Lang = tt.header
			f, err := Parse([]byte(tt.body), opts)
			if err != nil || len(f.Articles) != 1 {
				t.Fatalf("Parse: %v, %d articles", err, len(f.Articles))
			}
			if got := f.Articles[0].Published; !got.Equal(tt.want) {
				t.Errorf("Published = %v, want %v (feed language %q)", got, tt.want, f.Lang)
			}
		})
	}
}

func TestParseDCTermsDates(t *testing.T) {
	t.Parallel()
	body := `<rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>F</title>
		<item><guid>g1</guid><title>One</title><dcterms:issued>2003-12-30T10:14:55Z</dcterms:issued>
		<dcterms:modified>2003-12-31T10:14:55+01:00</dcterms:modified></item></channel></rss>`
	f, err := Parse([]byte(body), testOptions("inline"))
	if err != nil || len(f.Articles) != 1 {
		t.Fatalf("Parse: %v", err)
	}
	a := f.Articles[0]
	if want := time.Date(2003, 12, 30, 10, 14, 55, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v (dcterms:issued)", a.Published, want)
	}
	if want := time.Date(2003, 12, 31, 9, 14, 55, 0, time.UTC); !a.Updated.Equal(want) {
		t.Errorf("Updated = %v, want %v (dcterms:modified)", a.Updated, want)
	}
}

func TestParseXMLBase(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, wantLink, wantContent string
	}{
		{"rss item xml:base", `<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
			<item xml:base="https://cdn.example/img/2024/"><link>https://news.example/2024/a.html</link>
			<description>&lt;img src="p.jpg"&gt;</description></item></channel></rss>`,
			"https://news.example/2024/a.html", `<img src="https://cdn.example/img/2024/p.jpg"/>`},
		{"rss channel xml:base, relative link", `<rss version="2.0" xml:base="https://cdn.example/img/"><channel><title>T</title>
			<link>https://news.example/</link><item><link>rel/b.html</link><description>&lt;img src="q.jpg"&gt;</description></item>
			</channel></rss>`,
			"https://cdn.example/img/rel/b.html", `<img src="https://cdn.example/img/q.jpg"/>`},
		{"rss description's own xml:base", `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
			<channel><title>T</title><item xml:base="https://a.example/"><link>https://news.example/c</link>
			<content:encoded xml:base="https://b.example/x/">&lt;a href="y"&gt;y&lt;/a&gt;</content:encoded></item></channel></rss>`,
			"https://news.example/c", `<a href="https://b.example/x/y" rel="nofollow noopener" target="_blank">y</a>`},
		{"rss relative xml:base against the address", `<rss version="2.0"><channel><title>T</title>
			<item xml:base="media/"><link>https://news.example/d</link><description>&lt;img src="p.jpg"&gt;</description></item>
			</channel></rss>`,
			"https://news.example/d", `<img src="http://example.com/feeds/media/p.jpg"/>`},
		{"rss without xml:base: the item's link", `<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
			<item><link>https://news.example/2024/e.html</link><description>&lt;img src="p.jpg"&gt;</description></item>
			</channel></rss>`,
			"https://news.example/2024/e.html", `<img src="https://news.example/2024/p.jpg"/>`},
		{"atom xml:base chain", `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://cdn.example/world/"><id>urn:f</id>
			<entry xml:base="2024/"><id>urn:1</id><link href="f.html"/>
			<content type="html">&lt;img src="p.jpg"&gt;</content></entry></feed>`,
			"https://cdn.example/world/2024/f.html", `<img src="https://cdn.example/world/2024/p.jpg"/>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := parseOne(t, tt.body)
			if got.Link != tt.wantLink || got.Content != tt.wantContent {
				t.Errorf("Link, Content = %q, %q; want %q, %q", got.Link, got.Content, tt.wantLink, tt.wantContent)
			}
		})
	}
}
