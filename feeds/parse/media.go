package parse

import (
	"html"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// mediaBody is the body of an item whose only body is Media RSS's
// (media:description and media:thumbnail, alone or in a media:group): the
// videos of a YouTube channel's feed, the items of photo and video feeds.
// gofeed keeps those elements only as extensions, so such an item had no
// content, no text for topics to match, and nothing to show. The
// thumbnail, linked to the item, comes first, then the description: HTML
// when its type says so, else plain text whose lines are kept, as a video
// description's links and credits are written one to a line. It returns
// "" when the item has neither.
func mediaBody(it *gofeed.Item, link, title string) string {
	var desc, descType, thumb string
	for _, e := range mediaElements(it, "description") {
		if desc == "" && strings.TrimSpace(e.Value) != "" {
			desc, descType = e.Value, e.Attrs["type"]
		}
	}
	for _, e := range mediaElements(it, "thumbnail") {
		if thumb == "" && isHTTPURL(e.Attrs["url"]) {
			thumb = e.Attrs["url"]
		}
	}
	var b strings.Builder
	if thumb != "" {
		img := `<img src="` + html.EscapeString(thumb) + `" alt="` + html.EscapeString(title) + `">`
		if link != "" {
			img = `<a href="` + html.EscapeString(link) + `">` + img + `</a>`
		}
		b.WriteString("<p>" + img + "</p>")
	}
	if descType == "html" {
		b.WriteString(desc)
	} else {
		b.WriteString(linesToHTML(desc))
	}
	return b.String()
}

// mediaElements returns the item's Media RSS elements of the given name,
// at the top level, then in each media:group, in document order. gofeed
// keeps them only as extensions.
func mediaElements(it *gofeed.Item, name string) []ext.Extension {
	media := it.Extensions["media"]
	out := media[name]
	for _, g := range media["group"] {
		out = append(out[:len(out):len(out)], g.Children[name]...)
	}
	return out
}

// linesToHTML renders plain text as escaped HTML paragraphs, one per block
// of lines separated by a blank line, each line kept by a <br>.
func linesToHTML(text string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, html.EscapeString(l))
			}
		}
		if len(lines) > 0 {
			b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>")
		}
	}
	return b.String()
}
