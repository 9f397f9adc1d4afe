package publish

import (
	"encoding/xml"
	"io"
)

// Outline is one feed in an OPML subscription list.
type Outline struct {
	Title       string // shown to the reader; empty falls back to XMLURL
	Description string
	XMLURL      string // the feed itself (Atom for tidings' topics)
	HTMLURL     string // the page the feed belongs to
}

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    opmlHead `xml:"head"`
	// Body is a struct rather than a body>outline path so that <body> is
	// written even when there are no outlines.
	Body opmlBody `xml:"body"`
}

type opmlBody struct {
	Outlines []opmlOutline `xml:"outline"`
}

type opmlHead struct {
	Title string `xml:"title"`
	Docs  string `xml:"docs"`
}

type opmlOutline struct {
	Type        string `xml:"type,attr"`
	Text        string `xml:"text,attr"`
	Title       string `xml:"title,attr,omitempty"`
	Description string `xml:"description,attr,omitempty"`
	XMLURL      string `xml:"xmlUrl,attr"`
	HTMLURL     string `xml:"htmlUrl,attr,omitempty"`
}

// WriteOPML writes an OPML 2.0 subscription list titled title with one
// type="rss" outline per entry of outlines (OPML uses "rss" for any feed
// format). The head has no dateCreated, so the output depends only on the
// arguments. It returns only an error from w.
func WriteOPML(w io.Writer, title string, outlines []Outline) error {
	o := &opmlDoc{
		Version: "2.0",
		Head:    opmlHead{Title: cleanText(title), Docs: "http://opml.org/spec2.opml"},
	}
	for _, ol := range outlines {
		t := cleanText(ol.Title)
		o.Body.Outlines = append(o.Body.Outlines, opmlOutline{
			Type:        "rss",
			Text:        firstNonEmpty(t, cleanText(ol.XMLURL)),
			Title:       t,
			Description: cleanText(ol.Description),
			XMLURL:      cleanText(ol.XMLURL),
			HTMLURL:     cleanText(ol.HTMLURL),
		})
	}
	return writeXML(w, o, "opml "+title)
}
