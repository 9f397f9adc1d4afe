package normalize

import (
	"bytes"
	"html"
	"net/url"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// PlainText turns a feed's text or HTML fragment into one line of plain text:
// tags dropped, entities decoded, whitespace collapsed, characters that XML
// cannot carry removed, NFC. Titles and summaries are stored this way.
func PlainText(s string) string {
	switch {
	case strings.Contains(s, "<"):
		s = htmlText(s, false)
	case strings.Contains(s, "&"):
		// Entities but no tags ("AT&amp;T", "&#8217;"): one text token,
		// which the tokenizer would only unescape. Its line breaks are
		// white space that collapseSpace collapses.
		s = xhtml.UnescapeString(s)
	}
	return collapseSpace(s)
}

// HTMLToText renders sanitized HTML as plain text: one paragraph per block
// element, paragraphs separated by a blank line.
func HTMLToText(s string) string {
	if !strings.Contains(s, "<") {
		// No tags: one paragraph, which tokenizing would only unescape.
		// Its line breaks are white space that collapseSpace collapses.
		return collapseSpace(xhtml.UnescapeString(s))
	}
	if text, ok := simpleHTMLToText(s); ok {
		return text
	}
	return joinParagraphs(tokenizedText(s, true))
}

// simpleHTMLToText is HTMLToText for the HTML that simpleHTMLText reads,
// which is what Finish derives Text from. Rather than write the text out
// and then split and collapse it, it collapses each run of text into its
// paragraph as it reads it: the text has no line breaks but those of
// block elements (its own are white space, as simpleHTMLText writes them),
// so the paragraphs are the same (FuzzHTMLToText). It reports false
// where simpleHTMLText does.
func simpleHTMLToText(s string) (string, bool) {
	var c collapser
	c.b.Grow(len(s))
	if !scanSimpleHTML(s, func(text string) { c.write(xhtml.UnescapeString(text)) }, c.endParagraph) {
		return "", false
	}
	return c.String(), true
}

// joinParagraphs returns the lines of text, each collapsed as collapseSpace
// collapses it, without the empty ones, joined by blank lines.
func joinParagraphs(text string) string {
	var c collapser
	c.b.Grow(len(text))
	for line := range strings.SplitSeq(text, "\n") {
		c.write(line)
		c.endParagraph()
	}
	return c.String()
}

// TextToHTML renders plain text paragraphs (separated by blank lines) as
// escaped HTML paragraphs.
func TextToHTML(text string) string {
	var b strings.Builder
	for _, p := range strings.Split(text, "\n\n") {
		if p = collapseSpace(p); p != "" {
			b.WriteString("<p>")
			b.WriteString(html.EscapeString(p))
			b.WriteString("</p>\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// blockElements end a paragraph in HTMLToText and separate words in
// PlainText. Other tags separate nothing: "de-<em>escalation</em>" is one
// word, as a browser shows it.
var blockElements = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "figure": true, "figcaption": true,
	"table": true, "tr": true, "td": true, "th": true, "caption": true,
	"dl": true, "dt": true, "dd": true, "section": true, "article": true,
	"aside": true, "header": true, "footer": true, "details": true,
	"summary": true, "hr": true,
}

// htmlText extracts the text of an HTML fragment. With blocks set, block
// elements become line breaks and line breaks in the text become spaces;
// without it, both become spaces. Script and style contents are dropped.
func htmlText(s string, blocks bool) string {
	if text, ok := simpleHTMLText(s, blocks); ok {
		return text
	}
	return tokenizedText(s, blocks)
}

// tokenizedText is htmlText for any HTML, read by x/net/html's tokenizer.
func tokenizedText(s string, blocks bool) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				writeLineBreaksAsSpaces(&b, z.Text())
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "style" {
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken && skip > 0 {
					skip--
				}
			}
			if blockElements[tag] {
				if blocks {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
		}
	}
}

// simpleHTMLText is htmlText for HTML as the sanitizer writes it, which is
// what Finish derives Text from: start tags whose attributes are all
// key="value", end tags without attributes, text with entities. That
// grammar leaves the tokenizer no choice to make, so a scan that finds
// each "<" does what it does at a fraction of its cost (FuzzHTMLText). It
// reports false for anything else: a comment, a
// single-quoted or unquoted attribute, white space other than a space in a
// tag, a raw-text element such as script, a "<" that starts no tag.
func simpleHTMLText(s string, blocks bool) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	sep := byte(' ')
	if blocks {
		sep = '\n'
	}
	if !scanSimpleHTML(s, func(text string) { writeTextAsSpaces(&b, text) }, func() { b.WriteByte(sep) }) {
		return "", false
	}
	return b.String(), true
}

// scanSimpleHTML walks s in simpleHTMLText's grammar, calling text with
// each run of text between tags (entities still escaped) and block at
// each tag of a block element. It reports false at the first thing the
// grammar does not hold; the callers then discard what they wrote.
func scanSimpleHTML(s string, text func(string), block func()) bool {
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			text(s[:i])
		}
		if s = s[i:]; s == "" {
			break
		}
		name, n, ok := simpleTag(s)
		if !ok {
			return false
		}
		if blockElements[name] {
			block()
		}
		s = s[n:]
	}
	return true
}

