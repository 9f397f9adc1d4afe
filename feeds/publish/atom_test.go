package publish

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tidings/normalize"
)

// decodeAtom parses an Atom document back into the types that wrote it.
func decodeAtom(t testing.TB, b []byte) *atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("decode atom: %v\n%s", err, b)
	}
	return &f
}

func entryIDs(f *atomFeed) []string {
	var ids []string
	for _, e := range f.Entries {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestWriteAtomStableIDs(t *testing.T) {
	t.Parallel()
	f := testFeed(testArticle("0123456789abcdef0123456789abcdef"), testArticle("b"), testArticle("c"))
	first := decodeAtom(t, render(t, func(b *bytes.Buffer) error { return WriteAtom(b, f) }))
	second := decodeAtom(t, render(t, func(b *bytes.Buffer) error { return WriteAtom(b, f) }))

	if first.ID != f.ID || second.ID != f.ID {
		t.Errorf("feed id: got %q and %q, want %q", first.ID, second.ID, f.ID)
	}
	want := []string{EntryID("0123456789abcdef0123456789abcdef"), EntryID("b"), EntryID("c")}
	for _, got := range [][]string{entryIDs(first), entryIDs(second)} {
		if !slices.Equal(got, want) {
			t.Errorf("entry ids: got %q, want %q", got, want)
		}
	}
}

// TestWriteAtomEdgeCases renders awkward articles, checks what each must
// contain, and runs every document through the Atom validator.
func TestWriteAtomEdgeCases(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("<p>"+strings.Repeat("Lorem ipsum dolor sit amet. ", 40)+"</p>", 1000)
	tests := []struct {
		name   string
		feed   func() *Feed
		checks func(t *testing.T, f *atomFeed)
	}{
		{
			name: "empty topic",
			feed: func() *Feed { return testFeed() },
			checks: func(t *testing.T, f *atomFeed) {
				if len(f.Entries) != 0 || f.Updated != "2024-03-13T00:00:00Z" {
					t.Errorf("got %d entries, updated %q; want 0, 2024-03-13T00:00:00Z", len(f.Entries), f.Updated)
				}
			},
		},
		{
			name: "no authors falls back to source",
			feed: func() *Feed {
				a := testArticle("a")
				a.Authors = []string{"", "  "}
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				if got := f.Entries[0].Authors; len(got) != 1 || got[0].Name != "example" {
					t.Errorf("authors: got %+v, want one named example", got)
				}
			},
		},
		{
			name: "no dates take the feed's",
			feed: func() *Feed {
				a := testArticle("a")
				a.Published, a.Updated = time.Time{}, time.Time{}
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				e := f.Entries[0]
				if e.Updated != f.Updated || e.Published != "" {
					t.Errorf("updated %q, published %q; want %q and none", e.Updated, e.Published, f.Updated)
				}
			},
		},
		{
			name: "published only",
			feed: func() *Feed {
				a := testArticle("a")
				a.Updated = time.Time{}
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				if e := f.Entries[0]; e.Updated != e.Published || e.Published != "2024-03-12T09:30:00Z" {
					t.Errorf("updated %q, published %q; want both 2024-03-12T09:30:00Z", e.Updated, e.Published)
				}
			},
		},
		{
			name: "markup-like title and entities",
			feed: func() *Feed {
				a := testArticle("a")
				a.Title = `Tom & Jerry <b> &amp; "x" ]]>`
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				if got, want := f.Entries[0].Title, (atomText{Type: "text", Text: `Tom & Jerry <b> &amp; "x" ]]>`}); got != want {
					t.Errorf("title: got %+v, want %+v", got, want)
				}
			},
		},
		{
			name: "non-ASCII everywhere",
			feed: func() *Feed {
				a := testArticle("a")
				a.Title, a.Summary = "Ünïcödé — 日本語 — עברית 🎉", "Résumé ✓"
				a.Authors, a.Categories = []string{"Søren Kierkegaard", "李白"}, []string{"Ελλάδα"}
				a.Source, a.SourceTitle, a.URL = "mídia", "Mídia Ñ", "https://例え.jp/記事?q=ü"
				a.Lang = "ja"
				f := testFeed(a)
				f.Title = "Тема"
				return f
			},
			checks: func(t *testing.T, f *atomFeed) {
				e := f.Entries[0]
				if f.Title.Text != "Тема" || e.Title.Text != "Ünïcödé — 日本語 — עברית 🎉" || e.Categories[0].Term != "Ελλάδα" {
					t.Errorf("got feed title %q, entry title %q, category %q", f.Title.Text, e.Title.Text, e.Categories[0].Term)
				}
				if f.Lang != "ja" {
					t.Errorf("feed xml:lang: got %q, want ja", f.Lang)
				}
			},
		},
		{
			name: "very long content",
			feed: func() *Feed {
				a := testArticle("a")
				a.Content = long
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				if got := f.Entries[0].Content.Content; got != long {
					t.Errorf("content: got %d bytes, want %d", len(got), len(long))
				}
			},
		},
		{
			name: "control characters stripped",
			feed: func() *Feed {
				a := testArticle("a")
				a.Title = "a\x00b\x01c\x1fd\ufffee\uffff\x7ff\tg"
				a.Content = "<p>x\x08y]]>z</p>"
				a.Authors = []string{"\x02"}
				a.Categories = []string{"\x0b", "ok\x0c"}
				a.URL = "https://example.com/\x01"
				a.Source = "src\x03"
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				e := f.Entries[0]
				if e.Title.Text != "abcde\x7ff\tg" || e.Content.Content != "<p>xy]]>z</p>" {
					t.Errorf("title %q, content %q", e.Title.Text, e.Content.Content)
				}
				if len(e.Authors) != 1 || e.Authors[0].Name != "src" {
					t.Errorf("authors: got %+v, want the source src", e.Authors)
				}
				if len(e.Categories) != 1 || e.Categories[0].Term != "ok" {
					t.Errorf("categories: got %+v, want [ok]", e.Categories)
				}
			},
		},
		{
			name: "invalid UTF-8 dropped",
			feed: func() *Feed {
				a := testArticle("a")
				a.Title = "caf\xc3 \xff\xfe real \ufffd kept"
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				if got, want := f.Entries[0].Title.Text, "caf  real \ufffd kept"; got != want {
					t.Errorf("title: got %q, want %q", got, want)
				}
			},
		},
		{
			name: "no link and no body still has content",
			feed: func() *Feed {
				a := testArticle("a")
				a.URL, a.Link, a.Content, a.Text = "", "", "", ""
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				e := f.Entries[0]
				if len(e.Links) != 0 || e.Content == nil {
					t.Errorf("links %+v, content %+v; want no link and a content element", e.Links, e.Content)
				}
			},
		},
		{
			name: "link fallback and text body",
			feed: func() *Feed {
				a := testArticle("a")
				a.URL, a.Link, a.Content = "", "https://example.com/raw?utm=1", ""
				a.Text = "One & two.\n\nThree <four>."
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				e := f.Entries[0]
				if e.Links[0].Href != "https://example.com/raw?utm=1" {
					t.Errorf("link: got %q", e.Links[0].Href)
				}
				if want := "<p>One &amp; two.</p>\n<p>Three &lt;four&gt;.</p>"; e.Content.Content != want {
					t.Errorf("content: got %q, want %q", e.Content.Content, want)
				}
			},
		},
		{
			name: "duplicate categories and mixed languages",
			feed: func() *Feed {
				a, b := testArticle("a"), testArticle("b")
				a.Categories = []string{"World", " World ", "", "Politics"}
				b.Lang = "not a tag"
				return testFeed(a, b)
			},
			checks: func(t *testing.T, f *atomFeed) {
				var terms []string
				for _, c := range f.Entries[0].Categories {
					terms = append(terms, c.Term)
				}
				if !slices.Equal(terms, []string{"World", "Politics"}) {
					t.Errorf("terms: got %q, want [World Politics]", terms)
				}
				if f.Lang != "" || f.Entries[0].Lang != "en" || f.Entries[1].Lang != "" {
					t.Errorf("xml:lang: feed %q, entries %q %q; want none, en, none", f.Lang, f.Entries[0].Lang, f.Entries[1].Lang)
				}
			},
		},
		{
			name: "feed updated from newest article",
			feed: func() *Feed {
				a, b := testArticle("a"), testArticle("b")
				b.Updated = b.Updated.Add(48 * time.Hour)
				f := testFeed(a, b)
				f.Updated = time.Time{}
				return f
			},
			checks: func(t *testing.T, f *atomFeed) {
				if f.Updated != "2024-03-14T10:30:00Z" {
					t.Errorf("updated: got %q, want 2024-03-14T10:30:00Z", f.Updated)
				}
			},
		},
		{
			name: "local time zones written as UTC",
			feed: func() *Feed {
				a := testArticle("a")
				zone := time.FixedZone("X", -5*3600)
				a.Published = time.Date(2024, 3, 12, 4, 30, 0, 999, zone)
				a.Updated = a.Published
				return testFeed(a)
			},
			checks: func(t *testing.T, f *atomFeed) {
				if e := f.Entries[0]; e.Published != "2024-03-12T09:30:00Z" {
					t.Errorf("published: got %q, want 2024-03-12T09:30:00Z", e.Published)
				}
			},
		},
	}
	dir := t.TempDir()
	var files []string
	for i, tt := range tests {
		b := render(t, func(b *bytes.Buffer) error { return WriteAtom(b, tt.feed()) })
		files = append(files, writeTemp(t, dir, fmt.Sprintf("%02d.atom", i), b))
		t.Run(tt.name, func(t *testing.T) {
			if !utf8.Valid(b) {
				t.Error("output is not valid UTF-8")
			}
			tt.checks(t, decodeAtom(t, b))
		})
	}
	t.Run("validate", func(t *testing.T) {
		validateAtom(t, files...)
	})
}

func TestWriteAtomErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		feed func() *Feed
	}{
		{"no feed id", func() *Feed { f := testFeed(); f.ID = ""; return f }},
		{"no update time", func() *Feed { f := testFeed(); f.Updated = time.Time{}; return f }},
		{"undated articles only", func() *Feed {
			a := testArticle("a")
			a.Published, a.Updated = time.Time{}, time.Time{}
			f := testFeed(a)
			f.Updated = time.Time{}
			return f
		}},
		{"article without id", func() *Feed { return testFeed(testArticle("")) }},
		{"repeated article id", func() *Feed { return testFeed(testArticle("a"), testArticle("b"), testArticle("a")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			err := WriteAtom(&buf, tt.feed())
			if !errors.Is(err, ErrInvalidFeed) {
				t.Errorf("error: got %v, want ErrInvalidFeed", err)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes on error, want none", buf.Len())
			}
		})
	}
}

type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWritersReturnWriteErrors(t *testing.T) {
	t.Parallel()
	f := testFeed(testArticle("a"))
	writers := map[string]func(io.Writer) error{
		"atom":  func(w io.Writer) error { return WriteAtom(w, f) },
		"rss":   func(w io.Writer) error { return WriteRSS(w, f) },
		"json":  func(w io.Writer) error { return WriteJSON(w, f) },
		"opml":  func(w io.Writer) error { return WriteOPML(w, "x", nil) },
		"topic": func(w io.Writer) error { return WriteTopicHTML(w, &TopicPage{Feed: *f}) },
		"index": func(w io.Writer) error { return WriteIndexHTML(w, &Index{Title: "x"}) },
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			if err := write(failingWriter{}); !errors.Is(err, errWrite) {
				t.Errorf("got %v, want %v", err, errWrite)
			}
		})
	}
}

