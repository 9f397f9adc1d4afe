package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"tidings/normalize"
)

// opmlDoc wraps outlines in the <body> of an OPML 2.0 document.
func opmlDoc(outlines string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>test</title></head><body>
` + outlines + `
</body></opml>`
}

// opmlGolden is what a golden file holds: the subscriptions and skipped
// outlines of its input.
type opmlGolden struct {
	Subscriptions []Subscription `json:"subscriptions"`
	Skipped       []skippedJSON  `json:"skipped,omitempty"`
}

type skippedJSON struct {
	Line  int    `json:"line"`
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
	Error string `json:"error"`
}

func goldenOf(subs []Subscription, skipped []*OutlineError) opmlGolden {
	g := opmlGolden{Subscriptions: subs}
	for _, e := range skipped {
		g.Skipped = append(g.Skipped, skippedJSON{e.Line, e.Title, e.URL, e.Err.Error()})
	}
	return g
}

// opmlFiles returns the files matching pattern under testdata/opml.
func opmlFiles(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "opml", pattern))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no files match testdata/opml/%s", pattern)
	}
	return files
}

// TestParseOPMLGolden parses the exports in testdata/opml, written after
// those of real feed readers, and compares them with their goldens
// (rewritten by -update).
func TestParseOPMLGolden(t *testing.T) {
	t.Parallel()
	for _, path := range opmlFiles(t, "*.opml") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			subs, skipped, err := ParseOPML(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("ParseOPML: %v", err)
			}
			got, err := json.MarshalIndent(goldenOf(subs, skipped), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(path, ".opml") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestParseOPMLEncodings checks that every encoding sample reads the same
// non-ASCII titles and categories.
func TestParseOPMLEncodings(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"iso-8859-1", "windows-1252", "utf-8-bom", "utf-16le-bom", "utf-16be-bom"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(filepath.Join("testdata", "opml", name+".opml"))
			if err != nil {
				t.Fatal(err)
			}
			subs, _, err := ParseOPML(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("ParseOPML: %v", err)
			}
			if len(subs) != 2 {
				t.Fatalf("got %d subscriptions, want 2", len(subs))
			}
			if got, want := subs[1].Title, "Süddeutsche Zeitung"; got != want {
				t.Errorf("got title %q, want %q", got, want)
			}
			if got, want := subs[0].Categories, []string{"Actualités"}; !slices.Equal(got, want) {
				t.Errorf("got categories %q, want %q", got, want)
			}
		})
	}
}

func TestParseOPML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		doc         string
		want        []Subscription
		wantSkipped []error // the reasons, matched with errors.Is
	}{
		{
			name: "folders to categories",
			doc: opmlDoc(`
<outline text="Loose" xmlUrl="https://loose.example/feed"/>
<outline text="News" title="World news">
  <outline text="Europe">
    <outline text="EU Observer" xmlUrl="https://euobserver.example/rss" category="EU,/Politics/Brussels,News,europe"/>
  </outline>
  <outline text="" title="">
    <outline text="Untitled folder" xmlUrl="https://untitled.example/rss"/>
  </outline>
</outline>`),
			want: []Subscription{
				{Title: "Loose", URL: "https://loose.example/feed"},
				{Title: "EU Observer", URL: "https://euobserver.example/rss", Categories: []string{"World news", "Europe", "EU", "Politics", "Brussels", "News"}},
				{Title: "Untitled folder", URL: "https://untitled.example/rss", Categories: []string{"World news"}},
			},
		},
		{
			name: "empty folders and feedless outlines",
			doc: opmlDoc(`
<outline text="Empty folder"/>
<outline text="Folder typed rss" type="rss">
  <outline text="Inside" xmlUrl="https://inside.example/rss"/>
</outline>
<outline text="Typed but no URL" type="rss"/>
<outline text="Only a site" htmlUrl="https://site.example/"/>
<outline text="A link" type="link" url="https://link.example/"/>
<outline text="Blank URL" type="rss" xmlUrl="  "/>`),
			want: []Subscription{
				{Title: "Inside", URL: "https://inside.example/rss", Categories: []string{"Folder typed rss"}},
			},
			wantSkipped: []error{ErrNoFeedURL, ErrNoFeedURL, ErrNoFeedURL, ErrNoFeedURL},
		},
		{
			name: "a feed with children is no folder",
			doc: opmlDoc(`
<outline text="Folder">
  <outline text="Parent" xmlUrl="https://parent.example/rss">
    <outline text="Child" xmlUrl="https://child.example/rss"/>
  </outline>
</outline>`),
			want: []Subscription{
				{Title: "Parent", URL: "https://parent.example/rss", Categories: []string{"Folder"}},
				{Title: "Child", URL: "https://child.example/rss", Categories: []string{"Folder"}},
			},
		},
		{
			name: "duplicates dropped, categories merged",
			doc: opmlDoc(`
<outline text="Tech">
  <outline text="Julia Evans" xmlUrl="https://jvns.ca/atom.xml"/>
  <outline text="Other" xmlUrl="https://jvns.ca/atom.xml?other"/>
</outline>
<outline text="Must read">
  <outline text="jvns again" xmlUrl="https://JVNS.ca/atom.xml" htmlUrl="https://jvns.ca/" category="Tech,zines"/>
  <outline text="with tracking" xmlUrl="https://jvns.ca:443/atom.xml?utm_source=feedly#top"/>
  <outline text="Swift.org" xmlUrl="feed://www.swift.org/atom.xml"/>
  <outline text="Swift.org over http" xmlUrl="http://www.swift.org/atom.xml"/>
</outline>`),
			want: []Subscription{
				{Title: "Julia Evans", URL: "https://jvns.ca/atom.xml", Categories: []string{"Tech", "Must read", "zines"}},
				{Title: "Other", URL: "https://jvns.ca/atom.xml?other", Categories: []string{"Tech"}},
				{Title: "Swift.org", URL: "http://www.swift.org/atom.xml", Categories: []string{"Must read"}},
			},
		},
		{
			name: "bad URLs skipped",
			doc: opmlDoc(`
<outline text="ftp" xmlUrl="ftp://ftp.example.com/feed.xml"/>
<outline text="relative" xmlUrl="/feed.xml"/>
<outline text="scheme-relative" xmlUrl="//example.com/feed.xml"/>
<outline text="script" xmlUrl="javascript:alert(1)"/>
<outline text="no host" xmlUrl="http:///feed.xml"/>
<outline text="opaque" xmlUrl="http:example.com/feed.xml"/>
<outline text="newsboat exec" xmlUrl="exec:~/bin/feed.sh"/>
<outline text="feed: of ftp" xmlUrl="feed:ftp://example.com/feed"/>
<outline text="unparsable" xmlUrl="https://[::1/feed"/>
<outline text="space in host" xmlUrl="https://exa mple.com/feed"/>
<outline text="control" xmlUrl="https://example.com/&#9;feed"/>
<outline text="scraper" type="HTML+XPath" xmlUrl="https://example.com/news"/>
<outline text="Good" xmlUrl=" HTTPS://good.example/feed?a=1&amp;b=2 " htmlUrl="javascript:alert(1)"/>`),
			want: []Subscription{
				{Title: "Good", URL: "https://good.example/feed?a=1&b=2"},
			},
			wantSkipped: []error{
				normalize.ErrNotHTTP, normalize.ErrNotHTTP, normalize.ErrNotHTTP, normalize.ErrNotHTTP,
				normalize.ErrNotHTTP, normalize.ErrNotHTTP, normalize.ErrNotHTTP, normalize.ErrNotHTTP,
				new(url.Error), new(url.Error), new(url.Error), ErrScraper,
			},
		},
		{
			name: "attribute and element names in any case",
			doc: `<?xml version="1.0"?>
<OPML version="1.0"><Head/><BODY>
<Outline TEXT="Folder">
  <OUTLINE Title="Lower" xmlurl="https://a.example/rss" HTMLURL="https://a.example/" TYPE="RSS"/>
  <outline TITLE="Upper" XMLURL="https://b.example/rss" htmlurl="/home" Category="x/y"/>
  <outline text="Mixed" XmlUrl="https://c.example/rss" xmlUrl="https://ignored.example/rss"/>
</Outline>
</BODY></OPML>`,
			want: []Subscription{
				{Title: "Lower", URL: "https://a.example/rss", HTMLURL: "https://a.example/", Categories: []string{"Folder"}},
				{Title: "Upper", URL: "https://b.example/rss", HTMLURL: "https://b.example/home", Categories: []string{"Folder", "x", "y"}},
				{Title: "Mixed", URL: "https://c.example/rss", Categories: []string{"Folder"}},
			},
		},
		{
			name: "namespaced attributes ignored",
			doc: `<opml version="1.0" xmlns:x="urn:x"><body>
<outline text="Feed" x:xmlUrl="https://wrong.example/" xmlUrl="https://right.example/rss" x:title="Wrong"/>
</body></opml>`,
			want: []Subscription{{Title: "Feed", URL: "https://right.example/rss"}},
		},
		{
			name: "type values",
			doc: opmlDoc(`
<outline text="none" xmlUrl="https://1.example/"/>
<outline text="rss" type="rss" xmlUrl="https://2.example/"/>
<outline text="atom" type="atom" xmlUrl="https://3.example/"/>
<outline text="link" type="link" xmlUrl="https://4.example/"/>`),
			want: []Subscription{
				{Title: "none", URL: "https://1.example/"},
				{Title: "rss", URL: "https://2.example/"},
				{Title: "atom", URL: "https://3.example/"},
				{Title: "link", URL: "https://4.example/"},
			},
		},
		{
			name: "entities and markup in titles",
			doc: opmlDoc(`
<outline text="Rock &amp;amp; Roll &#8211; News" xmlUrl="https://1.example/"/>
<outline title="Caf&eacute; &amp;eacute; &lt;b&gt;bold&lt;/b&gt;" text="ignored" xmlUrl="https://2.example/"/>
<outline text="Q&A   with
	tabs&nbsp;and breaks" xmlUrl="https://3.example/?a=1&b=2"/>
<outline text="AT&amp;T &lt;3 you" xmlUrl="https://4.example/"/>
<outline text="Tags &amp;amp; more" category="A&amp;amp;B, &#67;" xmlUrl="https://5.example/"/>`),
			want: []Subscription{
				{Title: "Rock & Roll – News", URL: "https://1.example/"},
				{Title: "Café é bold", URL: "https://2.example/"},
				{Title: "Q&A with tabs and breaks", URL: "https://3.example/?a=1&b=2"},
				{Title: "AT&T <3 you", URL: "https://4.example/"},
				{Title: "Tags & more", URL: "https://5.example/", Categories: []string{"A&B", "C"}},
			},
		},
		{
			name: "no DTD entity expansion",
			doc: `<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY url "https://evil.example/">
]>
<opml version="1.0"><body>
<outline text="&lol1;" xmlUrl="https://a.example/rss"/>
<outline text="entity URL" xmlUrl="&url;"/>
</body></opml>`,
			want:        []Subscription{{Title: "&lol1;", URL: "https://a.example/rss"}},
			wantSkipped: []error{normalize.ErrNotHTTP},
		},
		{
			name: "title falls back to text then host",
			doc: opmlDoc(`
