package seed

import "strings"

// genericLabels are menu words that start a line like a publisher would.
var genericLabels = setOf(
	"home", "menu", "search", "news", "live", "breaking", "breaking news",
	"latest", "latest news", "world", "opinion", "sport", "sports",
	"business", "politics", "skip to content", "skip to main content",
)

// minorWords may sit inside a publisher's name: "The Times of Israel".
var minorWords = setOf("of", "the", "and", "for", "de", "la", "le", "el", "&")

// publisherIn returns the publisher named at the start of a page's first
// line, as in "The Jerusalem Post - Israel News …", or "". A one-word name
// is trusted only on a navigation row.
func publisherIn(l line) string {
	for _, sep := range []string{" - ", " | ", " – ", " — ", ": "} {
		name, rest, ok := strings.Cut(l.text, sep)
		if !ok || strings.TrimSpace(rest) == "" || !isPublisherName(name) {
			continue
		}
		if wordCount(name) > 1 || l.kind == kindNav {
			return name
		}
	}
	return ""
}

// isPublisherName reports whether s can be a publisher's name: one to six
// capitalised words (small words inside allowed), no punctuation, not a
// generic menu word.
func isPublisherName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 6 || genericLabels[strings.ToLower(s)] {
		return false
	}
	if strings.ContainsAny(s, ",;:!?\"“”()") || !startsUpper(ws[0]) || !startsUpper(ws[len(ws)-1]) {
		return false
	}
	for _, w := range ws {
		if !startsUpper(w) && !minorWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
