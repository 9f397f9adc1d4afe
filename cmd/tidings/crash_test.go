package main

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
	"tidings/storage"
)

// Crash tests: tidings runs as its own process and is killed with SIGKILL
// at random moments, many of them while it writes the database; after
// each kill the file must open, pass bbolt's check and storage.Verify,
// and hold everything its sources' states claim.
//
// By default each test kills 5 times over 100 feeds; TIDINGS_CRASH_KILLS=50
// runs the full harness, over 300 feeds (see README, Reliability).

// hangGuard bounds any wait on a tidings process: reaching it means a hang,
// never slowness on a busy machine.
const hangGuard = 3 * time.Minute

const (
	crashFeeds = 300 // the feeds the server has; the full harness reads all
	crashItems = 20
)

// crashScale is how many kills each crash test makes and over how many
// feeds: a few over 100 by default, TIDINGS_CRASH_KILLS over 300.
func crashScale(t *testing.T) (kills, feeds int) {
	t.Helper()
	s := os.Getenv("TIDINGS_CRASH_KILLS")
	if s == "" {
		return 5, 100
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("TIDINGS_CRASH_KILLS=%q: want a positive number", s)
	}
	return n, crashFeeds
}

// buildTidings builds the tidings binary into a temporary folder.
func buildTidings(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tidings")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashFeedServer serves crashFeeds RSS feeds of crashItems items, with
// ETags. Every third feed changes with each round (Next): its first two
// items are edited and it gains one more item; the others never change
// and answer 304 to their ETag. Every tenth feed's last item is a copy
// (same link and body) of the previous feed's, so dedupe and versions are
// exercised too. The delay, when set, is how long each answer takes.
type crashFeedServer struct {
	*httptest.Server
	round    atomic.Int64
	delay    atomic.Int64 // nanoseconds
	requests atomic.Int64
}

func newCrashFeedServer(t *testing.T) *crashFeedServer {
	t.Helper()
	s := &crashFeedServer{}
	s.round.Store(1)
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

// Next starts the next round of changes and returns its number.
func (s *crashFeedServer) Next() int { return int(s.round.Add(1)) }

func (s *crashFeedServer) handle(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	if d := time.Duration(s.delay.Load()); d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}
	i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
	if err != nil || i < 0 || i >= crashFeeds {
		http.NotFound(w, r)
		return
	}
	round := int(s.round.Load())
	etag := crashETag(i, round)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(crashFeed(i, round))
}

func changing(feed int) bool { return feed%3 == 0 }

func crashETag(feed, round int) string {
	if changing(feed) {
		return fmt.Sprintf(`"f%d-r%d"`, feed, round)
	}
	return fmt.Sprintf(`"f%d"`, feed)
}

// crashItem is one item of a feed in a round.
type crashItem struct {
	guid, title, link, body string
	published               time.Time
}

// vocabulary makes bodies that share few words, so that no two items are
// near duplicates by accident.
var vocabulary = strings.Fields(`ministry harbour vaccine tariff election glacier
	orchestra refinery drought senate satellite wildfire midfielder parliament
	archive verdict pipeline monsoon startup cathedral embassy lithium ferry
	referendum stadium telescope strike merger census volcano diplomat coral
	budget festival reactor wheat tunnel summit pension bridge airline museum
	rainfall bishop uranium copper lottery protest treaty hospital railway`)

// words returns n words chosen by a hash of seed.
func words(seed string, n int) string {
	h := fnv.New64a()
	h.Write([]byte(seed))
	r := rand.New(rand.NewPCG(h.Sum64(), 7))
	out := make([]string, n)
	for i := range out {
		out[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(out, " ")
}

// crashItemsOf returns the items of a feed in a round.
func crashItemsOf(feed, round int) []crashItem {
	base := time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	var items []crashItem
	for j := range crashItems {
		it := crashItem{
			guid:      fmt.Sprintf("f%d-%d", feed, j),
			title:     fmt.Sprintf("Story %d of feed %d", j, feed),
			link:      fmt.Sprintf("https://f%d.example/%d", feed, j),
			body:      words(fmt.Sprintf("%d/%d", feed, j), 40),
			published: base.Add(time.Duration(feed*crashItems+j) * time.Minute),
		}
		if feed%10 == 1 && j == crashItems-1 { // a copy of the previous feed's
			it.link, it.body = fmt.Sprintf("https://f%d.example/%d", feed-1, j), words(fmt.Sprintf("%d/%d", feed-1, j), 40)
		}
		if changing(feed) && j < 2 {
			it.title += fmt.Sprintf(" (round %d)", round)
			it.body += fmt.Sprintf(" revised in round %d", round)
		}
		items = append(items, it)
	}
	if changing(feed) {
		for k := 2; k <= round; k++ {
			items = append(items, crashItem{
				guid:      fmt.Sprintf("f%d-n%d", feed, k),
				title:     fmt.Sprintf("Late story %d of feed %d", k, feed),
				link:      fmt.Sprintf("https://f%d.example/n%d", feed, k),
				body:      words(fmt.Sprintf("%d/n%d", feed, k), 40),
				published: base.Add(time.Duration(100000+feed*100+k) * time.Minute),
			})
		}
	}
	return items
}

func crashFeed(feed, round int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title><link>https://f%d.example/</link><description>d</description>`, feed, feed)
	for _, it := range crashItemsOf(feed, round) {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			it.title, it.link, it.guid, it.published.Format(time.RFC1123Z), it.body)
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func crashSourceName(feed int) string { return fmt.Sprintf("feed %d", feed) }

// writeCrashConfig writes a config over the server's feeds (all of them,
// or the first n) with the extra fetch settings, and returns its path and
// the database path.
func writeCrashConfig(t *testing.T, dir, url, fetch string, n int) (cfg, db string) {
	t.Helper()
	db = filepath.Join(dir, "data", "t.db")
	var b strings.Builder
	fmt.Fprintf(&b, "database: %s\nbase_url: http://feeds.example/\nfetch:\n  concurrency: 16\n  per_host: 16\n%ssources:\n", db, fetch)
	for i := range n {
		fmt.Fprintf(&b, "  - name: %s\n    url: %s/feed/%d\n", crashSourceName(i), url, i)
	}
	b.WriteString("topics:\n  - name: harbour\n    query: harbour OR ferry\n  - name: all\n    query: story\n")
	cfg = filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg, db
}

// stored is what the database holds: every article's title by ID, and
// which IDs are stories (first versions).
type stored struct {
	titles  map[string]string
	stories map[string]bool
	sources []storage.SourceState
	v       storage.Verification
}

// checkDB opens the database as a restarted tidings would, checks bbolt's
// page structure and tidings' invariants, and returns what it holds. It
// fails the test when anything is wrong.
func checkDB(t *testing.T, db string) stored {
	t.Helper()
	// First read-only, untouched: what the crash left.
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true, Timeout: hangGuard})
	if err != nil {
		t.Fatalf("open %s after the crash: %v", db, err)
	}
	st := stored{titles: map[string]string{}, stories: map[string]bool{}}
	var checkErrs []error
	var ids []string
	err = bdb.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			checkErrs = append(checkErrs, err)
		}
		if len(checkErrs) > 0 {
			return nil
		}
		articles := tx.Bucket([]byte("articles"))
		if articles == nil {
			return nil // killed before the first transaction committed
		}
		return articles.ForEach(func(k, v []byte) error {
			ids = append(ids, string(k))
			return nil
		})
	})
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil || len(checkErrs) > 0 {
		t.Fatalf("bbolt check of %s: %v %v", db, err, checkErrs)
	}
	if len(ids) > 0 {
		// Still untouched: the records, read as tidings reads them.
		ro, err := storage.Open(db, storage.Options{ReadOnly: true, LockTimeout: hangGuard})
		if err != nil {
			t.Fatalf("open %s read-only after the crash: %v", db, err)
		}
		for _, id := range ids {
			a, err := ro.Article(id)
			if err != nil {
				t.Fatalf("article %s after the crash: %v", id, err)
			}
			st.titles[a.ID] = a.Title
			if a.Story == "" {
				st.stories[a.ID] = true
			}
		}
		if err := ro.Close(); err != nil {
			t.Fatal(err)
		}
	}
	// Then as a restarted tidings opens it.
	store, err := storage.Open(db, storage.Options{LockTimeout: hangGuard})
	if err != nil {
		t.Fatalf("reopen %s: %v", db, err)
	}
	defer store.Close()
	if st.v, err = store.Verify(); err != nil {
		t.Fatal(err)
	}
	if !st.v.Clean() {
		t.Fatalf("verify %s: dangling references or miscounted sources in a store that never pruned: %+v", db, st.v)
	}
	if st.sources, err = store.Sources(); err != nil {
		t.Fatal(err)
	}
	return st
}

