package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"tidings/feeds/parse"
	"tidings/normalize"
	"tidings/storage"
)

// The limits the attack test runs with: fetch.timeout and the defaults of
// fetch.max_body_size (10 MiB) and fetch.max_entries (500). The slow
// attack gets a short timeout; the others one long enough that the body
// cap or the parser's limits, not the clock, always stop them, even under
// the race detector on a busy machine.
const (
	attackTimeout     = 3 * time.Second
	attackLongTimeout = 5 * time.Minute
	attackMaxBody     = 10 << 20
	// attackHeapBound is the most the Go heap may grow during the fetch of
	// one attack. Reading stops at the 10 MiB cap (about 22 MiB with the
	// buffers a growing read leaves for the GC), and a 10,000-entry feed
	// costs gofeed about 50 MiB before the entry cap applies; the bound is
	// generous so that it does not depend on when the GC runs, and far
	// under what an unguarded attack takes (gofeed on 11 MB of nested
	// elements: over 1 GiB).
	attackHeapBound = 128 << 20
)

// attack is one hostile feed: what its server does, and what fetch must
// make of it: an error naming the source and containing wantErr, or, when
// wantErr is empty, success with what check accepts in the store.
type attack struct {
	name    string
	handler http.HandlerFunc
	wantErr string
	check   func(t *testing.T, stored []normalize.Article)
	// slow: only the request timeout stops it.
	slow bool
}

// TestResourceAttacks runs a real `tidings fetch -force` against a feed
// server that attacks at each path: one fetch per attack, each with a good
// feed beside it, into the same database. Every attack is cut off by a
// configured limit with an error naming the source, its URL and the cause,
// or read within the article limits; the good feed is read every time, the
// heap stays bounded during each fetch and the database passes bbolt's
// consistency check.
//
// Not parallel: the heap is measured for the whole process.
func TestResourceAttacks(t *testing.T) {
	if testing.Short() {
		t.Skip("offers a 1 GiB body, a gzip bomb and a slow server; skipped under -short")
	}
	attacks := resourceAttacks(t)
	ts := httptest.NewServer(attackMux(attacks))
	// Close what the slow and endless handlers still hold before the
	// server, which would wait for them.
	t.Cleanup(ts.Close)
	t.Cleanup(ts.CloseClientConnections)
	dir := t.TempDir()
	good := attacks[0]
	var report strings.Builder
	for _, a := range attacks[1:] {
		timeout := attackLongTimeout
		if a.slow {
			timeout = attackTimeout
		}
		cfg := attackConfig(t, dir, ts.URL, []attack{good, a}, timeout)
		peak := watchHeap(t)
		code, out, stderr := tidings(t, t.Context(), "-config", cfg, "fetch", "-force")
		grew := peak()
		msg := summaryError(out, a.name)
		fmt.Fprintf(&report, "  %-27s heap +%3d MiB  %s\n", a.name, grew>>20, cmp.Or(msg, "read"))
		if wantCode := map[bool]int{true: 1, false: 0}[a.wantErr != ""]; code != wantCode {
			t.Errorf("%s: fetch exit %d, want %d\n%s%s", a.name, code, wantCode, out, stderr)
		}
		if grew > attackHeapBound {
			t.Errorf("%s: heap grew by %d MiB during the fetch, want at most %d MiB", a.name, grew>>20, attackHeapBound>>20)
		}
		if m := summaryError(out, good.name); m != "" || !strings.Contains(out, " good\n") {
			t.Errorf("%s: the good feed beside it was not read: %q\n%s", a.name, m, out)
		}
		if a.wantErr == "" {
			if msg != "" {
				t.Errorf("%s: got error %q, want success", a.name, msg)
			}
			if dropped := map[string]int{"10000-entries": 9500, "10000-entries-json": 9500, "million-empty-items": 999_500,
				"million-empty-items-json": 999_500}[a.name]; dropped > 0 &&
				!strings.Contains(out, fmt.Sprintf("(%d entries over fetch.max_entries left out)", dropped)) {
				t.Errorf("%s: the summary does not say that entries were left out:\n%s", a.name, out)
			}
		} else if !strings.Contains(msg, a.wantErr) || !strings.Contains(msg, ts.URL+"/"+a.name) {
			t.Errorf("%s: got error %q, want one naming %s/%s and %q", a.name, msg, ts.URL, a.name, a.wantErr)
		}
	}
	t.Logf("outcome of each attack, and the heap's growth during its fetch (bound %d MiB):\n%s", attackHeapBound>>20, report.String())

	stored := storedBySource(t, dir)
	for _, a := range attacks {
		if a.wantErr == "" {
			a.check(t, stored[a.name])
		} else if n := len(stored[a.name]); n != 0 {
			t.Errorf("%s: %d articles stored from a failed source, want 0", a.name, n)
		}
	}
}

