package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const seedFile = "000_167c493f75d27566.txt"

// feedServer serves one RSS feed with an ETag and counts what it answered.
type feedServer struct {
	*httptest.Server
	requests, notModified atomic.Int32
}

const testRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Test Wire</title><link>https://wire.example/</link><description>wire</description>
<item><title>Hamas and Israel agree to talks</title><link>https://wire.example/talks?utm_source=rss</link>
<guid isPermaLink="false">wire-1</guid><pubDate>Wed, 12 May 2021 10:00:00 GMT</pubDate>
<author>desk@wire.example (Wire Desk)</author><category>Middle East</category>
<description>&lt;p&gt;Envoys met in Cairo. &lt;script&gt;alert(1)&lt;/script&gt;&lt;a href="/more"&gt;More&lt;/a&gt;&lt;/p&gt;</description></item>
<item><title>Football results</title><link>https://wire.example/football</link>
<guid>wire-2</guid><pubDate>Wed, 12 May 2021 11:00:00 GMT</pubDate>
<description>Israel beat Gaza City FC at football.</description></item>
<item><title>Markets &amp; &lt;b&gt;bonds&lt;/b&gt;</title><link>https://wire.example/markets</link>
<guid>wire-3</guid><description>Markets were calm.</description></item>
</channel></rss>`

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	fs := &feedServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.requests.Add(1)
		const etag = `"v1"`
		if r.Header.Get("If-None-Match") == etag {
			fs.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, testRSS)
	}))
	t.Cleanup(fs.Close)
	return fs
}

// setup writes a config with a seed folder holding the real seed, the given
// feed URLs as sources and a few topics, and returns its path.
func setup(t *testing.T, feeds ...string) string {
	t.Helper()
	return setupWith(t, "", feeds...)
}

// setupWith is setup with extra top-level YAML (such as a fetch: block).
func setupWith(t *testing.T, extra string, feeds ...string) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", seedFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "seeds", seedFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("database: data/t.db\nbase_url: http://feeds.example/\n" + extra + "sources:\n  - name: Seeds\n    seeds: seeds\n")
	for i, u := range feeds {
		fmt.Fprintf(&b, "  - name: Feed %d\n    url: %s\n", i+1, u)
	}
	b.WriteString(`topics:
  - name: israel-gaza
    title: Israel and Gaza
    query: (israel OR gaza OR hamas) -football
  - name: diplomacy
    query: diplomat* OR envoy* OR "security council"
  - name: empty
    query: volcano
