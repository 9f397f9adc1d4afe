package main

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// xssVector is one injection attempt from testdata/xss-vectors.json.
type xssVector struct{ Name, HTML string }

func loadXSSVectors(t *testing.T) []xssVector {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "xss-vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vs []xssVector
	if err := json.Unmarshal(data, &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

// unsafeMarkup returns what in an HTML fragment or page could run script:
// a script-capable element, an event handler, a style or srcdoc attribute,
// or a script or data URL; "" when nothing. inPage allows what our own
// pages put in their head (style, link, meta, title).
func unsafeMarkup(s string, inPage bool) string {
	if strings.Contains(strings.ToLower(s), "<script") {
		return `"<script"` // also split forms the tokenizer reads as other tags
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return ""
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "iframe" && !sandboxedPlayer(tok) {
			return "element <iframe> " + tok.String()
		}
		switch tok.Data {
		case "script", "object", "embed", "svg", "math", "form", "base", "frame", "frameset", "template", "noscript", "textarea":
			return "element <" + tok.Data + ">"
		case "style", "link", "meta", "title":
			if !inPage {
				return "element <" + tok.Data + ">"
			}
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			switch {
			case strings.HasPrefix(key, "on"):
				return "event handler " + a.Key
			case key == "srcdoc" || key == "formaction" || (key == "style" && !inPage):
				return "attribute " + a.Key
			case key != "alt" && key != "title" && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") || strings.HasPrefix(val, "data:")):
				// alt and title are text, shown, never followed
				return "script URL in " + a.Key
			}
		}
	}
}

// sandboxedPlayer reports whether iframe tok is one a feed may carry: an
// https src, a sandbox that keeps it from navigating the reader's page or
// submitting forms, and no srcdoc (normalize keeps players of a few video
// and audio hosts only; its own tests check the list).
func sandboxedPlayer(tok xhtml.Token) bool {
	var src, sandbox bool
	for _, a := range tok.Attr {
		switch a.Key {
		case "src":
			src = strings.HasPrefix(a.Val, "https://")
		case "sandbox":
			sandbox = !strings.Contains(a.Val, "allow-top-navigation") && !strings.Contains(a.Val, "allow-forms")
		case "srcdoc":
			return false
		}
	}
	return src && sandbox
}

// TestXSSThroughEveryOutput feeds every vector as an entry's content, title
// and author, and script URLs as links, through fetch, storage and serve,
// and checks that nothing that could run survives in the Atom, RSS and JSON
// feeds or in the HTML pages.
func TestXSSThroughEveryOutput(t *testing.T) {
	vectors := loadXSSVectors(t)
	for _, v := range vectors[:5] { // the checker must see what it guards against
		if unsafeMarkup(v.HTML, false) == "" && unsafeMarkup(v.HTML, true) == "" {
			t.Fatalf("unsafeMarkup finds nothing in vector %q", v.Name)
		}
	}
	var items strings.Builder
	for i, v := range vectors {
		fmt.Fprintf(&items, `<item><title>%s</title><link>https://x.example/%d</link><guid>v%d</guid><author>%s</author>
<description>%s</description><content:encoded>%s</content:encoded></item>`,
			html.EscapeString(v.HTML), i, i, html.EscapeString("x@x.example ("+v.HTML+")"), html.EscapeString(v.HTML), html.EscapeString(v.HTML))
	}
	for i, link := range []string{"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"} {
		fmt.Fprintf(&items, `<item><title>link %d</title><link>%s</link><guid>l%d</guid><description>body</description></item>`, i, html.EscapeString(link), i)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Evil</title><link>https://x.example/</link><description>d</description>%s</channel></rss>`, items.String())
	}))
	defer ts.Close()
	cfg := setupWith(t, "fetch:\n  max_entries: 1000\n", ts.URL)
	data, _ := os.ReadFile(cfg)
	data = append(data, []byte("  - name: all\n    query: -zzzzzz\n    exclude_duplicates: false\n    limit: 500\n")...)
	os.WriteFile(cfg, data, 0o644)
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	dir := t.TempDir()
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "export", "-out", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, out, stderr)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	var atom struct {
		Entries []struct {
			Content string `xml:"content"`
			Links   []struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(read("topics/all.atom"), &atom); err != nil {
		t.Fatal(err)
	}
	var rss struct {
		Items []struct {
			Description string `xml:"description"`
			Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Link        string `xml:"link"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(read("topics/all.rss"), &rss); err != nil {
		t.Fatal(err)
	}
	var js struct {
		Items []struct {
			URL         string `json:"url"`
			ContentHTML string `json:"content_html"`
		} `json:"items"`
	}
	if err := json.Unmarshal(read("topics/all.json"), &js); err != nil {
		t.Fatal(err)
	}
	if len(atom.Entries) < len(vectors) || len(rss.Items) != len(atom.Entries) || len(js.Items) != len(atom.Entries) {
		t.Fatalf("entries: atom %d, rss %d, json %d; want at least %d each", len(atom.Entries), len(rss.Items), len(js.Items), len(vectors))
	}
	check := func(where, fragment string) {
		t.Helper()
		if bad := unsafeMarkup(fragment, false); bad != "" {
			t.Errorf("%s: %s survives in %q", where, bad, fragment)
		}
	}
	for i, e := range atom.Entries {
		check(fmt.Sprintf("atom entry %d content", i), e.Content)
		for _, l := range e.Links {
			check(fmt.Sprintf("atom entry %d link", i), `<a href="`+html.EscapeString(l.Href)+`">`)
		}
	}
	for i, it := range rss.Items {
		check(fmt.Sprintf("rss item %d description", i), it.Description)
		check(fmt.Sprintf("rss item %d content", i), it.Content)
		check(fmt.Sprintf("rss item %d link", i), `<a href="`+html.EscapeString(it.Link)+`">`)
	}
	for i, it := range js.Items {
		check(fmt.Sprintf("json item %d content_html", i), it.ContentHTML)
		check(fmt.Sprintf("json item %d url", i), `<a href="`+html.EscapeString(it.URL)+`">`)
	}
	for _, page := range []string{"index.html", "topics/all.html", "topics/israel-gaza.html"} {
		if bad := unsafeMarkup(string(read(page)), true); bad != "" {
			t.Errorf("%s: %s", page, bad)
		}
	}
}
