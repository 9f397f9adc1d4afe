package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"tidings/feeds/fetch"
	"tidings/feeds/parse"
	"tidings/storage"
)

// corpusFiles returns the bytes of every feed of the shared real-world
// corpus, found through $TIDINGS_CORPUS or ../shared/corpus beside the
// repository; it skips when there is none.
func corpusFiles(b *testing.B) map[string][]byte {
	b.Helper()
	dir := os.Getenv("TIDINGS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus")
	}
	files := map[string][]byte{}
	filepath.WalkDir(filepath.Join(dir, "real"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, err := os.ReadFile(path); err == nil {
				files[path] = data
			}
		}
		return nil
	})
	if len(files) == 0 {
		b.Skipf("no corpus at %s (set TIDINGS_CORPUS)", dir)
	}
	return files
}

// BenchmarkCorpusIngest measures the whole ingest path over the real-world
// corpus (charset, gofeed, normalization, dedupe, one bbolt transaction per
// group of ready feeds, as Run commits them) against gofeed parsing the same bytes alone, in the same run
// (issue 5 target: ingest/gofeed ≤ 2), and the store's size per article.
//
// Run: go test -run '^$' -bench CorpusIngest -benchtime 3x ./feeds/ingest/
func BenchmarkCorpusIngest(b *testing.B) {
	files := corpusFiles(b)
	var bare, ours time.Duration
	var articles int
	var size int64
	for b.Loop() {
		start := time.Now()
		for _, data := range files {
			_, _ = gofeed.NewParser().Parse(bytes.NewReader(data)) // errors are part of the baseline too
		}
		bare += time.Since(start)

		path := filepath.Join(b.TempDir(), "t.db")
		store, err := storage.Open(path, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		now := time.Now()
		start = time.Now()
		var batches []storage.Batch
		for name, data := range files {
			f, err := parse.Parse(fetch.ToUTF8(data, ""), parse.Options{Source: name, URL: name, Now: now})
			if err != nil {
				continue
			}
			// As Run's writer does: the feeds ready together, one commit.
			batches = append(batches, storage.Batch{Articles: f.Articles, State: storage.SourceState{Name: name}})
			if len(batches) == maxGroup {
				if _, err := store.SaveBatches(batches); err != nil {
					b.Fatal(err)
				}
				batches = nil
			}
		}
		if _, err := store.SaveBatches(batches); err != nil {
			b.Fatal(err)
		}
		ours += time.Since(start)
		articles = store.CountArticles()
		store.Close()
		if fi, err := os.Stat(path); err == nil {
			size = fi.Size()
		}
	}
	b.ReportMetric(ours.Seconds()/bare.Seconds(), "ingest/gofeed")
	b.ReportMetric(float64(size)/float64(max(articles, 1)), "db_bytes/article")
	b.ReportMetric(float64(articles), "articles")
}
