package storage

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// BenchmarkDedupeScale measures what saving a new article costs (the guid,
// URL and body key look-ups, the near-duplicate look-up, and the inserts
// of the record and its index entries) in a store of 10,000 stories and
// in one of $TIDINGS_BENCH_STORIES (default 100,000; issue 5 asks for
// 1,000,000), in the same run, rounds alternating between the two. The
// per-article cost must stay flat (issue 5 target: large/small ≤ 1.5),
// which it cannot if anything scans the store.
//
// Both stores are filled by fillStories, which writes the index entries of
// synthetic stories directly (see there). Each round then saves the same
// 64 articles into both: 48 new stories, 8 exact copies of stored ones
// (same canonical URL) and 8 edited copies of stories saved in earlier
// rounds (near duplicates), in four source batches committed together, as
// Run does. Bodies are 240 words drawn from a Zipf-distributed vocabulary,
// so their shingles repeat across articles as common phrases do.
//
// Reported: µs per article inside the transaction (the dedupe and insert
// work) and with the commit (which adds the disk sync), for each store,
// and their ratios; and the near-duplicate look-up alone, of 64 random
// signatures a round (unrelated stories), with the candidates it found.
//
// Run: TIDINGS_BENCH_STORIES=1000000 go test -run '^$' -bench DedupeScale -benchtime 40x -count 3 -timeout 1h ./storage/
func BenchmarkDedupeScale(b *testing.B) {
	large := 100_000
	if v := os.Getenv("TIDINGS_BENCH_STORIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 10_000 {
			b.Fatalf("TIDINGS_BENCH_STORIES=%q: want a number of at least 10000", v)
		}
		large = n
	}
	sizes := []int{10_000, large}
	stores := make([]*Store, len(sizes))
	for i, n := range sizes {
		s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("%d.db", n)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		start := time.Now()
		if err := fillStories(s, n); err != nil {
			b.Fatal(err)
		}
		b.Logf("filled %d stories in %v", n, time.Since(start).Round(time.Millisecond))
		stores[i] = s
	}
	gen := newArticleGen()
	inTx := make([]time.Duration, len(sizes))
	total := make([]time.Duration, len(sizes))
	var saved, dups, candidates int
	// Near-duplicate look-ups alone, of random signatures (unrelated
	// stories), 64 a round in each store.
	lookup := make([]time.Duration, len(sizes))
	sigs := make([]normalize.Signature, 64)
	lookups := rand.New(rand.NewPCG(5, 6))
	for b.Loop() {
		batches := gen.round()
		for i, s := range stores {
			copied := cloneBatches(batches)
			start := time.Now()
			var work time.Duration
			err := s.db.Update(func(tx *bolt.Tx) error {
				defer func() { work = time.Since(start) }()
				for j := range copied {
					c, err := s.saveBatch(tx, &copied[j])
					if err != nil {
						return err
					}
					if i == 0 {
						saved += c.New + c.Duplicates
						dups += c.Duplicates
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			inTx[i] += work
			total[i] += time.Since(start)
		}
		for i := range sigs {
			for band := range sigs[i] {
				sigs[i][band] = lookups.Uint32()
			}
		}
		for i, s := range stores {
			start := time.Now()
			err := s.db.View(func(tx *bolt.Tx) error {
				for _, sig := range sigs {
					candidates += len(nearCandidates(tx, sig))
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			lookup[i] += time.Since(start)
		}
	}
	if want := b.N * 16; dups < want {
		b.Fatalf("%d duplicates found in %d rounds, want %d (8 exact and 8 near per round)", dups, b.N, want)
	}
	perArticle := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(saved) }
	b.ReportMetric(perArticle(inTx[0]), "small_us/article")
	b.ReportMetric(perArticle(inTx[1]), "large_us/article")
	b.ReportMetric(inTx[1].Seconds()/inTx[0].Seconds(), "large/small")
	b.ReportMetric(perArticle(total[0]), "small_commit_us/article")
	b.ReportMetric(perArticle(total[1]), "large_commit_us/article")
	b.ReportMetric(total[1].Seconds()/total[0].Seconds(), "commit_large/small")
	b.ReportMetric(float64(lookup[0].Nanoseconds())/float64(b.N*len(sigs)), "small_lookup_ns")
	b.ReportMetric(float64(lookup[1].Nanoseconds())/float64(b.N*len(sigs)), "large_lookup_ns")
	b.ReportMetric(lookup[1].Seconds()/lookup[0].Seconds(), "lookup_large/small")
	b.ReportMetric(float64(candidates)/float64(2*b.N*len(sigs)), "candidates/lookup")
	b.ReportMetric(float64(large), "stories")
}

// cloneBatches copies batches so that each store saves untouched articles
// (saving sets Story on duplicates).
func cloneBatches(batches []Batch) []Batch {
	out := slices.Clone(batches)
	for i := range out {
		out[i].Articles = slices.Clone(out[i].Articles)
	}
	return out
}

// genSources is the number of sources the synthetic stories come from.
const genSources = 500

// genStory returns the identity of synthetic story i: its source, GUID,
// article ID and canonical URL, as the fill and the exact copies use them.
func genStory(i int) (source, guid, id, url string) {
	source = "gen" + strconv.Itoa(i%genSources)
	guid = fmt.Sprintf("https://%s.example/2024/%02d/%d/story-%d", source, i%12+1, i%28+1, i)
	return source, guid, normalize.NewID(source, guid), guid
}

// fillStories writes n synthetic stories into s the way saveArticle would
// leave them, bucket by bucket in key order and in transactions of at most
// 250,000 entries, which takes minutes where saving n articles would take
// hours: per story its guids entry, its url and body keys, its time index
// entry, its twelve signature band keys and a record. Then it reads the
// whole file once (see warm). Band keys are random
// 32-bit values, which is what signatures of unrelated bodies are (hash
// outputs); body keys are SHA-256 hex, as real ones. Records are short
// articles without a signature (about 300 bytes; real ones average about 4
// KB, which for 1,000,000 stories would take 4 GB): exact copies read them,
// and the B+tree over a million keys has the depth of the real one, give or
// take a level.
func fillStories(s *Store, n int) error {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	type entry struct{ k, v []byte }
	var guids, keys, bytime, articles []entry
	for i := range n {
		source, guid, id, url := genStory(i)
		url, err := normalize.CanonicalURL(url)
		if err != nil {
			return err
		}
		published := base.Add(time.Duration(i) * 37 * time.Second)
		guids = append(guids, entry{guidKey(source, guid), append([]byte{'a'}, id...)})
		body := sha256.Sum256(binary.BigEndian.AppendUint64(nil, uint64(i)))
		keys = append(keys, entry{[]byte("url:" + url), []byte(id)}, entry{[]byte("body:" + hex.EncodeToString(body[:])), []byte(id)})
		bytime = append(bytime, entry{append(encodeTime(published), id...), nil})
		a := normalize.Article{ID: id, Source: source, Origin: source, URL: url, Link: url, GUID: guid,
			Title: "Synthetic story " + strconv.Itoa(i), Summary: "A stored story of the benchmark.",
			Text: "A short body that has no signature.", Content: "<p>A short body that has no signature.</p>",
			Authors: []string{"Desk"}, Categories: []string{}, Published: published, Updated: published}
		articles = append(articles, entry{[]byte(id), encodeArticle(&a)})
	}
	fill := func(bucket []byte, entries []entry) error {
		slices.SortFunc(entries, func(x, y entry) int { return bytes.Compare(x.k, y.k) })
		for start := 0; start < len(entries); start += 250_000 {
			err := s.db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(bucket)
				for _, e := range entries[start:min(start+250_000, len(entries))] {
					if err := b.Put(e.k, e.v); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range []struct {
		bucket  []byte
		entries []entry
	}{{bucketGUIDs, guids}, {bucketKeys, keys}, {bucketByTime, bytime}, {bucketArticles, articles}} {
		if err := fill(f.bucket, f.entries); err != nil {
			return err
		}
	}
	// The index, band by band: twelve entries per story are too many to
	// hold as byte slices at once.
	type bandKey struct {
		key   uint32
		story int
	}
	keysOf := make([]bandKey, n)
	for band := range normalize.SignatureBands {
		for i := range keysOf {
			keysOf[i] = bandKey{rng.Uint32(), i}
		}
		slices.SortFunc(keysOf, func(x, y bandKey) int { return cmp.Compare(x.key, y.key) })
		index := make([]entry, n)
		for i, k := range keysOf {
			_, _, id, _ := genStory(k.story)
			index[i] = entry{minHashKey(band, k.key, id), nil}
		}
		if err := fill(bucketMinHash, index); err != nil {
			return err
		}
	}
	return warm(s)
}

// warm reads every key and value of s through bbolt's memory map, as a
// store in use has its indexes in memory: a look-up that faults a page in
// measures the page cache or the disk, not the index.
func warm(s *Store) error {
	return s.db.View(func(tx *bolt.Tx) error {
		var sum byte
		err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				sum += k[0]
				if len(v) > 0 {
					sum += v[len(v)-1]
				}
				return nil
			})
		})
		_ = sum
		return err
	})
}

// articleGen makes the articles of each round of BenchmarkDedupeScale.
type articleGen struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
	n     int
}

// newArticleGen draws its vocabulary from the wire stories of
// normalize/testdata/neardup.
func newArticleGen() *articleGen {
	files, _ := filepath.Glob(filepath.Join("..", "normalize", "testdata", "neardup", "*.txt"))
	seen := map[string]bool{}
	var vocab []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, w := range strings.Fields(string(b)) {
			if !seen[w] {
				seen[w] = true
				vocab = append(vocab, w)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(vocab), func(i, j int) { vocab[i], vocab[j] = vocab[j], vocab[i] })
	return &articleGen{rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

// round returns four source batches: three of 16 new stories, then one of
// 8 exact copies of filled stories and 8 edited copies of this round's
// new stories.
func (g *articleGen) round() []Batch {
	g.n++
	day := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC).Add(time.Duration(g.n) * time.Minute)
	var batches []Batch
	var fresh []normalize.Article
	for s := range 3 {
		source := fmt.Sprintf("new%d-%d", g.n, s)
		var arts []normalize.Article
		for i := range 16 {
			guid := fmt.Sprintf("https://%s.example/story-%d", source, i)
			arts = append(arts, article(source, guid, "New story "+guid, guid, g.body(), day))
		}
		fresh = append(fresh, arts...)
		batches = append(batches, Batch{Articles: arts, State: SourceState{Name: source}})
	}
	source := fmt.Sprintf("copies%d", g.n)
	var copies []normalize.Article
	for range 8 {
		_, _, _, url := genStory(g.rng.IntN(10_000)) // in both stores
		copies = append(copies, article(source, url, "Copy", url, g.body(), day))
	}
	for i, a := range fresh[:8] {
		paras := strings.Split(a.Text, "\n\n")
		for p, para := range paras {
			words := strings.Fields(para)
			words[15] = g.word() // three shingles of 28 change
			paras[p] = strings.Join(words, " ")
		}
		guid := fmt.Sprintf("https://%s.example/edited-%d", source, i)
		copies = append(copies, article(source, guid, "Edited "+a.Title, guid, strings.Join(paras, "\n\n"), day))
	}
	return append(batches, Batch{Articles: copies, State: SourceState{Name: source}})
}

// body returns eight paragraphs of 30 words.
func (g *articleGen) body() string {
	var b strings.Builder
	for p := range 8 {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for w := range 30 {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.word())
		}
	}
	return b.String()
}

func (g *articleGen) word() string {
	return g.vocab[g.zipf.Uint64()]
}
