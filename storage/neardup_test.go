package storage

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
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

// saveIndexed saves a as a new story of its source and indexes its
// fingerprint, as saveArticle does once the index is wired in.
func saveIndexed(t *testing.T, s *Store, a normalize.Article) {
	t.Helper()
	if _, err := s.Save(a.Source, []normalize.Article{a}, SourceState{Name: a.Source}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return indexFP(s, tx, &a) }); err != nil {
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
		{"write-through, distance above sure", wireArticle(t, "same-ap-writethru.b.txt", "latimes"), stories[1].ID},
		{"prefix and headers", wireArticle(t, "same-cnn-prefix.b.txt", "crossroads"), stories[2].ID},
		{"templated brief", wireArticle(t, "diff-quake-briefs.b.txt", "kyodo"), ""},
		{"same topic", wireArticle(t, "diff-central-banks.b.txt", "reuters"), ""},
		{"too short", wireArticle(t, "diff-short-items.a.txt", "apnews"), ""},
		{"itself", stories[0], ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.db.View(func(tx *bolt.Tx) error {
				got, found, err := nearFP(s, tx, &tt.a)
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

// TestNearDuplicateVersion follows saveArticle's path for a near duplicate
// from another source: it becomes a version of the story, listed by
// Versions, and is not indexed itself.
func TestNearDuplicateVersion(t *testing.T) {
	s := openTest(t)
	first := wireArticle(t, "same-ap-cut-paragraph.a.txt", "apnews")
	saveIndexed(t, s, first)
	copied := wireArticle(t, "same-ap-cut-paragraph.b.txt", "wtop")
	err := s.db.Update(func(tx *bolt.Tx) error {
		id, found, err := nearFP(s, tx, &copied)
		if err != nil || !found {
			return fmt.Errorf("nearDuplicate() = %q, %v, %v; want %q, true, nil", id, found, err, first.ID)
		}
		if err := s.insertVersion(tx, &copied, id); err != nil {
			return err
		}
		// Its source's guids entry, as saveArticle writes it.
		if err := tx.Bucket(bucketGUIDs).Put(guidKey(copied.Origin, copied.GUID), append([]byte{'a'}, copied.ID...)); err != nil {
			return err
		}
		return indexFP(s, tx, &copied) // a version: no entry
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
	if got := countSimHash(t, s); got != simHashBands {
		t.Errorf("simhash entries = %d, want %d (the first version only)", got, simHashBands)
	}
}

func TestUnindexFingerprint(t *testing.T) {
	s := openTest(t)
	a := wireArticle(t, "same-ecb-rates.a.txt", "reuters")
	saveIndexed(t, s, a)
	if err := s.db.Update(func(tx *bolt.Tx) error { return s.unindexFingerprint(tx, &a) }); err != nil {
		t.Fatal(err)
	}
	if got := countSimHash(t, s); got != 0 {
		t.Errorf("simhash entries after unindex = %d, want 0", got)
	}
	// An entry left behind by an article removed without unindexing is
	// skipped, never returned.
	stale := a
	stale.ID = "removed"
	if err := s.db.Update(func(tx *bolt.Tx) error { return indexFP(s, tx, &stale) }); err != nil {
		t.Fatal(err)
	}
	b := wireArticle(t, "same-ecb-rates.b.txt", "ft")
	err := s.db.View(func(tx *bolt.Tx) error {
		if id, found, err := nearFP(s, tx, &b); err != nil || found {
			t.Errorf("nearDuplicate() after unindex = %q, %v, %v; want not found", id, found, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNearCandidatesRadius checks the index against its guarantee: every
// fingerprint within normalize.MaxNearDistance is found, however its
// differing bits fall across the bands.
func TestNearCandidatesRadius(t *testing.T) {
	if got := (simHashRadius+1)*simHashBands - 1; got < normalize.MaxNearDistance {
		t.Fatalf("index finds distances up to %d, want at least MaxNearDistance %d", got, normalize.MaxNearDistance)
	}
	if got, want := len(bandMasks()), 1+16+16*15/2; got != want {
		t.Errorf("len(bandMasks()) = %d, want %d", got, want)
	}
	s := openTest(t)
	rng := rand.New(rand.NewPCG(1, 2))
	const f = 0x0123456789abcdef
	want := map[string]int{}
	err := s.db.Update(func(tx *bolt.Tx) error {
		for n := range 2000 {
			g := uint64(f)
			for range rng.IntN(normalize.MaxNearDistance + 4) {
				g ^= 1 << rng.IntN(64)
			}
			id := fmt.Sprintf("id%04d", n)
			if d := bits.OnesCount64(f ^ g); d <= normalize.MaxNearDistance {
				want[id] = d
			}
			if err := putFingerprint(tx, g, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		got := nearCandidates(tx, f)
		if len(got) != len(want) {
			t.Errorf("nearCandidates found %d, want %d", len(got), len(want))
		}
		for _, c := range got {
			if want[c.id] != c.distance {
				t.Errorf("candidate %s at distance %d, want %d", c.id, c.distance, want[c.id])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func countSimHash(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketSimHash); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// BenchmarkNearCandidates measures one near-duplicate look-up (548 probes)
// in an index of 10,000 and of 100,000 random fingerprints: the cost should
// stay nearly flat, since each probe reads about n/65,536 entries.
func BenchmarkNearCandidates(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			s, err := Open(filepath.Join(b.TempDir(), "t.db"), Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			rng := rand.New(rand.NewPCG(uint64(n), 1))
			for start := 0; start < n; start += 10_000 {
				err := s.db.Update(func(tx *bolt.Tx) error {
					for i := start; i < start+10_000; i++ {
						if err := putFingerprint(tx, rng.Uint64(), normalize.NewID("gen", fmt.Sprint(i))); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			found := 0
			err = s.db.View(func(tx *bolt.Tx) error {
				for b.Loop() {
					found += len(nearCandidates(tx, rng.Uint64()))
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
		})
	}
}

// indexFP and nearFP call the index with the article's own fingerprint, as
// saveArticle does.
func indexFP(s *Store, tx *bolt.Tx, a *normalize.Article) error {
	f, ok := a.Fingerprint()
	return s.indexFingerprint(tx, a, f, ok)
}

func nearFP(s *Store, tx *bolt.Tx, a *normalize.Article) (string, bool, error) {
	f, ok := a.Fingerprint()
	return s.nearDuplicate(tx, a, f, ok)
}