// checkStates checks that every source's state is sane and that its ETag
// is backed by the articles of the answer it came with: a state committed
// without its articles would make the next run's 304 lose them for good.
func checkStates(t *testing.T, st stored) {
	t.Helper()
	for _, s := range st.sources {
		var feed int
		if _, err := fmt.Sscanf(s.Name, "feed %d", &feed); err != nil {
			t.Errorf("unexpected source %q", s.Name)
			continue
		}
		if s.LastAttempt.IsZero() || s.ConsecutiveErrors != 0 || s.Status != storage.StatusOK {
			t.Errorf("source %q: state %+v, want a successful attempt", s.Name, s)
		}
		if s.ETag == "" {
			continue
		}
		round := 1
		if changing(feed) {
			if _, err := fmt.Sscanf(s.ETag, `"f%d-r%d"`, new(int), &round); err != nil {
				t.Errorf("source %q: ETag %s", s.Name, s.ETag)
			}
		}
		for _, it := range crashItemsOf(feed, round) {
			id := normalize.NewID(s.Name, it.guid)
			if title, ok := st.titles[id]; !ok || title != it.title {
				t.Errorf("source %q has ETag %s but article %s (guid %s) is %q, want %q", s.Name, s.ETag, id, it.guid, title, it.title)
			}
		}
	}
}

