package main

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestConfigTokens(t *testing.T) {
	const topics = "topics:\n  - name: a\n    query: gaza\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"short global token", "token: abc\n", "config.yaml: token must be at least 16 characters"},
		{"short topic token", topics + "    token: abc\n", `config.yaml:2: topics[0]: topic "a": token must be at least 16 characters`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig(strings.NewReader(tt.yaml), "config.yaml")
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
	c, err := ParseConfig(strings.NewReader("token: global-token-0123456789\n"+topics+"    token: topic-token-abcdefghij\n"+
		"  - name: b\n    query: israel\n"), "config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	opts := serverOptions(nil, c, nil)
	if opts.Token != "global-token-0123456789" || len(opts.Topics) != 2 ||
		opts.Topics[0].Token != "topic-token-abcdefghij" || opts.Topics[1].Token != "" {
		t.Errorf("server options: global %q, topics %+v; want the tokens of the config", opts.Token, opts.Topics)
	}
}

func TestServerMaxAge(t *testing.T) {
	tests := []struct {
		fetch string
		want  time.Duration
	}{
		{"", 15 * time.Minute}, // the default interval
		{"fetch: {interval: 30m}", 30 * time.Minute},
		{"fetch: {interval: 30m, every: 5m}", 5 * time.Minute},
		{"fetch: {interval: 10s}", time.Minute},
		{"fetch: {interval: 6h}", time.Hour},
		{"fetch: {interval: 6h, every: 2h}", time.Hour},
		{"fetch: {every: 20s}", time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.fetch, func(t *testing.T) {
			c, err := ParseConfig(strings.NewReader(tt.fetch+"\n"), "config.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if got := serverOptions(nil, c, nil).MaxAge; got != tt.want {
				t.Errorf("MaxAge = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPrivateTopicsStayOutOfExportButInList(t *testing.T) {
	cfg := setup(t)
	data, _ := os.ReadFile(cfg)
	data = []byte(strings.Replace(string(data), "  - name: empty\n", "  - name: empty\n    token: 0123456789abcdef0123\n", 1))
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := tidings(t, context.Background(), "-config", cfg, "export", "-out", out)
	if code != 0 || !strings.Contains(stdout, "left out 1 private topics") {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "topics", "empty.atom")); !os.IsNotExist(err) {
		t.Errorf("the private topic was exported (%v)", err)
	}
	if _, ok := topicCounts(t, cfg)["empty"]; !ok {
		t.Error("tidings topics does not list the private topic to the operator")
	}
}

func TestTopicSources(t *testing.T) {
	feed := newFeedServer(t)
	cfg := setup(t, feed.URL+"/rss.xml")
	data, _ := os.ReadFile(cfg)
	data = []byte(strings.Replace(string(data), "    query: (israel OR gaza OR hamas) -football\n",
		"    query: (israel OR gaza OR hamas) -football\n    sources: [Seeds]\n", 1))
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	// The feed's Hamas story matches the query but comes from "Feed 1".
	if n := topicCounts(t, cfg)["israel-gaza"]; n != 1 {
		t.Errorf("topic restricted to Seeds: got %d articles, want only the seed", n)
	}
	if _, err := ParseConfig(strings.NewReader("sources:\n  - name: A\n    seeds: s\ntopics:\n  - name: t\n    query: x\n    sources: [B]\n"), "c.yaml"); err == nil || !strings.Contains(err.Error(), `c.yaml:5: topics[0]: topic "t": sources: no source named "B"`) {
		t.Errorf("unknown source in a topic: got %v", err)
	}
}

func TestWireStoryOnceWithOutlets(t *testing.T) {
	wire := strings.Repeat("Negotiators from both sides met in Cairo on Wednesday to discuss a ceasefire in Gaza. ", 4)
	outlet := func(name, title string) *httptest.Server {
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://%s.example/</link><description>d</description>
<item><title>%s</title><link>https://%s.example/story</link><guid>%s-1</guid><pubDate>Wed, 12 May 2021 10:00:00 GMT</pubDate><description>%s</description></item></channel></rss>`,
				name, name, title, name, name, wire)
		}))
		t.Cleanup(ts.Close)
		return ts
	}
	a, b := outlet("alpha", "Gaza ceasefire talks in Cairo"), outlet("beta", "Talks on Gaza truce open in Cairo")
	cfg := setupWith(t, "", a.URL, b.URL)
	data, _ := os.ReadFile(cfg)
	data = append(data, []byte("  - name: every-version\n    query: cairo\n    exclude_duplicates: false\n")...)
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The feeds are read concurrently: either outlet may come first.
	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch", "-json")
	if code != 0 || strings.Count(out, `"duplicates":1`) != 1 {
		t.Fatalf("fetch: exit %d, want one outlet's story counted as a duplicate\n%s%s", code, out, stderr)
	}
	// The seed mentions Cairo too: every-version holds it and both versions.
	counts := topicCounts(t, cfg)
	if counts["israel-gaza"] != 2 || counts["every-version"] != 3 {
		t.Errorf("got %v; want israel-gaza with the seed and the wire story once, every-version with both versions", counts)
	}
	dir := t.TempDir()
	tidings(t, context.Background(), "-config", cfg, "export", "-out", dir)
	atom, _ := os.ReadFile(filepath.Join(dir, "topics", "israel-gaza.atom"))
	html, _ := os.ReadFile(filepath.Join(dir, "topics", "israel-gaza.html"))
	stories := 0
	for _, pair := range [][2]string{{"alpha", "beta"}, {"beta", "alpha"}} {
		first, other := pair[0], pair[1]
		if !strings.Contains(string(atom), `<link href="https://`+first+`.example/story" rel="alternate"`) {
			continue
		}
		stories++
		if !strings.Contains(string(atom), `<link href="https://`+other+`.example/story" rel="related" type="text/html" title="`+other+`"></link>`) {
			t.Errorf("the story's entry (from %s) does not list %s:\n%s", first, other, atom)
		}
		if !strings.Contains(string(html), `Also reported by <a href="https://`+other+`.example/story">`+other+`</a>`) {
			t.Errorf("the topic page does not list %s", other)
		}
	}
	if stories != 1 {
		t.Errorf("the wire story has %d entries in the topic feed, want 1:\n%s", stories, atom)
	}
	validateAtom(t, filepath.Join(dir, "topics", "israel-gaza.atom"))
}

// TestEditedWireCopyIsOneStory serves one wire story as two outlets carried
// it, edited (a paragraph cut, other headline, other quotes), from two
// feeds: the topic shows it once, listing the other outlet.
func TestEditedWireCopyIsOneStory(t *testing.T) {
	outlet := func(name, file string) *httptest.Server {
		data, err := os.ReadFile(filepath.Join("..", "..", "normalize", "testdata", "neardup", file))
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(data), "\n")
		var paras strings.Builder
		for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
			fmt.Fprintf(&paras, "&lt;p&gt;%s&lt;/p&gt;", html.EscapeString(html.EscapeString(strings.TrimSpace(p))))
		}
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://%s.example/</link><description>d</description>
<item><title>%s</title><link>https://%s.example/story</link><guid>%s-1</guid><pubDate>Wed, 12 May 2021 10:00:00 GMT</pubDate><description>%s</description></item></channel></rss>`,
				name, name, html.EscapeString(title), name, name, paras.String())
		}))
		t.Cleanup(ts.Close)
		return ts
	}
	a, b := outlet("alpha", "same-ap-cut-paragraph.a.txt"), outlet("beta", "same-ap-cut-paragraph.b.txt")
	cfg := setupWith(t, "", a.URL, b.URL)
	data, _ := os.ReadFile(cfg)
	data = append(data, []byte("  - name: everything\n    query: -zzzzzz\n")...)
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch", "-json")
	if code != 0 || strings.Count(out, `"duplicates":1`) != 1 {
		t.Fatalf("fetch: exit %d, want one outlet's copy counted as a duplicate\n%s%s", code, out, stderr)
	}
	if n := topicCounts(t, cfg)["everything"]; n != 2 {
		t.Errorf("topic holds %d entries, want the seed and the wire story once", n)
	}
	dir := t.TempDir()
	tidings(t, context.Background(), "-config", cfg, "export", "-out", dir)
	atom, _ := os.ReadFile(filepath.Join(dir, "topics", "everything.atom"))
	if strings.Count(string(atom), `rel="related"`) != 1 {
		t.Errorf("the story's entry does not list the other outlet once:\n%s", atom)
	}
}

// FuzzParseConfig checks that no config text panics the loader, and that a
// rejected one is always reported as a ConfigError naming the file.
func FuzzParseConfig(f *testing.F) {
	f.Add("database: x.db\nsources:\n  - name: A\n    seeds: s\ntopics:\n  - name: t\n    query: (a OR b) -c\n")
	f.Add("fetch: {interval: 5m, per_host: 0}\n")
	f.Add("topics:\n  - name: ../x\n    query: \"open\n")
	f.Add("sources: [{name: A, url: 'javascript:x'}]\nhub: ftp://x\n")
	f.Add("retention: {max_age: -1h}\ntoken: short\n")
	f.Fuzz(func(t *testing.T, data string) {
		c, err := ParseConfig(strings.NewReader(data), "f.yaml")
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.File != "f.yaml" {
				t.Fatalf("error %v (%T) is not a ConfigError naming the file", err, err)
			}
			return
		}
		if len(c.topics) != len(c.Topics) {
			t.Fatalf("%d topics compiled of %d", len(c.topics), len(c.Topics))
		}
	})
}
