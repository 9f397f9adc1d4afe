package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// fetched runs setup and a first fetch, failing the test if it fails.
func fetched(t *testing.T, feeds ...string) string {
	t.Helper()
	cfg := setup(t, feeds...)
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	return cfg
}

// seedID returns the id of the seed article, found with `topics test`.
func seedID(t *testing.T, cfg string) string {
	t.Helper()
	res := testJSON(t, cfg, "jerusalem")
	if len(res.Articles) != 1 {
		t.Fatalf("topics test jerusalem: got %+v, want the seed article", res)
	}
	return res.Articles[0].ID
}

// testJSON runs `topics test -json` with args, expecting success.
func testJSON(t *testing.T, cfg string, args ...string) queryTest {
	t.Helper()
	code, out, stderr := tidings(t, context.Background(), append([]string{"-config", cfg, "topics", "test", "-json"}, args...)...)
	if code != 0 {
		t.Fatalf("topics test -json %q: exit %d: %s", args, code, stderr)
	}
	var res queryTest
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("topics test -json %q: %v\n%s", args, err, out)
	}
	return res
}

// editConfig replaces old with new in the config file.
func editConfig(t *testing.T, cfg, old, new string) {
	t.Helper()
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("config lacks %q", old)
	}
	if err := os.WriteFile(cfg, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTopicsReindex(t *testing.T) {
	t.Parallel()
	cfg := fetched(t)
	ctx := context.Background()
	editConfig(t, cfg, "query: volcano", "query: ceasefire OR volcano")
	// Only the named topic is rebuilt, and the others are reported as asked.
	code, out, stderr := tidings(t, ctx, "-config", cfg, "topics", "reindex", "empty", "israel-gaza", "empty")
	if code != 0 {
		t.Fatalf("topics reindex: exit %d\n%s%s", code, out, stderr)
	}
	lines := strings.Split(out, "\n")
	if len(lines) != 5 || strings.Fields(lines[0])[0] != "TOPIC" ||
		strings.Join(strings.Fields(lines[1]), " ") != "empty 0 1" ||
		strings.Join(strings.Fields(lines[2]), " ") != "israel-gaza 1 1" ||
		!strings.HasPrefix(lines[3], "reindexed 2 topics over 1 articles in ") {
		t.Errorf("topics reindex empty israel-gaza:\n%s", out)
	}
	if got := topicCounts(t, cfg)["empty"]; got != 1 {
		t.Errorf("empty after reindex: got %d articles, want 1", got)
	}

	// Without names, every topic; a second run changes nothing.
	code, out, _ = tidings(t, ctx, "-config", cfg, "topics", "reindex")
	for _, want := range []string{"israel-gaza  1       1", "diplomacy    1       1", "empty        1       1", "reindexed 3 topics over 1 articles"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("topics reindex: exit %d, output lacks %q:\n%s", code, want, out)
		}
	}

	code, _, stderr = tidings(t, ctx, "-config", cfg, "topics", "reindex", "nope")
	if code != 2 || !strings.Contains(stderr, `unknown topic "nope" (topics: israel-gaza, diplomacy, empty)`) {
		t.Errorf("reindex of an unknown topic: exit %d, stderr %q; want 2 naming the topics", code, stderr)
	}
}

// TestTopicsReindexInterrupted checks that a signal stops a reindex
// without waiting for it to read every stored article, changes nothing,
// and exits with the status a shell gives a process the signal stopped.
func TestTopicsReindexInterrupted(t *testing.T) {
	t.Parallel()
	cfg := fetched(t)
	editConfig(t, cfg, "query: volcano", "query: ceasefire OR volcano")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(&signalError{syscall.SIGINT})
	code, out, stderr := tidings(t, ctx, "-config", cfg, "topics", "reindex", "empty")
	if code != 130 || out != "" || !strings.Contains(stderr, "stopped after 0 articles, nothing changed: SIGINT received") {
		t.Errorf("topics reindex on SIGINT: exit %d, stdout %q, stderr %q; want 130 and nothing changed", code, out, stderr)
	}
	// The index is as it was: the reindex that runs to the end finds it empty.
	code, out, stderr = tidings(t, context.Background(), "-config", cfg, "topics", "reindex", "empty")
	if lines := strings.Split(out, "\n"); code != 0 || len(lines) < 2 || strings.Join(strings.Fields(lines[1]), " ") != "empty 0 1" {
		t.Errorf("topics reindex after the interrupted one: exit %d\n%s%s", code, out, stderr)
	}
}

