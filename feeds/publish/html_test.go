package publish

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"tidings/normalize"
)

func TestWriteTopicHTML(t *testing.T) {
	t.Parallel()
	a := testArticle("a")
	a.Title = "Tom & Jerry <b>"
	a.Summary = "<script>alert(1)</script>"
	a.URL = "javascript:alert(1)"
	page := &TopicPage{Feed: *testFeed(a), IndexURL: "/"}
	out := string(render(t, func(w *bytes.Buffer) error { return WriteTopicHTML(w, page) }))

	for _, want := range []string{
		`<link rel="alternate" type="application/atom+xml" title="Test topic (Atom)" href="http://localhost/topics/test.atom">`,
		`<link rel="alternate" type="application/rss+xml" title="Test topic (RSS)" href="http://localhost/topics/test.rss">`,
		`<link rel="alternate" type="application/feed+json" title="Test topic (JSON Feed)" href="http://localhost/topics/test.json">`,
		`<a href="#ZgotmplZ">Tom &amp; Jerry &lt;b&gt;</a>`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`Example News · A. Writer · <time datetime="2024-03-12T09:30:00Z">`,
		`<a href="/">All topics</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s\ngot:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>") {
		t.Errorf("page contains unescaped markup:\n%s", out)
	}
}

func TestWriteIndexHTML(t *testing.T) {
	t.Parallel()
	ix := &Index{
		Title:   "tidings",
		OPMLURL: "/topics.opml",
		Topics: []TopicSummary{
			{Name: "a", Title: "A & B", Articles: 2, Links: Links{Atom: "/a.atom", HTML: "/a"},
				Latest: []normalize.Article{testArticle("x")}},
			{Name: "empty", Articles: 0, Links: Links{Atom: "/empty.atom"}},
		},
	}
	out := string(render(t, func(w *bytes.Buffer) error { return WriteIndexHTML(w, ix) }))
	for _, want := range []string{
		`<link rel="alternate" type="text/x-opml" title="tidings: all topics (OPML)" href="/topics.opml">`,
		`<link rel="alternate" type="application/atom+xml" title="A &amp; B" href="/a.atom">`,
		`<link rel="alternate" type="application/atom+xml" title="empty" href="/empty.atom">`,
		`<a href="https://example.com/news/x">Headline x</a>`,
		`2 articles`,
		`0 articles`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("index lacks %s\ngot:\n%s", want, out)
		}
	}
}

func TestWriteOPMLEmpty(t *testing.T) {
	t.Parallel()
	out := render(t, func(w *bytes.Buffer) error { return WriteOPML(w, "none", nil) })
	assertWellFormed(t, out)
	if !bytes.Contains(out, []byte("<body></body>")) {
		t.Errorf("empty list lacks <body>:\n%s", out)
	}
}

// TestTopicHTMLExcerpt: a feed whose description is the whole article is
// listed with the summary's first words; the feeds keep all of it.
func TestTopicHTMLExcerpt(t *testing.T) {
	t.Parallel()
	a := testArticle("a")
	a.Summary = strings.TrimSpace(strings.Repeat("word ", 59) + "sixtieth " + strings.Repeat("later ", 140))
	page := &TopicPage{Feed: *testFeed(a), IndexURL: "/"}
	out := string(render(t, func(w *bytes.Buffer) error { return WriteTopicHTML(w, page) }))
	if !strings.Contains(out, "word sixtieth …</p>") || strings.Contains(out, "later") {
		t.Errorf("page does not cut the summary after 60 words:\n%s", out)
	}
	atom := string(render(t, func(w *bytes.Buffer) error { return WriteAtom(w, testFeed(a)) }))
	if strings.Count(atom, "later") != 140 {
		t.Errorf("the Atom feed lost part of the summary:\n%s", atom)
	}
}

// TestPlayableEnclosures: a topic page links an entry's audio and video
// files, labelled by kind, format and size, and leaves its pictures out.
func TestPlayableEnclosures(t *testing.T) {
	e := entry{Enclosures: []normalize.Enclosure{
		{URL: "https://pod.example/12.mp3", Type: "audio/mpeg", Length: 23733521},
		{URL: "https://pod.example/12.jpg", Type: "image/jpeg"},
		{URL: "https://pod.example/12.m4a", Type: "audio/x-m4a"},
		{URL: "https://pod.example/12.mp4", Type: "video/mp4; codecs=avc1", Length: 950000},
		{URL: "https://pod.example/12.bin"},
	}}
	want := []mediaLink{
		{"https://pod.example/12.mp3", "Audio (MPEG, 23.7 MB)"},
		{"https://pod.example/12.m4a", "Audio (M4A)"},
		{"https://pod.example/12.mp4", "Video (MP4, 0.9 MB)"},
	}
	if got := playable(e); !reflect.DeepEqual(got, want) {
		t.Errorf("playable = %+v, want %+v", got, want)
	}
}
