package normalize

import (
	"net/url"
	"slices"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
)

// simpleBalance is balanceHTML for a fragment whose tree is the nesting of
// its tags as written, which is most feed content: paragraphs, lists,
// headings, quotes, links, emphasis and images, every element closed by
// its own end tag (or left open at the end), attributes quoted. For such a
// fragment the HTML parser makes no choice (it closes, moves and
// reconstructs nothing), so writing each tag, attribute and text as Render
// writes it gives Render's output without building a tree; FuzzBalance
// compares the two byte for byte. The sanitizer then reads the same bytes
// as before. It reports false, having done nothing, for anything else: an
// element outside simpleElements, a misnested or stray end tag, an element
// the parser would close or move (a block in a paragraph, a list item
// outside a list, a link in a link), comments, unquoted, valueless,
// repeated or legacy-entity attributes, a NUL, a "<" that starts no tag.
func simpleBalance(s string, base *url.URL) (string, bool) {
	if strings.IndexByte(s, 0) >= 0 {
		return "", false // the parser drops NULs from text
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	var open []string
	fresh := false // a pre just opened, still without contents
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			text := unescapeText(s[:i])
			if fresh {
				// The next tag, which ends the text, resets fresh.
				var newline bool
				if text, newline = preText(text); newline {
					b.WriteByte('\n')
				}
			}
			writeEscaped(&b, text)
		}
		if s = s[i:]; s == "" {
			break
		}
		t, ok := readTag(s)
		if !ok {
			return "", false
		}
		if open, ok = t.apply(open); !ok {
			return "", false
		}
		t.write(&b, base)
		fresh = !t.end && t.name == "pre"
		s = s[t.n:]
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</")
		b.WriteString(open[i])
		b.WriteByte('>')
	}
	return b.String(), true
}

// preText is what the parser and Render make of the first text in a pre:
// the parser drops one line break at its start ("\r" then "\n", as
// decoded), and Render writes a line break after <pre> when the text that
// remains starts with one (renderNewline), so that it is not dropped again.
func preText(text string) (rest string, renderNewline bool) {
	text = strings.TrimPrefix(text, "\r")
	text = strings.TrimPrefix(text, "\n")
	return text, strings.HasPrefix(text, "\n")
}

// Kinds of simpleElements: what the parser does with them beyond inserting
// them (HTML Living Standard, 13.2.6.4.7 "in body").
const (
	kindPhrasing   = iota // nothing
	kindFormatting        // kept in the list of active formatting elements
	kindVoid              // no contents, no end tag
	kindBlock             // closes an open p
	kindHeading           // closes an open p and an open heading
	kindItem              // closes an open p and an open li
	kindRule              // void, and closes an open p
)

// simpleElements are the elements simpleBalance takes, by kind. None is a
// scope boundary, raw text, or special in any other way.
var simpleElements = map[string]int{
	"span": kindPhrasing, "sub": kindPhrasing, "sup": kindPhrasing,
	"cite": kindPhrasing, "q": kindPhrasing, "abbr": kindPhrasing,
	"kbd": kindPhrasing, "samp": kindPhrasing, "var": kindPhrasing,
	"mark": kindPhrasing, "dfn": kindPhrasing,
	"a": kindFormatting, "b": kindFormatting, "i": kindFormatting,
	"em": kindFormatting, "strong": kindFormatting, "code": kindFormatting,
	"small": kindFormatting, "s": kindFormatting, "u": kindFormatting,
	"br": kindVoid, "img": kindVoid, "hr": kindRule,
	"p": kindBlock, "div": kindBlock, "blockquote": kindBlock,
	"ul": kindBlock, "ol": kindBlock, "figure": kindBlock,
	"figcaption": kindBlock, "section": kindBlock, "article": kindBlock,
	"aside": kindBlock, "header": kindBlock, "footer": kindBlock,
	"pre": kindBlock,
	"h1":  kindHeading, "h2": kindHeading, "h3": kindHeading,
	"h4": kindHeading, "h5": kindHeading, "h6": kindHeading,
	"li": kindItem,
}

