package normalize

import (
	"mime"
	"strings"
)

// Enclosure is a media file an article carries: a podcast episode's audio,
// a news item's lead image, a video. Feeds give it as RSS <enclosure>, Atom
// <link rel="enclosure">, JSON Feed attachments or Media RSS media:content.
type Enclosure struct {
	// URL is an absolute http(s) URL (after Finish).
	URL string `json:"url"`
	// Type is the media type ("audio/mpeg"), "" when unknown.
	Type string `json:"type,omitempty"`
	// Length is the size in bytes, 0 when unknown.
	Length int64 `json:"length,omitempty"`
}

// cleanEnclosures returns the enclosures a reader can fetch, at most
// MaxEnclosures, in their first order, nil when none is: URLs trimmed and
// resolved against base (the article's link), kept only when absolute
// http(s) and not seen before; a type that is not a media type of the form
// type/subtype becomes "" (it is the source's, written in the form
// mime.FormatMediaType gives), a length below zero or over
// MaxEnclosureLength becomes 0.
func cleanEnclosures(list []Enclosure, base string) []Enclosure {
	var out []Enclosure
	seen := make(map[string]bool, len(list))
	for _, e := range list {
		u := ResolveURL(base, e.URL)
		if _, err := CanonicalURL(u); err != nil || seen[u] {
			continue
		}
		seen[u] = true
		e.URL, e.Type = u, mediaType(e.Type)
		if e.Length < 0 || e.Length > MaxEnclosureLength {
			e.Length = 0
		}
		out = append(out, e)
		if len(out) == MaxEnclosures {
			break
		}
	}
	return out
}

// mediaType returns typ in canonical form (lower case, parameters quoted
// where they must be), or "" when typ is no media type with a slash: Atom
// requires one of the form type/subtype, and "image" alone names none.
func mediaType(typ string) string {
	typ = strings.TrimSpace(typ)
	if typ == "" {
		return ""
	}
	mt, params, err := mime.ParseMediaType(typ)
	if err != nil || !strings.Contains(mt, "/") {
		return ""
	}
	return mime.FormatMediaType(mt, params)
}