// resourceAttacks are the attacks, and one good feed to be stored.
func resourceAttacks(t *testing.T) []attack {
	t.Helper()
	bomb := gzipBomb(t)
	return []attack{
		// The good feed goes first: it is fetched beside every attack.
		{name: "good", handler: serveString(rssItems("good", 3, func(i int) string { return fmt.Sprintf("Good story %d", i) })),
			check: wantArticles(3, 30)},
		{
			// Entities are never expanded, internal or external: encoding/xml
			// (under gofeed) reads no DTD, so a reference stays as text.
			name:    "billion-laughs",
			handler: serveString(billionLaughs),
			check: func(t *testing.T, stored []normalize.Article) {
				wantArticles(1, 100)(t, stored)
				if len(stored) == 1 && strings.Contains(stored[0].Title, "lollol") {
					t.Errorf("billion-laughs: title %q: an entity was expanded", stored[0].Title)
				}
			},
		},
		{
			name:    "external-entity",
			handler: serveString(externalEntity),
			check: func(t *testing.T, stored []normalize.Article) {
				wantArticles(1, 100)(t, stored)
				if len(stored) == 1 && strings.Contains(stored[0].Title+stored[0].Text, "root:") {
					t.Errorf("external-entity: article %q: /etc/passwd was read", stored[0].Title)
				}
			},
		},
		{name: "deep-xml", handler: serveString(deepRSS(500_000)), wantErr: "nested too deep: over 512 levels"},
		{name: "deep-atom-xhtml", handler: serveString(deepAtom(500_000)), wantErr: "nested too deep: over 512 levels"},
		{name: "deep-json", handler: serveString(deepJSON(1_000_000)), wantErr: "nested too deep: over 512 levels"},
		{name: "million-extension-elements", handler: serveString(`<rss version="2.0" xmlns:x="https://attack.example/ns"><channel>` +
			`<item><title>Wide story</title>` + strings.Repeat("<x:a/>", 1_000_000) + `</item></channel></rss>`),
			wantErr: "too many elements: over 100000 elements and attributes"},
		{name: "million-attributes", handler: serveString(`<rss version="2.0"><channel><item><title a="1" ` +
			strings.Repeat(`b="1" `, 1_000_000) + `>Wide story</title></item></channel></rss>`),
			wantErr: "too many elements: over 100000 elements and attributes"},
		{name: "million-json-tags", handler: serveString(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","tags":[` +
			strings.Repeat(`"t",`, 1_000_000) + `"t"]}]}`), wantErr: "too many elements: over 100000 JSON values"},
		{name: "1gib-body", handler: serveZeros(1 << 30), wantErr: "body too large: over 10485760 bytes"},
		{name: "gzip-bomb", handler: serveGzip(bomb), wantErr: "body too large: over 10485760 bytes"},
		{name: "endless-chunked", handler: serveEndless, wantErr: "body too large: over 10485760 bytes"},
		{name: "one-byte-per-second", handler: serveSlowly, wantErr: "timed out after 3s", slow: true},
		{name: "10000-entries", handler: serveString(rssItems("many", 10_000, func(i int) string { return fmt.Sprintf("Entry %d", i) })),
			check: wantArticles(parse.DefaultMaxEntries, 30)},
		{name: "10000-entries-json", handler: serveString(jsonItems("many-json", 10_000, func(i int) string { return fmt.Sprintf("Entry %d", i) })),
			check: wantArticles(parse.DefaultMaxEntries, 30)},
		{name: "million-empty-items", handler: serveString(`<rss version="2.0"><channel><title>Many</title>` +
			strings.Repeat("<item/>", 1_000_000) + `</channel></rss>`), check: wantAtMost(parse.DefaultMaxEntries)},
		{name: "million-empty-items-json", handler: serveString(`{"version":"https://jsonfeed.org/version/1.1","items":[` +
			strings.Repeat(`{},`, 999_999) + `{}]}`), check: wantAtMost(parse.DefaultMaxEntries)},
		{name: "1mb-titles", handler: serveString(rssItems("titles", 3, hugeTitle)), check: wantCutTitles(3)},
		{name: "1mb-titles-json", handler: serveString(jsonItems("titles-json", 3, hugeTitle)), check: wantCutTitles(3)},
	}
}