<outline title="  " text="From text" xmlUrl="https://1.example/"/>
<outline title="" text="" xmlUrl="https://Feeds.Example.com:8443/rss"/>
<outline xmlUrl="http://[2001:db8::1]/rss"/>`),
			want: []Subscription{
				{Title: "From text", URL: "https://1.example/"},
				{Title: "Feeds.Example.com", URL: "https://Feeds.Example.com:8443/rss"},
				{Title: "2001:db8::1", URL: "http://[2001:db8::1]/rss"},
			},
		},
		{
			name: "outlines outside body and after the root",
			doc: `<opml><outline text="No body" xmlUrl="https://nobody.example/"/><head><title>x</title></head></opml>
<outline text="after root" xmlUrl="https://after.example/"/>`,
			want: []Subscription{{Title: "No body", URL: "https://nobody.example/"}},
		},
		{
			name: "no feeds",
			doc:  `<opml version="2.0"><head/><body/></opml>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, skipped, err := ParseOPML(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatalf("ParseOPML: %v", err)
			}
			if !subscriptionsEqual(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", dump(got), dump(tt.want))
			}
			if len(skipped) != len(tt.wantSkipped) {
				t.Fatalf("got %d skipped %v, want %d", len(skipped), skipped, len(tt.wantSkipped))
			}
			for i, e := range skipped {
				want := tt.wantSkipped[i]
				if ue, ok := want.(*url.Error); ok {
					if !errors.As(e, &ue) {
						t.Errorf("skipped[%d]: got %v, want a *url.Error", i, e)
					}
				} else if !errors.Is(e, want) {
					t.Errorf("skipped[%d]: got %v, want %v", i, e, want)
				}
			}
		})
	}
}

