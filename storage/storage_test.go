package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// openTest opens a store in a temporary folder and verifies the file's
// consistency and tidings' invariants when the test ends.
func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "t.db"), Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := s.Verify(); err != nil {
			t.Errorf("at the end of the test: %v", err)
		}
		s.Close()
	})
	return s
}

func body(words string) string {
	return strings.Repeat(words+" ", 30)
}

// article builds a finished article as the adapters would.
func article(source, guid, title, link, text string, published time.Time) normalize.Article {
	a := normalize.Article{Source: source, GUID: guid, Title: title, Link: link, Text: text, Published: published}
	a.Finish(source, testNow)
	return a
}

func topic(t *testing.T, name, query string) *normalize.Topic {
	t.Helper()
	tp, err := normalize.NewTopic(name, "", "", query)
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

func TestSaveDedupe(t *testing.T) {
	s := openTest(t)
	day := time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	first := []normalize.Article{
		article("A", "a1", "Gaza talks", "https://example.com/gaza?utm_source=x", body("ceasefire talks in gaza"), day),
		article("A", "a2", "Other story", "https://example.com/other", body("something else entirely"), day.Add(time.Hour)),
	}
	got, err := s.Save("A", first, SourceState{Name: "A"})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{New: 2}); got != want {
		t.Fatalf("first save: got %+v, want %+v", got, want)
	}

	tests := []struct {
		name string
		src  string
		a    normalize.Article
		want Counts
	}{
		{"same guid, same content", "A", first[0], Counts{Unchanged: 1}},
		{"same canonical url elsewhere", "B", article("B", "b1", "Gaza talks (wire)", "https://EXAMPLE.com:443/gaza#top", "short", day), Counts{Duplicates: 1}},
		{"same body elsewhere", "C", article("C", "c1", "Retitled", "https://other.org/x", body("Ceasefire talks in “Gaza”"), day), Counts{Duplicates: 1}},
		{"same guid, new content", "A", article("A", "a1", "Gaza talks resume", "https://example.com/gaza", body("ceasefire talks in gaza"), day), Counts{Updated: 1}},
		{"known duplicate again", "B", article("B", "b1", "Gaza talks (wire)", "https://EXAMPLE.com:443/gaza#top", "short", day), Counts{Unchanged: 1}},
		{"new story", "B", article("B", "b2", "Fresh", "https://b.example/fresh", body("fresh news"), day), Counts{New: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Save(tt.src, []normalize.Article{tt.a}, SourceState{Name: tt.src})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	// Nothing is thrown away: the two duplicates are kept as versions of
	// the first story.
	if n := s.CountArticles(); n != 5 {
		t.Errorf("stored %d articles, want 3 stories and 2 versions", n)
	}
	versions, err := s.Versions(first[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != 2 || versions[0].Story != first[0].ID || versions[1].Story != first[0].ID {
		t.Errorf("versions of the story: got %d (%+v), want 2 pointing at it", len(versions), versions)
	}
	a, err := s.Article(first[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Gaza talks resume" || !a.Published.Equal(day) {
		t.Errorf("updated article: got title %q published %v, want the new title and the first date", a.Title, a.Published)
	}
	st, err := s.Source("A")
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 {
		t.Errorf("source A articles: got %d, want 2", st.Articles)
	}
}

func TestTopicsIndex(t *testing.T) {
	s := openTest(t)
	if _, err := s.SyncTopics(t.Context(), []*normalize.Topic{topic(t, "gaza", "gaza")}); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)
	var batch []normalize.Article
	for i := range 10 {
		word := "gaza"
		if i%2 == 1 {
			word = "football"
		}
		batch = append(batch, article("A", fmt.Sprint(i), fmt.Sprintf("%s %d", word, i),
			fmt.Sprintf("https://e.com/%d", i), body(fmt.Sprintf("%s story number %d", word, i)), base.Add(time.Duration(i)*time.Hour)))
	}
	if _, err := s.Save("A", batch, SourceState{Name: "A"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.TopicArticles("gaza", 3)
	if err != nil {
		t.Fatal(err)
	}
	if titles := titlesOf(got); titles != "gaza 8|gaza 6|gaza 4" {
		t.Errorf("latest 3 of gaza: got %s, want newest first", titles)
	}

	// A changed query and a new topic apply to everything stored.
	rebuilt, err := s.SyncTopics(t.Context(), []*normalize.Topic{topic(t, "gaza", "gaza OR football"), topic(t, "ball", "football")})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rebuilt, ",") != "gaza,ball" {
		t.Errorf("rebuilt: got %v, want [gaza ball]", rebuilt)
	}
	if n := s.TopicCount("gaza"); n != 10 {
		t.Errorf("gaza after query change: got %d, want 10", n)
	}
	if n := s.TopicCount("ball"); n != 5 {
		t.Errorf("new topic ball: got %d, want 5", n)
	}
	// Unchanged topics are not rebuilt; removed ones are dropped.
	rebuilt, err = s.SyncTopics(t.Context(), []*normalize.Topic{topic(t, "ball", "football")})
	if err != nil || len(rebuilt) != 0 {
		t.Errorf("sync unchanged: got %v, %v, want nothing rebuilt", rebuilt, err)
	}
	if _, err := s.TopicArticles("gaza", 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed topic: got %v, want ErrNotFound", err)
	}
}

// saveTurns saves six articles of source A, an hour apart from 1 May
// 2021, each about one of words in turn: "gaza 0", "football 1", ….
func saveTurns(t *testing.T, s *Store, words ...string) {
	t.Helper()
	base := time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)
	var batch []normalize.Article
	for i := range 6 {
		word := words[i%len(words)]
		batch = append(batch, article("A", fmt.Sprint(i), fmt.Sprintf("%s %d", word, i),
			fmt.Sprintf("https://e.com/%d", i), body(fmt.Sprintf("%s story number %d", word, i)), base.Add(time.Duration(i)*time.Hour)))
	}
	if _, err := s.Save("A", batch, SourceState{Name: "A"}); err != nil {
		t.Fatal(err)
	}
}

// stopAfter is a context that is done after n calls to Err, as when a
// signal arrives while a loop runs.
type stopAfter struct {
	context.Context
	n int
}

func (c *stopAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestReindexStops checks that a rebuild over the stored articles stops
// when its context is done, instead of reading the whole store first, and
// changes nothing: the indexes and the queries they were built with stay.
func TestReindexStops(t *testing.T) {
	s := openTest(t)
	gaza := topic(t, "gaza", "gaza")
	if _, err := s.SyncTopics(t.Context(), []*normalize.Topic{gaza}); err != nil {
		t.Fatal(err)
	}
	saveTurns(t, s, "gaza", "football")
	changed := []*normalize.Topic{topic(t, "gaza", "gaza OR football"), topic(t, "ball", "football")}

	_, err := s.ReindexTopics(&stopAfter{t.Context(), 2}, changed)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "stopped after 2 articles, nothing changed") {
		t.Errorf("ReindexTopics stopped: got %v, want context.Canceled after 2 articles", err)
	}
	rebuilt, err := s.SyncTopics(&stopAfter{t.Context(), 3}, changed)
	if !errors.Is(err, context.Canceled) || len(rebuilt) != 0 {
		t.Errorf("SyncTopics stopped: got %v, %v, want context.Canceled and nothing rebuilt", rebuilt, err)
	}
	if n := s.TopicCount("gaza"); n != 3 {
		t.Errorf("gaza after the stopped rebuilds: got %d articles, want the 3 it had", n)
	}
	// The old query is still the one recorded, and ball was never made.
	rebuilt, err = s.SyncTopics(t.Context(), []*normalize.Topic{gaza})
	if err != nil || len(rebuilt) != 0 {
		t.Errorf("sync to the old query: got %v, %v, want nothing rebuilt", rebuilt, err)
	}
	if _, err := s.TopicArticles("ball", 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("ball after the stopped sync: got %v, want ErrNotFound", err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("consistency check: %v", err)
	}
}

func TestReindexTopics(t *testing.T) {
	s := openTest(t)
	gaza := topic(t, "gaza", "gaza")
	if _, err := s.SyncTopics(t.Context(), []*normalize.Topic{gaza}); err != nil {
		t.Fatal(err)
	}
	saveTurns(t, s, "gaza", "football", "markets")
	tests := []struct {
		name   string
		topics []*normalize.Topic
		want   string // Articles, then Name:Before>After for each topic
	}{
		{"unchanged query", []*normalize.Topic{gaza}, "6 gaza:2>2"},
		{"changed query and a topic without an index", []*normalize.Topic{
			topic(t, "gaza", "gaza OR football"), topic(t, "ball", "football")}, "6 gaza:2>4 ball:0>2"},
		{"none", nil, "6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.ReindexTopics(t.Context(), tt.topics)
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprint(r.Articles)
			for _, tr := range r.Topics {
				got += fmt.Sprintf(" %s:%d>%d", tr.Name, tr.Before, tr.After)
			}
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			for _, tr := range r.Topics {
				if n := s.TopicCount(tr.Name); n != tr.After {
					t.Errorf("TopicCount(%s) = %d, want %d as reported", tr.Name, n, tr.After)
				}
			}
		})
	}
	// The new queries are recorded: syncing to them rebuilds nothing.
	rebuilt, err := s.SyncTopics(t.Context(), []*normalize.Topic{topic(t, "gaza", "gaza OR football"), topic(t, "ball", "football")})
	if err != nil || len(rebuilt) != 0 {
		t.Errorf("sync after reindex: got %v, %v, want nothing rebuilt", rebuilt, err)
	}
	got, err := s.TopicArticles("gaza", 10)
	if err != nil {
		t.Fatal(err)
	}
	if titles := titlesOf(got); titles != "football 4|gaza 3|football 1|gaza 0" {
		t.Errorf("gaza after reindex: got %s, want newest first", titles)
	}
}

func titlesOf(as []normalize.Article) string {
	var t []string
	for _, a := range as {
		t = append(t, a.Title)
	}
	return strings.Join(t, "|")
}

func TestOpenLockedAndSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{LockTimeout: 50 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("second open: got %v, want ErrLocked", err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("99"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path, Options{}); !errors.Is(err, ErrSchema) {
		t.Errorf("newer schema: got %v, want ErrSchema", err)
	}
}

func TestTimeKeyOrder(t *testing.T) {
	times := []time.Time{
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 1, 0, time.UTC),
		time.Date(2021, 5, 12, 18, 58, 0, 0, time.UTC),
	}
	for i := 1; i < len(times); i++ {
		a, b := encodeTime(times[i-1]), encodeTime(times[i])
		if string(a) >= string(b) {
			t.Errorf("encodeTime(%v) does not sort before encodeTime(%v)", times[i-1], times[i])
		}
		if got := decodeTime(b); !got.Equal(times[i]) {
			t.Errorf("decodeTime: got %v, want %v", got, times[i])
		}
	}
}

func TestScan(t *testing.T) {
	s := openTest(t)
	if _, err := s.SyncTopics(t.Context(), []*normalize.Topic{topic(t, "odd", "odd")}); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)
	var batch []normalize.Article
	for i := range 6 {
		word := []string{"even", "odd"}[i%2]
		batch = append(batch, article("A", fmt.Sprint(i), fmt.Sprintf("%s %d", word, i),
			fmt.Sprintf("https://e.com/%d", i), body(fmt.Sprintf("%s number %d", word, i)), base.Add(time.Duration(i)*time.Hour)))
	}
	if _, err := s.Save("A", batch, SourceState{Name: "A"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		topic   string
		max     int
		stop    int // fn returns false after this many; 0: never
		want    string
		visited int
	}{
		{"", 0, 0, "odd 5|even 4|odd 3|even 2|odd 1|even 0", 6},
		{"", 2, 0, "odd 5|even 4", 2},
		{"", 0, 3, "odd 5|even 4|odd 3", 3},
		{"odd", 0, 0, "odd 5|odd 3|odd 1", 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q max %d stop %d", tt.topic, tt.max, tt.stop), func(t *testing.T) {
			var got []normalize.Article
			n, err := s.Scan(tt.topic, tt.max, func(a *normalize.Article) bool {
				got = append(got, *a)
				return tt.stop == 0 || len(got) < tt.stop
			})
			if err != nil {
				t.Fatal(err)
			}
			if titles := titlesOf(got); titles != tt.want || n != tt.visited {
				t.Errorf("got %s after %d visits, want %s after %d", titles, n, tt.want, tt.visited)
			}
		})
	}
	if _, err := s.Scan("nope", 0, func(*normalize.Article) bool { return true }); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown topic: got %v, want ErrNotFound", err)
	}
}

func TestDuplicatesInTopics(t *testing.T) {
	s := openTest(t)
	once, _ := normalize.NewTopic("once", "", "", "gaza")
	all, _ := normalize.NewTopic("all", "", "", "gaza")
	all.IncludeDuplicates = true
	if _, err := s.SyncTopics(t.Context(), []*normalize.Topic{once, all}); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	wire := body("ceasefire talks in gaza resume")
	for _, src := range []string{"A", "B", "C"} {
		a := article(src, src+"1", "Gaza talks by "+src, "https://"+src+".example/gaza", wire, day)
		if _, err := s.Save(src, []normalize.Article{a}, SourceState{Name: src}); err != nil {
			t.Fatal(err)
		}
	}
	if n := s.TopicCount("once"); n != 1 {
		t.Errorf("topic excluding duplicates: got %d entries, want the story once", n)
	}
	if n := s.TopicCount("all"); n != 3 {
		t.Errorf("topic including duplicates: got %d entries, want all 3 versions", n)
	}
	// A reindex keeps the same rule.
	if _, err := s.ReindexTopics(t.Context(), []*normalize.Topic{once, all}); err != nil {
		t.Fatal(err)
	}
	if s.TopicCount("once") != 1 || s.TopicCount("all") != 3 {
		t.Errorf("after reindex: once %d, all %d; want 1 and 3", s.TopicCount("once"), s.TopicCount("all"))
	}
}

func TestOpenMigratesOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("1")) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, Options{}); err != nil {
		t.Fatalf("open a version 1 file: %v", err)
	}
	defer s.Close()
	var v string
	s.db.View(func(tx *bolt.Tx) error { v = string(tx.Bucket(bucketMeta).Get(keySchema)); return nil })
	if v != fmt.Sprint(SchemaVersion) {
		t.Errorf("schema after open: got %q, want %d", v, SchemaVersion)
	}
}

