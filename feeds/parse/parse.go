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
	"github.com/mmcdole/gofeed/atom"
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
	// Lang is the language the server named for the feed (HTTP
	// Content-Language; of a list, the first is taken), used when the feed
	// names none itself. It decides how ambiguous numeric dates read.
	Lang string
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
	// Malformed is gofeed's error on the body as given when the feed could
	// be read only after repair (see salvage): Articles are what was
	// salvaged. It is nil for a feed gofeed read as it was.
	Malformed error `json:"-"`
}

// Parse parses a feed body, best converted to UTF-8 first (fetch.ToUTF8):
// gofeed decodes a declared legacy charset itself, but the repair of an XML
// feed that gofeed cannot read (see salvage, and Feed.Malformed) reads
// UTF-8 only. Parse returns an error wrapping ErrUnknownFormat when the
// body is no feed (a JSON document is a feed only when it declares a JSON
// Feed version), and gofeed's error, wrapped with the URL, when the feed is
// broken beyond repair or gofeed panics on it. A feed nested deeper than
// MaxDepth is refused with an error wrapping ErrTooDeep, one holding more
// than MaxNodes elements (after the entries beyond MaxEntries are cut)
// with one wrapping ErrTooManyNodes.
func Parse(body []byte, opts Options) (*Feed, error) {
	// Errors are logged, listed by `sources` and served in /sources.json:
	// they name the feed without its password or API key.
	name := normalize.RedactedRawURL(opts.URL)
	if err := checkDepth(body, MaxDepth); err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	limit := cmp.Or(opts.MaxEntries, DefaultMaxEntries)
	body, cut := cutEntries(body, limit)
	if err := checkNodes(body, MaxNodes); err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	gf, err := parseFeed(body)
	var malformed error
	if err != nil {
		if fixed := salvage(body); fixed != nil {
			if sf, serr := parseFeed(fixed); serr == nil {
				gf, err, malformed, body = sf, nil, err, fixed
			}
		}
	}
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		if hint := pageHint(body, opts.URL); hint != "" {
			return nil, fmt.Errorf("parse %s: %w: %s", name, ErrUnknownFormat, hint)
		}
		return nil, fmt.Errorf("parse %s: %w", name, ErrUnknownFormat)
	}
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	if gf.FeedType == "json" && !strings.Contains(gf.FeedVersion, "jsonfeed.org/version/") {
		// gofeed takes any JSON object for a feed: an API's error
		// document would read as a feed with no articles.
		return nil, fmt.Errorf("parse %s: %w", name, ErrUnknownFormat)
	}
	// From here on the address is in public form: it is the articles'
	// SourceURL, republished in atom:source, and the base of their
	// relative links and images, which a password or an API key in it
	// would otherwise reach.
	opts.URL = normalize.PublicURL(opts.URL)
	docURL := opts.URL
	if !isHTTPURL(docURL) && isHTTPURL(gf.FeedLink) {
		// Read from a file: the feed's own address (Atom or atom:link
		// rel="self") is the best base for its relative links.
		docURL = gf.FeedLink
	}
	f := &Feed{
		Title:     normalize.PlainText(gf.Title),
		Link:      normalize.ResolveURL(docURL, gf.Link),
		Lang:      cmp.Or(strings.TrimSpace(gf.Language), firstLanguage(opts.Lang)),
		TTL:       ttl(gf),
		Malformed: malformed,
	}
	base := cmp.Or(f.Link, docURL)
	feedAuthors := feedAuthorNames(gf)
	facts := originalFacts(gf)
	if gf.FeedType == "rss" {
		// Only RSS: gofeed applies xml:base to Atom content itself, and
		// Atom feeds are most of those that carry one.
		if bases := itemBases(body, docURL); len(bases) == len(facts) {
			for i := range facts {
				facts[i].base = bases[i]
			}
		}
	}
	items := gf.Items
	f.Dropped = cut
	if len(items) > limit {
		f.Dropped += len(items) - limit
		items = items[:limit]
	}
	for i, it := range items {
		if it == nil {
			continue
		}
		a := article(it, facts[i], base, f, opts)
		// RFC 4287 §4.2.1: an entry without an author inherits its
		// atom:source's, else the feed's.
		if len(a.Authors) == 0 {
			a.Authors = facts[i].sourceAuthors
		}
		if len(a.Authors) == 0 {
			a.Authors = feedAuthors
		}
		a.Finish(opts.Source, opts.Now)
		f.Articles = append(f.Articles, a)
	}
	return f, nil
}

