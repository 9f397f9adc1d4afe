package publish

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenFeeds renders every testdata/feed/NAME.input.json (a Feed as
// JSON) in each format and compares with NAME.atom, NAME.rss,
// NAME.feed.json and NAME.html; a new case is just a new input file and
// go test -update. Every Atom golden also goes through the validator.
func TestGoldenFeeds(t *testing.T) {
	t.Parallel()
	inputs, err := filepath.Glob(filepath.Join("testdata", "feed", "*.input.json"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/feed: %v", err)
	}
	formats := []struct {
		ext   string
		write func(*bytes.Buffer, *Feed) error
	}{
		{".atom", func(b *bytes.Buffer, f *Feed) error { return WriteAtom(b, f) }},
		{".rss", func(b *bytes.Buffer, f *Feed) error { return WriteRSS(b, f) }},
		{".feed.json", func(b *bytes.Buffer, f *Feed) error { return WriteJSON(b, f) }},
		{".html", func(b *bytes.Buffer, f *Feed) error {
			return WriteTopicHTML(b, &TopicPage{Feed: *f, IndexURL: "http://localhost:8080/"})
		}},
	}
	var atoms []string
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".input.json")
		var f Feed
		readJSON(t, in, &f)
		for _, fm := range formats {
			t.Run(filepath.Base(base)+fm.ext, func(t *testing.T) {
				got := render(t, func(b *bytes.Buffer) error { return fm.write(b, &f) })
				checkGolden(t, base+fm.ext, got)
			})
		}
		atoms = append(atoms, base+".atom")
	}
	t.Run("validate", func(t *testing.T) {
		validateAtom(t, atoms...)
	})
}

// TestGoldenIndex renders every testdata/index/NAME.input.json (an Index as
// JSON) as the HTML index page and as OPML.
func TestGoldenIndex(t *testing.T) {
	t.Parallel()
	inputs, err := filepath.Glob(filepath.Join("testdata", "index", "*.input.json"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/index: %v", err)
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".input.json")
		var ix Index
		readJSON(t, in, &ix)
		t.Run(filepath.Base(base)+".html", func(t *testing.T) {
			got := render(t, func(b *bytes.Buffer) error { return WriteIndexHTML(b, &ix) })
			checkGolden(t, base+".html", got)
		})
		t.Run(filepath.Base(base)+".opml", func(t *testing.T) {
			got := render(t, func(b *bytes.Buffer) error { return WriteOPML(b, ix.Title, ix.Outlines()) })
			checkGolden(t, base+".opml", got)
		})
	}
}
