package parse

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestParseSalvage(t *testing.T) {
	t.Parallel()
	const rssHead = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<link>https://news.example/</link>
<item><title>One</title><link>https://news.example/1</link></item>
`
	tests := []struct {
		name, body    string
		wantTitles    []string
		wantMalformed bool
	}{
		{
			name:       "well-formed",
			body:       rssHead + `<item><title>Two</title></item></channel></rss>`,
			wantTitles: []string{"One", "Two"},
		},
		{
			name:          "truncated between items",
			body:          rssHead + `<item><title>Two</title></item>`,
			wantTitles:    []string{"One", "Two"},
			wantMalformed: true,
		},
		{
			name:          "truncated in a text",
			body:          rssHead + `<item><title>Two</title><description>Cut sh`,
			wantTitles:    []string{"One", "Two"},
			wantMalformed: true,
		},
		{
			name:          "truncated in a tag",
			body:          rssHead + `<item><title>Two</title><link>https://news.example/2</link><content:enc`,
			wantTitles:    []string{"One", "Two"},
			wantMalformed: true,
		},
		{
			name:          "unclosed cdata",
			body:          rssHead + `<item><title>Two</title><content:encoded><![CDATA[<p>Cut short`,
			wantTitles:    []string{"One", "Two"},
			wantMalformed: true,
		},
		{
			name: "atom inside an xhtml page",
			body: `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:f</id>
<entry><id>urn:1</id><title>One</title></entry><entry><id>urn:2</id><title>Two</title></entry></feed>
</body></html>`,
			wantTitles:    []string{"One", "Two"},
			wantMalformed: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.body), testOptions("salvage"))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var titles []string
			for _, a := range f.Articles {
				titles = append(titles, a.Title)
			}
			if !slices.Equal(titles, tt.wantTitles) {
				t.Errorf("titles = %q, want %q", titles, tt.wantTitles)
			}
			if got := f.Malformed != nil; got != tt.wantMalformed {
				t.Errorf("Malformed = %v, want an error: %v", f.Malformed, tt.wantMalformed)
			}
		})
	}
}

func TestParseSalvageNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		unknown    bool // ErrUnknownFormat, else another error
	}{
		{"html page", `<!DOCTYPE html><html><head><title>Moved</title></head><body><p>Moved</p></body></html>`, true},
		{"xhtml page cut short", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Mov`, true},
		{"feed cut before its root", `<?xml version="1.0"?><!-- a feed -->`, true},
		{"json cut short", `{"version": "https://jsonfeed.org/version/1", "items": [`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.body), testOptions("salvage"))
			if err == nil {
				t.Fatalf("Parse = %+v, want an error", f)
			}
			if got := errors.Is(err, ErrUnknownFormat); got != tt.unknown {
				t.Errorf("Parse error = %v, want ErrUnknownFormat: %v", err, tt.unknown)
			}
		})
	}
}

func TestParseFileBase(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, wantLink string
	}{
		{
			"atom self link",
			`<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id>
				<link rel="self" href="https://news.example/blog/index.atom"/><link href="/blog/"/>
				<entry><id>urn:1</id><title>One</title><link href="/blog/2024/one"/></entry></feed>`,
			"https://news.example/blog/2024/one",
		},
		{
			"rss atom:link self",
			`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><link>/</link>
				<atom:link href="https://news.example/index.xml" rel="self" type="application/rss+xml"/>
				<item><title>One</title><link>/articles/one/</link></item></channel></rss>`,
			"https://news.example/articles/one/",
		},
		{
			"no absolute base",
			`<rss version="2.0"><channel><link>/</link>
				<item><title>One</title><link>/articles/one/</link></item></channel></rss>`,
			"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.body), Options{Source: "file", URL: "feeds/saved.xml", Now: testNow})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(f.Articles) != 1 {
				t.Fatalf("Parse: %d articles, want 1", len(f.Articles))
			}
			if got := f.Articles[0].Link; got != tt.wantLink {
				t.Errorf("Link = %q, want %q", got, tt.wantLink)
			}
		})
	}
}

func TestParseDateFallback(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       time.Time
	}{
		{
			"json date without seconds or zone",
			`{"version": "https://jsonfeed.org/version/1", "items": [{"id": "1", "url": "https://news.example/a",
				"date_published": "2018-01-06T08:00", "content_text": "x"}]}`,
			time.Date(2018, 1, 6, 8, 0, 0, 0, time.UTC),
		},
		{
			"rss 12-hour clock",
			`<rss version="2.0"><channel><item><link>https://news.example/a</link>
				<pubDate>Sat, Dec 16 2023 02:02:33 PM</pubDate></item></channel></rss>`,
			time.Date(2023, 12, 16, 14, 2, 33, 0, time.UTC),
		},
		{
			"dc:date with a truncated offset",
			`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><link>https://news.example/a</link>
				<dc:date>2017-06-13T03:18:00+01:0</dc:date></item></channel></rss>`,
			time.Date(2017, 6, 13, 2, 18, 0, 0, time.UTC),
		},
		{
			"unreadable date is now",
			`<rss version="2.0"><channel><item><link>https://news.example/a</link>
				<pubDate>sometime last week</pubDate></item></channel></rss>`,
			testNow,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.body), testOptions("dates"))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(f.Articles) != 1 {
				t.Fatalf("Parse: %d articles, want 1", len(f.Articles))
			}
			if got := f.Articles[0].Published; !got.Equal(tt.want) {
				t.Errorf("Published = %v, want %v", got, tt.want)
			}
		})
	}
}
