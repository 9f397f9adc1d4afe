package parse

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"tidings/normalize"
)

// Limits on the work one OPML document may ask for. Real subscription lists
// hold hundreds of feeds in folders a level or two deep.
const (
	// MaxSubscriptions is the most distinct feeds, and separately the most
	// skipped outlines, ParseOPML accepts from one document.
	MaxSubscriptions = 10000
	// MaxOutlineDepth is the deepest nesting of outlines (or of any other
	// elements) below <body>: a top-level outline is at depth 1.
	MaxOutlineDepth = 64
	// maxCategories caps the categories of one subscription; a feed listed
	// in thousands of folders keeps the first ones.
	maxCategories = 64
)

var (
	// ErrNotOPML is returned by ParseOPML for a document whose root element
	// is not <opml>, or which has no root element at all (an empty body, a
	// JSON or text file, an HTML page that is not well-formed XML).
	ErrNotOPML = errors.New("not an OPML document")
	// ErrOPMLTooLarge is returned by ParseOPML for a document beyond
	// MaxSubscriptions or MaxOutlineDepth.
	ErrOPMLTooLarge = errors.New("OPML document exceeds a limit")
	// ErrNoFeedURL is the reason for skipping an outline that looks like a
	// feed (it has a type, an htmlUrl or a url) but has no xmlUrl.
	ErrNoFeedURL = errors.New("outline has no xmlUrl")
	// ErrScraper is the reason for skipping an outline whose type names a
	// web scraper rather than a feed, such as FreshRSS's "HTML+XPath": its
	// xmlUrl is a web page.
	ErrScraper = errors.New("outline is a web scraper, not a feed")
)

// Subscription is one feed of an OPML subscription list.
type Subscription struct {
	// Title is the outline's title, else its text, else the feed URL's
	// host; plain text.
	Title string
	// URL is the outline's xmlUrl: an absolute http(s) URL, as net/url
	// writes it (scheme lower-cased, spaces escaped); the "feed://" and
	// "feed:" prefixes of old exports become "http://" and nothing.
	URL string
	// HTMLURL is the outline's htmlUrl resolved against URL, or empty when
	// it has none that is http(s).
	HTMLURL string
	// Categories are the titles of the folders (ancestor outlines without
	// xmlUrl) the feed sits in, outermost first, then the parts of its
	// category attribute ("/Tech/Go,news" gives Tech, Go, news); plain
	// text, each once whatever its case, at most 64. A feed listed in
	// several folders has the categories of all its listings.
	Categories []string
}

// OutlineError describes an outline ParseOPML skipped: one that names a
// feed but gives no usable feed URL.
type OutlineError struct {
	Line  int    // line of the document on which the outline's start tag ends
	Title string // the outline's title or text, plain text
	URL   string // its xmlUrl as written, trimmed; empty when it has none
	// Err says why: ErrNoFeedURL, ErrScraper, an error wrapping
	// normalize.ErrNotHTTP, or the url.Parse error.
	Err error
}

func (e *OutlineError) Error() string {
	return fmt.Sprintf("opml line %d: outline %q: %v", e.Line, e.Title, e.Err)
}

func (e *OutlineError) Unwrap() error { return e.Err }

// ParseOPML reads an OPML 1.0 or 2.0 subscription list (the export of
// Miniflux, FreshRSS, Feedly, Inoreader, NetNewsWire, newsboat -e,
// Thunderbird, …) and returns its feeds in document order, each feed once:
// URLs that normalize.CanonicalURL makes equal are one feed, whose title and
// URL come from its first listing. It also returns the outlines it skipped
// because their xmlUrl is missing, is not an absolute http(s) URL, or
// belongs to a web scraper; empty folders are not reported.
//
// It is lenient as real exports are: attribute names in any case, any type
// attribute, folders at any depth, outlines outside <body>, bare "&" and
// HTML entities such as "&eacute;" (kept, then decoded as HTML in titles),
// a byte order mark (UTF-8 or UTF-16, which overrides the declared
// encoding), and any encoding golang.org/x/net/html/charset knows. It
// expands no entity but XML's five and character references, and reads no
// DTD.
//
// It returns an error wrapping ErrNotOPML when the document's root element
// is not <opml>, one wrapping ErrOPMLTooLarge beyond MaxSubscriptions or
// MaxOutlineDepth, and otherwise the read or XML syntax error (wrapped).
// Whenever the error is non-nil, both slices are nil.
func ParseOPML(r io.Reader) ([]Subscription, []*OutlineError, error) {
	p := &opmlParser{dec: newOPMLDecoder(r), seen: map[string]int{}}
	if err := p.root(); err != nil {
		return nil, nil, err
	}
	if err := p.outlines(); err != nil {
		return nil, nil, err
	}
	return p.subs, p.skipped, nil
}

