package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"html"
	"net/mail"
	"strings"
	"time"

	xhtml "golang.org/x/net/html"
)

// MaxFuture is how far past the time of fetching a date may lie before it is
// clamped: feeds with wrong clocks or time zones must not pin an entry to the
// top of every feed for days.
const MaxFuture = 24 * time.Hour

// Finish completes an article that an adapter has filled from its input:
// titles and summaries become plain text, content is sanitized (relative links
// resolved against the article's link), the missing one of Text and Content
// is derived from the other, the link is canonicalized into URL, or Link and
// URL are both left empty when it is not an absolute http(s) URL (Finish
// never takes the GUID for the link: only the adapter knows whether it is a
// permalink), dates are made UTC and sane, authors, categories and
// enclosures cleaned (an enclosure's relative URL resolved against the
// link, as in content; see cleanEnclosures), and the stable ID is set from
// origin (the configured source name) and the GUID. Title, summary,
// content and text are cut to the limits of limits.go. now is the time the article is first seen; an article with no
// date gets it.
func (a *Article) Finish(origin string, now time.Time) {
	a.Title = cutRunes(PlainText(a.Title), MaxTitleRunes)
	a.Summary = cutRunes(PlainText(a.Summary), MaxSummaryRunes)
	a.GUID = strings.TrimSpace(a.GUID)
	a.Link = strings.TrimSpace(a.Link)
	if u, err := CanonicalURL(a.Link); err == nil {
		a.URL = u
	} else {
		// Only an http(s) link is one a reader can follow; a javascript:
		// link must not reach a published feed, nor be the base of Content.
		a.Link, a.URL = "", ""
	}
	a.Content = sanitizeCut(a.Content, a.Link)
	if strings.TrimSpace(a.Text) == "" {
		a.Text = HTMLToText(a.Content)
	}
	a.Text = cutText(a.Text, MaxContentBytes)
	if a.Content == "" {
		a.Content = TextToHTML(a.Text)
	}
	if a.Title == "" {
		a.Title = firstWords(a.Summary+" "+a.Text, 12)
	}
	if a.Title == "" {
		// A post that is only a video or a picture (tumblr's): its
		// title, which readers would otherwise show as "Untitled".
		a.Title = cutRunes(collapseSpace(mediaTitle(a.Content)), MaxTitleRunes)
	}
	a.Authors = cleanAuthors(a.Authors)
	a.Categories = cleanList(a.Categories)
	a.Captions = cleanList(a.Captions)
	a.Enclosures = cleanEnclosures(a.Enclosures, a.Link)
	a.finishDates(now)
	if a.GUID == "" {
		a.GUID = a.fallbackGUID()
	}
	a.Origin = origin
	a.ID = NewID(origin, a.GUID)
}

// finishDates makes both dates UTC, fills a missing one from the other or
// from now, clamps dates far in the future and keeps Updated >= Published.
func (a *Article) finishDates(now time.Time) {
	now = now.UTC()
	if a.PublishedOffset == nil && !a.Published.IsZero() && a.Published.Location() != time.UTC {
		_, off := a.Published.Zone()
		a.PublishedOffset = &off
	}
	if a.Published.IsZero() {
		a.Published = a.Updated
	}
	if a.Published.IsZero() {
		a.Published = now
	}
	if a.Published.After(now.Add(MaxFuture)) {
		a.Published, a.PublishedOffset = now, nil
	}
	if a.Updated.IsZero() || a.Updated.Before(a.Published) || a.Updated.After(now.Add(MaxFuture)) {
		a.Updated = a.Published
	}
	a.Published = a.Published.UTC().Truncate(time.Second)
	a.Updated = a.Updated.UTC().Truncate(time.Second)
}

// fallbackGUID identifies an article that came without a GUID: its link,
// else a hash of its title and text.
func (a *Article) fallbackGUID() string {
	if a.Link != "" {
		return a.Link
	}
	sum := sha256.Sum256([]byte(a.Title + "\n" + a.Text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// cleanAuthors normalizes author names: "jane@example.com (Jane Doe)" and
// "Jane Doe <jane@example.com>" become "Jane Doe", a bare address (also
// "<jane@example.com>") is kept, blanks and repeats are dropped.
func cleanAuthors(authors []string) []string {
	out := make([]string, 0, len(authors))
	for _, s := range authors {
		out = append(out, authorName(s))
	}
	return cleanList(out)
}

// authorName returns the name in an RSS or email-style author, else the
// address, else the author as plain text. It parses before PlainText, which
// would take "<jane@example.com>" for a tag; entity-escaped brackets are
// tried too.
func authorName(s string) string {
	for _, c := range []string{s, html.UnescapeString(s)} {
		if addr, err := mail.ParseAddress(strings.TrimSpace(c)); err == nil {
			if addr.Name != "" {
				return addr.Name
			}
			return addr.Address
		}
	}
	return s
}

// cleanList returns the non-empty items of list as plain text, without
// repeats (compared case-insensitively), in their first order; never nil.
func cleanList(list []string) []string {
	out := make([]string, 0, len(list))
	seen := make(map[string]bool, len(list))
	for _, s := range list {
		s = PlainText(s)
		if k := strings.ToLower(s); s != "" && !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// firstWords returns the first n words of s, with an ellipsis when cut.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + "…"
}

// mediaTitle returns the title of the first player in content, sanitized
// HTML, or else the alt text of its first image, or "".
func mediaTitle(content string) string {
	z := xhtml.NewTokenizer(strings.NewReader(content))
	alt := ""
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return alt
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			t := z.Token()
			for _, at := range t.Attr {
				switch {
				case t.Data == "iframe" && at.Key == "title" && strings.TrimSpace(at.Val) != "":
					return at.Val
				case t.Data == "img" && at.Key == "alt" && alt == "":
					alt = strings.TrimSpace(at.Val)
				}
			}
		}
	}
}

// PublishedLocal returns Published as the source wrote it: at the offset it
// gave, or in UTC (the clock time as written) when it gave none.
func (a *Article) PublishedLocal() time.Time {
	if a.PublishedOffset == nil {
		return a.Published
	}
	return a.Published.In(time.FixedZone("", *a.PublishedOffset))
}
