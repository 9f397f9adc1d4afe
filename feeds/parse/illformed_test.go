package parse_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/feeds/fetch"
	"tidings/feeds/parse"
)

// bozoReading is the part of a line of real.expected.jsonl this test
// needs: whether feedparser found the file ill-formed, and how many
// entries it salvaged.
type bozoReading struct {
	File    string `json:"file"`
	Bozo    bool   `json:"bozo"`
	Version string `json:"version"`
	Entries int    `json:"entries"`
}

// salvageShortfall lists the ill-formed real feeds of which we read fewer
// than half of feedparser's entries, with the reason; none at present. A
// file that starts doing better must leave the list, so it stays true.
var salvageShortfall = map[string]string{}

// illformedExpect are the readings feedparser's Expect: lines ask of the
// ill-formed conformance files that have entries or a title to read.
var illformedExpect = map[string]func(*parse.Feed) string{
	"always_strip_doctype.xml": func(f *parse.Feed) string { return f.Title },
	"rss_item_link_corrupted_ampersands.xml": func(f *parse.Feed) string {
		if len(f.Articles) == 0 {
			return "no entry"
		}
		return f.Articles[0].Link
	},
}

// illformedWant are the values illformedExpect must return.
var illformedWant = map[string]string{
	"always_strip_doctype.xml":               "found",
	"rss_item_link_corrupted_ampersands.xml": "http://link/get?a=1&b=2",
}

// TestIllformedCorpus reads every ill-formed feed of the corpus as fetch
// hands bodies to parse (through fetch.ToUTF8, with the HTTP charset of
// the file's Header: lines), and each of them cut short at half its
// length: no panic, every article valid UTF-8
// with an ID, and no error but one naming the file. Where feedparser's
// Expect: line asks for a value (illformedExpect), it is read. For the
// bozo files of corpus/real it compares the entries salvaged with
// feedparser's, logs the figures, and fails when we salvage fewer than
// half of feedparser's from a file salvageShortfall does not list.
func TestIllformedCorpus(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads 2 MB of feeds twice; skipped under -short")
	}
	corpus := corpusDir(t)
	var files []string
	illformed := filepath.Join(corpus, "conformance", "feedparser", "illformed")
	err := filepath.WalkDir(illformed, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	bozo := readBozo(t, filepath.Join(corpus, "real.expected.jsonl"))
	for _, r := range bozo {
		files = append(files, filepath.Join(corpus, "real", filepath.FromSlash(r.File)))
	}
	if len(files) < 40 {
		t.Fatalf("found %d ill-formed files in %s, want the 19 of illformed/ and the 33 bozo files of real/", len(files), corpus)
	}
	counts := map[string]int{}
	for _, path := range files {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ctype := headerContentType(body)
		for _, part := range [][]byte{body[:len(body)/2], body} { // the whole file last
			feed := readIllformed(t, path, part, ctype)
			if len(part) < len(body) {
				continue
			}
			counts[path] = len(feed.Articles)
			if expect, ok := illformedExpect[filepath.Base(path)]; ok {
				if got, want := expect(feed), illformedWant[filepath.Base(path)]; got != want {
					t.Errorf("%s: got %q, want %q", path, got, want)
				}
			}
		}
	}
	compareSalvage(t, corpus, bozo, counts)
	var b strings.Builder
	for _, path := range files[:len(files)-len(bozo)] {
		fmt.Fprintf(&b, "  %-45s %d\n", strings.TrimPrefix(path, illformed+string(filepath.Separator)), counts[path])
	}
	t.Logf("entries read from conformance/feedparser/illformed/:\n%s", b.String())
}

// readIllformed parses one body, checks the articles, and returns the feed
// (an empty one when the body is refused).
func readIllformed(t *testing.T, path string, body []byte, ctype string) *parse.Feed {
	t.Helper()
	feed, err := parse.Parse(fetch.ToUTF8(body, ctype), parse.Options{Source: "ill", URL: path, Now: fidelityNow})
	if err != nil {
		if !strings.HasPrefix(err.Error(), "parse "+path+": ") {
			t.Errorf("%s (%d bytes): error %q does not name the file", path, len(body), err)
		}
		return &parse.Feed{}
	}
	for _, a := range feed.Articles {
		if a.ID == "" {
			t.Errorf("%s (%d bytes): article without ID: %+v", path, len(body), a)
		}
		for _, s := range []string{a.Title, a.Summary, a.Content, a.Text, a.Link} {
			if !utf8.ValidString(s) {
				t.Errorf("%s (%d bytes): invalid UTF-8 in %.60q", path, len(body), s)
			}
		}
	}
	return feed
}

// compareSalvage compares the entries read from each bozo file with
// feedparser's and logs the totals.
func compareSalvage(t *testing.T, corpus string, bozo []bozoReading, counts map[string]int) {
	t.Helper()
	var ours, theirs, fewer int
	var b strings.Builder
	stale := map[string]bool{}
	for file := range salvageShortfall {
		stale[file] = true
	}
	for _, r := range bozo {
		got := counts[filepath.Join(corpus, "real", filepath.FromSlash(r.File))]
		ours, theirs = ours+min(got, r.Entries), theirs+r.Entries
		fmt.Fprintf(&b, "  %-55s feedparser %3d, tidings %3d\n", r.File, r.Entries, got)
		if 2*got >= r.Entries {
			continue
		}
		fewer++
		if _, ok := salvageShortfall[r.File]; !ok {
			t.Errorf("%s: read %d entries, feedparser salvages %d", r.File, got, r.Entries)
		}
		delete(stale, r.File)
	}
	for file := range stale {
		t.Errorf("%s: listed in salvageShortfall but now salvages enough; remove it", file)
	}
	t.Logf("bozo files of corpus/real: %d; feedparser reads %d entries, we read %d of them; "+
		"%d files give fewer than half of feedparser's:\n%s", len(bozo), theirs, ours, fewer, b.String())
}

// readBozo returns the readings of real.expected.jsonl that feedparser
// marks bozo.
func readBozo(t *testing.T, path string) []bozoReading {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []bozoReading
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r bozoReading
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if r.Bozo {
			out = append(out, r)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// headerContentType returns the Content-Type of a conformance file's
// "Header: Content-type: …" line, which feedparser's harness sends with
// it, or "".
func headerContentType(body []byte) string {
	for line := range strings.Lines(string(body[:min(len(body), 2048)])) {
		name, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "Header:")), ":")
		if ok && strings.HasPrefix(strings.TrimSpace(line), "Header:") && strings.EqualFold(name, "Content-Type") {
			return strings.TrimSpace(value)
		}
	}
	return ""
}