func attackMux(attacks []attack) *http.ServeMux {
	mux := http.NewServeMux()
	for _, a := range attacks {
		mux.Handle("/"+a.name, a.handler)
	}
	return mux
}

// attackConfig writes a config in dir, of the database dir/data/t.db,
// with one source per attack, named after it, and returns its path.
func attackConfig(t *testing.T, dir, base string, attacks []attack, timeout time.Duration) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "database: data/t.db\nbase_url: http://feeds.example/\n")
	fmt.Fprintf(&b, "fetch: {timeout: %s, concurrency: 16, per_host: 16, max_body_size: %d}\n", timeout, attackMaxBody)
	b.WriteString("sources:\n")
	for _, a := range attacks {
		fmt.Fprintf(&b, "  - name: %s\n    url: %s/%s\n", a.name, base, a.name)
	}
	b.WriteString("topics:\n  - name: all\n    query: story OR entry OR lol OR title\n")
	path := filepath.Join(dir, fmt.Sprintf("config-%s.yaml", timeout))
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// watchHeap samples the live heap every few milliseconds from now until
// the returned function is called, which returns how far it rose above
// where it started.
func watchHeap(t *testing.T) (peak func() uint64) {
	t.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var highest uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			highest = max(highest, read())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	})
	return func() uint64 {
		close(stop)
		wg.Wait()
		return highest - min(base, highest)
	}
}

// storedBySource opens the database fetch left in dir, checks its
// consistency, and returns the stored articles by source.
func storedBySource(t *testing.T, dir string) map[string][]normalize.Article {
	t.Helper()
	store, err := storage.Open(filepath.Join(dir, "data", "t.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Check(); err != nil {
		t.Errorf("consistency check of the database: %v", err)
	}
	all, err := store.Latest(100_000)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string][]normalize.Article{}
	for _, a := range all {
		by[a.Origin] = append(by[a.Origin], a)
	}
	return by
}

// summaryError returns what fetch's summary says after "error: NAME: ",
// or "" when it names no error for that source.
func summaryError(out, name string) string {
	for line := range strings.Lines(out) {
		if msg, ok := strings.CutPrefix(line, "error: "+name+": "); ok {
			return strings.TrimSpace(msg)
		}
	}
	return ""
}

// wantArticles checks that n articles were stored, none with a title
// longer than maxTitle characters.
func wantArticles(n, maxTitle int) func(*testing.T, []normalize.Article) {
	return func(t *testing.T, stored []normalize.Article) {
		t.Helper()
		if len(stored) != n {
			t.Errorf("got %d articles stored, want %d", len(stored), n)
		}
		for _, a := range stored {
			if utf8.RuneCountInString(a.Title) > maxTitle {
				t.Errorf("title of %d characters stored, want at most %d", utf8.RuneCountInString(a.Title), maxTitle)
				return
			}
		}
	}
}

// wantAtMost checks that between 1 and n articles were stored (empty
// entries are all one article, identified by the hash of nothing).
func wantAtMost(n int) func(*testing.T, []normalize.Article) {
	return func(t *testing.T, stored []normalize.Article) {
		t.Helper()
		if len(stored) < 1 || len(stored) > n {
			t.Errorf("got %d articles stored, want 1 to %d", len(stored), n)
		}
	}
}

// wantCutTitles checks that n articles were stored, each title cut to
// normalize.MaxTitleRunes with an ellipsis.
func wantCutTitles(n int) func(*testing.T, []normalize.Article) {
	return func(t *testing.T, stored []normalize.Article) {
		t.Helper()
		wantArticles(n, normalize.MaxTitleRunes)(t, stored)
		for _, a := range stored {
			if !strings.HasSuffix(a.Title, "…") || utf8.RuneCountInString(a.Title) < normalize.MaxTitleRunes-30 {
				t.Errorf("title of %d characters ending %q, want one cut near %d with an ellipsis",
					utf8.RuneCountInString(a.Title), a.Title[max(0, len(a.Title)-10):], normalize.MaxTitleRunes)
			}
		}
	}
}