// checkKept fails when an article stored before is gone.
func checkKept(t *testing.T, before, after stored) {
	t.Helper()
	for id := range before.titles {
		if _, ok := after.titles[id]; !ok {
			t.Errorf("article %s (%q) was stored, and is lost after the crash", id, before.titles[id])
		}
	}
}

// commitSyscalls are the system calls in which bbolt writes and syncs
// its pages: pwrite64 and fdatasync.
func commitSyscalls() map[int]bool {
	switch runtime.GOARCH {
	case "amd64":
		return map[int]bool{18: true, 75: true}
	case "arm64":
		return map[int]bool{68: true, 83: true}
	}
	return nil
}

// inCommit reports whether a thread of process pid is in a system call
// that writes or syncs the database, per /proc/PID/task/*/syscall.
func inCommit(pid int, calls map[int]bool) bool {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/syscall", pid))
	for _, f := range tasks {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		nr, _, _ := strings.Cut(string(data), " ")
		if n, err := strconv.Atoi(strings.TrimSpace(nr)); err == nil && calls[n] {
			return true
		}
	}
	return false
}

// killer starts tidings processes and kills them: half the time after a
// random delay within the last complete run's duration, half the time as
// soon as a thread is seen writing or syncing the database.
type killer struct {
	t        *testing.T
	bin      string
	rnd      *rand.Rand
	calls    map[int]bool
	estimate time.Duration // duration of the last run that completed

	kills, midCommit, completed int
}

func newKiller(t *testing.T, bin string) *killer {
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill schedule seed %d", seed)
	return &killer{t: t, bin: bin, rnd: rand.New(rand.NewPCG(seed, 1)), calls: commitSyscalls(), estimate: 3 * time.Second}
}