func TestTopicsTest(t *testing.T) {
	t.Parallel()
	feed := newFeedServer(t)
	cfg := fetched(t, feed.URL+"/rss.xml") // the seed and three feed items
	ctx := context.Background()

	code, out, stderr := tidings(t, ctx, "-config", cfg, "topics", "test", "-limit", "2", "israel")
	if code != 0 {
		t.Fatalf("topics test: exit %d\n%s%s", code, out, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "DATE ") ||
		!strings.Contains(lines[1], "2021-05-12") || !strings.Contains(lines[1], "The Jerusalem Post") ||
		!strings.Contains(lines[1], "US sends official to Israel") || !strings.Contains(lines[2], "Football results") ||
		lines[3] != "3 of 4 articles match" || lines[4] != "showing the newest 2 (-limit N shows more)" {
		t.Errorf("topics test -limit 2 israel:\n%s", out)
	}

	// The words after the flags are the query; -football is a term.
	res := testJSON(t, cfg, "gaza", "-football")
	if res.Query != "gaza -football" || res.Matches != 1 || res.Scanned != 4 || res.Stored != 4 || res.Capped ||
		len(res.Articles) != 1 || !strings.HasPrefix(res.Articles[0].Title, "US sends official") || len(res.Articles[0].ID) != 32 {
		t.Errorf("topics test -json gaza -football: got %+v", res)
	}
	// A scan cap is reported.
	res = testJSON(t, cfg, "-scan", "2", "israel OR markets")
	if res.Matches != 2 || res.Scanned != 2 || !res.Capped {
		t.Errorf("topics test -scan 2: got %+v, want 2 matches among 2 scanned, capped", res)
	}
	_, out, _ = tidings(t, ctx, "-config", cfg, "topics", "test", "-scan", "2", "israel OR markets")
	if !strings.HasSuffix(out, "2 of the newest 2 of 4 stored articles match (-scan 0 reads them all)\n") {
		t.Errorf("topics test -scan 2 does not say the cap was hit:\n%s", out)
	}

	code, out, _ = tidings(t, ctx, "-config", cfg, "topics", "test", "volcano")
	if code != 0 || out != "0 of 4 articles match\n" {
		t.Errorf("topics test volcano: exit %d, output %q; want 0 and no matches", code, out)
	}
	if res := testJSON(t, cfg, "volcano"); res.Matches != 0 || res.Articles == nil {
		t.Errorf("topics test -json volcano: got %+v, want no matches and an empty list", res)
	}

	tests := []struct {
		args []string
		want string
	}{
		{[]string{"(gaza"}, `tidings topics: query "(gaza": column 1: unbalanced parenthesis` + "\n"},
		{[]string{"gaza", "OR"}, `tidings topics: query "gaza OR": column 6: missing term after OR` + "\n"},
		{[]string{"-limit", "-1", "gaza"}, "tidings topics: -limit and -scan must not be negative\n"},
		{nil, "tidings topics: give a query to test\n"},
	}
	for _, tt := range tests {
		code, out, stderr := tidings(t, ctx, append([]string{"-config", cfg, "topics", "test"}, tt.args...)...)
		if code != 2 || out != "" || stderr != tt.want {
			t.Errorf("topics test %q: exit %d, stdout %q, stderr %q; want 2 and %q", tt.args, code, out, stderr, tt.want)
		}
	}
}

func TestTopicsExplain(t *testing.T) {
	t.Parallel()
	cfg := fetched(t)
	ctx := context.Background()
	id := seedID(t, cfg)

	code, out, stderr := tidings(t, ctx, "-config", cfg, "topics", "explain", "israel-gaza", id)
	if code != 0 {
		t.Fatalf("topics explain: exit %d\n%s%s", code, out, stderr)
	}
	for _, want := range []string{
		"article  " + id + "  2021-05-12 ",
		"title    US sends official to Israel to encourage Gaza de-escalation\n",
		"topic    israel-gaza\nquery    (israel OR gaza OR hamas) -football\n",
		"TERM      SEARCHES    NEGATED  FOUND IN\n",
		"israel    title,text  no       title,text\n",
		"hamas     title,text  no       text\n",
		"football  title,text  yes      -\n",
		"\nthe query matches this article\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("topics explain lacks %q:\n%s", want, out)
		}
	}

	// A query instead of a topic, as JSON.
	code, out, stderr = tidings(t, ctx, "-config", cfg, "topics", "explain", "-json", "-q", "title:hamas", "author:harkov", strings.ToUpper(id))
	if code != 0 {
		t.Fatalf("topics explain -q: exit %d\n%s%s", code, out, stderr)
	}
	var ex explanation
	if err := json.Unmarshal([]byte(out), &ex); err != nil {
		t.Fatalf("topics explain -json: %v\n%s", err, out)
	}
	if ex.Topic != "" || ex.Query != "title:hamas author:harkov" || ex.Match || ex.Article.ID != id || len(ex.Terms) != 2 ||
		len(ex.Terms[0].Matched) != 0 || strings.Join(ex.Terms[0].Elsewhere, ",") != "text" ||
		strings.Join(ex.Terms[1].Matched, ",") != "author" {
		t.Errorf("topics explain -json -q: got %+v", ex)
	}

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"nope", id}, 2, `unknown topic "nope"`},
		{[]string{"israel-gaza"}, 2, "give a topic's name (or -q and a query) and an article's id"},
		{[]string{"israel", "gaza", id}, 2, "give a topic's name (or -q and a query) and an article's id"},
		{[]string{"-q", "(gaza", id}, 2, `query "(gaza": column 1: unbalanced parenthesis`},
		{[]string{"israel-gaza", "0123"}, 1, "article 0123: not found"},
	}
	for _, tt := range tests {
		code, _, stderr := tidings(t, ctx, append([]string{"-config", cfg, "topics", "explain"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("topics explain %q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

func TestTopicsBadArguments(t *testing.T) {
	t.Parallel()
	cfg := setup(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `tidings topics: unknown command "frobnicate" (want reindex, test or explain)` + "\n"},
		// Flags of the list go after the command: this is not a test.
		{[]string{"-json", "test", "gaza"}, `tidings topics: unexpected argument "test"` + "\n"},
	}
	for _, tt := range tests {
		code, _, stderr := tidings(t, context.Background(), append([]string{"-config", cfg, "topics"}, tt.args...)...)
		if code != 2 || stderr != tt.want {
			t.Errorf("topics %q: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

// TestTopicsWhileServing checks that the plain list reads through a running
// server while the commands that need the database say who holds it and
// what to do, and that the advice works.
func TestTopicsWhileServing(t *testing.T) {
	t.Parallel()
	cfg := fetched(t)
	db := filepath.Join(filepath.Dir(cfg), "data", "t.db")
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var serveCode int
	wg.Go(func() {
		serveCode = Main(ctx, []string{"-config", cfg, "serve", "-addr", "127.0.0.1:0"}, io.Discard, io.Discard)
	})
	defer func() {
		cancel()
		wg.Wait()
		if serveCode != 0 {
			t.Errorf("serve: exit %d", serveCode)
		}
	}()
	cf := waitControlFile(t, db)

	if n := topicCounts(t, cfg)["israel-gaza"]; n != 1 {
		t.Errorf("topics -json through the server: israel-gaza has %d, want 1", n)
	}
	held := "tidings topics: the database " + db + " is held by tidings serve (pid " + strconv.Itoa(cf.PID) + " at " + cf.Addr + "); "
	code, _, stderr := tidings(t, context.Background(), "-config", cfg, "topics", "reindex")
	if code != 1 || !strings.HasPrefix(stderr, held+"stop it and run reindex again") {
		t.Errorf("reindex while serving: exit %d, stderr %q; want 1 and %q", code, stderr, held)
	}
	code, _, stderr = tidings(t, context.Background(), "-config", cfg, "topics", "test", "gaza")
	advice := "stop it, or copy the file while no fetch runs (cp " + db + " /tmp/tidings-copy.db) and add -db /tmp/tidings-copy.db\n"
	if code != 1 || stderr != held+advice {
		t.Errorf("test while serving: exit %d, stderr %q; want 1 and %q", code, stderr, held+advice)
	}

	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if res := testJSON(t, cfg, "-db", cp, "gaza"); res.Matches != 1 {
		t.Errorf("topics test -db COPY while serving: got %+v, want the seed", res)
	}
}
