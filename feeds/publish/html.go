package publish

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"tidings/normalize"
)

// Index is the home page: every topic with a few headlines and its feeds.
type Index struct {
	Title   string
	OPMLURL string // the OPML list of all topic feeds; empty leaves it out
	Topics  []TopicSummary
}

// TopicSummary is one topic as listed on the index page.
type TopicSummary struct {
	Name        string // the topic's key; shown when Title is empty
	Title       string
	Description string
	Articles    int                 // how many articles the topic holds
	Latest      []normalize.Article // a few headlines, newest first
	Links       Links
}

// TopicPage is the HTML view of one topic's feed. IndexURL links back to
// the index page; empty leaves the link out.
type TopicPage struct {
	Feed
	IndexURL string
}

// Outlines returns the index's topics as OPML outlines pointing at their
// Atom feeds, for WriteOPML.
func (ix *Index) Outlines() []Outline {
	out := make([]Outline, 0, len(ix.Topics))
	for i := range ix.Topics {
		t := &ix.Topics[i]
		out = append(out, Outline{
			Title:       firstNonEmpty(t.Title, t.Name),
			Description: t.Description,
			XMLURL:      t.Links.Atom,
			HTMLURL:     t.Links.HTML,
		})
	}
	return out
}

//go:embed templates/*.html
var templateFS embed.FS

// pages holds the parsed templates. It is set once at start-up and only
// read afterwards; html/template is safe for concurrent execution.
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"date":     func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 MST") },
	"datetime": rfc3339,
	"join":     strings.Join,
	"source":   func(e entry) string { return e.sourceName() },
	"when":     when,
	"excerpt":  excerpt,
	"media":    playable,
	"count": func(n int, noun string) string {
		if n == 1 {
			return "1 " + noun
		}
		return fmt.Sprintf("%d %ss", n, noun)
	},
}).ParseFS(templateFS, "templates/*.html"))

type indexView struct {
	Title   string
	OPMLURL string
	Topics  []topicSummaryView
}

type topicSummaryView struct {
	Name        string
	Title       string
	Description string
	Articles    int
	Latest      []entry
	Links       Links
}

type topicView struct {
	*doc
	IndexURL string
}

// WriteIndexHTML writes the index page: each topic with its description,
// article count, latest headlines (linking to the original articles) and
// subscribe links, plus autodiscovery links for every topic's Atom feed
// and the OPML list. It returns an error only if a template fails or w
// does.
func WriteIndexHTML(w io.Writer, ix *Index) error {
	v := indexView{
		Title:   cleanText(ix.Title),
		OPMLURL: cleanText(ix.OPMLURL),
		Topics:  make([]topicSummaryView, 0, len(ix.Topics)),
	}
	for i := range ix.Topics {
		t := &ix.Topics[i]
		tv := topicSummaryView{
			Name:        cleanText(t.Name),
			Title:       cleanText(firstNonEmpty(t.Title, t.Name)),
			Description: cleanText(t.Description),
			Articles:    t.Articles,
			Links:       t.Links, // attribute values: html/template escapes them
		}
		for j := range t.Latest {
			tv.Latest = append(tv.Latest, newEntry(&t.Latest[j]))
		}
		v.Topics = append(v.Topics, tv)
	}
	return writeHTML(w, "index.html", v)
}

// WriteTopicHTML writes the HTML view of a topic: its entries with title
// (linked to the original article), source, authors, date, summary and
// links to their audio and video, and autodiscovery links for the topic's
// feeds. It returns ErrInvalidFeed
// (wrapped) when an article ID is empty or repeated, as the feed writers
// do, and otherwise only an error from a template or w.
func WriteTopicHTML(w io.Writer, p *TopicPage) error {
	d, err := prepare(&p.Feed)
	if err != nil {
		return fmt.Errorf("write topic page %q: %w", p.ID, err)
	}
	return writeHTML(w, "topic.html", topicView{doc: d, IndexURL: cleanText(p.IndexURL)})
}

func writeHTML(w io.Writer, name string, data any) error {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// excerptWords bounds a summary on a topic page: some feeds put the whole
// article in their description, and a listing is for choosing what to read.
const excerptWords = 60

// excerpt returns the first excerptWords words of s, with an ellipsis when
// cut. Feeds carry the whole summary; only the page shortens it.
func excerpt(s string) string {
	words := strings.Fields(s)
	if len(words) <= excerptWords {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:excerptWords], " ") + " …"
}

// mediaLink is an audio or video enclosure as a topic page links it.
type mediaLink struct{ URL, Label string }

// playable returns e's audio and video enclosures as links labelled by
// kind, format and size ("Audio (MPEG, 23.7 MB)"), so that a podcast topic
// can be listened to from its page. Images are left out: the page shows
// no pictures (its Content-Security-Policy loads none).
func playable(e entry) []mediaLink {
	var out []mediaLink
	for _, enc := range e.Enclosures {
		kind, format, _ := strings.Cut(enc.Type, "/")
		if kind != "audio" && kind != "video" {
			continue
		}
		format, _, _ = strings.Cut(format, ";")
		label := strings.ToUpper(kind[:1]) + kind[1:] + " (" + strings.ToUpper(strings.TrimPrefix(format, "x-"))
		if enc.Length > 0 {
			label += fmt.Sprintf(", %.1f MB", float64(enc.Length)/1e6)
		}
		out = append(out, mediaLink{URL: enc.URL, Label: label + ")"})
	}
	return out
}

// when is the date to show for e: published, else updated, else nil.
func when(e entry) *time.Time {
	switch {
	case !e.Published.IsZero():
		return &e.Published
	case !e.Updated.IsZero():
		return &e.Updated
	}
	return nil
}