`)
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tidings runs Main and returns its exit status, stdout and stderr.
func tidings(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestEndToEnd(t *testing.T) {
	feed := newFeedServer(t)
	cfg := setup(t, feed.URL+"/rss.xml")
	ctx := context.Background()

	code, out, stderr := tidings(t, ctx, "-config", cfg, "fetch")
	if code != 0 {
		t.Fatalf("first fetch: exit %d\n%s%s", code, out, stderr)
	}
	counts := topicCounts(t, cfg)
	if counts["israel-gaza"] != 2 || counts["diplomacy"] != 2 || counts["empty"] != 0 {
		t.Errorf("topic counts after first fetch: got %v, want israel-gaza 2, diplomacy 2, empty 0", counts)
	}

	code, out, stderr = tidings(t, ctx, "-config", cfg, "fetch", "-force", "-json")
	if code != 0 {
		t.Fatalf("second fetch: exit %d\n%s%s", code, out, stderr)
	}
	var sum struct {
		Results []struct {
			Source                              string
			New, Updated, Duplicates, Unchanged int
			NotModified                         bool `json:"not_modified"`
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("fetch -json: %v\n%s", err, out)
	}
	for _, r := range sum.Results {
		if r.New+r.Updated != 0 {
			t.Errorf("second fetch changed %s: %+v", r.Source, r)
		}
	}
	if len(sum.Results) != 2 || !sum.Results[1].NotModified || feed.notModified.Load() != 1 {
		t.Errorf("second fetch: got %+v and %d 304s, want the feed answered 304 once", sum.Results, feed.notModified.Load())
	}
	if got := topicCounts(t, cfg); fmt.Sprint(got) != fmt.Sprint(counts) {
		t.Errorf("topic counts changed on an unchanged fetch: got %v, want %v", got, counts)
	}

	outDir := t.TempDir()
	code, out, stderr = tidings(t, ctx, "-config", cfg, "export", "-out", outDir)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, out, stderr)
	}
	atoms, _ := filepath.Glob(filepath.Join(outDir, "topics", "*.atom"))
	if len(atoms) != 3 {
		t.Fatalf("exported %d atom files, want 3", len(atoms))
	}
	for _, f := range []string{"index.html", "topics.opml", "topics/israel-gaza.rss", "topics/israel-gaza.json", "topics/israel-gaza.html"} {
		if _, err := os.Stat(filepath.Join(outDir, f)); err != nil {
			t.Errorf("export: %v", err)
		}
	}
	atom, _ := os.ReadFile(filepath.Join(outDir, "topics", "israel-gaza.atom"))
	for _, bad := range []string{"<script", "alert(1)"} {
		if bytes.Contains(atom, []byte(bad)) {
			t.Errorf("exported atom contains %q", bad)
		}
	}
	for _, want := range []string{"US sends official to Israel", "Lahav Harkov", "https://wire.example/talks", "https://wire.example/more"} {
		if !bytes.Contains(atom, []byte(want)) {
			t.Errorf("exported atom lacks %q", want)
		}
	}
	validateAtom(t, atoms...) // last: it skips where the validator is missing
}

// topicCounts runs `tidings topics -json`.
func topicCounts(t *testing.T, cfg string) map[string]int {
	t.Helper()
	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "topics", "-json")
	if code != 0 {
		t.Fatalf("topics -json: exit %d: %s", code, stderr)
	}
	var list []struct {
		Name     string
		Articles int
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("topics -json: %v\n%s", err, out)
	}
	m := map[string]int{}
	for _, tp := range list {
		m[tp.Name] = tp.Articles
	}
	return m
}

func TestServeWithCronFetch(t *testing.T) {
	feed := newFeedServer(t)
	cfg := setup(t, feed.URL+"/rss.xml")
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var serveCode int
	var serveErr bytes.Buffer
	wg.Go(func() {
		serveCode = Main(ctx, []string{"-config", cfg, "serve", "-addr", "127.0.0.1:0"}, io.Discard, &serveErr)
	})
	defer func() {
		cancel()
		wg.Wait()
		if serveCode != 0 {
			t.Errorf("serve: exit %d: %s", serveCode, serveErr.String())
		}
	}()
	cf := waitControlFile(t, filepath.Join(filepath.Dir(cfg), "data", "t.db"))

	// The server holds the database; fetch runs through it.
	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch")
	if code != 0 {
		t.Fatalf("fetch while serving: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "Seeds") {
		t.Errorf("fetch while serving: summary lacks the seed source:\n%s", out)
	}

	url := "http://" + cf.Addr + "/topics/israel-gaza.atom"
	resp := get(t, url, "")
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == "" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("GET %s: got %s, ETag %q, Content-Type %q", url, resp.Status, resp.Header.Get("ETag"), resp.Header.Get("Content-Type"))
	}
	if resp2 := get(t, url, resp.Header.Get("ETag")); resp2.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET: got %s, want 304", resp2.Status)
	}
	if r := get(t, "http://"+cf.Addr+"/topics/nope.atom", ""); r.StatusCode != 404 {
		t.Errorf("unknown topic: got %s, want 404", r.Status)
	}
	_, metrics := getBody(t, "http://"+cf.Addr+"/metrics")
	for _, want := range []string{`tidings_fetches_total{outcome="ok"} 2`, "tidings_fetch_runs_total 1", `tidings_topic_articles{topic="israel-gaza"} 2`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, metrics)
		}
	}
	// Without the token, the control endpoint refuses.
	r, err := http.Post("http://"+cf.Addr+"/-/fetch", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusForbidden {
		t.Errorf("control without token: got %s, want 403", r.Status)
	}
}

func get(t *testing.T, url, etag string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func getBody(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestServeFetchesOnSchedule(t *testing.T) {
	feed := newFeedServer(t)
	cfg := setupWith(t, "fetch:\n  every: 100ms\n", feed.URL+"/rss.xml")
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var code int
	wg.Go(func() {
		code = Main(ctx, []string{"-config", cfg, "serve", "-addr", "127.0.0.1:0"}, io.Discard, io.Discard)
	})
	defer func() {
		cancel()
		wg.Wait()
		if code != 0 {
			t.Errorf("serve: exit %d", code)
		}
	}()
	cf := waitControlFile(t, filepath.Join(filepath.Dir(cfg), "data", "t.db"))
	for range 500 {
		if _, body := getBody(t, "http://"+cf.Addr+"/topics.json"); strings.Contains(body, `"articles": 2`) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("serve with fetch.every did not fetch on its own (feed requests: %d)", feed.requests.Load())
}

// waitControlFile waits for serve to announce itself.
func waitControlFile(t testing.TB, db string) controlFile {
	t.Helper()
	for range 500 {
		if cf, err := readControlFile(db); err == nil {
			return cf
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("serve did not write its control file")
	return controlFile{}
}

func TestFetchReportsUnreachableSource(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close() // connection refused from now on
	cfg := setup(t, dead.URL+"/gone.xml")
	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch")
	if code != 1 {
		t.Fatalf("fetch with a dead feed: exit %d, want 1\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "error: Feed 1: ") || !strings.Contains(out, dead.URL) {
		t.Errorf("summary does not name the failed source and its URL:\n%s", out)
	}
	if n := topicCounts(t, cfg)["israel-gaza"]; n != 1 {
		t.Errorf("the seed was not stored despite the dead feed: israel-gaza has %d, want 1", n)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "database: x.db\nsourcs: []\n", "config.yaml:2: unknown key sourcs in Config"},
		{"duplicate source", "sources:\n  - name: A\n    seeds: s\n  - name: A\n    seeds: t\n", `config.yaml:4: sources[1]: duplicate name "A"`},
		{"bad query", "topics:\n  - name: t\n    query: (gaza\n", "config.yaml:2: topics[0]: topic \"t\": query \"(gaza\": column"},
		{"bad topic name", "topics:\n  - name: ../x\n    query: gaza\n", "config.yaml:2: topics[0]"},
		{"source without input", "sources:\n  - name: A\n", "set exactly one of url, seeds and opml"},
		{"negative retention", "retention:\n  max_age: -1h\n", "config.yaml: retention: max_age"},
		{"listen without port", "listen: 127.0.0.1\n", `config.yaml: listen: "127.0.0.1" is not HOST:PORT`},
		{"relative base_url", "base_url: news.example/\n", `config.yaml: base_url: "news.example/" is not an absolute http(s) URL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig(strings.NewReader(tt.yaml), "config.yaml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	code, _, stderr := tidings(t, context.Background(), "-config", filepath.Join(t.TempDir(), "missing.yaml"), "fetch")
	if code != 2 || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("missing config: exit %d, stderr %q; want 2 naming the file", code, stderr)
	}
	cfg := setup(t)
	for _, args := range [][]string{{"fetch", "-source", "Nope"}, {"fetch", "-bogus"}, {"export"}, {"frobnicate"}} {
		code, _, stderr := tidings(t, context.Background(), append([]string{"-config", cfg}, args...)...)
		if code != 2 || stderr == "" {
			t.Errorf("tidings %v: exit %d, stderr %q; want 2 with a message", args, code, stderr)
		}
	}
	code, out, _ := tidings(t, context.Background(), "-config", cfg, "fetch", "-source", "Seeds")
	if code != 0 || !strings.Contains(out, "Seeds") {
		t.Errorf("fetch -source Seeds: exit %d\n%s", code, out)
	}
}