// parseFeed runs gofeed, keeping the original feed for originalFacts. It
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
	// gofeed parses every RSS item's HTML a second time looking for an
	// <img> to offer as Item.Image; nothing here reads Item.Image (the
	// images stay in the sanitized content), and the scan cost an eighth
	// of ingest's CPU over the real-world corpus.
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	return p.Parse(bytes.NewReader(body))
}

// itemFacts are what gofeed's Item loses of the original entry.
type itemFacts struct {
	// textOnly says that Item.Content is plain text: a JSON Feed's
	// content_text, or Atom content of type "text", which would be misread
	// as HTML ("<" starting a tag, paragraphs run together).
	textOnly bool
	// notPermalink says that Item.GUID is not the entry's address: an RSS
	// guid with isPermaLink="false".
	notPermalink bool
	// sourceAuthors are the authors of an Atom entry's atom:source (the
	// feed it was copied from), which gofeed drops.
	sourceAuthors []string
	// base is the xml:base in effect for an RSS item's content (see
	// itemBases), which gofeed does not apply to it; "" when none is.
	base string
}

// originalFacts returns, by item index, the itemFacts of gf's items, read
// from the original feed.
func originalFacts(gf *gofeed.Feed) []itemFacts {
	facts := make([]itemFacts, len(gf.Items))
	switch orig := gf.OriginalFeed().(type) {
	case *jsonfeed.Feed:
		if len(orig.Items) == len(facts) {
			for i, it := range orig.Items {
				facts[i].textOnly = it != nil && it.ContentHTML == "" && it.ContentText != ""
			}
		}
	case *atom.Feed:
		if len(orig.Entries) == len(facts) {
			for i, e := range orig.Entries {
				facts[i].textOnly = e != nil && e.Content != nil && e.Content.Src == "" && isTextType(e.Content.Type)
				if e != nil && e.Source != nil {
					facts[i].sourceAuthors = atomNames(e.Source.Authors)
				}
			}
		}
	case *rss.Feed:
		if len(orig.Items) == len(facts) {
			for i, it := range orig.Items {
				facts[i].notPermalink = it != nil && it.GUID != nil &&
					strings.EqualFold(strings.TrimSpace(it.GUID.IsPermalink), "false")
			}
		}
	}
	return facts
}

// isTextType reports whether an Atom content type (RFC 4287 §4.1.3, or
// Atom 0.3's MIME type) says plain text; absent, it does.
func isTextType(typ string) bool {
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "", "text", "text/plain":
		return true
	}
	return false
}

// article maps one gofeed item to an unfinished Article. base is what
// relative links resolve against: the feed's link, else its address.
func article(it *gofeed.Item, facts itemFacts, base string, f *Feed, opts Options) normalize.Article {
	a := normalize.Article{
		Source:      opts.Source,
		SourceTitle: f.Title,
		SourceURL:   opts.URL, // in public form (Parse)
		GUID:        strings.TrimSpace(it.GUID),
		Link:        normalize.ResolveURL(base, itemLink(it, !facts.notPermalink)),
		Title:       it.Title,
		Content:     it.Content,
		Summary:     it.Description,
		Authors:     names(it.Authors),
		Categories:  it.Categories,
		Enclosures:  enclosures(it, base),
		Lang:        f.Lang,
	}
	if facts.textOnly {
		// One paragraph per blank-line-separated block, spaces collapsed,
		// as Text has it when Finish derives it from HTML.
		a.Text, a.Content = normalize.HTMLToText(normalize.TextToHTML(a.Content)), ""
	}
	if strings.TrimSpace(a.Content) == "" && strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Summary) == "" {
		a.Content = mediaBody(it, a.Link, normalize.PlainText(a.Title))
	}
	if strings.TrimSpace(a.Content) == "" && strings.TrimSpace(a.Text) == "" {
		// RSS puts the body in description; it is the content then, and a
		// summary that repeats it would only be noise.
		a.Content, a.Summary = a.Summary, ""
	}
	switch {
	case facts.base != "":
		// xml:base comes first; gofeed applied it to Atom content only.
		a.Content = normalize.SanitizeHTML(a.Content, facts.base)
	case !isHTTPURL(a.Link):
		// Finish resolves relative links in the content against the
		// article's link; without one, the feed's address is the base.
		a.Content = normalize.SanitizeHTML(a.Content, base)
	}
	a.Published = itemDate(it.PublishedParsed, cmp.Or(it.Published, dcTerm(it, "issued", "created")), f.Lang)
	a.Updated = itemDate(it.UpdatedParsed, cmp.Or(it.Updated, dcTerm(it, "modified")), f.Lang)
	return a
}

