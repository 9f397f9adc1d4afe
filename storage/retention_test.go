package storage

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

const day = 24 * time.Hour

// save saves articles as one batch of source and returns the counts.
func save(t *testing.T, s *Store, source string, articles ...normalize.Article) Counts {
	t.Helper()
	c, err := s.Save(source, articles, SourceState{Name: source})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func prune(t *testing.T, s *Store, opts PruneOptions) PruneResult {
	t.Helper()
	r, err := s.Prune(opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func sourceArticles(t *testing.T, s *Store, name string) int {
	t.Helper()
	st, err := s.Source(name)
	if err != nil {
		t.Fatal(err)
	}
	return st.Articles
}

func TestPruneAge(t *testing.T) {
	s := openTest(t)
	withVersions := topic(t, "all-gaza", "gaza")
	withVersions.IncludeDuplicates = true
	syncTopics(t, s, topic(t, "gaza", "gaza"), withVersions)
	old1 := article("A", "a1", "Gaza talks", "https://a.example/talks", body("ceasefire talks in gaza"), testNow.Add(-60*day))
	old2 := article("A", "a2", "Gaza aid", "https://a.example/aid", body("aid convoys reach gaza"), testNow.Add(-40*day))
	fresh := article("A", "a3", "Gaza today", "https://a.example/today", body("gaza news of the day"), testNow.Add(-day))
	save(t, s, "A", old1, old2, fresh)
	version := article("B", "b1", "Gaza talks (wire)", "https://a.example/talks", "short", testNow.Add(-59*day))
	if got := save(t, s, "B", version); got != (Counts{Duplicates: 1}) {
		t.Fatalf("saving a version: got %+v, want 1 duplicate", got)
	}
	if got := pagesOf(t, s, "gaza", 2); got != "Gaza talks|Gaza aid | / Gaza today" {
		t.Fatalf("archive before: got %q", got)
	}

	got := prune(t, s, PruneOptions{MaxAge: 30 * day})
	if want := (PruneResult{Aged: 2, Versions: 1}); got != want {
		t.Errorf("Prune: got %+v, want %+v", got, want)
	}
	if n := s.CountArticles(); n != 1 {
		t.Errorf("articles left: got %d, want 1", n)
	}
	for name, want := range map[string]int{"gaza": 1, "all-gaza": 1} {
		if n := s.TopicCount(name); n != want {
			t.Errorf("topic %s: got %d articles, want %d", name, n, want)
		}
	}
	if n := sourceArticles(t, s, "A"); n != 1 {
		t.Errorf("source A's article count: got %d, want 1", n)
	}
	if vs, err := s.Versions(old1.ID); err != nil || len(vs) != 0 {
		t.Errorf("versions of the pruned story: got %d, %v; want none", len(vs), err)
	}
	// Pages keep their places, without the pruned entries.
	if got := pagesOf(t, s, "gaza", 2); got != " | / Gaza today" {
		t.Errorf("archive after: got %q, want %q", got, " | / Gaza today")
	}

	tests := []struct {
		name   string
		source string
		a      normalize.Article
		want   Counts
	}{
		{"same source again", "A", old1, Counts{Tombstoned: 1}},
		{"fresh one again", "A", fresh, Counts{Unchanged: 1}},
		{"version's source again", "B", version, Counts{Tombstoned: 1}},
		{"another source, same canonical URL", "C",
			article("C", "c1", "Talks", "https://A.example/talks?utm_source=x", "short", testNow.Add(-50*day)), Counts{Tombstoned: 1}},
		{"another source, same body", "D",
			article("D", "d1", "Aid", "https://d.example/aid", body("Aid convoys reach Gaza"), testNow), Counts{Tombstoned: 1}},
		{"another source, new story", "D",
			article("D", "d2", "Other", "https://d.example/other", body("gaza news of tomorrow"), testNow), Counts{New: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := save(t, s, tt.source, tt.a); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	if n := s.CountArticles(); n != 2 {
		t.Errorf("articles after saving again: got %d, want 2", n)
	}
}

func TestPruneCap(t *testing.T) {
	s := openTest(t)
	syncTopics(t, s, topic(t, "all", "story"))
	var a []normalize.Article
	for i := range 5 {
		a = append(a, article("A", fmt.Sprint("a", i), fmt.Sprint("A", i), fmt.Sprint("https://a.example/", i),
			body(fmt.Sprint("story number a", i)), testNow.Add(time.Duration(i-10)*time.Hour)))
	}
	save(t, s, "A", a...)
	save(t, s, "B", article("B", "b0", "B0", "https://b.example/0", body("story b zero"), testNow.Add(-20*time.Hour)),
		article("B", "b1", "B1", "https://b.example/1", body("story b one"), testNow.Add(-19*time.Hour)))

	if got := prune(t, s, PruneOptions{MaxPerSource: 3, Chunk: 1}); got != (PruneResult{OverCap: 2}) {
		t.Errorf("Prune: got %+v, want 2 over the cap", got)
	}
	latest, err := s.Latest(10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := titlesOf(latest), "A4|A3|A2|B1|B0"; got != want {
		t.Errorf("left: got %s, want %s", got, want)
	}
	if got := s.TopicCount("all"); got != 5 {
		t.Errorf("topic: got %d articles, want 5", got)
	}
	for name, want := range map[string]int{"A": 3, "B": 2} {
		if got := sourceArticles(t, s, name); got != want {
			t.Errorf("source %s's count: got %d, want %d", name, got, want)
		}
	}
	if got := save(t, s, "A", a...); got != (Counts{Unchanged: 3, Tombstoned: 2}) {
		t.Errorf("saving again: got %+v, want 3 unchanged, 2 tombstoned", got)
	}
	if got := prune(t, s, PruneOptions{MaxPerSource: 3}); got != (PruneResult{}) {
		t.Errorf("second Prune: got %+v, want nothing", got)
	}
}

// TestPruneCapCountsCorrected: a stored count that is too high triggers a
// pass that counts the stories and corrects it, removing nothing.
func TestPruneCapCountsCorrected(t *testing.T) {
	s := openTest(t)
	save(t, s, "A", article("A", "a1", "A1", "https://a.example/1", "one", testNow))
	st, _ := s.Source("A")
	st.Articles = 50 // PutSource keeps the stored count: write it directly
	if err := s.db.Update(func(tx *bolt.Tx) error { return putSource(tx, st) }); err != nil {
		t.Fatal(err)
	}
	if got := prune(t, s, PruneOptions{MaxPerSource: 10}); got != (PruneResult{}) {
		t.Errorf("Prune: got %+v, want nothing removed", got)
	}
	if got := sourceArticles(t, s, "A"); got != 1 {
		t.Errorf("count after the pass: got %d, want 1", got)
	}
}

// TestPruneChunks removes more stories than one transaction takes.
func TestPruneChunks(t *testing.T) {
	s := openTest(t)
	syncTopics(t, s, topic(t, "all", "story"))
	var a []normalize.Article
	for i := range 25 {
		a = append(a, article("A", fmt.Sprint(i), fmt.Sprint(i), fmt.Sprint("https://a.example/", i),
			body(fmt.Sprint("story number ", i)), testNow.Add(-time.Duration(100+i)*day)))
	}
	a = append(a, article("A", "fresh", "fresh", "https://a.example/fresh", body("fresh story"), testNow))
	save(t, s, "A", a...)
	if got := prune(t, s, PruneOptions{MaxAge: 30 * day, Chunk: 4}); got != (PruneResult{Aged: 25}) {
		t.Errorf("Prune: got %+v, want 25 aged", got)
	}
	if n, topicN := s.CountArticles(), s.TopicCount("all"); n != 1 || topicN != 1 {
		t.Errorf("left: got %d articles, %d in the topic; want 1, 1", n, topicN)
	}
}

// TestPruneStaleKey: a dedupe key left over from an edit leads to a
// pruned story; a copy arriving under it is not stored and no error.
func TestPruneStaleKey(t *testing.T) {
	s := openTest(t)
	published := testNow.Add(-60 * day)
	save(t, s, "A", article("A", "a1", "Talks", "https://a.example/old-link", "short", published))
	if got := save(t, s, "A", article("A", "a1", "Talks", "https://a.example/new-link", "short", published)); got != (Counts{Updated: 1}) {
		t.Fatalf("edit: got %+v", got)
	}
	prune(t, s, PruneOptions{MaxAge: 30 * day})
	late := article("B", "b1", "Talks", "https://a.example/old-link", "short", testNow)
	if got := save(t, s, "B", late); got != (Counts{Tombstoned: 1}) {
		t.Errorf("copy under the stale key: got %+v, want 1 tombstoned", got)
	}
}

func TestTombstoneExpiry(t *testing.T) {
	now := testNow
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Errorf("consistency check: %v", err)
		}
		s.Close()
	})
	old := article("A", "a1", "Talks", "https://a.example/talks", body("ceasefire talks in gaza"), testNow.Add(-60*day))
	save(t, s, "A", old)
	opts := PruneOptions{MaxAge: 30 * day, TombstoneTTL: 30 * day}
	if got := prune(t, s, opts); got.Aged != 1 {
		t.Fatalf("Prune: got %+v, want 1 aged", got)
	}

	// The feed still carries the item 20 days later: its tombstone is
	// refreshed, while those of its keys (url, body) are not.
	now = now.Add(20 * day)
	if got := save(t, s, "A", old); got != (Counts{Tombstoned: 1}) {
		t.Fatalf("day 20: got %+v, want 1 tombstoned", got)
	}
	now = now.Add(20 * day)
	if got := prune(t, s, opts); got != (PruneResult{ExpiredTombstones: 2}) {
		t.Errorf("day 40: got %+v, want the 2 key tombstones expired", got)
	}
	if got := save(t, s, "A", old); got != (Counts{Tombstoned: 1}) {
		t.Fatalf("day 40: got %+v, want 1 tombstoned", got)
	}

	// Not seen for longer than the TTL: gone, and the item is new again.
	now = now.Add(31 * day)
	if got := prune(t, s, opts); got != (PruneResult{ExpiredTombstones: 1}) {
		t.Errorf("day 71: got %+v, want the guid tombstone expired", got)
	}
	if got := save(t, s, "A", old); got != (Counts{New: 1}) {
		t.Errorf("day 71: got %+v, want 1 new", got)
	}
}