func TestNormalizeSeed(t *testing.T) {
	code, out, stderr := tidings(t, context.Background(), "normalize", "-json", filepath.Join("..", "..", "seeds", seedFile), "no-such-file.xml")
	if code != 1 || !strings.Contains(stderr, "no-such-file.xml") {
		t.Errorf("exit %d, stderr %q; want 1 and an error naming the missing file", code, stderr)
	}
	var a articleJSON
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &a); err != nil {
		t.Fatalf("normalize -json: %v\n%s", err, out)
	}
	if a.Title != "US sends official to Israel to encourage Gaza de-escalation" ||
		strings.Join(a.Authors, ",") != "Lahav Harkov,Tovah Lazaroff" ||
		a.Published.Format("2006-01-02") != "2021-05-12" || a.Source != "The Jerusalem Post" ||
		!strings.HasPrefix(a.Text, "The US dispatched Deputy Assistant Secretary") || a.Captions == nil {
		t.Errorf("seed article: got %+v", a)
	}
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

func TestOPMLImport(t *testing.T) {
	feed := newFeedServer(t)
	dir := t.TempDir()
	opml := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My subscriptions</title></head><body>
<outline text="Middle East" title="Middle East">
  <outline type="rss" text="Wire" title="Wire" xmlUrl="%s/rss.xml" htmlUrl="https://wire.example/"/>
  <outline type="rss" text="Wire" title="Wire" xmlUrl="%s/other.xml"/>
</outline>
<outline type="rss" text="Broken" title="Broken" xmlUrl="javascript:alert(1)"/>
</body></opml>`, feed.URL, feed.URL)
	os.WriteFile(filepath.Join(dir, "subs.opml"), []byte(opml), 0o644)
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte(`database: t.db
sources:
  - name: Imported
    opml: subs.opml
topics:
  - name: mideast
    query: category:"middle east"
`), 0o644)
	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch")
	if code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(stderr, `subs.opml: skipped opml line 7: outline "Broken"`) {
		t.Errorf("no warning naming the bad outline: %q", stderr)
	}
	for _, name := range []string{" Wire\n", " Wire (127.0.0.1:"} {
		if !strings.Contains(out, name) {
			t.Errorf("summary lacks source %q:\n%s", name, out)
		}
	}
	if n := topicCounts(t, cfg)["mideast"]; n != 3 {
		t.Errorf("topic by OPML folder: got %d articles, want 3 (the two feeds serve the same items once)", n)
	}
}

func TestWebSubHub(t *testing.T) {
	var mu sync.Mutex
	var pinged []string
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ParseForm() != nil || r.Form.Get("hub.mode") != "publish" {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		mu.Lock()
		pinged = append(pinged, r.Form.Get("hub.url"))
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hub.Close()
	cfg := setupWith(t, "hub: "+hub.URL+"/\n")
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	mu.Lock()
	got := strings.Join(pinged, " ")
	mu.Unlock()
	if !strings.Contains(got, "http://feeds.example/topics/israel-gaza.atom") || len(pinged) != 9 {
		t.Errorf("hub pinged for %v, want the 3 topics in 3 formats", pinged)
	}
	// Nothing new: no ping.
	pinged = nil
	tidings(t, context.Background(), "-config", cfg, "fetch")
	if len(pinged) != 0 {
		t.Errorf("an unchanged fetch pinged the hub for %v", pinged)
	}
	out := t.TempDir()
	tidings(t, context.Background(), "-config", cfg, "export", "-out", out)
	atom, _ := os.ReadFile(filepath.Join(out, "topics", "israel-gaza.atom"))
	if !strings.Contains(string(atom), `rel="hub"`) {
		t.Errorf("the Atom feed does not name the hub:\n%s", atom)
	}
}

func TestExportArchives(t *testing.T) {
	var items strings.Builder
	for i := range 120 {
		fmt.Fprintf(&items, `<item><title>Gaza story %d</title><link>https://wire.example/%d</link><guid>g%d</guid><pubDate>Wed, 12 May 2021 %02d:%02d:00 GMT</pubDate><description>Story %d.</description></item>`, i, i, i, i/60, i%60, i)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><link>https://wire.example/</link><description>d</description>%s</channel></rss>`, items.String())
	}))
	defer ts.Close()
	cfg := setup(t, ts.URL)
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	out := t.TempDir()
	code, stdout, stderr := tidings(t, context.Background(), "-config", cfg, "export", "-out", out)
	if code != 0 || !strings.Contains(stdout, " archive pages") {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	// Walking prev-archive from the feed reaches only exported files and
	// every entry of the topic.
	seen := map[string]bool{}
	data, _ := os.ReadFile(filepath.Join(out, "topics", "israel-gaza.atom"))
	for pages := 0; ; pages++ {
		for _, id := range regexp.MustCompile(`<id>(urn:uuid:[^<]+)</id>`).FindAllStringSubmatch(string(data), -1) {
			seen[id[1]] = true
		}
		href := prevArchive(data)
		if href == "" {
			break
		}
		file := filepath.Join(out, strings.TrimPrefix(href, "http://feeds.example/"))
		var err error
		if data, err = os.ReadFile(file); err != nil {
			t.Fatalf("prev-archive %s was not exported: %v", href, err)
		}
		validateAtom(t, file)
	}
	if n := topicCounts(t, cfg)["israel-gaza"]; len(seen) < n {
		t.Errorf("the archive walk reached %d entries of %d", len(seen), n)
	}
}