// rawTextElements are the elements whose contents the tokenizer reads as
// raw text, up to their end tag, rather than as markup and entities.
var rawTextElements = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true,
	"plaintext": true, "script": true, "style": true, "textarea": true,
	"title": true, "xmp": true,
}

// simpleTag reads the tag that s starts with, in simpleHTMLText's grammar:
// "<" name (" " key `="` value `"`)* [" "] ["/"] ">" for a start tag,
// "</" name ">" for an end tag, where a name is an ASCII letter followed
// by ASCII letters and digits and a key is made of ASCII letters, digits,
// "-", "_" and ":". It returns the tag's name in lower case and its
// length, or false when s starts with something else or the element's
// contents are raw text (but for an empty iframe).
func simpleTag(s string) (name string, n int, ok bool) {
	i := 1
	end := i < len(s) && s[i] == '/'
	if end {
		i++
	}
	start := i
	for i < len(s) && (isASCIILetter(s[i]) || i > start && '0' <= s[i] && s[i] <= '9') {
		i++
	}
	if i == start {
		return "", 0, false
	}
	name = s[start:i]
	if strings.ContainsFunc(name, unicode.IsUpper) {
		name = strings.ToLower(name)
	}
	// An iframe's contents are raw text too, but the sanitizer writes the
	// players it keeps empty (keepEmbeds): "<iframe …></iframe>" reads as
	// any element does.
	emptyIframe := name == "iframe" && !end
	if rawTextElements[name] && name != "iframe" {
		return "", 0, false
	}
	for i < len(s) {
		switch s[i] {
		case '>':
			if emptyIframe && !strings.HasPrefix(s[i+1:], "</iframe>") {
				return "", 0, false
			}
			return name, i + 1, true
		case '/':
			if end || emptyIframe || i+1 >= len(s) || s[i+1] != '>' {
				return "", 0, false
			}
			return name, i + 2, true
		case ' ':
			if end {
				return "", 0, false
			}
			i++
			if i < len(s) && (s[i] == '/' || s[i] == '>') {
				continue
			}
			k := i
			for i < len(s) && isKeyByte(s[i]) {
				i++
			}
			if i == k || i+1 >= len(s) || s[i] != '=' || s[i+1] != '"' {
				return "", 0, false
			}
			v := strings.IndexByte(s[i+2:], '"')
			if v < 0 {
				return "", 0, false
			}
			i += 2 + v + 1
		default:
			return "", 0, false
		}
	}
	return "", 0, false
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isKeyByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':'
}

