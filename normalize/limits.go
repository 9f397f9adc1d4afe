package normalize

import (
	"strings"
	"unicode/utf8"
)

// Size limits of a finished Article. A feed may carry a megabyte of title
// or a whole body cap of content in one entry (by mistake or to hurt): each
// article would then weigh that much in the store and in every topic feed
// of 50 entries that lists it. Finish cuts what is longer; what readers see
// of real news stays whole: the longest title among the 360 real feeds of
// the test corpus has 282 characters, the longest summary 9,573, the
// longest content 106 KB.
const (
	// MaxTitleRunes is the longest title, in characters; a longer one is
	// cut at a word boundary and ends in "…".
	MaxTitleRunes = 500
	// MaxSummaryRunes is the longest summary, in characters, cut the same
	// way.
	MaxSummaryRunes = 20000
	// MaxContentBytes is the longest content (HTML) and text, in bytes,
	// give or take the end tags that close what a cut left open. The text
	// is cut like a title.
	MaxContentBytes = 256 << 10
	// MaxEnclosures is the most enclosures an article keeps, the first
	// ones: a podcast episode has one, a photo story a handful, and a
	// feed that attaches every image of a gallery must not make each
	// entry of a topic feed a list of hundreds.
	MaxEnclosures = 20
	// MaxEnclosureLength is the largest size in bytes (1 TiB) an
	// enclosure may claim; a larger one is taken for a mistake (a
	// duration, a sum) and read as unknown.
	MaxEnclosureLength = 1 << 40
)

// ellipsis ends a text that was cut.
const ellipsis = "…"

// cutRunes returns s when it has at most n characters, else its first
// n-1 characters cut as cutAt cuts, followed by an ellipsis: n characters
// at most in all.
func cutRunes(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	end := 0
	for range n - 1 { // leave room for the ellipsis
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return cutAt(s, end)
}

// cutText returns text when it has at most n bytes, else its start cut as
// cutAt cuts to fit n bytes with the ellipsis.
func cutText(text string, n int) string {
	if len(text) <= n {
		return text
	}
	end := n - len(ellipsis)
	for end > 0 && !utf8.RuneStart(text[end]) {
		end--
	}
	return cutAt(text, end)
}

// cutAt returns s up to byte end (the start of a character), shortened to
// its last space when one is among the final 30 characters, so that no
// word is cut unless it is that long, followed by an ellipsis.
func cutAt(s string, end int) string {
	cut := s[:end]
	if sp := strings.LastIndexByte(cut, ' '); sp > 0 && utf8.RuneCountInString(cut[sp:]) <= 30 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ") + ellipsis
}

// cutHTML returns s when it has at most n bytes, else its first n bytes at
// most, ending on a whole character and before any tag the cut would split.
// The result is unbalanced: sanitize it.
func cutHTML(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	cut := s[:n]
	if lt := strings.LastIndexByte(cut, '<'); lt > strings.LastIndexByte(cut, '>') {
		cut = cut[:lt]
	}
	return cut
}

// sanitizeCut returns content sanitized (see SanitizeHTML) and cut to
// MaxContentBytes. It cuts before sanitizing, so as not to sanitize
// megabytes, and again after, since resolved links and added attributes
// (rel="nofollow") can triple the size; sanitizing again closes the
// elements the cut left open.
func sanitizeCut(content, base string) string {
	clean := SanitizeHTML(cutHTML(content, MaxContentBytes), base)
	if len(clean) > MaxContentBytes {
		clean = SanitizeHTML(cutHTML(clean, MaxContentBytes), base)
	}
	return clean
}
