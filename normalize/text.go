package normalize

import (
	"bytes"
	"html"
	"io"
	"net/url"
	"strings"
	"sync"
	"unicode"

	"github.com/microcosm-cc/bluemonday"
	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// PlainText turns a feed's text or HTML fragment into one line of plain text:
// tags dropped, entities decoded, whitespace collapsed, characters that XML
// cannot carry removed, NFC. Titles and summaries are stored this way.
func PlainText(s string) string {
	if strings.ContainsAny(s, "<&") {
		s = htmlText(s, false)
	}
	return collapseSpace(s)
}

// HTMLToText renders sanitized HTML as plain text: one paragraph per block
// element, paragraphs separated by a blank line.
func HTMLToText(s string) string {
	var paras []string
	for _, p := range strings.Split(htmlText(s, true), "\n") {
		if p = collapseSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
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

// blockElements end a paragraph in HTMLToText.
var blockElements = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "figure": true, "figcaption": true,
	"table": true, "tr": true, "section": true, "article": true, "hr": true,
}

// htmlText extracts the text of an HTML fragment. With blocks set, block
// elements become line breaks; script and style contents are always dropped.
func htmlText(s string, blocks bool) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			tt := z.Token().Type
			if tag == "script" || tag == "style" {
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken && skip > 0 {
					skip--
				}
			}
			if blocks && blockElements[tag] {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
	}
}

// collapseSpace trims s, collapses runs of white space (NBSP included) to one
// space, drops characters XML 1.0 cannot carry and applies NFC.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
		case !xmlChar(r):
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
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
	return p
})

// SanitizeHTML returns content safe to republish: no script, style, event
// handlers, forms, iframes, or javascript: and data: URLs; paragraphs,
// lists, links, images, figures, quotes, tables and code survive. Relative
// links and image sources are resolved against base when it is absolute.
func SanitizeHTML(content, base string) string {
	clean := sanitizer().Sanitize(content)
	if b, err := url.Parse(base); err == nil && b.IsAbs() {
		clean = resolveLinks(clean, b)
	}
	return strings.TrimSpace(stripInvalidXML(clean))
}

// resolveLinks rewrites relative href and src attributes of an HTML fragment
// against base. Its input is sanitizer output, so the token stream is simple.
func resolveLinks(s string, base *url.URL) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b bytes.Buffer
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			if z.Err() != io.EOF {
				return s
			}
			return b.String()
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			b.Write(z.Raw())
			continue
		}
		tok := z.Token()
		for i, a := range tok.Attr {
			if a.Key == "href" || a.Key == "src" {
				if ref, err := url.Parse(a.Val); err == nil && !ref.IsAbs() {
					tok.Attr[i].Val = base.ResolveReference(ref).String()
				}
			}
		}
		b.WriteString(tok.String())
	}
}

// stripInvalidXML removes characters that XML 1.0 cannot carry, such as
// control characters a feed let through, so republished feeds stay valid.
func stripInvalidXML(s string) string {
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
