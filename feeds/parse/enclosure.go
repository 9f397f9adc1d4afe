package parse

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"

	"tidings/normalize"
)

// enclosures returns the media files of an item, their URLs resolved
// against base as the item's link is: gofeed's Enclosures (RSS
// <enclosure>, Atom link rel="enclosure", JSON Feed attachments), else,
// when it has none, the Media RSS media:content elements with a url, at
// the top level or in a media:group, which news feeds use for their lead
// image and video sites for the video. Finish cleans and caps the list.
func enclosures(it *gofeed.Item, base string) []normalize.Enclosure {
	var out []normalize.Enclosure
	for _, e := range it.Enclosures {
		if e != nil && strings.TrimSpace(e.URL) != "" {
			out = append(out, normalize.Enclosure{
				URL:    normalize.ResolveURL(base, e.URL),
				Type:   e.Type,
				Length: byteLength(e.Length),
			})
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, c := range mediaElements(it, "content") {
		if u := strings.TrimSpace(c.Attrs["url"]); u != "" && !isAvatar(u) {
			out = append(out, normalize.Enclosure{
				URL:    normalize.ResolveURL(base, c.Attrs["url"]),
				Type:   c.Attrs["type"],
				Length: byteLength(c.Attrs["fileSize"]),
			})
		}
	}
	return out
}

// isAvatar reports whether u is a Gravatar avatar, which WordPress lists
// as media:content for each author of a post (TechCrunch's feed in
// corpus/real has two per item): a picture of the writer, not of the
// story.
func isAvatar(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	host := strings.ToLower(p.Hostname())
	return (host == "gravatar.com" || strings.HasSuffix(host, ".gravatar.com")) && strings.HasPrefix(p.Path, "/avatar/")
}

// byteLength reads an enclosure's length in bytes, 0 when it is missing
// or no whole number ("", "unknown", "12.5 MB").
func byteLength(s string) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0
	}
	return n
}