// utf8BOM is the byte order mark of UTF-8.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// newOPMLDecoder returns a non-strict decoder for r: it takes a bare "&" or
// an unknown entity literally instead of failing, as feed readers do, and
// without an Entity map it still expands only XML's own entities. A byte
// order mark sets the encoding, so the declared one is ignored.
func newOPMLDecoder(r io.Reader) *xml.Decoder {
	br := bufio.NewReader(r)
	var src io.Reader = br
	bom := true
	switch b, _ := br.Peek(3); {
	case bytes.HasPrefix(b, utf8BOM):
		_, _ = br.Discard(len(utf8BOM)) // Peek returned these bytes
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}), bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		// ExpectBOM reads the byte order from the mark and drops it.
		src = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	default:
		bom = false
	}
	dec := xml.NewDecoder(src)
	dec.Strict = false
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		// A UTF-16 label without a mark is wrong: the declaration
		// could not have been read if the bytes were UTF-16.
		if bom || strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return in, nil
		}
		return charset.NewReaderLabel(label, in)
	}
	return dec
}

// opmlParser walks one OPML document.
type opmlParser struct {
	dec     *xml.Decoder
	open    []element      // the open elements below the root, outermost first
	subs    []Subscription // in document order
	seen    map[string]int // canonical feed URL -> index in subs
	skipped []*OutlineError
}

// element is an open element below the root.
type element struct {
	folder   string        // the title of a folder outline, else ""
	isFolder bool          // an outline without xmlUrl
	hasChild bool          // it contains an outline
	feedless *OutlineError // reported if it turns out to be a leaf
}

// root reads up to the root element and checks that it is <opml>.
func (p *opmlParser) root() error {
	for {
		tok, err := p.dec.Token()
		var syntax *xml.SyntaxError
		if err == io.EOF || errors.As(err, &syntax) {
			return fmt.Errorf("parse opml: %w: no root element (%v)", ErrNotOPML, err)
		}
		if err != nil {
			return fmt.Errorf("parse opml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !strings.EqualFold(t.Name.Local, "opml") {
				return fmt.Errorf("parse opml: %w: root element is <%s>", ErrNotOPML, t.Name.Local)
			}
			return nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return fmt.Errorf("parse opml: %w: text before the root element", ErrNotOPML)
			}
		}
	}
}

// outlines reads the rest of the document, up to the end of the root.
func (p *opmlParser) outlines() error {
	for {
		tok, err := p.dec.Token()
		if err != nil {
			// The root is open, so io.EOF comes as a SyntaxError.
			return fmt.Errorf("parse opml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if len(p.open) == 0 {
				return nil // the root closed; anything after it is ignored
			}
			if err := p.end(); err != nil {
				return err
			}
		}
	}
}

func (p *opmlParser) start(t xml.StartElement) error {
	if len(p.open) > MaxOutlineDepth {
		line, _ := p.dec.InputPos()
		return fmt.Errorf("parse opml: line %d: elements nested more than %d deep: %w", line, MaxOutlineDepth, ErrOPMLTooLarge)
	}
	if !strings.EqualFold(t.Name.Local, "outline") {
		p.open = append(p.open, element{})
		return nil
	}
	if n := len(p.open); n > 0 {
		p.open[n-1].hasChild = true
	}
	e, err := p.outline(readOutline(t.Attr))
	if err != nil {
		return err
	}
	p.open = append(p.open, e)
	return nil
}

// end pops an element; a feedless outline is reported once it turns out to
// have no children, when it is no folder.
func (p *opmlParser) end() error {
	e := p.open[len(p.open)-1]
	p.open = p.open[:len(p.open)-1]
	if e.feedless != nil && !e.hasChild {
		return p.report(e.feedless)
	}
	return nil
}

// outlineAttrs are the attributes of an outline that ParseOPML reads.
type outlineAttrs struct {
	title, text, xmlURL, htmlURL, url, typ, category string
}

// readOutline reads an outline's attributes by case-insensitive name,
// ignoring namespaced ones (Thunderbird's fz:, FreshRSS's frss:). The
// first of repeated attributes wins.
func readOutline(attrs []xml.Attr) outlineAttrs {
	var o outlineAttrs
	for _, a := range attrs {
		if a.Name.Space != "" {
			continue
		}
		var dst *string
		switch strings.ToLower(a.Name.Local) {
		case "title":
			dst = &o.title
		case "text":
			dst = &o.text
		case "xmlurl":
			dst = &o.xmlURL
		case "htmlurl":
			dst = &o.htmlURL
		case "url":
			dst = &o.url
		case "type":
			dst = &o.typ
		case "category":
			dst = &o.category
		default:
			continue
		}
		if *dst == "" {
			*dst = strings.TrimSpace(a.Value)
		}
	}
	return o
}

