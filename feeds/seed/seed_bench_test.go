package seed

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchFiles is how many seed files BenchmarkSeedIngest generates.
const benchFiles = 10000

// BenchmarkSeedIngest measures extraction over 10,000 seed files generated
// from the test set, against merely reading the same files from disk in
// the same run. It reports files/s for ParseFile and read_ratio, the time
// of ParseFile over the time of os.ReadFile for the same files.
func BenchmarkSeedIngest(b *testing.B) {
	dir := b.TempDir()
	paths, rejects := writeBenchSeeds(b, dir)
	var read, parse time.Duration
	for b.Loop() {
		start := time.Now()
		for _, p := range paths {
			if _, err := os.ReadFile(p); err != nil {
				b.Fatal(err)
			}
		}
		mid := time.Now()
		for i, p := range paths {
			if _, err := ParseFile(p); (err != nil) != rejects[i] {
				b.Fatalf("%s: error %v, want one: %v", p, err, rejects[i])
			}
		}
		read, parse = read+mid.Sub(start), parse+time.Since(mid)
	}
	files := float64(b.N * len(paths))
	b.ReportMetric(files/parse.Seconds(), "files/s")
	b.ReportMetric(files/read.Seconds(), "read_files/s")
	b.ReportMetric(parse.Seconds()/read.Seconds(), "read_ratio")
}

// writeBenchSeeds writes benchFiles seed files into dir, each a variant of
// a test-set page (its year, line endings, no-break spaces and a unique
// sentence changed), and returns their paths and which of them hold no
// article: those stay in the mix, as they would in a real seeds folder.
func writeBenchSeeds(b *testing.B, dir string) ([]string, []bool) {
	b.Helper()
	tmpl, err := filepath.Glob(filepath.Join("testdata", "[0-9]*.txt"))
	if err != nil || len(tmpl) == 0 {
		b.Fatalf("no test set: %v", err)
	}
	pages := make([]string, len(tmpl))
	noArticle := make([]bool, len(tmpl))
	for i, p := range tmpl {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages[i] = strings.ReplaceAll(string(data), "\r\n", "\n")
		_, err = ParseFile(p)
		noArticle[i] = err != nil
	}
	paths, rejects := make([]string, benchFiles), make([]bool, benchFiles)
	for i := range paths {
		k := i % len(pages)
		page := variant(pages[k], i, !noArticle[k])
		name := fmt.Sprintf("%s_%016x.txt", filepath.Base(tmpl[k])[:3], uint64(i)*0x9e3779b97f4a7c15)
		paths[i], rejects[i] = filepath.Join(dir, name), noArticle[k]
		if err := os.WriteFile(paths[i], []byte(page), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return paths, rejects
}

// variant changes a page the way pages of one outlet differ: another year,
// CRLF line endings on every third, no-break spaces on every fifth, and,
// for a page with an article, a sentence of its own before the last line.
func variant(page string, i int, article bool) string {
	page = strings.ReplaceAll(page, "2021", fmt.Sprint(2018+i%6))
	if n := strings.LastIndex(strings.TrimRight(page, "\n"), "\n"); n > 0 && article {
		page = page[:n] + fmt.Sprintf("\nThe figures were revised %d times before publication, officials said.", i) + page[n:]
	}
	if i%5 == 0 {
		page = strings.Replace(page, " ", "\u00a0 ", 3)
	}
	if i%3 == 0 {
		page = strings.ReplaceAll(page, "\n", "\r\n")
	}
	return page
}
