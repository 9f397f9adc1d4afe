package publish

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func TestWriteJSONEmptyFeedHasItems(t *testing.T) {
	t.Parallel()
	out := render(t, func(w *bytes.Buffer) error { return WriteJSON(w, testFeed()) })
	var got map[string]json.RawMessage
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if items := string(got["items"]); items != "[]" {
		t.Errorf("items: got %q, want []", items)
	}
	if v := string(got["version"]); v != `"https://jsonfeed.org/version/1.1"` {
		t.Errorf("version: got %s", v)
	}
}

func TestWriteJSONItems(t *testing.T) {
	t.Parallel()
	a, b := testArticle("a"), testArticle("b")
	a.Title = "Tom & Jerry <b>"
	b.Content, b.Text, b.Summary = "", "", "Only a summary"
	b.Published, b.Updated = time.Time{}, time.Time{}
	b.Authors, b.Categories = nil, nil
	out := render(t, func(w *bytes.Buffer) error { return WriteJSON(w, testFeed(a, b)) })

	var got struct {
		Title       string `json:"title"`
		HomePageURL string `json:"home_page_url"`
		FeedURL     string `json:"feed_url"`
		Items       []map[string]any
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.HomePageURL != "http://localhost/topics/test" || got.FeedURL != "http://localhost/topics/test.json" {
		t.Errorf("home_page_url %q, feed_url %q", got.HomePageURL, got.FeedURL)
	}
	first, second := got.Items[0], got.Items[1]
	want := map[string]any{
		"id":             EntryID("a"),
		"url":            "https://example.com/news/a",
		"title":          "Tom & Jerry <b>",
		"content_html":   "<p>First paragraph.</p><p>Second paragraph.</p>",
		"content_text":   "First paragraph.\n\nSecond paragraph.",
		"summary":        "Summary of a",
		"date_published": "2024-03-12T09:30:00Z",
		"date_modified":  "2024-03-12T10:30:00Z",
		"authors":        []any{map[string]any{"name": "A. Writer"}},
		"tags":           []any{"World"},
		"language":       "en",
	}
	if g, w := mustJSON(t, first), mustJSON(t, want); g != w {
		t.Errorf("first item:\ngot  %s\nwant %s", g, w)
	}
	// JSON Feed requires content_html or content_text; dates and authors
	// that are unknown are left out.
	if second["content_text"] != "Only a summary" {
		t.Errorf("content_text fallback: got %v, want the summary", second["content_text"])
	}
	for _, key := range []string{"content_html", "date_published", "date_modified", "authors", "tags"} {
		if v, ok := second[key]; ok {
			t.Errorf("%s: got %v, want it left out", key, v)
		}
	}
}

// mustJSON encodes v with sorted keys, for comparing decoded documents.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