// outline handles an outline's start tag: a feed is added (or skipped), and
// the element to push is returned.
func (p *opmlParser) outline(o outlineAttrs) (element, error) {
	title := normalize.PlainText(o.title)
	if title == "" {
		title = normalize.PlainText(o.text)
	}
	if o.xmlURL == "" {
		e := element{folder: title, isFolder: true}
		if o.typ != "" || o.htmlURL != "" || o.url != "" {
			e.feedless = p.outlineError(title, "", ErrNoFeedURL)
		}
		return e, nil
	}
	if strings.Contains(o.typ, "+") {
		// FreshRSS's scrapers: HTML+XPath, XML+XPath, JSON+DotNotation.
		return element{}, p.report(p.outlineError(title, o.xmlURL, fmt.Errorf("type %q: %w", o.typ, ErrScraper)))
	}
	feed, key, err := feedURL(o.xmlURL)
	if err != nil {
		return element{}, p.report(p.outlineError(title, o.xmlURL, err))
	}
	s := Subscription{
		Title:      title,
		URL:        feed.String(),
		Categories: p.categories(o.category),
	}
	s.HTMLURL = htmlURL(s.URL, o.htmlURL)
	if s.Title == "" {
		// Hosts may hold escaped bytes that are not UTF-8.
		s.Title = normalize.PlainText(feed.Hostname())
	}
	if s.Title == "" {
		s.Title = normalize.PlainText(s.URL) // a host of escaped spaces
	}
	return element{}, p.add(key, s)
}

// outlineError returns the OutlineError for an outline on the current line.
func (p *opmlParser) outlineError(title, xmlURL string, err error) *OutlineError {
	line, _ := p.dec.InputPos()
	return &OutlineError{Line: line, Title: title, URL: xmlURL, Err: err}
}

// report records a skipped outline.
func (p *opmlParser) report(e *OutlineError) error {
	if len(p.skipped) >= MaxSubscriptions {
		return fmt.Errorf("parse opml: more than %d skipped outlines: %w", MaxSubscriptions, ErrOPMLTooLarge)
	}
	p.skipped = append(p.skipped, e)
	return nil
}

// add records a feed, or merges the categories of a later listing of one
// into the first.
func (p *opmlParser) add(key string, s Subscription) error {
	if i, ok := p.seen[key]; ok {
		first := &p.subs[i]
		for _, c := range s.Categories {
			first.Categories = appendCategory(first.Categories, c)
		}
		return nil
	}
	if len(p.subs) >= MaxSubscriptions {
		return fmt.Errorf("parse opml: more than %d subscriptions: %w", MaxSubscriptions, ErrOPMLTooLarge)
	}
	p.seen[key] = len(p.subs)
	p.subs = append(p.subs, s)
	return nil
}

// categories returns the titles of the open folders, outermost first, then
// the parts of a category attribute: comma-separated, slash-delimited
// paths, as in RSS 2.0's category element.
func (p *opmlParser) categories(attr string) []string {
	var cats []string
	for _, e := range p.open {
		if e.isFolder {
			cats = appendCategory(cats, e.folder)
		}
	}
	for path := range strings.SplitSeq(attr, ",") {
		for part := range strings.SplitSeq(path, "/") {
			cats = appendCategory(cats, normalize.PlainText(part))
		}
	}
	return cats
}

// appendCategory adds c to cats unless it is empty, already there in any
// case (a folder "Essays" and a tag "essays" are one category), or cats is
// full.
func appendCategory(cats []string, c string) []string {
	if c == "" || len(cats) >= maxCategories {
		return cats
	}
	if slices.ContainsFunc(cats, func(have string) bool { return strings.EqualFold(have, c) }) {
		return cats
	}
	return append(cats, c)
}

// feedURL validates an xmlUrl and returns it parsed, with "feed:" schemes
// replaced, and its canonical form, the key that makes listings one feed.
// It returns the url.Parse error or one wrapping normalize.ErrNotHTTP.
func feedURL(raw string) (*url.URL, string, error) {
	s := raw
	if len(s) >= 5 && strings.EqualFold(s[:5], "feed:") {
		// "feed://host/path" and "feed:https://host/path", from the
		// days when browsers handed feeds to readers by scheme.
		s = s[5:]
		if strings.HasPrefix(s, "//") {
			s = "http:" + s
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, "", err
	}
	if !isHTTP(u) {
		return nil, "", fmt.Errorf("xmlUrl %q: %w", raw, normalize.ErrNotHTTP)
	}
	key, err := normalize.CanonicalURL(s)
	if err != nil {
		return nil, "", err
	}
	return u, key, nil
}

// htmlURL resolves an htmlUrl against the feed URL; it returns "" unless
// the result is an absolute http(s) URL.
func htmlURL(feed, raw string) string {
	s := normalize.ResolveURL(feed, raw)
	if u, err := url.Parse(s); err != nil || !isHTTP(u) {
		return ""
	}
	return s
}

// isHTTP reports whether u is an absolute http or https URL with a host.
func isHTTP(u *url.URL) bool {
	scheme := strings.ToLower(u.Scheme)
	return (scheme == "http" || scheme == "https") && u.Hostname() != ""
}
