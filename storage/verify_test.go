package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// verifyFixture stores two stories of source A, one of them in topic gaza,
// and B's copy of the first as its version.
func verifyFixture(t *testing.T) (*Store, []normalize.Article) {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.SyncTopics(t.Context(), []*normalize.Topic{topic(t, "gaza", "gaza")}); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	stories := []normalize.Article{
		article("A", "a1", "Gaza talks", "https://example.com/gaza", body("ceasefire talks in gaza"), day),
		article("A", "a2", "Markets", "https://example.com/markets", body("markets were calm today"), day.Add(time.Hour)),
	}
	version := article("B", "b1", "Gaza talks (wire)", "https://example.com/gaza", "short", day)
	if _, err := s.Save("A", stories, SourceState{Name: "A", Status: StatusOK}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save("B", []normalize.Article{version}, SourceState{Name: "B", Status: StatusOK}); err != nil {
		t.Fatal(err)
	}
	return s, append(stories, version)
}

func TestVerifyClean(t *testing.T) {
	s, _ := verifyFixture(t)
	got, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	want := Verification{Articles: 3, Stories: 2, Versions: 1, Sources: 2}
	if got != want || !got.Clean() {
		t.Errorf("Verify() = %+v, want %+v", got, want)
	}
}

// TestVerifyFindsDamage breaks one invariant at a time, as a torn or
// partial write would, and expects Verify to name it.
func TestVerifyFindsDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(tx *bolt.Tx, a []normalize.Article) error
		want   string
	}{
		{"story out of the time index", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketByTime).Delete(timeKey(&a[1]))
		}, "not in the time index"},
		{"time index entry without article", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketArticles).Delete([]byte(a[1].ID))
		}, "time index: article " + "%s"},
		{"topic entry with another time", func(tx *bolt.Tx, a []normalize.Article) error {
			b := a[0]
			b.Published = b.Published.Add(time.Minute)
			return tx.Bucket(bucketTopics).Bucket([]byte("gaza")).Put(timeKey(&b), nil)
		}, "topic gaza: key of article"},
		{"version not listed", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketVersions).Delete([]byte(a[0].ID + a[2].ID))
		}, "not listed under its story"},
		{"article without its guids entry", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketGUIDs).Delete(guidKey("A", "a2"))
		}, `guids entry of source "A" guid "a2"`},
		{"guids entry leading to another article", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketGUIDs).Put(guidKey("A", "a9"), append([]byte{'a'}, a[1].ID...))
		}, `entry of source "A" guid "a9" leads to article`},
		{"near-duplicate entry of a version", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketMinHash).Put(minHashKey(0, 7, a[2].ID), nil)
		}, "minhash: article " + "%v is a version of"},
		{"source state that does not decode", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketSources).Put([]byte("A"), []byte(`{"name":`))
		}, `decode source "A"`},
		{"archive slot without its reverse", func(tx *bolt.Tx, a []normalize.Article) error {
			return tx.Bucket(bucketArchives).Bucket([]byte("gaza")).Bucket(bucketSlotKeys).Delete(timeKey(&a[0]))
		}, `archive of topic "gaza": slot`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, articles := verifyFixture(t)
			if err := s.db.Update(func(tx *bolt.Tx) error { return tt.damage(tx, articles) }); err != nil {
				t.Fatal(err)
			}
			_, err := s.Verify()
			want := strings.ReplaceAll(tt.want, "%s", articles[1].ID)
			want = strings.ReplaceAll(want, "%v", articles[2].ID)
			if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), want) {
				t.Errorf("Verify() = %v, want ErrInconsistent naming %q", err, want)
			}
		})
	}
}

// TestVerifyCountsDangling: references that Prune may leave behind are
// counted, not errors.
func TestVerifyCountsDangling(t *testing.T) {
	s, articles := verifyFixture(t)
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketKeys).Put([]byte("url:https://example.com/old"), []byte(normalize.NewID("A", "gone")))
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if got.DanglingKeys != 1 || got.Clean() || got.Articles != len(articles) {
		t.Errorf("Verify() = %+v, want 1 dangling key and %d articles", got, len(articles))
	}
}
