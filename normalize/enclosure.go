package normalize

import (
	"cmp"
	"mime"
	"net/url"
	"path"
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
// MaxEnclosures, in their first order, nil when none is. URLs are trimmed,
// resolved against base (the article's link), and kept only when absolute
// http(s), not seen before and no Flash player (see flash). A type that is
// no media type of the form type/subtype becomes "" (it is the source's,
// written in the form mime.FormatMediaType gives), and a missing one is
// guessed from the URL's extension (typeByExtension). A length below zero
// or over MaxEnclosureLength becomes 0.
func cleanEnclosures(list []Enclosure, base string) []Enclosure {
	var out []Enclosure
	seen := make(map[string]bool, len(list))
	for _, e := range list {
		u := ResolveURL(base, e.URL)
		if _, err := CanonicalURL(u); err != nil || seen[u] {
			continue
		}
		seen[u] = true
		e.URL, e.Type = u, cmp.Or(mediaType(e.Type), typeByExtension(u))
		if e.Type == flash {
			continue
		}
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

// flash is the type of the player every YouTube channel feed still lists
// as its videos' media:content (https://www.youtube.com/v/ID): no browser
// or podcast app has played it since 2021, so it is no enclosure.
const flash = "application/x-shockwave-flash"

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

// mediaExtensions are the media types of the files feeds enclose, by
// extension. Podcast apps pick what to download by type, and Atom and
// JSON Feed readers read an absent one as text/html or
// application/octet-stream; Media RSS's media:content often has none. Not
// mime.TypeByExtension: it reads the system's tables, which differ from
// machine to machine, and its built-in one has no audio or video.
var mediaExtensions = map[string]string{
	".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".aac": "audio/aac",
	".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg",
	".wav": "audio/wav", ".flac": "audio/flac",
	".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm",
	".mov": "video/quicktime", ".ogv": "video/ogg",
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
	".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif",
	".svg": "image/svg+xml", ".pdf": "application/pdf",
	".swf": flash,
}

// typeByExtension returns the media type mediaExtensions gives the
// extension of u's path, or "".
func typeByExtension(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return mediaExtensions[strings.ToLower(path.Ext(p.Path))]
}