func TestParseOPMLSkippedDetail(t *testing.T) {
	t.Parallel()
	doc := "<opml><body>\n<outline text=\"ok\" xmlUrl=\"https://ok.example/\"/>\n" +
		"<outline text=\"Local &amp; weather\" xmlUrl=\" exec:~/bin/weather \"/>\n</body></opml>"
	_, skipped, err := ParseOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 1 {
		t.Fatalf("got %d skipped, want 1", len(skipped))
	}
	got := *skipped[0]
	got.Err = nil
	want := OutlineError{Line: 3, Title: "Local & weather", URL: "exec:~/bin/weather"}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got, want := skipped[0].Error(), `opml line 3: outline "Local & weather": xmlUrl "exec:~/bin/weather": not an absolute http(s) URL`; got != want {
		t.Errorf("got message %q, want %q", got, want)
	}
}

func TestParseOPMLNotOPML(t *testing.T) {
	t.Parallel()
	docs := map[string]string{
		"empty":          "",
		"whitespace":     " \n\t ",
		"bom only":       "\xef\xbb\xbf",
		"rss":            `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`,
		"html":           "<!DOCTYPE html>\n<html><head><title>Feeds</title></head><body>hi</body></html>",
		"html fragment":  "<p>Not found</p>",
		"text":           "https://xkcd.com/atom.xml\n",
		"text then opml": "oops <opml><body/></opml>",
		"json":           `{"opml": {"body": []}}`,
		"comment only":   `<?xml version="1.0"?><!-- <opml> -->`,
		"not xml":        "<<<>>>",
		"opml in ns":     `<x:feed xmlns:x="http://opml.org/spec2"><body/></x:feed>`,
		"doctype only":   `<!DOCTYPE opml>`,
	}
	for _, path := range opmlFiles(t, "invalid/*") {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(path)] = string(body)
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			subs, skipped, err := ParseOPML(strings.NewReader(doc))
			if !errors.Is(err, ErrNotOPML) {
				t.Errorf("got error %v, want %v", err, ErrNotOPML)
			}
			if subs != nil || skipped != nil {
				t.Errorf("got %v and %v with an error, want nil", subs, skipped)
			}
		})
	}
}

