package publish

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/gorilla/feeds"
)

const (
	atomNS = "http://www.w3.org/2005/Atom"
	xmlNS  = "http://www.w3.org/XML/1998/namespace" // encoding/xml writes it as the xml: prefix
	// historyNS is the namespace of RFC 5005's fh:archive.
	historyNS = "http://purl.org/syndication/history/1.0"
)

// The feed and entry types are ours because gorilla/feeds' AtomFeed and
// AtomEntry cannot express a valid aggregated feed: the feed carries a
// single link (we need self plus an alternate per format), there is no
// generator or xml:lang, category and source are text elements where RFC
// 4287 wants <category term=""/> and an <atom:source> with children, an
// entry has at most one author, and its AtomFeed ignores Feed.Id (using the
// link instead) and gives id-less entries a random UUID. The leaf types
// (AtomLink, AtomAuthor/AtomPerson, AtomSummary, AtomContent) are right and
// reused.

type atomFeed struct {
	XMLName   xml.Name         `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string           `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID        string           `xml:"id"`
	Title     atomText         `xml:"title"`
	Subtitle  *atomText        `xml:"subtitle"`
	Updated   string           `xml:"updated"`
	Links     []feeds.AtomLink `xml:"link"`
	Generator atomGenerator    `xml:"generator"`
	// Archive marks an archive document (RFC 5005). It is written with
	// its namespace as the default one, <archive xmlns="…history/1.0">,
	// which means the same as the RFC's fh:archive and decodes again.
	Archive *struct{}   `xml:"http://purl.org/syndication/history/1.0 archive"`
	Entries []atomEntry `xml:"entry"`
}

