package publish

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"strconv"
	"time"

	"github.com/gorilla/feeds"

	"tidings/normalize"
)

// The RSS document reuses gorilla/feeds' RssFeed for the channel header and
// RssGuid and RssContent inside items. Its RssFeedXml root is not used: it
// declares only the content namespace and its Channel field is typed, so it
// cannot carry the atom:link self reference or dc:creator. Its RssItem is not
// used either: it has one category, puts names in <author> (which RSS 2.0
// reserves for an e-mail address) and renders <source> without the
// required url attribute. The prefixed names ("atom:link", "dc:creator")
// are literal, as gorilla does for content:encoded, because encoding/xml
// would otherwise redeclare the namespace on every element.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	ContentNS string     `xml:"xmlns:content,attr"`
	AtomNS    string     `xml:"xmlns:atom,attr"`
	DCNS      string     `xml:"xmlns:dc,attr"`
	FHNS      string     `xml:"xmlns:fh,attr,omitempty"` // only in archive documents
	Channel   rssChannel `xml:"channel"`
}

// rssChannel embeds gorilla's header fields (title, link, description,
// language, lastBuildDate, generator) and replaces its Items, whose
// encoding/xml name "item" it shadows.
type rssChannel struct {
	feeds.RssFeed
	AtomLinks []rssAtomLink `xml:"atom:link"`
	Archive   *struct{}     `xml:"fh:archive"` // RFC 5005, appendix B
	Items     []rssItem     `xml:"item"`
}

// rssAtomLink is ours because feeds.AtomLink's XMLName fixes its name to
// "link", which would clash with the channel's own <link>.
type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type rssItem struct {
	Title       string            `xml:"title"`
	Link        string            `xml:"link,omitempty"`
	Description string            `xml:"description"`
	Content     *feeds.RssContent // content:encoded, as CDATA
	Creators    []string          `xml:"dc:creator"`
	Categories  []string          `xml:"category"`
	GUID        *feeds.RssGuid
	PubDate     string     `xml:"pubDate,omitempty"`
	Source      *rssSource `xml:"source"`
	Enclosure   *feeds.RssEnclosure
}

type rssSource struct {
	URL   string `xml:"url,attr"`
	Title string `xml:",chardata"`
}

// WriteRSS writes f to w as an RSS 2.0 document, with the Atom self link
// that RSS validators expect, dc:creator for authors (RSS's own <author>
// must be an e-mail address) and content:encoded for the body.
//
// Item guids are EntryID(article.ID) with isPermaLink="false", the same ids
// as in the Atom feed. Dates are RFC 1123 with a numeric zone; dates that
// are unknown are left out.
//
// It returns ErrInvalidFeed (wrapped) when an article ID is empty or
// repeated; otherwise only an error from w.
func WriteRSS(w io.Writer, f *Feed) error {
	d, err := prepare(f)
	if err != nil {
		return fmt.Errorf("write rss feed %q: %w", f.ID, err)
	}
	return writeXML(w, newRSSDoc(d), "rss feed "+f.ID)
}

func newRSSDoc(d *doc) *rssDoc {
	ch := rssChannel{
		RssFeed: feeds.RssFeed{
			Title:       d.Title,
			Link:        firstNonEmpty(d.Links.HTML, d.Links.RSS),
			Description: firstNonEmpty(d.Subtitle, d.Title, d.Generator.Name),
			Language:    d.Lang,
			Generator:   generatorText(d.Generator),
		},
		Items: make([]rssItem, 0, len(d.Entries)),
	}
	if !d.Updated.IsZero() {
		ch.LastBuildDate = rfc1123(d.Updated)
	}
	if d.Links.RSS != "" {
		ch.AtomLinks = append(ch.AtomLinks, rssAtomLink{Href: d.Links.RSS, Rel: "self", Type: TypeRSS})
	}
	if d.Links.Hub != "" {
		ch.AtomLinks = append(ch.AtomLinks, rssAtomLink{Href: d.Links.Hub, Rel: "hub"})
	}
	for _, l := range archiveLinks(d.Archive, TypeRSS) {
		ch.AtomLinks = append(ch.AtomLinks, rssAtomLink{Href: l.Href, Rel: l.Rel, Type: l.Type})
	}
	for i := range d.Entries {
		ch.Items = append(ch.Items, newRSSItem(&d.Entries[i]))
	}
	rd := &rssDoc{
		Version:   "2.0",
		ContentNS: "http://purl.org/rss/1.0/modules/content/",
		AtomNS:    atomNS,
		DCNS:      "http://purl.org/dc/elements/1.1/",
		Channel:   ch,
	}
	if d.Archive.Page {
		rd.FHNS, rd.Channel.Archive = historyNS, &struct{}{}
	}
	return rd
}

func newRSSItem(e *entry) rssItem {
	it := rssItem{
		Title:      e.Title,
		Link:       e.URL,
		Creators:   e.Authors,
		Categories: e.Categories,
		GUID:       &feeds.RssGuid{Id: e.ID, IsPermaLink: "false"},
	}
	// description is HTML in RSS, so the plain summary is escaped.
	it.Description = html.EscapeString(e.Summary)
	if it.Description == "" {
		it.Description = e.HTML
	}
	if e.HTML != "" {
		it.Content = &feeds.RssContent{Content: e.HTML}
	}
	switch {
	case !e.Published.IsZero():
		it.PubDate = rfc1123(e.Published)
	case !e.Updated.IsZero():
		it.PubDate = rfc1123(e.Updated)
	}
	if e.SourceURL != "" {
		it.Source = &rssSource{URL: e.SourceURL, Title: e.sourceName()}
	}
	it.Enclosure = rssEnclosure(e.Enclosures)
	return it
}

// rssEnclosure returns the <enclosure> of an item with enclosures: the
// first one only, as RSS 2.0 allows one per item (readers that met several
// took one or the other; the Atom and JSON feeds carry them all). Its
// three attributes are required: an unknown length is written "0" and an
// unknown type application/octet-stream, as podcast feeds and validators
// do.
func rssEnclosure(encs []normalize.Enclosure) *feeds.RssEnclosure {
	if len(encs) == 0 {
		return nil
	}
	e := encs[0]
	return &feeds.RssEnclosure{Url: e.URL, Length: strconv.FormatInt(e.Length, 10), Type: cmp.Or(e.Type, octetStream)}
}

// octetStream is the media type of an enclosure whose type is unknown,
// where a format requires one.
const octetStream = "application/octet-stream"

func generatorText(g Generator) string {
	if g.Version == "" {
		return g.Name
	}
	return g.Name + " " + g.Version
}

func rfc1123(t time.Time) string {
	return t.UTC().Format(time.RFC1123Z)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
