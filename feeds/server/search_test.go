package server

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tidings/normalize"
	"tidings/storage"
)

// addWeather stores n articles that no topic selects, newer than any
// "Gaza story".
func addWeather(t *testing.T, store *storage.Store, n int) {
	t.Helper()
	var batch []normalize.Article
	for i := range n {
		a := normalize.Article{Source: "Met", GUID: fmt.Sprint(i), Title: fmt.Sprintf("Weather report %d", i),
			Link: fmt.Sprintf("https://met.example/%d", i), Text: "Rain later.",
			Published: time.Date(2021, 6, 1, i, 0, 0, 0, time.UTC)}
		a.Finish("Met", testStart)
		batch = append(batch, a)
	}
	if _, err := store.Save("Met", batch, storage.SourceState{Name: "Met"}); err != nil {
		t.Fatal(err)
	}
}

// entryTitles returns the titles of an Atom feed's entries, in order.
func entryTitles(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?s)<entry>.*?<title type="text">([^<]*)</title>`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// feedID returns the atom:id of an Atom feed.
func feedID(body string) string {
	m := regexp.MustCompile(`(?s)<feed[^>]*>.*?<id>([^<]*)</id>`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

func TestAdhocQueries(t *testing.T) {
	f := newFixture(t, 10, nil, nil)
	addWeather(t, f.store, 3)
	get := func(path string) string {
		t.Helper()
		r, body := do(t, http.MethodGet, f.ts.URL+path)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: got %s\n%s", path, r.Status, body)
		}
		return body
	}
	tests := []struct {
		path string
		want []string
	}{
		{`/topics/gaza.atom?q="story 3"`, []string{"Gaza story 3"}},
		{`/topics/gaza.atom?q="story 3" OR "story 7"`, []string{"Gaza story 7", "Gaza story 3"}},
		{`/topics/gaza.atom?q=weather`, nil}, // the topic holds no weather
		{`/topics/gaza.atom?q=story&limit=2`, []string{"Gaza story 9", "Gaza story 8"}},
		{`/search.atom?q=weather OR "story 9"`, []string{"Weather report 2", "Weather report 1", "Weather report 0", "Gaza story 9"}},
		{`/search.atom?q=rain -"report 1"`, []string{"Weather report 2", "Weather report 0"}},
		{`/search.atom?q=nothing`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			body := get(escapeQuery(tt.path))
			if got := entryTitles(body); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got entries %q, want %q", got, tt.want)
			}
		})
	}

	t.Run("every format", func(t *testing.T) {
		for _, path := range []string{"/search", "/search.atom", "/search.rss", "/search.json", "/topics/gaza", "/topics/gaza.rss", "/topics/gaza.json"} {
			body := get(path + "?q=%22story+3%22")
			if !strings.Contains(body, "Gaza story 3") || strings.Contains(body, "Gaza story 4") {
				t.Errorf("%s?q=\"story 3\" lacks story 3 or has story 4:\n%.600s", path, body)
			}
			if !strings.Contains(body, "q=%22story") {
				t.Errorf("%s: the links do not carry the query:\n%.600s", path, body)
			}
		}
	})

	t.Run("feed identity", func(t *testing.T) {
		plain := feedID(get("/topics/gaza.atom"))
		narrowed := feedID(get("/topics/gaza.atom?q=story"))
		spaced := feedID(get("/topics/gaza.atom?q=++story+"))
		other := feedID(get("/topics/gaza.atom?q=gaza"))
		search := feedID(get("/search.atom?q=story"))
		if narrowed == "" || narrowed != spaced {
			t.Errorf("the same query gives ids %q and %q, want one", narrowed, spaced)
		}
		if len(map[string]bool{plain: true, narrowed: true, other: true, search: true}) != 4 {
			t.Errorf("ids of the plain topic, two queries and a search are not all different: %q %q %q %q", plain, narrowed, other, search)
		}
		body := get("/topics/gaza.atom?q=story")
		for _, want := range []string{`<title type="text">Gaza: story</title>`, `<link href="http://feeds.example/topics/gaza.atom?q=story" rel="self"`} {
			if !strings.Contains(body, want) {
				t.Errorf("narrowed feed lacks %s:\n%.800s", want, body)
			}
		}
		body = get("/search.atom?q=story")
		for _, want := range []string{`<title type="text">Search: story</title>`, `href="http://feeds.example/search.atom?q=story"`} {
			if !strings.Contains(body, want) {
				t.Errorf("search feed lacks %s:\n%.800s", want, body)
			}
		}
	})

	t.Run("an empty result is dated", func(t *testing.T) {
		if body := get("/search.atom?q=nothing"); !strings.Contains(body, "<updated>") {
			t.Errorf("empty search feed has no updated:\n%s", body)
		}
	})
}

// escapeQuery escapes the query of a path written plainly in a test.
func escapeQuery(path string) string {
	p, q, ok := strings.Cut(path, "?")
	if !ok {
		return path
	}
	v := url.Values{}
	for pair := range strings.SplitSeq(q, "&") {
		k, val, _ := strings.Cut(pair, "=")
		v.Set(k, val)
	}
	return p + "?" + v.Encode()
}

func TestAdhocQueryErrors(t *testing.T) {
	f := newFixture(t, 3, nil, nil)
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/search.atom?q=%28gaza", 400, `query "(gaza": column 1: unbalanced parenthesis`},
		{"/search?q=gaza+OR", 400, "column 6: missing term after OR"},
		{"/topics/gaza.atom?q=gaza+OR", 400, "column 6: missing term after OR"},
		{"/topics/gaza?q=", 400, "column 1: empty query"},
		{"/search.json", 400, "missing query"},
		{"/search.atom?q=gaza&limit=0", 400, "limit"},
		{"/search.atom?q=" + strings.Repeat("a+", maxQueryLen), 400, "the most is 1000"},
		{"/search.xml?q=gaza", 404, ""},
		{"/topics/nope.atom?q=gaza", 404, `topic "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r, body := do(t, http.MethodGet, f.ts.URL+tt.path)
			if r.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("got %s %q, want %d containing %q", r.Status, body, tt.status, tt.want)
			}
		})
	}
}