// writeTextAsSpaces writes raw text, as found between tags, to b as the
// tokenizer's Text gives it to htmlText: "\r\n" and "\r" read as one line
// break, entities decoded, then line breaks as spaces and invalid UTF-8 as
// U+FFFD.
func writeTextAsSpaces(b *strings.Builder, raw string) {
	if strings.IndexByte(raw, '\r') >= 0 {
		raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n")
	}
	text := xhtml.UnescapeString(raw)
	if !utf8.ValidString(text) {
		b.WriteString(strings.Map(lineBreakToSpace, text))
		return
	}
	for text != "" {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			b.WriteString(text)
			return
		}
		b.WriteString(text[:i])
		b.WriteByte(' ')
		text = text[i+1:]
	}
}

// writeLineBreaksAsSpaces writes text to b with its line breaks as spaces
// (see lineBreakToSpace) and each invalid UTF-8 byte as U+FFFD, as
// strings.Map does, without converting valid text to a string first.
func writeLineBreaksAsSpaces(b *strings.Builder, text []byte) {
	if !utf8.Valid(text) {
		b.WriteString(strings.Map(lineBreakToSpace, string(text)))
		return
	}
	for len(text) > 0 {
		i := bytes.IndexAny(text, "\r\n")
		if i < 0 {
			b.Write(text)
			return
		}
		b.Write(text[:i])
		b.WriteByte(' ')
		text = text[i+1:]
	}
}

// lineBreakToSpace maps the line breaks of HTML source, which a browser
// shows as spaces, to a space.
func lineBreakToSpace(r rune) rune {
	if r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// collapseSpace trims s, collapses runs of white space (NBSP included) to one
// space, drops characters XML 1.0 cannot carry and applies NFC.
func collapseSpace(s string) string {
	var c collapser
	c.b.Grow(len(s))
	c.write(s)
	return c.String()
}

// collapser writes paragraphs of text as collapseSpace returns each, into
// one buffer, separated by blank lines and without the empty ones. Each
// paragraph may be written in pieces: white space at the end of one piece
// and the start of the next is one space.
type collapser struct {
	b strings.Builder
	// started says the paragraph has a word, space that white space
	// followed its last one.
	started, space bool
}

// write adds s to the paragraph. White space before its first word and
// after its last is never written, which is the trimming.
func (c *collapser) write(s string) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r < utf8.RuneSelf && r > ' ' && r != 0x7f:
			// Most text is ASCII: copy the whole run of printable
			// ASCII at once.
			j := i
			for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
				j++
			}
			c.separate()
			c.b.WriteString(s[i-1 : j])
			i = j
		case unicode.IsSpace(r) || r == '\u00a0':
			c.space = true
		case !xmlChar(r):
		default:
			c.separate()
			c.b.WriteRune(r)
		}
	}
}

// separate writes what goes before a word: a blank line before the first
// word of a paragraph after another, a space before a later word that
// followed white space.
func (c *collapser) separate() {
	switch {
	case !c.started && c.b.Len() > 0:
		c.b.WriteString("\n\n")
	case c.started && c.space:
		c.b.WriteByte(' ')
	}
	c.started, c.space = true, false
}

// endParagraph starts a new paragraph.
func (c *collapser) endParagraph() {
	c.started, c.space = false, false
}

// String returns the paragraphs in NFC. It normalizes them all at once,
// rather than each: a line break neither composes nor reorders with its
// neighbours, so NFC of the whole is NFC of each paragraph (FuzzHTMLToText
// compares the two).
func (c *collapser) String() string {
	return norm.NFC.String(c.b.String())
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return true
}

// sanitizer is built once: a bluemonday Policy is safe for concurrent use
// once configured, and building one is costly.
var sanitizer = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	// Republished content is read in other people's feed readers: links
	// open elsewhere and carry no referrer weight.
	p.AddTargetBlankToFullyQualifiedLinks(true)
	// UGCPolicy lets an image's alt text through only when it matches its
	// Paragraph pattern, which has no "&", ":" or quotes: "Ferry & fares"
	// lost its alt. Any text is safe there, escaped as it is written.
	p.AllowAttrs("alt").OnElements("img")
	// Players of embedHosts, as keepEmbeds left them; see embedSrc.
	p.AllowAttrs("src").Matching(embedSrc).OnElements("iframe")
	p.AllowAttrs("width", "height").Matching(bluemonday.NumberOrPercent).OnElements("iframe")
	p.AllowAttrs("title").OnElements("iframe")
	p.AllowAttrs("allowfullscreen").Matching(allowFullscreen).OnElements("iframe")
	p.AllowIFrames(embedSandboxValues...)
	return p
})