// TestOpenReadOnly: a read-only store reads, refuses every write with
// ErrReadOnly, shares the file with other readers and keeps writers out.
func TestOpenReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	gaza := topic(t, "gaza", "gaza")
	s, err := Open(path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SyncTopics(t.Context(), []*normalize.Topic{gaza}); err != nil {
		t.Fatal(err)
	}
	a := article("A", "a1", "Gaza talks", "https://example.com/gaza", body("ceasefire talks in gaza"), testNow)
	if _, err := s.Save("A", []normalize.Article{a}, SourceState{Name: "A", Status: StatusOK}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	other, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	other.Close()
	if _, err := Open(path, Options{LockTimeout: 50 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("writer while a reader holds the file: got %v, want ErrLocked", err)
	}
	if _, err := ro.SyncTopics(t.Context(), []*normalize.Topic{gaza}); err != nil {
		t.Errorf("SyncTopics with the indexed topics: %v", err)
	}
	if got, err := ro.TopicArticles("gaza", 10); err != nil || len(got) != 1 {
		t.Errorf("TopicArticles: got %d articles, %v; want 1", len(got), err)
	}
	if _, err := ro.SyncTopics(t.Context(), []*normalize.Topic{gaza, topic(t, "new", "talks")}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SyncTopics with a new topic: got %v, want ErrReadOnly", err)
	}
	if _, err := ro.Save("A", []normalize.Article{a}, SourceState{Name: "A"}); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Errorf("Save: got %v, want ErrReadOnly naming %s", err, path)
	}
	if _, err := ro.Prune(PruneOptions{MaxAge: time.Hour}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Prune: got %v, want ErrReadOnly", err)
	}
	if _, err := ro.Verify(); err != nil {
		t.Error(err)
	}
}
