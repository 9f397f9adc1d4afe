// Package publish renders a topic's articles as syndication documents and
// pages: Atom 1.0 (RFC 4287, the primary format), RSS 2.0, JSON Feed 1.1, an
// OPML 2.0 list of all topic feeds, and the HTML index and topic pages.
//
// The XML formats build on github.com/gorilla/feeds for the element types it
// gets right and use types of their own where it does not; each file says
// which and why. Every writer renders into memory first, so on error nothing
// has been written to w. Nothing here reads the clock: the same input always
// gives the same bytes.
package publish

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"tidings/normalize"
)

// ErrInvalidFeed is returned (wrapped, with the reason) when a Feed cannot be
// rendered: an article without an ID, two articles with the same ID, or, for
// Atom, a missing feed ID or update time.
var ErrInvalidFeed = errors.New("invalid feed")

// Feed is one topic's feed, ready to be written in any format. A Feed is
// only read by the writers, so one value may be rendered concurrently.
type Feed struct {
	// ID is the feed's atom:id. It must be stable across renders and
	// servers; use FeedID with the topic name. Required for Atom.
	ID       string
	Title    string
	Subtitle string
	// Links are the URLs of this feed in every format; each writer uses its
	// own as the self link and the others as alternates.
	Links Links
	// Updated is when the feed last changed. When zero, the newest Updated
	// (or Published) time among Articles is used. A feed without articles
	// has no such time, so the caller must set Updated for it, for example
	// to the store's last change; WriteAtom returns ErrInvalidFeed rather
	// than invent a date.
	Updated time.Time
	// Generator names the software; a zero Generator renders as "tidings".
	Generator Generator
	// Articles are rendered in the order given: newest first, already
	// limited to what the feed should carry. IDs must be non-empty and
	// unique.
	Articles []normalize.Article
	// Related lists, by article ID, the other outlets that carried the
	// same story: rendered as rel="related" links (Atom) and an "also
	// reported by" line (HTML), so one entry per story still shows them all.
	Related map[string][]Related
	// Archive places the document in an archived feed (RFC 5005); the
	// zero Archive leaves it a plain feed.
	Archive Archive
}

// Archive places a feed document in an archived feed (RFC 5005, section
// 4): the subscription document, which holds the latest entries, links to
// the newest archive document as Prev; each archive document holds a
// fixed set of older entries and links to its neighbours and back to the
// subscription document. The writers use the URLs of their own format: in
// Atom, links with the relations prev-archive, next-archive and current
// and an fh:archive element; in RSS the same as atom:link elements and
// fh:archive (RFC 5005, appendix B). JSON Feed has no archives, only
// next_url, "the next n items", which readers follow back in time: it is
// Prev there, and the extension object "_rfc5005" carries the rest.
type Archive struct {
	// Page marks an archive document: its entries do not change.
	Page bool
	// Prev is the archive document with the entries before this one's
	// (rel="prev-archive"), Next the one after (rel="next-archive"), and
	// Current the subscription document (rel="current"). The HTML and Hub
	// fields are not used; empty fields are left out.
	Prev, Next, Current Links
}

// Related is another outlet's version of a story.
type Related struct {
	Title string // the outlet
	URL   string // its article
}

// Links are the addresses of one topic in each format. Empty fields are
// left out of every document.
type Links struct {
	HTML string // the topic's HTML page
	Atom string
	RSS  string
	JSON string
	// Hub is the WebSub hub that readers may subscribe to for pushes
	// (rel="hub" in Atom and RSS, "hubs" in JSON Feed); empty: none.
	Hub string
}

// of returns the URL for the feed media type typ (TypeAtom, TypeRSS or
// TypeJSON), or "".
func (l Links) of(typ string) string {
	switch typ {
	case TypeAtom:
		return l.Atom
	case TypeRSS:
		return l.RSS
	case TypeJSON:
		return l.JSON
	}
	return ""
}

// Generator identifies the software that wrote a feed.
type Generator struct {
	Name    string // empty means "tidings"
	URI     string
	Version string
}

// Media types of the formats, as used in links and autodiscovery.
const (
	TypeAtom = "application/atom+xml"
	TypeRSS  = "application/rss+xml"
	TypeJSON = "application/feed+json"
	TypeHTML = "text/html"
	TypeOPML = "text/x-opml"
)

const defaultGenerator = "tidings"

// doc is a Feed after cleaning and fallbacks, shared by every format so
// that they agree on what an article says.
type doc struct {
	ID        string
	Title     string
	Subtitle  string
	Links     Links
	Updated   time.Time // zero when neither the caller nor an article says
	Generator Generator
	Lang      string // the language every entry shares, or ""
	Archive   Archive
	Entries   []entry
}

// entry is an article made ready for rendering: free of characters XML
// cannot carry, with authors and categories trimmed and deduplicated.
type entry struct {
	ID          string // EntryID of the article
	Title       string
	Summary     string
	Text        string
	HTML        string // Content, or Text as escaped paragraphs
	URL         string // URL, or Link when URL is empty
	Authors     []string
	Categories  []string
	Source      string
	SourceTitle string
	SourceURL   string
	Published   time.Time // zero when unknown
	Updated     time.Time // zero when unknown; else Updated or Published
	Lang        string    // a valid language tag, or ""
	Related     []Related // other outlets' versions, with URLs
	// Enclosures are the article's media files with a URL, in order;
	// Type is "" and Length 0 when unknown.
	Enclosures []normalize.Enclosure
}