// SanitizeHTML returns content safe to republish: no script, style, event
// handlers, forms, iframes but the sandboxed players of embedHosts, or
// javascript: and data: URLs; paragraphs,
// lists, links, images, figures, quotes, tables and code survive, with every
// element closed, so that an unclosed <a> or <blockquote> cannot run on into
// the reader's page. Relative links, image sources and quote citations are
// resolved against base when it is an absolute http(s) URL; any other base
// is ignored, because resolving "#top" against a javascript: or data: base
// would make a script link.
func SanitizeHTML(content, base string) string {
	if !strings.ContainsAny(content, "<&\x00\r") {
		// Plain text, a third of the bodies feeds send: parsing, rendering
		// and sanitizing it would only escape it (FuzzSanitizeHTMLPlain).
		return strings.TrimSpace(stripInvalidXML(html.EscapeString(content)))
	}
	b, _ := httpBase(base)
	// Balance and resolve before sanitizing, so that the sanitizer checks
	// the resolved links and treats them like links that came absolute.
	clean := sanitizer().Sanitize(balanceHTML(content, b))
	return strings.TrimSpace(stripInvalidXML(clean))
}

// balanceHTML parses s as the body of a page, as a browser would, resolves
// relative href, src and cite attributes against base (unless nil) and
// renders the tree again, so every element is closed and properly nested.
// Its output is not safe: it goes to the sanitizer. When s cannot be parsed
// or rendered it returns s unchanged.
func balanceHTML(s string, base *url.URL) string {
	if out, ok := simpleBalance(s, base); ok {
		return out
	}
	return parseAndRender(s, base)
}

// parseAndRender is balanceHTML for any HTML, through x/net/html's parser.
func parseAndRender(s string, base *url.URL) string {
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return s
	}
	if base != nil {
		for _, n := range nodes {
			resolveLinks(n, base)
		}
	}
	var b strings.Builder
	for _, n := range keepEmbeds(nodes) {
		if err := xhtml.Render(&b, n); err != nil {
			return s
		}
	}
	return b.String()
}

// resolveLinks rewrites the relative href, src and cite attributes of n and
// its descendants against base.
func resolveLinks(n *xhtml.Node, base *url.URL) {
	for d := range n.Descendants() {
		resolveAttrs(d, base)
	}
	resolveAttrs(n, base)
}

func resolveAttrs(n *xhtml.Node, base *url.URL) {
	if n.Type != xhtml.ElementNode {
		return
	}
	for i, a := range n.Attr {
		if a.Namespace == "" && (a.Key == "href" || a.Key == "src" || a.Key == "cite") {
			if ref, err := url.Parse(strings.TrimSpace(a.Val)); err == nil && !ref.IsAbs() {
				n.Attr[i].Val = resolve(base, ref)
			}
		}
	}
}

// stripInvalidXML removes characters that XML 1.0 cannot carry, such as
// control characters a feed let through, so republished feeds stay valid.
func stripInvalidXML(s string) string {
	if isXMLText(s) {
		// Nearly every body: nothing to strip, found without decoding
		// runes one by one.
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.ContainsFunc(s, func(r rune) bool { return !xmlChar(r) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

// isXMLText reports whether s is valid UTF-8 made only of characters XML
// 1.0 can carry (see xmlChar): no control character but tab, line feed and
// carriage return, and no U+FFFE or U+FFFF; valid UTF-8 holds no
// surrogates. stripInvalidXML returns such a string unchanged.
func isXMLText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return utf8.ValidString(s) && !strings.Contains(s, "\uFFFE") && !strings.Contains(s, "\uFFFF")
}
