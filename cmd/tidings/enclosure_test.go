package main

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
)

// TestEnclosuresEndToEnd fetches a podcast feed whose episode has a
// relative enclosure and matches a topic: the exported Atom, RSS and JSON
// topic feeds carry the enclosure, absolute, with its type and length, and
// so does `normalize -json`. When the feed changes the enclosure's URL, the
// next fetch reports the episode updated and the feeds carry the new one.
func TestEnclosuresEndToEnd(t *testing.T) {
	var file atomic.Value
	file.Store("ep7.mp3")
	feed := func() string {
		return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Podcast</title><description>A podcast</description>
<item><title>Episode 7: ceasefire talks in Gaza</title><link>/episodes/7</link>
<guid isPermaLink="false">pod-ep-7</guid><pubDate>Wed, 12 May 2021 10:00:00 GMT</pubDate>
<description>Envoys on the talks in Cairo.</description>
<enclosure url="/media/%s" length="23733521" type="audio/mpeg"/></item>
</channel></rss>`, file.Load())
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed())
	}))
	defer ts.Close()
	cfg := setup(t, ts.URL+"/podcast.xml")
	ctx := context.Background()

	if code, out, stderr := tidings(t, ctx, "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	want := topicEnclosure{URL: ts.URL + "/media/ep7.mp3", Type: "audio/mpeg", Length: "23733521"}
	checkExportedEnclosure(t, cfg, want)

	path := filepath.Join(t.TempDir(), "podcast.xml")
	if err := os.WriteFile(path, []byte(strings.Replace(feed(), "<channel>", "<channel><link>"+ts.URL+"/</link>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := tidings(t, ctx, "normalize", "-json", path)
	var a articleJSON
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("normalize -json: %v\n%s", err, out)
	}
	if len(a.Enclosures) != 1 || a.Enclosures[0].URL != want.URL || a.Enclosures[0].Length != 23733521 {
		t.Errorf("normalize -json: got enclosures %+v, want %s", a.Enclosures, want.URL)
	}

	file.Store("ep7-fixed.mp3")
	if c := fetchCounts(t, cfg)["Feed 1"]; c.Updated != 1 || c.New != 0 || c.Unchanged != 0 {
		t.Errorf("fetch after the enclosure changed: Feed 1 got %+v, want its episode updated", c)
	}
	want.URL = ts.URL + "/media/ep7-fixed.mp3"
	checkExportedEnclosure(t, cfg, want)
}

// topicEnclosure is an enclosure as a topic feed writes it; Length is
// text, as in XML.
type topicEnclosure struct {
	URL, Type, Length string
}

// checkExportedEnclosure exports cfg's topics and checks that the one
// entry of israel-gaza that has an enclosure has want, in each format.
func checkExportedEnclosure(t *testing.T, cfg string, want topicEnclosure) {
	t.Helper()
	dir := t.TempDir()
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "export", "-out", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, out, stderr)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, "topics", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	var atom struct {
		Entries []struct {
			Links []struct {
				Href   string `xml:"href,attr"`
				Rel    string `xml:"rel,attr"`
				Type   string `xml:"type,attr"`
				Length string `xml:"length,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(read("israel-gaza.atom"), &atom); err != nil {
		t.Fatal(err)
	}
	var got []topicEnclosure
	for _, e := range atom.Entries {
		for _, l := range e.Links {
			if l.Rel == "enclosure" {
				got = append(got, topicEnclosure{l.Href, l.Type, l.Length})
			}
		}
	}
	if !reflect.DeepEqual(got, []topicEnclosure{want}) {
		t.Errorf("atom enclosures: got %+v, want %+v", got, want)
	}

	var rss struct {
		Items []struct {
			Enclosures []struct {
				URL    string `xml:"url,attr"`
				Type   string `xml:"type,attr"`
				Length string `xml:"length,attr"`
			} `xml:"enclosure"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(read("israel-gaza.rss"), &rss); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, it := range rss.Items {
		for _, e := range it.Enclosures {
			got = append(got, topicEnclosure{e.URL, e.Type, e.Length})
		}
	}
	if !reflect.DeepEqual(got, []topicEnclosure{want}) {
		t.Errorf("rss enclosures: got %+v, want %+v", got, want)
	}

	var jf struct {
		Items []struct {
			Attachments []struct {
				URL         string `json:"url"`
				MimeType    string `json:"mime_type"`
				SizeInBytes int64  `json:"size_in_bytes"`
			} `json:"attachments"`
		} `json:"items"`
	}
	if err := json.Unmarshal(read("israel-gaza.json"), &jf); err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, it := range jf.Items {
		for _, a := range it.Attachments {
			got = append(got, topicEnclosure{a.URL, a.MimeType, fmt.Sprint(a.SizeInBytes)})
		}
	}
	if !reflect.DeepEqual(got, []topicEnclosure{want}) {
		t.Errorf("json attachments: got %+v, want %+v", got, want)
	}
	validateAtom(t, filepath.Join(dir, "topics", "israel-gaza.atom"))
}