func TestParseOPMLErrors(t *testing.T) {
	t.Parallel()
	readErr := errors.New("connection reset")
	tests := []struct {
		name string
		r    io.Reader
		want error // matched with errors.Is; nil for any error but ErrNotOPML
	}{
		{"truncated", strings.NewReader(`<opml><body><outline text="a" xmlUrl="https://a.example/"/><outline`), nil},
		{"unclosed body", strings.NewReader(`<opml><body><outline text="a" xmlUrl="https://a.example/"/>`), nil},
		// XML forbids control characters even as references; an export
		// holding one fails whole, naming the line.
		{"control character", strings.NewReader(`<opml><body><outline text="a&#1;" xmlUrl="https://a.example/"/></body></opml>`), nil},
		{"unknown charset", strings.NewReader(`<?xml version="1.0" encoding="x-klingon"?><opml/>`), nil},
		{"read error before root", iotest.ErrReader(readErr), readErr},
		{"read error inside", io.MultiReader(strings.NewReader(`<opml><body>`), iotest.ErrReader(readErr)), readErr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			subs, skipped, err := ParseOPML(tt.r)
			switch {
			case err == nil:
				t.Fatalf("got %v, want an error", subs)
			case errors.Is(err, ErrNotOPML):
				t.Errorf("got %v, want no %v", err, ErrNotOPML)
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Errorf("got %v, want %v", err, tt.want)
			}
			if subs != nil || skipped != nil {
				t.Errorf("got %v and %v with an error, want nil", subs, skipped)
			}
		})
	}
}

