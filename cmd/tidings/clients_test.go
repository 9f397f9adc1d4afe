package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// needTool skips the test when a real client is not installed, except in
// CI, which installs them (.ci/run).
func needTool(t *testing.T, name string, check ...string) {
	t.Helper()
	cmd := exec.Command(name, check...)
	if _, err := exec.LookPath(name); err != nil || (len(check) > 0 && cmd.Run() != nil) {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed (see .ci/run)", name)
		}
		t.Skipf("skipping: %s is not installed", name)
	}
}

// feedparserScript reads a feed URL with Python's feedparser and prints
// what a reader would show.
const feedparserScript = `
import json, sys, feedparser
d = feedparser.parse(sys.argv[1])
print(json.dumps({"bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
  "titles": [e.get("title") for e in d.entries], "links": [e.get("link") for e in d.entries]}))
`

// newsboatScript lists the entries newsboat stored in its cache.
const newsboatScript = `
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(json.dumps([{"feed": f, "title": t, "link": u} for f, t, u in c.execute("select feedurl, title, url from rss_item order by id")]))
`

// TestRealClients serves the topic feeds and reads them with real readers:
// Python's feedparser and newsboat (Atom and RSS, every entry with its title
// and link, no bozo). Neither Debian's feedparser (6.0) nor its newsboat
// (2.21) reads JSON Feed; feeds/publish checks that format against the spec.
func TestRealClients(t *testing.T) {
	needTool(t, "/usr/bin/python3", "-c", "import feedparser")
	feed := newFeedServer(t)
	cfg := setup(t, feed.URL+"/rss.xml")
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { Main(ctx, []string{"-config", cfg, "serve", "-addr", "127.0.0.1:0"}, io.Discard, io.Discard) })
	defer func() { cancel(); wg.Wait() }()
	base := "http://" + waitControlFile(t, filepath.Join(filepath.Dir(cfg), "data", "t.db")).Addr + "/topics/israel-gaza"
	wantTitles := []string{"Hamas and Israel agree to talks", "US sends official to Israel to encourage Gaza de-escalation"}

	for _, ext := range []string{".atom", ".rss"} {
		t.Run("feedparser "+ext, func(t *testing.T) {
			out, err := exec.Command("/usr/bin/python3", "-c", feedparserScript, base+ext).Output()
			if err != nil {
				t.Fatalf("feedparser: %v", err)
			}
			var got struct {
				Bozo           bool
				Error, Version string
				Titles, Links  []string
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			slices.Sort(got.Titles)
			if got.Bozo || strings.Join(got.Titles, "|") != strings.Join(wantTitles, "|") || !slices.Contains(got.Links, "https://wire.example/talks") {
				t.Errorf("feedparser read %+v, want no bozo and titles %q", got, wantTitles)
			}
		})
	}

	t.Run("newsboat", func(t *testing.T) {
		needTool(t, "newsboat", "--version")
		dir := t.TempDir()
		urls := filepath.Join(dir, "urls")
		os.WriteFile(urls, []byte(base+".atom\n"+base+".rss\n"), 0o644)
		cache := filepath.Join(dir, "cache.db")
		cmd := exec.Command("newsboat", "-u", urls, "-c", cache, "-x", "reload")
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("newsboat: %v\n%s", err, out)
		}
		out, err := exec.Command("/usr/bin/python3", "-c", newsboatScript, cache).Output()
		if err != nil {
			t.Fatalf("read newsboat's cache: %v", err)
		}
		var items []struct{ Feed, Title, Link string }
		if err := json.Unmarshal(out, &items); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		// newsboat keys entries by their id, and both formats carry the
		// same ids: each entry is stored once, with its title.
		var titles []string
		for _, it := range items {
			titles = append(titles, it.Title)
			if it.Title == wantTitles[0] && it.Link != "https://wire.example/talks" {
				t.Errorf("newsboat shows link %q for %q", it.Link, it.Title)
			}
		}
		slices.Sort(titles)
		if strings.Join(titles, "|") != strings.Join(wantTitles, "|") {
			t.Errorf("newsboat stored %q, want %q", titles, wantTitles)
		}
	})
}
