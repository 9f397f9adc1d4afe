package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// wireArticle reads one side of a pair in normalize/testdata/neardup (title
// line, then body) as source's article.
func wireArticle(t testing.TB, file, source string) normalize.Article {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "normalize", "testdata", "neardup", file))
	if err != nil {
		t.Fatal(err)
	}
	title, text, _ := strings.Cut(string(b), "\n")
	return article(source, file, title, "https://"+source+".example/"+file, text, time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC))
}

// saveIndexed saves a as a new story of its source, which indexes its
// signature.
func saveIndexed(t *testing.T, s *Store, a normalize.Article) {
	t.Helper()
	if _, err := s.Save(a.Source, []normalize.Article{a}, SourceState{Name: a.Source}); err != nil {
		t.Fatal(err)
	}
}

func TestNearDuplicate(t *testing.T) {
	s := openTest(t)
	stories := []normalize.Article{
		wireArticle(t, "same-ecb-rates.a.txt", "reuters"),
		wireArticle(t, "same-ap-writethru.a.txt", "apnews"),
		wireArticle(t, "same-cnn-prefix.a.txt", "kimt"),
		wireArticle(t, "diff-quake-briefs.a.txt", "apnews"),
	}
	for _, a := range stories {
		saveIndexed(t, s, a)
	}
	tests := []struct {
		name string
		a    normalize.Article
		want string // story ID, or "" for none
	}{
		{"trimmed with other quotes", wireArticle(t, "same-ecb-rates.b.txt", "ft"), stories[0].ID},
		{"write-through", wireArticle(t, "same-ap-writethru.b.txt", "latimes"), stories[1].ID},
		{"prefix and headers", wireArticle(t, "same-cnn-prefix.b.txt", "crossroads"), stories[2].ID},
		{"first half", wireArticle(t, "same-ecb-first-half.b.txt", "dw"), stories[0].ID},
		{"next meeting, same background", wireArticle(t, "diff-ecb-next-meeting.b.txt", "reuters"), ""},
		{"templated brief", wireArticle(t, "diff-quake-briefs.b.txt", "kyodo"), ""},
		{"same topic", wireArticle(t, "diff-central-banks.b.txt", "reuters"), ""},
		{"too short", wireArticle(t, "diff-short-items.a.txt", "apnews"), ""},
		{"itself", stories[0], ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.db.View(func(tx *bolt.Tx) error {
				got, found, err := nearSig(tx, &tt.a)
				if err != nil {
					return err
				}
				if found != (tt.want != "") || got != tt.want {
					t.Errorf("nearDuplicate() = %q, %v; want %q, %v", got, found, tt.want, tt.want != "")
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestNearDuplicateSameFeed checks that two entries of one feed are not
// merged however alike, while the same text from another feed is.
func TestNearDuplicateSameFeed(t *testing.T) {
	s := openTest(t)
	first := wireArticle(t, "same-ecb-rates.a.txt", "reuters")
	first.SourceURL = "https://reuters.example/feed"
	saveIndexed(t, s, first)
	tests := []struct {
		name, file, source string
		want               string
	}{
		{"same feed, next entry", "same-ecb-rates.b.txt", "reuters", ""},
		{"other feed", "same-ecb-rates.b.txt", "ft", first.ID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := wireArticle(t, tt.file, tt.source)
			a.SourceURL = "https://" + tt.source + ".example/feed"
			err := s.db.View(func(tx *bolt.Tx) error {
				got, _, err := nearSig(tx, &a)
				if err == nil && got != tt.want {
					t.Errorf("nearDuplicate() = %q, want %q", got, tt.want)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestNearDuplicateVersion follows saveArticle's path for a near duplicate
// from another source: it becomes a version of the story, listed by
// Versions, and is not indexed itself.
func TestNearDuplicateVersion(t *testing.T) {
	s := openTest(t)
	first := wireArticle(t, "same-ap-cut-paragraph.a.txt", "apnews")
	saveIndexed(t, s, first)
	copied := wireArticle(t, "same-ap-cut-paragraph.b.txt", "wtop")
	err := s.db.Update(func(tx *bolt.Tx) error {
		id, found, err := nearSig(tx, &copied)
		if err != nil || !found {
			return fmt.Errorf("nearDuplicate() = %q, %v, %v; want %q, true, nil", id, found, err, first.ID)
		}
		if err := s.insertVersion(tx, normalize.Analyze(&copied), id); err != nil {
			return err
		}
		// Its source's guids entry, as saveArticle writes it.
		if err := tx.Bucket(bucketGUIDs).Put(guidKey(copied.Origin, copied.GUID), append([]byte{'a'}, copied.ID...)); err != nil {
			return err
		}
		return indexSig(tx, &copied) // a version: no entry
	})
	if err != nil {
		t.Fatal(err)
	}
	versions, err := s.Versions(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != 1 || versions[0].ID != copied.ID || versions[0].Story != first.ID {
		t.Errorf("Versions(%s) = %+v, want the copy %s with Story %s", first.ID, versions, copied.ID, first.ID)
	}
	if got := countMinHash(t, s); got != normalize.SignatureBands {
		t.Errorf("minhash entries = %d, want %d (the first version only)", got, normalize.SignatureBands)
	}
}

func TestUnindexSignature(t *testing.T) {
	s := openTest(t)
	a := wireArticle(t, "same-ecb-rates.a.txt", "reuters")
	saveIndexed(t, s, a)
	if err := s.db.Update(func(tx *bolt.Tx) error { return unindexSignature(tx, &a) }); err != nil {
		t.Fatal(err)
	}
	if got := countMinHash(t, s); got != 0 {
		t.Errorf("minhash entries after unindex = %d, want 0", got)
	}
	// An entry left behind by an article removed without unindexing is
	// skipped, never returned.
	stale := a
	stale.ID = "removed"
	if err := s.db.Update(func(tx *bolt.Tx) error { return indexSig(tx, &stale) }); err != nil {
		t.Fatal(err)
	}
	b := wireArticle(t, "same-ecb-rates.b.txt", "ft")
	err := s.db.View(func(tx *bolt.Tx) error {
		if id, found, err := nearSig(tx, &b); err != nil || found {
			t.Errorf("nearDuplicate() after unindex = %q, %v, %v; want not found", id, found, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func countMinHash(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketMinHash).Stats().KeyN
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// indexSig and nearSig call the index with the article's own signature, as
// saveArticle does.
func indexSig(tx *bolt.Tx, a *normalize.Article) error {
	sig, ok := a.Signature()
	return indexSignature(tx, a, sig, ok)
}

func nearSig(tx *bolt.Tx, a *normalize.Article) (string, bool, error) {
	x := normalize.Analyze(a)
	sig, ok := x.Signature()
	return nearDuplicate(tx, x, a.ID, sig, ok)
}

// TestOpenMigratesSimHash opens a schema 2 file, whose near-duplicate
// index was the simhash bucket: the migration drops it and indexes the
// stored stories' signatures, so a copy saved afterwards is recognised.
func TestOpenMigratesSimHash(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := wireArticle(t, "same-ap-writethru.a.txt", "apnews")
	short := wireArticle(t, "diff-short-items.a.txt", "apnews")
	saveIndexed(t, s, first)
	saveIndexed(t, s, short)
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketMinHash); err != nil {
			return err
		}
		b, err := tx.CreateBucket(bucketSimHash)
		if err != nil {
			return err
		}
		if err := b.Put([]byte("\x00\x12\x34fingerprint"+first.ID), nil); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("2"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, Options{}); err != nil {
		t.Fatalf("open a version 2 file: %v", err)
	}
	defer s.Close()
	err = s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketSimHash) != nil {
			t.Error("simhash bucket still there after the migration")
		}
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != fmt.Sprint(SchemaVersion) {
			t.Errorf("schema after open: got %q, want %d", v, SchemaVersion)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := countMinHash(t, s); got != normalize.SignatureBands {
		t.Errorf("minhash entries = %d, want %d (one story has a signature)", got, normalize.SignatureBands)
	}
	copied := wireArticle(t, "same-ap-writethru.b.txt", "latimes")
	c, err := s.Save("latimes", []normalize.Article{copied}, SourceState{Name: "latimes"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Duplicates != 1 {
		t.Errorf("saving a copy after the migration: %+v, want one duplicate", c)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