// maxSimpleDepth keeps simpleBalance far below the parser's limit of 512
// open elements, beyond which ParseFragment fails.
const maxSimpleDepth = 64

// tag is a tag read by readTag.
type tag struct {
	name  string
	end   bool
	attrs []attr
	n     int // bytes
}

type attr struct{ key, val string }

// apply checks that the parser would put t where it stands in the nesting
// open (the names of the open elements, outermost first) and returns the
// nesting after it.
func (t *tag) apply(open []string) ([]string, bool) {
	kind := simpleElements[t.name]
	if t.end {
		if kind == kindVoid || kind == kindRule || len(open) == 0 || open[len(open)-1] != t.name {
			return nil, false
		}
		return open[:len(open)-1], true
	}
	switch kind {
	case kindVoid:
		return open, true
	case kindFormatting:
		if isOpen(open, t.name) {
			return nil, false // the adoption agency would close the first
		}
		// The parser sorts a formatting element's attributes, to compare
		// them quickly (addFormattingElement); keys are distinct here.
		slices.SortFunc(t.attrs, func(a, b attr) int { return strings.Compare(a.key, b.key) })
	case kindRule:
		return open, !isOpen(open, "p")
	case kindBlock, kindHeading, kindItem:
		if isOpen(open, "p") {
			return nil, false
		}
		if kind == kindHeading && (isOpen(open, "h1") || isOpen(open, "h2") || isOpen(open, "h3") ||
			isOpen(open, "h4") || isOpen(open, "h5") || isOpen(open, "h6")) {
			return nil, false
		}
		if kind == kindItem && (len(open) == 0 || open[len(open)-1] != "ul" && open[len(open)-1] != "ol") {
			return nil, false
		}
	}
	if len(open) >= maxSimpleDepth {
		return nil, false
	}
	return append(open, t.name), true
}

func isVoid(name string) bool {
	kind := simpleElements[name]
	return kind == kindVoid || kind == kindRule
}

func isOpen(open []string, name string) bool {
	for _, o := range open {
		if o == name {
			return true
		}
	}
	return false
}

// write writes t as Render does, with href, src and cite resolved against
// base (unless nil) as resolveLinks does.
func (t *tag) write(b *strings.Builder, base *url.URL) {
	if t.end {
		b.WriteString("</")
		b.WriteString(t.name)
		b.WriteByte('>')
		return
	}
	b.WriteByte('<')
	b.WriteString(t.name)
	for _, a := range t.attrs {
		if base != nil && (a.key == "href" || a.key == "src" || a.key == "cite") {
			if ref, err := url.Parse(strings.TrimSpace(a.val)); err == nil && !ref.IsAbs() {
				a.val = resolve(base, ref)
			}
		}
		b.WriteByte(' ')
		b.WriteString(a.key)
		b.WriteString(`="`)
		writeEscaped(b, a.val)
		b.WriteByte('"')
	}
	if isVoid(t.name) {
		b.WriteString("/>")
	} else {
		b.WriteByte('>')
	}
}