func TestParseOPMLLimits(t *testing.T) {
	t.Parallel()
	// nested returns a feed inside n-1 nested folders, so at depth n.
	nested := func(n int) string {
		return strings.Repeat(`<outline text="f">`, n-1) +
			`<outline text="deep" xmlUrl="https://deep.example/"/>` +
			strings.Repeat(`</outline>`, n-1)
	}
	// feeds returns n outlines with distinct URLs, or one URL when same.
	feeds := func(n int, format string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format+"\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name      string
		doc       string
		wantSubs  int
		wantLimit int // the limit the error names, or 0 for no error
	}{
		{"depth at limit", opmlDoc(nested(MaxOutlineDepth)), 1, 0},
		{"depth beyond limit", opmlDoc(nested(MaxOutlineDepth + 1)), 0, MaxOutlineDepth},
		{"other elements beyond limit", opmlDoc(strings.Repeat("<x>", MaxOutlineDepth+1) + strings.Repeat("</x>", MaxOutlineDepth+1)), 0, MaxOutlineDepth},
		{"subscriptions at limit", opmlDoc(feeds(MaxSubscriptions, `<outline text="f" xmlUrl="https://example.com/%d"/>`)), MaxSubscriptions, 0},
		{"subscriptions beyond limit", opmlDoc(feeds(MaxSubscriptions+1, `<outline text="f" xmlUrl="https://example.com/%d"/>`)), 0, MaxSubscriptions},
		{"duplicates do not count", opmlDoc(feeds(3*MaxSubscriptions, `<outline text="f%d" xmlUrl="https://example.com/"/>`)), 1, 0},
		{"skipped beyond limit", opmlDoc(feeds(MaxSubscriptions+1, `<outline text="f" xmlUrl="ftp://example.com/%d"/>`)), 0, MaxSubscriptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			subs, _, err := ParseOPML(strings.NewReader(tt.doc))
			if tt.wantLimit == 0 {
				if err != nil {
					t.Fatalf("ParseOPML: %v", err)
				}
			} else if !errors.Is(err, ErrOPMLTooLarge) || !strings.Contains(err.Error(), fmt.Sprint(tt.wantLimit)) {
				t.Fatalf("got error %v, want %v naming %d", err, ErrOPMLTooLarge, tt.wantLimit)
			}
			if len(subs) != tt.wantSubs {
				t.Errorf("got %d subscriptions, want %d", len(subs), tt.wantSubs)
			}
		})
	}
}

