package publish

import (
	"bytes"
	"encoding/xml"
	"slices"
	"testing"
	"time"
)

// rssDecoded reads back what the checks below need, by namespace.
type rssDecoded struct {
	Version string `xml:"version,attr"`
	Channel struct {
		Title       string `xml:"title"`
		Description string `xml:"description"`
		AtomLink    struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Items []struct {
			Title       string   `xml:"title"`
			Link        string   `xml:"link"`
			Description string   `xml:"description"`
			Content     string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Creators    []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Categories  []string `xml:"category"`
			GUID        struct {
				ID          string `xml:",chardata"`
				IsPermaLink string `xml:"isPermaLink,attr"`
			} `xml:"guid"`
			PubDate string `xml:"pubDate"`
			Source  struct {
				URL   string `xml:"url,attr"`
				Title string `xml:",chardata"`
			} `xml:"source"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestWriteRSS(t *testing.T) {
	t.Parallel()
	a, b := testArticle("a"), testArticle("b")
	a.Title = "Tom & Jerry <b>"
	a.Summary = "Plain <i>summary</i> & more"
	a.Content = "<p>x\x01 ]]> y</p>"
	a.Authors = []string{"Ann", "Bob"}
	a.Categories = []string{"World", "Politics", "World"}
	b.Summary = ""
	b.Published, b.Updated = time.Time{}, time.Time{}
	f := testFeed(a, b)
	f.Subtitle = ""

	out := render(t, func(w *bytes.Buffer) error { return WriteRSS(w, f) })
	assertWellFormed(t, out)
	var got rssDecoded
	if err := xml.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}

	ch := got.Channel
	if got.Version != "2.0" || ch.Description != "Test topic" {
		t.Errorf("version %q, description %q; want 2.0 and the title as fallback", got.Version, ch.Description)
	}
	if ch.AtomLink.Href != f.Links.RSS || ch.AtomLink.Rel != "self" {
		t.Errorf("atom:link: got %+v, want self %s", ch.AtomLink, f.Links.RSS)
	}
	first := ch.Items[0]
	checks := []struct{ name, got, want string }{
		{"title", first.Title, "Tom & Jerry <b>"},
		{"description", first.Description, "Plain &lt;i&gt;summary&lt;/i&gt; &amp; more"},
		{"content:encoded", first.Content, "<p>x ]]> y</p>"},
		{"guid", first.GUID.ID, EntryID("a")},
		{"isPermaLink", first.GUID.IsPermaLink, "false"},
		{"pubDate", first.PubDate, "Tue, 12 Mar 2024 09:30:00 +0000"},
		{"source url", first.Source.URL, "https://example.com/feed.xml"},
		{"source", first.Source.Title, "Example News"},
		{"no summary: description is the body", ch.Items[1].Description, "<p>First paragraph.</p><p>Second paragraph.</p>"},
		{"no dates: no pubDate", ch.Items[1].PubDate, ""},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	if !slices.Equal(first.Creators, []string{"Ann", "Bob"}) {
		t.Errorf("dc:creator: got %q, want [Ann Bob]", first.Creators)
	}
	if !slices.Equal(first.Categories, []string{"World", "Politics"}) {
		t.Errorf("categories: got %q, want [World Politics]", first.Categories)
	}
}