// prepare cleans f for rendering. It returns ErrInvalidFeed when an article
// has no ID or shares one with another article.
func prepare(f *Feed) (*doc, error) {
	d := &doc{
		ID:       cleanText(f.ID),
		Title:    cleanText(f.Title),
		Subtitle: cleanText(f.Subtitle),
		Links:    cleanLinks(f.Links),
		Archive: Archive{
			Page:    f.Archive.Page,
			Prev:    cleanLinks(f.Archive.Prev),
			Next:    cleanLinks(f.Archive.Next),
			Current: cleanLinks(f.Archive.Current),
		},
		Generator: Generator{
			Name:    cleanText(f.Generator.Name),
			URI:     cleanText(f.Generator.URI),
			Version: cleanText(f.Generator.Version),
		},
		Entries: make([]entry, 0, len(f.Articles)),
	}
	if d.Generator.Name == "" {
		d.Generator.Name = defaultGenerator
	}
	seen := make(map[string]int, len(f.Articles))
	for i := range f.Articles {
		a := &f.Articles[i]
		if a.ID == "" {
			return nil, fmt.Errorf("%w: article %d (%q) has no id", ErrInvalidFeed, i, a.Title)
		}
		if j, ok := seen[a.ID]; ok {
			return nil, fmt.Errorf("%w: articles %d and %d share id %q", ErrInvalidFeed, j, i, a.ID)
		}
		seen[a.ID] = i
		e := newEntry(a)
		for _, r := range f.Related[a.ID] {
			if u := cleanText(r.URL); u != "" {
				e.Related = append(e.Related, Related{Title: cleanText(r.Title), URL: u})
			}
		}
		d.Entries = append(d.Entries, e)
	}
	d.Updated = f.Updated
	if !validTime(d.Updated) {
		d.Updated = newest(d.Entries)
	}
	d.Lang = sharedLang(d.Entries)
	return d, nil
}

func cleanLinks(l Links) Links {
	return Links{HTML: cleanText(l.HTML), Atom: cleanText(l.Atom), RSS: cleanText(l.RSS),
		JSON: cleanText(l.JSON), Hub: cleanText(l.Hub)}
}

// ReaderURL returns the link readers follow: the source's own link (which
// Finish keeps only when it is an absolute http(s) URL) without its tracking
// parameters, so a live blog's fragment and the outlet's query survive;
// else the canonical URL, which exists only for recognising the story.
// The stored Link stays exactly as the source gave it (the corpus fidelity
// test compares it with feedparser's reading); cleaning happens here.
func ReaderURL(link, canonical string) string {
	if link == "" {
		return canonical
	}
	return normalize.DisplayURL(link)
}

func newEntry(a *normalize.Article) entry {
	e := entry{
		ID:          EntryID(a.ID),
		Title:       cleanText(a.Title),
		Summary:     cleanText(a.Summary),
		Text:        cleanText(a.Text),
		HTML:        cleanText(a.Content),
		URL:         cleanText(ReaderURL(a.Link, a.URL)),
		Authors:     cleanList(a.Authors),
		Categories:  cleanList(a.Categories),
		Source:      strings.TrimSpace(cleanText(a.Source)),
		SourceTitle: strings.TrimSpace(cleanText(a.SourceTitle)),
		// Articles stored before parse redacted it may carry the feed's
		// password or API key.
		SourceURL: cleanText(normalize.PublicURL(a.SourceURL)),
	}
	if e.HTML == "" {
		e.HTML = paragraphsHTML(e.Text)
	}
	for _, enc := range a.Enclosures {
		enc.URL, enc.Type = cleanText(strings.TrimSpace(enc.URL)), cleanText(strings.TrimSpace(enc.Type))
		if enc.URL != "" {
			enc.Length = max(enc.Length, 0)
			e.Enclosures = append(e.Enclosures, enc)
		}
	}
	if validTime(a.Published) {
		e.Published = a.Published.UTC()
	}
	switch {
	case validTime(a.Updated):
		e.Updated = a.Updated.UTC()
	case !e.Published.IsZero():
		e.Updated = e.Published
	}
	if validLang(a.Lang) {
		e.Lang = a.Lang
	}
	return e
}

// byline is who an entry is credited to: its authors, or else the source,
// because Atom requires an author on every entry of a feed that has none.
func (e *entry) byline() []string {
	switch {
	case len(e.Authors) > 0:
		return e.Authors
	case e.Source != "":
		return []string{e.Source}
	case e.SourceTitle != "":
		return []string{e.SourceTitle}
	}
	return []string{"unknown"}
}

// sourceName is the name to show for the entry's source.
func (e *entry) sourceName() string {
	if e.SourceTitle != "" {
		return e.SourceTitle
	}
	return e.Source
}

// validTime reports whether t can be written as an RFC 3339 date: set, and
// with a four-digit year.
func validTime(t time.Time) bool {
	return !t.IsZero() && t.Year() >= 1 && t.Year() <= 9999
}

func newest(entries []entry) time.Time {
	var t time.Time
	for i := range entries {
		if entries[i].Updated.After(t) {
			t = entries[i].Updated
		}
	}
	return t
}

// sharedLang returns the language of the entries when they all have the
// same one.
func sharedLang(entries []entry) string {
	if len(entries) == 0 {
		return ""
	}
	lang := entries[0].Lang
	for i := range entries[1:] {
		if !strings.EqualFold(entries[i+1].Lang, lang) {
			return ""
		}
	}
	return lang
}

// rfc3339 formats t in UTC with whole seconds, as Atom and JSON Feed want.
func rfc3339(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}
