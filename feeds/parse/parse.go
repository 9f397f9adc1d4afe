// Package parse turns the bytes of a live feed (RSS 0.9x/1.0/2.0, Atom
// 0.3/1.0, JSON Feed) into normalize.Articles. gofeed does the parsing; this
// package is the one place that adapts gofeed's Feed and Item to our model.
package parse

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"

	"tidings/normalize"
)

// ErrUnknownFormat is returned for a body that is no feed gofeed recognises
// (an HTML page, an error document, an empty body).
var ErrUnknownFormat = errors.New("not a feed (RSS, Atom or JSON Feed)")

// Options say where a feed came from.
type Options struct {
	// Source is the configured source name; it is the article's Source and,
	// with the GUID, makes its stable ID.
	Source string
	// URL is the address the feed was fetched from (or a file path); links
	// are resolved against the feed's own link and then against it.
	URL string
	// Now is the time the feed was read: the date of undated articles.
	Now time.Time
	// MaxEntries caps the articles taken from one feed (the first ones, as
	// feeds list the newest first); zero means DefaultMaxEntries.
	MaxEntries int
}

// DefaultMaxEntries is the entry cap when Options.MaxEntries is zero: a
// feed of 10,000 entries must not cost 10,000 normalizations every poll.
const DefaultMaxEntries = 500

// Feed is a parsed feed: its own metadata and its articles, finished.
type Feed struct {
	Title string
	Link  string
	Lang  string
	// TTL is the feed's own polling hint (RSS <ttl>), zero when absent.
	TTL      time.Duration
	Articles []normalize.Article
	// Dropped counts the entries beyond MaxEntries.
	Dropped int
}

// Parse parses a feed body. It returns an error wrapping ErrUnknownFormat
// when the body is no feed (a JSON document is a feed only when it declares
// a JSON Feed version), and gofeed's error, wrapped with the URL, when the
// feed is broken beyond parsing or gofeed panics on it.
func Parse(body []byte, opts Options) (*Feed, error) {
	gf, err := parseFeed(body)
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("parse %s: %w", opts.URL, ErrUnknownFormat)
	}
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", opts.URL, err)
	}
	if gf.FeedType == "json" && !strings.Contains(gf.FeedVersion, "jsonfeed.org/version/") {
		// gofeed takes any JSON object for a feed: an API's error
		// document would read as a feed with no articles.
		return nil, fmt.Errorf("parse %s: %w", opts.URL, ErrUnknownFormat)
	}
	f := &Feed{
		Title: normalize.PlainText(gf.Title),
		Link:  normalize.ResolveURL(opts.URL, gf.Link),
		Lang:  strings.TrimSpace(gf.Language),
		TTL:   ttl(gf),
	}
	feedAuthors := names(gf.Authors)
	textOnly := plainTextItems(gf)
	items := gf.Items
	if limit := cmp.Or(opts.MaxEntries, DefaultMaxEntries); len(items) > limit {
		f.Dropped = len(items) - limit
		items = items[:limit]
	}
	for i, it := range items {
		if it == nil {
			continue
		}
		a := article(it, textOnly[i], f, opts)
		if len(a.Authors) == 0 {
			a.Authors = feedAuthors // RFC 4287 §4.2.1: entries inherit the feed's author
		}
		a.Finish(opts.Source, opts.Now)
		f.Articles = append(f.Articles, a)
	}
	return f, nil
}

// parseFeed runs gofeed, keeping the original feed for plainTextItems. It
// turns a panic in gofeed (v1.4.2 panics on a JSON Feed item that is null)
// into an error: a feed from the web must not stop a fetch run.
func parseFeed(body []byte) (gf *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			gf, err = nil, fmt.Errorf("gofeed panicked: %v", r)
		}
	}()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	return p.Parse(bytes.NewReader(body))
}

// plainTextItems reports, by item index, which items carry their body as
// plain text: gofeed puts a JSON Feed's content_text in Item.Content, where
// it would be read as HTML ("<" starting a tag, paragraphs run together).
func plainTextItems(gf *gofeed.Feed) []bool {
	plain := make([]bool, len(gf.Items))
	jf, ok := gf.OriginalFeed().(*jsonfeed.Feed)
	if !ok || len(jf.Items) != len(gf.Items) {
		return plain
	}
	for i, it := range jf.Items {
		plain[i] = it != nil && it.ContentHTML == "" && it.ContentText != ""
	}
	return plain
}

// article maps one gofeed item to an unfinished Article. textOnly says that
// the item's Content is plain text.
func article(it *gofeed.Item, textOnly bool, f *Feed, opts Options) normalize.Article {
	base := f.Link
	if base == "" {
		base = opts.URL
	}
	a := normalize.Article{
		Source:      opts.Source,
		SourceTitle: f.Title,
		SourceURL:   opts.URL,
		GUID:        strings.TrimSpace(it.GUID),
		Link:        normalize.ResolveURL(base, itemLink(it)),
		Title:       it.Title,
		Content:     it.Content,
		Summary:     it.Description,
		Authors:     names(it.Authors),
		Categories:  it.Categories,
		Lang:        f.Lang,
	}
	if textOnly {
		a.Text, a.Content = a.Content, ""
	}
	if strings.TrimSpace(a.Content) == "" && strings.TrimSpace(a.Text) == "" {
		// RSS puts the body in description; it is the content then, and a
		// summary that repeats it would only be noise.
		a.Content, a.Summary = a.Summary, ""
	}
	if !isHTTPURL(a.Link) && !isHTTPURL(a.GUID) {
		// Finish resolves relative links in the content against the
		// article's link (or permalink GUID); without one, the feed's
		// address is the base.
		a.Content = normalize.SanitizeHTML(a.Content, base)
	}
	if it.PublishedParsed != nil {
		a.Published = *it.PublishedParsed
	}
	if it.UpdatedParsed != nil {
		a.Updated = *it.UpdatedParsed
	}
	return a
}

// ttl reads RSS <ttl>, in minutes; zero when absent or not a number.
func ttl(gf *gofeed.Feed) time.Duration {
	orig, ok := gf.OriginalFeed().(*rss.Feed)
	if !ok {
		return 0
	}
	minutes, err := strconv.Atoi(strings.TrimSpace(orig.TTL))
	if err != nil || minutes <= 0 || minutes > 60*24*365 {
		return 0
	}
	return time.Duration(minutes) * time.Minute
}

// itemLink is the item's link, else an enclosure's URL (podcasts, photo
// feeds). A permalink GUID is used later by Article.Finish.
func itemLink(it *gofeed.Item) string {
	if l := strings.TrimSpace(it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	for _, e := range it.Enclosures {
		if e != nil && e.URL != "" {
			return e.URL
		}
	}
	return ""
}

// names returns the people's names, or their addresses when unnamed.
func names(people []*gofeed.Person) []string {
	var out []string
	for _, p := range people {
		switch {
		case p == nil:
		case strings.TrimSpace(p.Name) != "":
			out = append(out, p.Name)
		case strings.TrimSpace(p.Email) != "":
			out = append(out, p.Email)
		}
	}
	return out
}

// isHTTPURL reports whether s is an absolute http(s) URL, as Finish needs
// for an article's link.
func isHTTPURL(s string) bool {
	_, err := normalize.CanonicalURL(s)
	return err == nil
}
