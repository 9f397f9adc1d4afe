package storage

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"tidings/normalize"
)

// benchArticles is the store size of BenchmarkReindex.
var benchArticles = 10_000

// BenchmarkReindex measures indexing a changed topic query over a store of
// benchArticles articles; the time per article is ns/op / benchArticles.
// It is linear: 100,000 articles take ten times as long as 10,000.
func BenchmarkReindex(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "t.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	wire, _ := normalize.NewTopic("wire", "", "", "ceasefire")
	if _, err := s.SyncTopics(b.Context(), []*normalize.Topic{wire}); err != nil {
		b.Fatal(err)
	}
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for start := 0; start < benchArticles; start += 1000 {
		var batch []normalize.Article
		for i := start; i < start+1000; i++ {
			a := normalize.Article{Source: "Gen", GUID: strconv.Itoa(i), Title: fmt.Sprintf("Story %d on markets", i),
				Link: fmt.Sprintf("https://gen.example/%d", i), Authors: []string{"Desk"},
				Text:      fmt.Sprintf("Body of story %d about markets, long enough to look like a real paragraph of news copy.", i),
				Published: base.Add(time.Duration(i) * time.Minute)}
			a.Finish("Gen", base)
			batch = append(batch, a)
		}
		if _, err := s.Save("Gen", batch, SourceState{Name: "Gen"}); err != nil {
			b.Fatal(err)
		}
	}
	n := 0
	for b.Loop() {
		n++
		topic, _ := normalize.NewTopic("t", "", "", fmt.Sprintf("markets OR story%d", n))
		if _, err := s.SyncTopics(b.Context(), []*normalize.Topic{topic}); err != nil {
			b.Fatal(err)
		}
	}
}