func TestParseOPMLCategoryCap(t *testing.T) {
	t.Parallel()
	tags := make([]string, 2*maxCategories)
	for i := range tags {
		tags[i] = fmt.Sprint("tag", i)
	}
	doc := opmlDoc(`<outline text="f" xmlUrl="https://a.example/" category="` + strings.Join(tags, ",") + `"/>`)
	subs, _, err := ParseOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := subs[0].Categories, tags[:maxCategories]; !slices.Equal(got, want) {
		t.Errorf("got %d categories %q, want the first %d", len(got), got, len(want))
	}
}

// FuzzParseOPML checks that no document panics ParseOPML and that what it
// returns keeps its promises: absolute http(s) URLs, each feed once, plain
// UTF-8 text.
func FuzzParseOPML(f *testing.F) {
	for _, pattern := range []string{"*.opml", "invalid/*"} {
		for _, path := range opmlFiles(f, pattern) {
			body, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(body)
		}
	}
	f.Add([]byte(opmlDoc(`<outline text="a"><outline text="b" category="/x/y,z" xmlUrl="feed:https://a.example/?q=1&x" htmlUrl="../"/></outline>`)))
	f.Add([]byte(`<!DOCTYPE opml [<!ENTITY e "x">]><OPML><outline xmlurl="http://%c2%a0/" title="&e;&amp;lt;"/></OPML>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		subs, skipped, err := ParseOPML(bytes.NewReader(body))
		if err != nil {
			if subs != nil || skipped != nil {
				t.Fatalf("got %d subscriptions and %d skipped with error %v", len(subs), len(skipped), err)
			}
			return
		}
		if len(subs) > MaxSubscriptions || len(skipped) > MaxSubscriptions {
			t.Fatalf("got %d subscriptions and %d skipped, beyond %d", len(subs), len(skipped), MaxSubscriptions)
		}
		keys := map[string]bool{}
		for _, s := range subs {
			if !absoluteHTTP(s.URL) {
				t.Errorf("URL %q is not absolute http(s)", s.URL)
			}
			if s.HTMLURL != "" && !absoluteHTTP(s.HTMLURL) {
				t.Errorf("HTMLURL %q is not absolute http(s)", s.HTMLURL)
			}
			key, err := normalize.CanonicalURL(s.URL)
			if err != nil {
				t.Errorf("URL %q has no canonical form: %v", s.URL, err)
			}
			if keys[key] {
				t.Errorf("URL %q appears twice (as %q)", s.URL, key)
			}
			keys[key] = true
			if s.Title == "" || !plainUTF8(s.Title) {
				t.Errorf("title %q is empty, not UTF-8 or not plain", s.Title)
			}
			for i, c := range s.Categories {
				if c == "" || !plainUTF8(c) || slices.ContainsFunc(s.Categories[:i], func(d string) bool { return strings.EqualFold(c, d) }) {
					t.Errorf("categories %q: %q is empty, not UTF-8, not plain or repeated", s.Categories, c)
				}
			}
		}
		for _, e := range skipped {
			if !utf8.ValidString(e.Title) || e.Err == nil {
				t.Errorf("skipped %+v: title not UTF-8 or no reason", e)
			}
		}
	})
}

// absoluteHTTP reports whether s parses as an absolute http(s) URL with a
// host.
func absoluteHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != ""
}

// plainUTF8 reports whether s is valid UTF-8 on one line, trimmed.
func plainUTF8(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsAny(s, "\n\r\t") && strings.TrimSpace(s) == s
}

func subscriptionsEqual(a, b []Subscription) bool {
	return slices.EqualFunc(a, b, func(x, y Subscription) bool {
		return x.Title == y.Title && x.URL == y.URL && x.HTMLURL == y.HTMLURL &&
			slices.Equal(x.Categories, y.Categories)
	})
}

func dump(subs []Subscription) string {
	b, _ := json.MarshalIndent(subs, "", "  ")
	return string(b)
}