// dcTerm is the first of the named Dublin Core terms (dcterms:issued and
// the like, which gofeed keeps only as extensions) that the item has.
func dcTerm(it *gofeed.Item, names ...string) string {
	terms := it.Extensions["dcterms"]
	for _, name := range names {
		for _, e := range terms[name] {
			if v := strings.TrimSpace(e.Value); v != "" {
				return v
			}
		}
	}
	return ""
}

// itemDate is the date in raw. An all-numeric date with the year last
// ("07/09/2022") is read in the feed's language (normalize.DayFirst):
// gofeed reads it day first whatever the language. Any other date is the
// one gofeed parsed, else the one normalize.ParseDate reads, else the zero
// time.
func itemDate(parsed *time.Time, raw, lang string) time.Time {
	if t, err := normalize.ParseDayMonthYear(raw, lang); err == nil {
		return t
	}
	if parsed != nil {
		return *parsed
	}
	if t, err := normalize.ParseDate(raw); err == nil {
		return t
	}
	return time.Time{}
}

// firstLanguage returns the first language of a Content-Language header
// ("de-DE, en" gives "de-DE").
func firstLanguage(header string) string {
	first, _, _ := strings.Cut(header, ",")
	return strings.TrimSpace(first)
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

// itemLink is the item's link, else its GUID when that is a permalink (an
// RSS guid without isPermaLink="false", an Atom or JSON Feed id) and an
// absolute http(s) URL, as feedparser chooses, else an enclosure's URL
// (podcasts, photo feeds), which feedparser does not take but a reader can
// follow. A GUID that is not a URL ("12345") is no permalink, whatever
// isPermaLink says, and is not resolved into one.
func itemLink(it *gofeed.Item, guidIsLink bool) string {
	if l := strings.TrimSpace(it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	if g := strings.TrimSpace(it.GUID); guidIsLink && isHTTPURL(g) {
		return g
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

// feedAuthorNames returns the names of the feed's authors, which its
// entries without one inherit. gofeed falls back from an RSS channel's
// managingEditor to its webMaster, whom RSS 2.0 defines as the person
// responsible for technical issues: feeds name a help desk there ("Apps
// Support"), which must not become every article's author. The channel's
// other author fields (dc:author, dc:creator, itunes:author) are used
// instead, as gofeed would use them after the webMaster.
func feedAuthorNames(gf *gofeed.Feed) []string {
	rf, ok := gf.OriginalFeed().(*rss.Feed)
	if !ok || rf.ManagingEditor != "" || rf.WebMaster == "" {
		return names(gf.Authors)
	}
	var candidates []string
	if dc := rf.DublinCoreExt; dc != nil {
		candidates = append(candidates, dc.Author...)
		candidates = append(candidates, dc.Creator...)
	}
	if rf.ITunesExt != nil {
		candidates = append(candidates, rf.ITunesExt.Author)
	}
	for _, c := range candidates {
		if strings.TrimSpace(c) != "" {
			return []string{c}
		}
	}
	return nil
}

// atomNames is names for the people of an original Atom feed.
func atomNames(people []*atom.Person) []string {
	var out []*gofeed.Person
	for _, p := range people {
		if p != nil {
			out = append(out, &gofeed.Person{Name: p.Name, Email: p.Email})
		}
	}
	return names(out)
}

// isHTTPURL reports whether s is an absolute http(s) URL, as Finish needs
// for an article's link.
func isHTTPURL(s string) bool {
	_, err := normalize.CanonicalURL(s)
	return err == nil
}