// run starts tidings with args and kills it; it returns whether the kill
// landed (false: the process had finished by then).
func (k *killer) run(args ...string) bool {
	t := k.t
	t.Helper()
	cmd := exec.Command(k.bin, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	targeted := k.calls != nil && k.rnd.IntN(2) == 0
	deadline := time.Now().Add(time.Duration(k.rnd.Int64N(int64(k.estimate)) + 1))
	if targeted {
		deadline = time.Now().Add(hangGuard)
	}
	mid := false
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			if err != nil && !targeted {
				t.Fatalf("tidings %v: %v\n%s", args, err, out.String())
			}
			k.completed++
			k.estimate = time.Since(start) * 5 / 4 // a little past the end: the exit too
			return false
		case <-time.After(time.Millisecond):
		}
		if targeted && inCommit(cmd.Process.Pid, k.calls) {
			mid = true
			break
		}
	}
	if !targeted || mid {
		// The process may have exited since the last look: then it
		// completed, which the wait status below tells.
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
			t.Fatal(err)
		}
	}
	err := <-exited
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		if err == nil {
			k.completed++
			return false
		}
		t.Fatalf("tidings %v: %v\n%s", args, err, out.String())
	}
	k.kills++
	if mid {
		k.midCommit++
	}
	return true
}

