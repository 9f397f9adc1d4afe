package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words is the analyzer shared by the topic query language and dedupe: it
// splits s into words at every rune that is not a letter, digit or
// combining mark, lower-cases them and folds accents away, so "Café" and
// "cafe" give the same word and "Amr’s" gives "amr" and "s". The result is
// nil when s holds no letters or digits; every word is non-empty valid UTF-8.
func Words(s string) []string {
	return strings.FieldsFunc(fold(s), isSeparator)
}

// fold lower-cases s and removes its nonspacing marks (NFD, drop Mn, NFC),
// which is what strips accents. Invalid UTF-8 becomes U+FFFD, a separator,
// before NFD: norm can leave the rune after an invalid byte composed.
func fold(s string) string {
	if f, ok := foldSimple(s); ok {
		return f
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFD.String(s)
	s = strings.Map(foldRune, s)
	return norm.NFC.String(s)
}

// foldSimple folds the common case cheaply: text whose only non-ASCII runes
// are separators (curly quotes, dashes, NBSP), which need no normalization
// since they split words anyway; they become spaces. ok is false when s
// holds a non-ASCII letter, digit or mark, or invalid UTF-8: fold's full
// path handles those.
func foldSimple(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r == utf8.RuneError || !isSeparator(r):
			return "", false
		default:
			b.WriteByte(' ')
		}
	}
	return b.String(), true
}

// foldRune drops nonspacing marks and lower-cases everything else. It runs
// after NFD so that 'İ' (I with a dot) folds to 'i' and not to "i̇".
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		// Most text is ASCII: skip the table look-ups.
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	return unicode.ToLower(r)
}

// isSeparator reports whether r ends a word. Spacing marks (Mc, Me) are kept
// inside words: scripts such as Devanagari spell vowels with them.
func isSeparator(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIISeparator(r)
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
}

// isASCIISeparator is isSeparator for r < utf8.RuneSelf. It is small
// enough for the compiler to inline where isSeparator is not, into the
// loops that test every byte of a body (splitLines).
func isASCIISeparator(r rune) bool {
	return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9')
}

// field names a part of an article that a query term can search.
type field uint8

// The searchable fields, in the order of Document.fields.
const (
	fieldTitle field = iota
	fieldText        // Summary and Text
	fieldAuthor
	fieldSource // Source and SourceTitle
	fieldCategory
	fieldCount
)

// fieldNames is indexed by field; it is the spelling used in queries.
var fieldNames = [fieldCount]string{"title", "text", "author", "source", "category"}

// Document is an Article analyzed once for matching many queries against it:
// the Words of each field, kept per segment (the title, the summary, the
// body, each author, each category) so that a phrase never spans two
// segments. A Document is immutable and safe for concurrent use.
type Document struct {
	fields [fieldCount][][]string
}

// NewDocument analyzes a for matching. The source field holds both Source
// and SourceTitle. a must not be nil.
func NewDocument(a *Article) *Document {
	return newDocument(a, Words(a.Text))
}

// newDocument is NewDocument with the Words of a.Text already known.
func newDocument(a *Article, text []string) *Document {
	d := &Document{}
	d.add(fieldTitle, a.Title)
	d.add(fieldText, a.Summary)
	if len(text) > 0 {
		d.fields[fieldText] = append(d.fields[fieldText], text)
	}
	d.add(fieldAuthor, a.Authors...)
	d.add(fieldSource, a.Source, a.SourceTitle)
	d.add(fieldCategory, a.Categories...)
	return d
}

// add appends one segment to field f for each s that holds a word.
func (d *Document) add(f field, segments ...string) {
	for _, s := range segments {
		if w := Words(s); len(w) > 0 {
			d.fields[f] = append(d.fields[f], w)
		}
	}
}