type atomEntry struct {
	Lang       string             `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID         string             `xml:"id"`
	Title      atomText           `xml:"title"`
	Updated    string             `xml:"updated"`
	Published  string             `xml:"published,omitempty"`
	Authors    []feeds.AtomAuthor `xml:"author"`
	Links      []atomLink         `xml:"link"`
	Summary    *feeds.AtomSummary `xml:"summary"`
	Content    *feeds.AtomContent `xml:"content"`
	Categories []atomCategory     `xml:"category"`
	Source     *atomSource        `xml:"source"`
}

// atomLink is an entry's link. It is ours, not feeds.AtomLink, because a
// related link needs a title (the outlet that also carried the story) and
// an enclosure's length is left out when unknown, where feeds.AtomLink
// would write length="".
type atomLink struct {
	Href   string `xml:"href,attr"`
	Rel    string `xml:"rel,attr,omitempty"`
	Type   string `xml:"type,attr,omitempty"`
	Title  string `xml:"title,attr,omitempty"`
	Length string `xml:"length,attr,omitempty"`
}

// atomText is a text construct; Type is "text" or "html".
type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomGenerator struct {
	URI     string `xml:"uri,attr,omitempty"`
	Version string `xml:"version,attr,omitempty"`
	Name    string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomSource keeps the origin of an aggregated entry (RFC 4287, 4.2.11).
// It carries no atom:id: the source feed's own id is not known, and a
// made-up one could contradict it.
type atomSource struct {
	Title *atomText        `xml:"title"`
	Links []feeds.AtomLink `xml:"link"`
}

// WriteAtom writes f to w as an Atom 1.0 feed document.
//
// Each article becomes an entry whose id is EntryID(article.ID). An entry
// without authors is credited to its source, and one without dates takes
// the feed's update time, as Atom requires both.
//
// It returns ErrInvalidFeed (wrapped) when f has no ID, when it has no
// update time (f.Updated is zero and no article is dated), or when an
// article ID is empty or repeated; otherwise only an error from w.
func WriteAtom(w io.Writer, f *Feed) error {
	d, err := prepare(f)
	if err != nil {
		return fmt.Errorf("write atom feed %q: %w", f.ID, err)
	}
	if d.ID == "" {
		return fmt.Errorf("write atom feed %q: %w: no feed id", f.Title, ErrInvalidFeed)
	}
	if d.Updated.IsZero() {
		return fmt.Errorf("write atom feed %q: %w: no update time", f.ID, ErrInvalidFeed)
	}
	return writeXML(w, newAtomFeed(d), "atom feed "+f.ID)
}

func newAtomFeed(d *doc) *atomFeed {
	af := &atomFeed{
		Lang:      d.Lang,
		ID:        d.ID,
		Title:     atomText{Type: "text", Text: d.Title},
		Updated:   rfc3339(d.Updated),
		Links:     append(feedLinks(d.Links, TypeAtom), archiveLinks(d.Archive, TypeAtom)...),
		Generator: atomGenerator{URI: d.Generator.URI, Version: d.Generator.Version, Name: d.Generator.Name},
		Entries:   make([]atomEntry, 0, len(d.Entries)),
	}
	if d.Archive.Page {
		af.Archive = &struct{}{}
	}
	if d.Subtitle != "" {
		af.Subtitle = &atomText{Type: "text", Text: d.Subtitle}
	}
	for i := range d.Entries {
		af.Entries = append(af.Entries, newAtomEntry(d, &d.Entries[i]))
	}
	return af
}

// feedLinks returns a link for each known URL: the one of the given type is
// the document itself (rel="self"), the others are alternates. Atom allows
// several alternates as long as their types differ.
func feedLinks(l Links, self string) []feeds.AtomLink {
	var out []feeds.AtomLink
	for _, c := range []struct{ href, typ string }{
		{l.Atom, TypeAtom}, {l.HTML, TypeHTML}, {l.RSS, TypeRSS}, {l.JSON, TypeJSON},
	} {
		if c.href == "" {
			continue
		}
		rel := "alternate"
		if c.typ == self {
			rel = "self"
		}
		out = append(out, feeds.AtomLink{Href: c.href, Rel: rel, Type: c.typ})
	}
	if l.Hub != "" {
		out = append(out, feeds.AtomLink{Href: l.Hub, Rel: "hub"})
	}
	return out
}

// archiveLinks returns the RFC 5005 links of a document in the format of
// media type typ: prev-archive, next-archive and current, when known.
func archiveLinks(a Archive, typ string) []feeds.AtomLink {
	var out []feeds.AtomLink
	for _, l := range []struct {
		rel   string
		links Links
	}{{"prev-archive", a.Prev}, {"next-archive", a.Next}, {"current", a.Current}} {
		if href := l.links.of(typ); href != "" {
			out = append(out, feeds.AtomLink{Href: href, Rel: l.rel, Type: typ})
		}
	}
	return out
}

func newAtomEntry(d *doc, e *entry) atomEntry {
	ae := atomEntry{
		ID:      e.ID,
		Title:   atomText{Type: "text", Text: e.Title},
		Updated: rfc3339(d.Updated),
	}
	if e.Lang != "" && e.Lang != d.Lang {
		ae.Lang = e.Lang
	}
	if !e.Updated.IsZero() {
		ae.Updated = rfc3339(e.Updated)
	}
	if !e.Published.IsZero() {
		ae.Published = rfc3339(e.Published)
	}
	for _, name := range e.byline() {
		ae.Authors = append(ae.Authors, feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: name}})
	}
	if e.URL != "" {
		ae.Links = []atomLink{{Href: e.URL, Rel: "alternate", Type: TypeHTML}}
	}
	for _, r := range e.Related {
		ae.Links = append(ae.Links, atomLink{Href: r.URL, Rel: "related", Type: TypeHTML, Title: r.Title})
	}
	// RFC 4287 §4.2.7: any number of enclosures; type and length are
	// hints, left out when unknown.
	for _, enc := range e.Enclosures {
		l := atomLink{Href: enc.URL, Rel: "enclosure", Type: enc.Type}
		if enc.Length > 0 {
			l.Length = strconv.FormatInt(enc.Length, 10)
		}
		ae.Links = append(ae.Links, l)
	}
	if e.Summary != "" {
		ae.Summary = &feeds.AtomSummary{Type: "text", Content: e.Summary}
	}
	// An entry needs an alternate link or content, so one without a link
	// gets content even when it is empty.
	if e.HTML != "" || e.URL == "" {
		ae.Content = &feeds.AtomContent{Type: "html", Content: e.HTML}
	}
	for _, c := range e.Categories {
		ae.Categories = append(ae.Categories, atomCategory{Term: c})
	}
	ae.Source = newAtomSource(e)
	return ae
}

func newAtomSource(e *entry) *atomSource {
	name := e.sourceName()
	if name == "" && e.SourceURL == "" {
		return nil
	}
	s := &atomSource{}
	if name != "" {
		s.Title = &atomText{Type: "text", Text: name}
	}
	if e.SourceURL != "" {
		s.Links = []feeds.AtomLink{{Href: e.SourceURL, Rel: "self"}}
	}
	return s
}

// writeXML marshals v with an XML declaration into memory, then writes it
// to w, so a failure leaves w untouched.
func writeXML(w io.Writer, v any, what string) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode %s: %w", what, err)
	}
	buf.WriteByte('\n')
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}