// FuzzWriteAtom checks that any title, content and author (also as an
// enclosure's URL and type) give a well-formed, valid UTF-8 Atom document that decodes to the cleaned input.
func FuzzWriteAtom(f *testing.F) {
	f.Add("Tom & Jerry <b>", "<p>x</p>", "Zoë")
	f.Add("a\x00b\x1f\ufffe\uffff", "]]><![CDATA[", "\x02")
	f.Add("caf\xc3", "\xff\xfe", " ")
	f.Add("", "", "")
	f.Add("\r\n\r", "&amp;&#0;&#xD800;", "日本語")
	f.Fuzz(func(t *testing.T, title, content, author string) {
		a := testArticle("0123456789abcdef0123456789abcdef")
		a.Title, a.Content, a.Text, a.Authors = title, content, "", []string{author}
		a.Summary, a.Categories = title, []string{author}
		a.Enclosures = []normalize.Enclosure{{URL: content, Type: author, Length: int64(len(title)) - 3}}
		var buf bytes.Buffer
		if err := WriteAtom(&buf, testFeed(a)); err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(buf.Bytes()) {
			t.Fatalf("output is not valid UTF-8:\n%q", buf.Bytes())
		}
		assertWellFormed(t, buf.Bytes())
		e := decodeAtom(t, buf.Bytes()).Entries[0]
		if want := cleanText(title); e.Title.Text != want {
			t.Errorf("title: got %q, want %q", e.Title.Text, want)
		}
		var got string
		if e.Content != nil {
			got = e.Content.Content
		}
		if want := cleanText(content); got != want {
			t.Errorf("content: got %q, want %q", got, want)
		}
		if len(e.Authors) != 1 || e.Authors[0].Name == "" {
			t.Errorf("authors: got %+v, want one with a name", e.Authors)
		}
	})
}

// assertWellFormed reads every token of b with a strict decoder, which
// rejects characters that XML does not allow.
func assertWellFormed(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%q", err, b)
		}
	}
}

func BenchmarkWriteAtom(b *testing.B) {
	articles := make([]normalize.Article, 500)
	for i := range articles {
		articles[i] = testArticle(normalize.NewID("bench", fmt.Sprint(i)))
		articles[i].Content = strings.Repeat("<p>A paragraph of news text, long enough to matter.</p>", 20)
	}
	f := testFeed(articles...)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAtom(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}
