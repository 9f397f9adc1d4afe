package publish

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
)

const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

// The JSON Feed types are ours because gorilla/feeds' JSONFeed drops the
// required "items" key when a feed is empty (omitempty), misnames
// banner_image as "banner_", has no item language, never sets feed_url,
// maps an item's source to external_url, and writes the deprecated
// singular author alongside authors.

type jsonFeed struct {
	Version     string `json:"version"`
	Title       string `json:"title"`
	HomePageURL string `json:"home_page_url,omitempty"`
	FeedURL     string `json:"feed_url,omitempty"`
	Description string `json:"description,omitempty"`
	// NextURL is the feed with the entries before these: the previous
	// archive document (see Archive).
	NextURL  string       `json:"next_url,omitempty"`
	Language string       `json:"language,omitempty"`
	Hubs     []jsonHub    `json:"hubs,omitempty"`
	Archive  *jsonArchive `json:"_rfc5005,omitempty"`
	Items    []jsonItem   `json:"items"` // required, even when empty
}

// jsonArchive is an extension object (JSON Feed 1.1, "Extensions") with
// what next_url cannot say of an archived feed (RFC 5005): that a document
// is an archive, whose items do not change, and the links forward to the
// next archive document and to the current feed. prev_archive repeats
// next_url, so that the object is complete on its own.
type jsonArchive struct {
	About       string `json:"about"`
	Archive     bool   `json:"archive,omitempty"`
	PrevArchive string `json:"prev_archive,omitempty"`
	NextArchive string `json:"next_archive,omitempty"`
	Current     string `json:"current,omitempty"`
}

// rfc5005 is what the "about" of the extension object points to.
const rfc5005 = "https://www.rfc-editor.org/rfc/rfc5005"

// jsonHub is an endpoint for real-time notification (JSON Feed 1.1 hubs).
type jsonHub struct {
	Type string `json:"type"`
	URL  string `json:"url"`
}

type jsonItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url,omitempty"`
	Title         string           `json:"title,omitempty"`
	ContentHTML   *string          `json:"content_html,omitempty"`
	ContentText   *string          `json:"content_text,omitempty"`
	Summary       string           `json:"summary,omitempty"`
	DatePublished string           `json:"date_published,omitempty"`
	DateModified  string           `json:"date_modified,omitempty"`
	Authors       []jsonAuthor     `json:"authors,omitempty"`
	Tags          []string         `json:"tags,omitempty"`
	Language      string           `json:"language,omitempty"`
	Attachments   []jsonAttachment `json:"attachments,omitempty"`
}

// jsonAttachment is an enclosure (JSON Feed 1.1 attachments): mime_type
// is required, application/octet-stream when unknown; size_in_bytes is
// left out when unknown.
type jsonAttachment struct {
	URL         string `json:"url"`
	MimeType    string `json:"mime_type"`
	SizeInBytes int64  `json:"size_in_bytes,omitempty"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// WriteJSON writes f to w as a JSON Feed 1.1 document. Item ids are
// EntryID(article.ID), as in the Atom feed; dates are RFC 3339 in UTC and
// left out when unknown. "items" is always present, as an empty array for
// an empty feed.
//
// It returns ErrInvalidFeed (wrapped) when an article ID is empty or
// repeated; otherwise only an error from w.
func WriteJSON(w io.Writer, f *Feed) error {
	d, err := prepare(f)
	if err != nil {
		return fmt.Errorf("write json feed %q: %w", f.ID, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // content_html is read as data, not embedded in a page
	enc.SetIndent("", "  ")
	if err := enc.Encode(newJSONFeed(d)); err != nil {
		return fmt.Errorf("encode json feed %q: %w", f.ID, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write json feed %q: %w", f.ID, err)
	}
	return nil
}

func newJSONFeed(d *doc) *jsonFeed {
	jf := &jsonFeed{
		Version:     jsonFeedVersion,
		Title:       d.Title,
		HomePageURL: d.Links.HTML,
		FeedURL:     d.Links.JSON,
		Description: d.Subtitle,
		Language:    d.Lang,
		Items:       make([]jsonItem, 0, len(d.Entries)),
	}
	if d.Links.Hub != "" {
		jf.Hubs = []jsonHub{{Type: "WebSub", URL: d.Links.Hub}}
	}
	a := jsonArchive{About: rfc5005, Archive: d.Archive.Page, PrevArchive: d.Archive.Prev.JSON,
		NextArchive: d.Archive.Next.JSON, Current: d.Archive.Current.JSON}
	if a != (jsonArchive{About: rfc5005}) {
		jf.NextURL, jf.Archive = a.PrevArchive, &a
	}
	for i := range d.Entries {
		jf.Items = append(jf.Items, newJSONItem(&d.Entries[i]))
	}
	return jf
}

func newJSONItem(e *entry) jsonItem {
	it := jsonItem{
		ID:      e.ID,
		URL:     e.URL,
		Title:   e.Title,
		Summary: e.Summary,
		Tags:    e.Categories,
		// Repeated even when the feed has the same language: readers of
		// JSON Feed rarely apply the feed's language to its items.
		Language: e.Lang,
	}
	if e.HTML != "" {
		it.ContentHTML = &e.HTML
	}
	if e.Text != "" {
		it.ContentText = &e.Text
	}
	if it.ContentHTML == nil && it.ContentText == nil {
		// JSON Feed requires one of the two, so an article without a body
		// gets its summary, which may be empty.
		it.ContentText = &e.Summary
	}
	if !e.Published.IsZero() {
		it.DatePublished = rfc3339(e.Published)
	}
	if !e.Updated.IsZero() {
		it.DateModified = rfc3339(e.Updated)
	}
	for _, name := range e.Authors {
		it.Authors = append(it.Authors, jsonAuthor{Name: name})
	}
	for _, enc := range e.Enclosures {
		it.Attachments = append(it.Attachments, jsonAttachment{URL: enc.URL, MimeType: cmp.Or(enc.Type, octetStream), SizeInBytes: enc.Length})
	}
	return it
}