// runOK runs tidings to completion and fails the test unless it succeeds.
func runOK(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("tidings %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// sameArticles compares a database with the reference, by IDs, titles and
// the number of stories.
func sameArticles(t *testing.T, got, want stored) {
	t.Helper()
	var missing, extra, changed []string
	for id, title := range want.titles {
		switch g, ok := got.titles[id]; {
		case !ok:
			missing = append(missing, id)
		case g != title:
			changed = append(changed, fmt.Sprintf("%s: %q, want %q", id, g, title))
		}
	}
	for id := range got.titles {
		if _, ok := want.titles[id]; !ok {
			extra = append(extra, id)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	if len(missing)+len(extra)+len(changed) > 0 {
		t.Errorf("articles differ from the run without kills: %d missing %v, %d extra %v, %d changed %v",
			len(missing), first(missing), len(extra), first(extra), len(changed), first(changed))
	}
	if len(got.stories) != len(want.stories) {
		t.Errorf("%d stories, the run without kills has %d: a story stored twice or lost", len(got.stories), len(want.stories))
	}
}

func first(s []string) []string { return s[:min(len(s), 5)] }

// reference runs one fetch without kills over the first n feeds in the
// final round and returns what it stored.
func reference(t *testing.T, bin string, srv *crashFeedServer, n int) stored {
	t.Helper()
	cfg, db := writeCrashConfig(t, t.TempDir(), srv.URL, "", n)
	runOK(t, bin, "-config", cfg, "fetch", "-force")
	return checkDB(t, db)
}

// TestCrashFetch kills `tidings fetch -force` over 300 feeds at random
// moments and checks the database after each kill; a last run completes
// and stores exactly what a run without kills stores.
func TestCrashFetch(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds tidings and kills it repeatedly")
	}
	kills, feeds := crashScale(t)
	bin := buildTidings(t)
	srv := newCrashFeedServer(t)
	cfg, db := writeCrashConfig(t, t.TempDir(), srv.URL, "", feeds)
	k := newKiller(t, bin)
	var last stored
	for k.kills < kills {
		srv.Next()
		if !k.run("-config", cfg, "fetch", "-force") {
			continue
		}
		if fi, err := os.Stat(db); err != nil || fi.Size() == 0 {
			continue // killed before bbolt created the file: the next run starts afresh
		}
		st := checkDB(t, db)
		checkStates(t, st)
		checkKept(t, last, st)
		if t.Failed() {
			t.Fatalf("after kill %d", k.kills)
		}
		last = st
	}
	runOK(t, bin, "-config", cfg, "fetch", "-force")
	final := checkDB(t, db)
	checkStates(t, final)
	checkKept(t, last, final)
	sameArticles(t, final, reference(t, bin, srv, feeds))
	t.Logf("%d kills (%d while a thread was in pwrite64/fdatasync), %d runs completed before their kill; %d articles (%d stories) verified after the last run",
		k.kills, k.midCommit, k.completed, final.v.Articles, final.v.Stories)
}

// serveClient asks a running server for pages and fetches until stop is
// closed, and counts the answers; errors are expected, the server being
// killed under it.
func serveClient(db string, stop <-chan struct{}, answers *atomic.Int64) {
	client := &http.Client{Timeout: 10 * time.Second}
	paths := []string{"/", "/topics/harbour.atom", "/topics/all.json?limit=500", "/sources.json", "/search.rss?q=ferry", "/metrics"}
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		default:
		}
		cf, err := readControlFile(db)
		if err != nil {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		var req *http.Request
		if i%20 == 0 {
			req, _ = http.NewRequest(http.MethodPost, "http://"+cf.Addr+"/-/fetch", strings.NewReader(`{"force":true}`))
			req.Header.Set("Authorization", "Bearer "+cf.Token)
		} else {
			req, _ = http.NewRequest(http.MethodGet, "http://"+cf.Addr+paths[i%len(paths)], nil)
		}
		resp, err := client.Do(req)
		if err != nil {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			answers.Add(1)
		}
	}
}

// TestCrashServe kills `tidings serve`, which fetches every 100 ms and
// answers a client's requests and fetches, at random moments; after each
// kill the database is checked and serve restarts over the stale control
// file.
func TestCrashServe(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds tidings and kills it repeatedly")
	}
	kills, feeds := crashScale(t)
	bin := buildTidings(t)
	srv := newCrashFeedServer(t)
	cfg, db := writeCrashConfig(t, t.TempDir(), srv.URL, "  every: 100ms\n  interval: 1ms\n", feeds)
	stop := make(chan struct{})
	var answers atomic.Int64
	var wg sync.WaitGroup
	wg.Go(func() { serveClient(db, stop, &answers) })
	defer wg.Wait()
	defer close(stop)

	k := newKiller(t, bin)
	k.estimate = 2 * time.Second // serve never completes on its own
	var last stored
	for k.kills < kills {
		srv.Next()
		if !k.run("-config", cfg, "serve", "-addr", "127.0.0.1:0") {
			t.Fatal("serve exited on its own")
		}
		if fi, err := os.Stat(db); err != nil || fi.Size() == 0 {
			continue
		}
		st := checkDB(t, db)
		checkStates(t, st)
		checkKept(t, last, st)
		if t.Failed() {
			t.Fatalf("after kill %d", k.kills)
		}
		last = st
	}
	runOK(t, bin, "-config", cfg, "fetch", "-force")
	final := checkDB(t, db)
	checkStates(t, final)
	sameArticles(t, final, reference(t, bin, srv, feeds))
	if answers.Load() == 0 {
		t.Error("serve answered no request between the kills")
	}
	t.Logf("%d kills of serve (%d while a thread was in pwrite64/fdatasync); %d requests answered 200; %d articles verified after the last run",
		k.kills, k.midCommit, answers.Load(), final.v.Articles)
}

// TestStaleControlFile: a serve killed with SIGKILL leaves its control file
// behind. It blocks nothing (the next fetch opens the free database
// itself) and, while another process holds the lock, fetch says that the
// file is stale instead of blaming a server that is gone.
func TestStaleControlFile(t *testing.T) {
	cfg := setup(t)
	db := filepath.Join(filepath.Dir(cfg), "data", "t.db")
	ctx := t.Context()
	if code, out, stderr := tidings(t, ctx, "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	if err := (controlFile{Addr: "127.0.0.1:1", Token: "x", PID: gone.Process.Pid}).write(db); err != nil {
		t.Fatal(err)
	}
	store, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr := tidings(t, ctx, "-config", cfg, "fetch")
	if want := fmt.Sprintf("names pid %d, which is gone", gone.Process.Pid); code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("fetch while another process holds the lock: exit %d, %q; want 1 and %q", code, stderr, want)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := tidings(t, ctx, "-config", cfg, "fetch"); code != 0 {
		t.Errorf("fetch beside a stale control file: exit %d\n%s%s", code, out, stderr)
	}
}
