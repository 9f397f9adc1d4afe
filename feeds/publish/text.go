package publish

import (
	"html"
	"strings"
	"unicode/utf8"
)

// cleanText removes what an XML 1.0 document cannot carry: invalid UTF-8,
// control characters other than tab, newline and carriage return,
// surrogates, and U+FFFE and U+FFFF. encoding/xml would turn these into
// U+FFFD in text and attributes but writes them unchanged inside CDATA
// (RSS content:encoded), which makes the document not well-formed; dropping
// them once here keeps every format clean and the same.
func cleanText(s string) string {
	i := invalidAt(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for j := i; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		bad := r == utf8.RuneError && size == 1 // invalid UTF-8
		if !bad && xmlChar(r) {
			b.WriteString(s[j : j+size])
		}
		j += size
	}
	return b.String()
}

// invalidAt returns the index of the first rune cleanText would remove, or
// -1 when s is clean, so the common case allocates nothing.
func invalidAt(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
			continue
		}
		if !xmlChar(r) {
			return i
		}
	}
	return -1
}

// xmlChar reports whether r is a Char of XML 1.0 (production [2]).
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// cleanList cleans and trims each string, dropping empty ones and repeats
// while keeping the first occurrence's order.
func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(cleanText(s))
		if s == "" || contains(out, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// contains is a linear search; author and category lists are short.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// paragraphsHTML turns plain text with paragraphs separated by blank lines
// into escaped HTML paragraphs.
func paragraphsHTML(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var b strings.Builder
	for p := range strings.SplitSeq(text, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>")
	}
	return b.String()
}

// validLang reports whether tag matches the language tag pattern of the
// Atom schema (RFC 3066 syntax), which xml:lang must satisfy there.
func validLang(tag string) bool {
	if tag == "" {
		return false
	}
	for i, sub := range strings.Split(tag, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for _, c := range []byte(sub) {
			alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			digit := c >= '0' && c <= '9'
			if !alpha && !(digit && i > 0) {
				return false
			}
		}
	}
	return true
}