func TestNormalizeExplain(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "001_0123456789abcdef.txt")
	empty := filepath.Join(dir, "002_0123456789abcdef.txt")
	write := func(path, data string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(page, " date 2021-05-12 Home | News | World | Sport\n"+
		"Council votes to close the old library\n"+
		"By Jane Doe\n"+
		"Advertisement\n"+
		"The council voted on Monday to close the library at the end of the year.\n"+
		"Related Articles\n"+
		"Storm warning issued for coast\n")
	write(empty, " date 2021-05-12 Home | News | World | Sport\n")
	code, out, stderr := tidings(t, context.Background(), "normalize", "-explain", page, empty)
	if code != 1 || !strings.Contains(stderr, "002_0123456789abcdef.txt") || !strings.Contains(stderr, "no article") {
		t.Errorf("exit %d, stderr %q; want 1 and the empty file rejected by name", code, stderr)
	}
	for _, want := range []string{
		"== " + page,
		"    1  nav ",
		"    2  text         headline            first headline-like line followed by metadata (byline) | Council votes",
		"    3  byline ",
		"    4  junk ",
		"    5  text         body ",
		"    6  end          outside the article ",
		"# Council votes to close the old library",
		"== " + empty,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestNormalizeSeedZone: a seed page's time is printed with the offset of
// the zone the page gives (BST here), and a page without a zone keeps its
// clock time as written.
func TestNormalizeSeedZone(t *testing.T) {
	for file, want := range map[string]string{
		"106_044c543c1a80ba9d.txt": `"published":"2021-06-24T23:06:00+01:00"`,
		"000_167c493f75d27566.txt": `"published":"2021-05-12T18:58:00Z"`,
	} {
		code, out, stderr := tidings(t, context.Background(), "normalize", "-json", filepath.Join("..", "..", "feeds", "seed", "testdata", file))
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("normalize -json %s: exit %d, want %s in\n%s%s", file, code, want, out, stderr)
		}
	}
}
