package parse

import (
	"bytes"
	"fmt"
	"mime"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"tidings/normalize"
)

// maxPageScan bounds how much of an HTML page pageHint reads: the links
// that announce a page's feeds are in its head.
const maxPageScan = 256 << 10

// feedTypes are the media types of the alternates that announce a feed
// (RSS Autodiscovery; the same for Atom and JSON Feed).
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      true, // JSON Feed 1.0's suggestion
	"application/rdf+xml":   true,
	"application/xml":       true,
	"text/xml":              true,
}

// pageHint says what body, which is no feed, is when it is an HTML page:
// the page's title and the feeds it announces (<link rel="alternate"
// type="application/rss+xml" href=…>, resolved against base), so that a
// source configured with a site's address instead of its feed's says
// which address to use, as a feed reader's subscription dialog would
// find. It returns "" when body is no HTML page.
func pageHint(body []byte, base string) string {
	head := bytes.ToLower(body[:min(len(body), 1024)])
	if !slices.ContainsFunc([]string{"<!doctype html", "<html", "<head", "<body"}, func(tag string) bool { return bytes.Contains(head, []byte(tag)) }) {
		return ""
	}
	z := xhtml.NewTokenizer(bytes.NewReader(body[:min(len(body), maxPageScan)]))
	var title string
	var feeds []string
	inTitle := false
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		switch tt {
		case xhtml.TextToken:
			if inTitle && title == "" {
				title = normalize.PlainText(string(z.Text()))
			}
		case xhtml.EndTagToken:
			inTitle = false
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			t := z.Token()
			inTitle = t.DataAtom == atom.Title && tt == xhtml.StartTagToken
			if t.DataAtom != atom.Link {
				continue
			}
			var rel, typ, href string
			for _, a := range t.Attr {
				switch a.Key {
				case "rel":
					rel = strings.ToLower(a.Val)
				case "type":
					typ, _, _ = mime.ParseMediaType(a.Val)
				case "href":
					href = a.Val
				}
			}
			if href != "" && feedTypes[typ] && slices.Contains(strings.Fields(rel), "alternate") {
				// Resolved against the address fetched, which may hold
				// a password or key that the error must not show.
				if u := normalize.RedactedRawURL(normalize.ResolveURL(base, href)); !slices.Contains(feeds, u) {
					feeds = append(feeds, u)
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString("an HTML page")
	if title != "" {
		fmt.Fprintf(&b, " (%q)", title)
	}
	switch len(feeds) {
	case 0:
		b.WriteString(" that announces no feed")
	case 1:
		b.WriteString(" that announces the feed " + feeds[0] + ": use it as the source's url")
	default:
		b.WriteString(" that announces the feeds " + strings.Join(feeds, ", ") + ": use one as the source's url")
	}
	return b.String()
}