// hugeTitle is a title of 1 MB, different for each i.
func hugeTitle(i int) string {
	return fmt.Sprintf("Title %d ", i) + strings.Repeat("long title words ", (1<<20)/17)
}

// rssItems is an RSS feed of n items, linked under /prefix/, with the
// titles title(i).
func rssItems(prefix string, n int, title func(int) string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Attack</title><link>https://attack.example/</link>`)
	for i := range n {
		fmt.Fprintf(&b, "<item><title>%s</title><link>https://attack.example/%s/%d</link><description>Story %d.</description></item>\n",
			title(i), prefix, i, i)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// jsonItems is rssItems as a JSON Feed.
func jsonItems(prefix string, n int, title func(int) string) string {
	var b strings.Builder
	b.WriteString(`{"version":"https://jsonfeed.org/version/1.1","title":"Attack","items":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"%d","url":"https://attack.example/%s/%d","title":%q,"content_text":"Story %d."}`, i, prefix, i, title(i), i)
	}
	b.WriteString("]}")
	return b.String()
}

// billionLaughs declares entities that would expand to 3 GB.
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><link>https://attack.example/</link>
<item><title>Laughs &lol9;</title><link>https://attack.example/lol</link><description>&lol9;</description></item>
</channel></rss>`

// externalEntity asks for a local file to be read into a title.
const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>XXE</title><link>https://attack.example/</link>
<item><title>Title &xxe;</title><link>https://attack.example/xxe</link><description>&xxe;</description></item>
</channel></rss>`

// deepRSS nests extension elements, which gofeed reads recursively.
func deepRSS(levels int) string {
	return `<rss version="2.0" xmlns:x="https://attack.example/ns"><channel><title>Deep</title><item><title>Deep story</title>` +
		strings.Repeat("<x:a>", levels) + strings.Repeat("</x:a>", levels) + `</item></channel></rss>`
}

func deepAtom(levels int) string {
	return `<feed xmlns="http://www.w3.org/2005/Atom"><title>Deep</title><entry><title>Deep story</title><id>urn:x:1</id>` +
		`<content type="xhtml">` + strings.Repeat("<div>", levels) + strings.Repeat("</div>", levels) + `</content></entry></feed>`
}

func deepJSON(levels int) string {
	return `{"version":"https://jsonfeed.org/version/1.1","title":"Deep","items":[{"id":"1","title":"Deep story","_x":` +
		strings.Repeat("[", levels) + strings.Repeat("]", levels) + `}]}`
}

func serveString(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, body)
	}
}

// serveZeros streams n zero bytes with their Content-Length unsaid, so
// that only reading can find the size; they are never held in memory.
func serveZeros(n int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.CopyN(w, zeroReader{}, n)
	}
}

// zeroReader reads zero bytes without end.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// gzipBomb returns 1.3 MB of gzip that decompress to 1 GiB of zeros: one
// member holding 16 MiB, repeated 64 times (a gzip reader reads the members
// of a stream one after another).
func gzipBomb(t *testing.T) []byte {
	t.Helper()
	var member bytes.Buffer
	zw, err := gzip.NewWriterLevel(&member, gzip.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(zw, zeroReader{}, 16<<20); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return bytes.Repeat(member.Bytes(), 64)
}

func serveGzip(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body)
	}
}

// serveEndless streams items in chunks until the client goes away.
func serveEndless(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml")
	io.WriteString(w, `<rss version="2.0"><channel><title>Endless</title>`)
	chunk := strings.Repeat("<item><title>More</title><link>https://attack.example/more</link></item>\n", 100)
	for i := 0; r.Context().Err() == nil; i++ {
		if _, err := io.WriteString(w, chunk); err != nil {
			return
		}
		w.(http.Flusher).Flush()
	}
}

// serveSlowly sends a valid feed one byte a second, which would take an
// hour, until the client goes away.
func serveSlowly(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/rss+xml")
	body := rssItems("slow", 10, func(i int) string { return fmt.Sprintf("Slow story %d", i) })
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := range len(body) {
		if _, err := io.WriteString(w, body[i:i+1]); err != nil {
			return
		}
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
			return
		case <-tick.C:
		}
	}
}