// readTag reads the tag s starts with: "<" name (ws+ attribute)* ws*
// ["/"] ">" or "</" name ws* ">", where ws is the tokenizer's white space,
// name an element of simpleElements in any case, and an attribute a key
// (an ASCII letter, then letters, digits, "-", "_" or ":"), alone or
// followed by ws* "=" ws* and a value: in double or single quotes, or
// unquoted and made of ASCII letters, digits and "-_.:%#?&;,+". Every "&"
// of a value must read the same in an attribute as in text (see
// sameEntities). Only a void element may end with "/>", as the parser
// ignores it on others.
func readTag(s string) (t tag, ok bool) {
	i := 1
	t.end = i < len(s) && s[i] == '/'
	if t.end {
		i++
	}
	start := i
	for i < len(s) && (isASCIILetter(s[i]) || i > start && '0' <= s[i] && s[i] <= '9') {
		i++
	}
	t.name = s[start:i]
	if strings.ContainsFunc(t.name, unicode.IsUpper) {
		t.name = strings.ToLower(t.name)
	}
	if _, known := simpleElements[t.name]; !known {
		return t, false
	}
	for i < len(s) {
		ws := i
		i = skipTagSpace(s, i)
		if i >= len(s) {
			return t, false
		}
		switch {
		case s[i] == '>':
			t.n = i + 1
			return t, true
		case s[i] == '/':
			if t.end || !isVoid(t.name) || i+1 >= len(s) || s[i+1] != '>' {
				return t, false
			}
			t.n = i + 2
			return t, true
		case t.end || i == ws || !isASCIILetter(s[i]):
			return t, false
		}
		k := i
		for i < len(s) && isKeyByte(s[i]) {
			i++
		}
		a := attr{key: strings.ToLower(s[k:i])}
		if e := skipTagSpace(s, i); e < len(s) && s[e] == '=' {
			var raw string
			if raw, i, ok = readAttrValue(s, skipTagSpace(s, e+1)); !ok {
				return t, false
			}
			a.val = unescapeText(raw)
		} else if i < len(s) && !isTagSpace(s[i]) && s[i] != '>' && s[i] != '/' {
			return t, false
		}
		for _, b := range t.attrs {
			if b.key == a.key {
				return t, false
			}
		}
		t.attrs = append(t.attrs, a)
	}
	return t, false
}

// readAttrValue reads the attribute value starting at s[i] (see readTag)
// and returns it raw with the index after it.
func readAttrValue(s string, i int) (raw string, next int, ok bool) {
	if i >= len(s) {
		return "", 0, false
	}
	if q := s[i]; q == '"' || q == '\'' {
		v := strings.IndexByte(s[i+1:], q)
		if v < 0 {
			return "", 0, false
		}
		raw, next = s[i+1:i+1+v], i+1+v+1
	} else {
		next = i
		for next < len(s) && (isASCIILetter(s[next]) || '0' <= s[next] && s[next] <= '9' || strings.IndexByte("-_.:%#?&;,+", s[next]) >= 0) {
			next++
		}
		if next == i || next < len(s) && !isTagSpace(s[next]) && s[next] != '>' {
			return "", 0, false
		}
		raw = s[i:next]
	}
	return raw, next, sameEntities(raw)
}

func skipTagSpace(s string, i int) int {
	for i < len(s) && isTagSpace(s[i]) {
		i++
	}
	return i
}

// isTagSpace reports whether the tokenizer skips c as white space in a tag.
func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// sameEntities reports whether every "&" in an attribute value s reads
// the same in text, where unescapeText decodes it, as in an attribute,
// where the tokenizer does: "&#", one of attrEntities with its ";", or a
// name that decodes as nothing at all ("&p=1" in a URL). Others may
// differ: in text, "&copy=2" reads as "©=2" and "&notit;" as "¬it;", in
// an attribute both stay as they are.
func sameEntities(s string) bool {
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			return true
		}
		s = s[i+1:]
		if s != "" && s[0] == '#' {
			continue
		}
		j := 0
		for j < len(s) && (isASCIILetter(s[j]) || '0' <= s[j] && s[j] <= '9') {
			j++
		}
		name := s[:j]
		if j < len(s) && s[j] == ';' {
			if attrEntities[name] {
				continue
			}
			name += ";"
		}
		if xhtml.UnescapeString("&"+name) != "&"+name {
			return false
		}
	}
}

// attrEntities are the named references with ";" that sameEntities lets
// through.
var attrEntities = map[string]bool{"amp": true, "lt": true, "gt": true, "quot": true, "apos": true, "nbsp": true}

// unescapeText is what the tokenizer makes of raw text: "\r\n" and "\r"
// read as "\n", entities decoded.
func unescapeText(raw string) string {
	if strings.IndexByte(raw, '\r') >= 0 {
		raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n")
	}
	return xhtml.UnescapeString(raw)
}

// htmlEscaper escapes as Render does, "\r" included.
var htmlEscaper = strings.NewReplacer(
	"&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "\r", "&#13;")

func writeEscaped(b *strings.Builder, s string) {
	if !strings.ContainsAny(s, "&'<>\"\r") {
		b.WriteString(s)
		return
	}
	_, _ = htmlEscaper.WriteString(b, s) // a Builder does not fail
}