func TestScanLimit(t *testing.T) {
	f := newFixture(t, 10, nil, func(o *Options) { o.ScanLimit = 3 })
	tests := []struct {
		path string
		want []string
	}{
		// Only the 3 newest articles are read, however many match.
		{"/search.atom?q=gaza", []string{"Gaza story 9", "Gaza story 8", "Gaza story 7"}},
		{"/topics/gaza.atom?q=gaza", []string{"Gaza story 9", "Gaza story 8", "Gaza story 7"}},
		{"/search.atom?q=%22story+1%22", nil},
		{"/search.atom?q=gaza&limit=2", []string{"Gaza story 9", "Gaza story 8"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, body := do(t, http.MethodGet, f.ts.URL+tt.path)
			if got := entryTitles(body); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got entries %q, want %q", got, tt.want)
			}
		})
	}
	// Without a query the topic feed is not scanned and keeps its limit.
	if _, body := do(t, http.MethodGet, f.ts.URL+"/topics/gaza.atom"); len(entryTitles(body)) != 10 {
		t.Errorf("plain topic feed: got %d entries, want 10", len(entryTitles(body)))
	}
}

func TestAdhocFeedsAreValidAtom(t *testing.T) {
	f := newFixture(t, 5, nil, nil)
	addWeather(t, f.store, 2)
	dir := t.TempDir()
	var files []string
	for i, path := range []string{"/search.atom?q=weather+OR+%22story+2%22", "/topics/gaza.atom?q=story+-%22story+3%22", "/search.atom?q=nothing"} {
		r, body := do(t, http.MethodGet, f.ts.URL+path)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", path, r.Status)
		}
		file := filepath.Join(dir, fmt.Sprintf("%d.atom", i))
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	validateAtom(t, files...)
}

// validateAtom runs the RFC 4287 validator over files. Without jing or
// feedparser it skips, except in CI, which installs them.
func validateAtom(t *testing.T, files ...string) {
	t.Helper()
	script, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "validate", "validate-atom.sh"))
	_, jingErr := exec.LookPath("jing")
	pyErr := exec.Command("/usr/bin/python3", "-c", "import feedparser").Run()
	if jingErr != nil || pyErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the Atom validator needs jing and python3-feedparser (apt-get install -y jing python3-feedparser)")
		}
		t.Skip("skipping Atom validation: jing or python3-feedparser is not installed")
	}
	out, err := exec.Command("bash", append([]string{script}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("Atom validation failed: %v\n%s", err, out)
	}
}
