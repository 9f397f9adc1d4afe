package publish

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"maps"
	"strings"
	"testing"
)

// archiveMarkup is what a feed document says of RFC 5005 archives, read
// back by namespace: Atom feeds carry it at the root, RSS in the channel.
type archiveMarkup struct {
	Links []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Archive *struct{} `xml:"http://purl.org/syndication/history/1.0 archive"`
}

// archiveRels returns the archive relations of m with their targets, and
// whether it is marked as an archive document.
func (m *archiveMarkup) archiveRels() (map[string]string, bool) {
	rels := map[string]string{}
	for _, l := range m.Links {
		if strings.Contains(l.Rel, "archive") || l.Rel == "current" {
			rels[l.Rel] = l.Href
		}
	}
	return rels, m.Archive != nil
}

func pageLinks(n string) Links {
	base := "http://localhost/topics/test/archive/" + n
	return Links{Atom: base + ".atom", RSS: base + ".rss", JSON: base + ".json"}
}

// TestArchiveMarkup renders a plain feed, a subscription document and an
// archive document in every format and reads back their archive links and
// marks; the Atom documents go through the validator.
func TestArchiveMarkup(t *testing.T) {
	t.Parallel()
	current := Links{Atom: "http://localhost/topics/test.atom", RSS: "http://localhost/topics/test.rss",
		JSON: "http://localhost/topics/test.json"}
	tests := []struct {
		name    string
		archive Archive
		rels    map[string]string // by relation, with the Atom URLs
		page    bool
	}{
		{"plain feed", Archive{}, map[string]string{}, false},
		{"subscription document", Archive{Prev: pageLinks("7")},
			map[string]string{"prev-archive": pageLinks("7").Atom}, false},
		{"oldest archive page", Archive{Page: true, Next: pageLinks("1"), Current: current},
			map[string]string{"next-archive": pageLinks("1").Atom, "current": current.Atom}, true},
		{"newest archive page", Archive{Page: true, Prev: pageLinks("6"), Current: current},
			map[string]string{"prev-archive": pageLinks("6").Atom, "current": current.Atom}, true},
	}
	dir := t.TempDir()
	var atoms []string
	for i, tt := range tests {
		f := testFeed(testArticle("a"), testArticle("b"))
		f.Archive = tt.archive
		atom := render(t, func(b *bytes.Buffer) error { return WriteAtom(b, f) })
		atoms = append(atoms, writeTemp(t, dir, string(rune('a'+i))+".atom", atom))
		t.Run(tt.name+"/atom", func(t *testing.T) {
			var m archiveMarkup
			if err := xml.Unmarshal(atom, &m); err != nil {
				t.Fatal(err)
			}
			checkArchive(t, &m, tt.rels, tt.page, ".atom")
		})
		t.Run(tt.name+"/rss", func(t *testing.T) {
			var doc struct {
				Channel archiveMarkup `xml:"channel"`
			}
			if err := xml.Unmarshal(render(t, func(b *bytes.Buffer) error { return WriteRSS(b, f) }), &doc); err != nil {
				t.Fatal(err)
			}
			checkArchive(t, &doc.Channel, tt.rels, tt.page, ".rss")
		})
		t.Run(tt.name+"/json", func(t *testing.T) {
			var doc struct {
				NextURL string          `json:"next_url"`
				Ext     json.RawMessage `json:"_rfc5005"`
			}
			if err := json.Unmarshal(render(t, func(b *bytes.Buffer) error { return WriteJSON(b, f) }), &doc); err != nil {
				t.Fatal(err)
			}
			if want := strings.Replace(tt.rels["prev-archive"], ".atom", ".json", 1); doc.NextURL != want {
				t.Errorf("next_url: got %q, want %q", doc.NextURL, want)
			}
			if got, want := doc.Ext != nil, len(tt.rels) > 0; got != want {
				t.Errorf("_rfc5005 present: got %v, want %v (%s)", got, want, doc.Ext)
			}
			if got := strings.Contains(string(doc.Ext), `"archive": true`); got != tt.page {
				t.Errorf("_rfc5005 archive: got %v, want %v (%s)", got, tt.page, doc.Ext)
			}
		})
	}
	t.Run("validate", func(t *testing.T) {
		validateAtom(t, atoms...)
	})
}

// checkArchive compares the archive links and mark of a document with the
// wanted ones, given as Atom URLs that become URLs with ext.
func checkArchive(t *testing.T, m *archiveMarkup, want map[string]string, page bool, ext string) {
	t.Helper()
	rels, isPage := m.archiveRels()
	wantExt := map[string]string{}
	for rel, href := range want {
		wantExt[rel] = strings.Replace(href, ".atom", ext, 1)
	}
	if !maps.Equal(rels, wantExt) {
		t.Errorf("archive links: got %v, want %v", rels, wantExt)
	}
	if isPage != page {
		t.Errorf("archive mark: got %v, want %v", isPage, page)
	}
}
