package storage

import (
	"fmt"
	"testing"
	"time"

	"tidings/normalize"
)

// fetchOf builds one fetch of a feed of n items whose links are fixed and
// whose GUIDs carry the fetch's token, as a feed re-issuing GUIDs has them.
func fetchOf(source, token string, n int) []normalize.Article {
	day := time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	var out []normalize.Article
	for i := range n {
		out = append(out, article(source, fmt.Sprintf("%s-%d", token, i), fmt.Sprintf("Story %d", i),
			fmt.Sprintf("https://news.example/story/%d?utm_source=rss", i), body(fmt.Sprintf("story number %d words", i)), day))
	}
	return out
}

func saveState(t *testing.T, s *Store, source string, articles []normalize.Article) (Counts, SourceState) {
	t.Helper()
	got, err := s.Save(source, articles, SourceState{Name: source})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Source(source)
	if err != nil {
		t.Fatal(err)
	}
	return got, st
}

func TestSaveReissuedGUIDs(t *testing.T) {
	s := openTest(t)
	first := fetchOf("A", "r1", 3)
	if got, st := saveState(t, s, "A", first); got != (Counts{New: 3}) || st.UnstableGUIDs {
		t.Fatalf("first fetch: got %+v, unstable %v; want 3 new, GUIDs not (yet) unstable", got, st.UnstableGUIDs)
	}
	ids := []string{first[0].ID, first[1].ID, first[2].ID}

	got, st := saveState(t, s, "A", fetchOf("A", "r2", 3))
	if got != (Counts{Unchanged: 3}) || !st.UnstableGUIDs {
		t.Fatalf("second fetch, fresh GUIDs: got %+v, unstable %v; want 3 unchanged and the source marked", got, st.UnstableGUIDs)
	}

	third := fetchOf("A", "r3", 4) // one new item, one edited
	third[1].Title = "Story 1, corrected"
	got, st = saveState(t, s, "A", third)
	if want := (Counts{New: 1, Updated: 1, Unchanged: 2}); got != want {
		t.Fatalf("third fetch: got %+v, want %+v", got, want)
	}
	for i, id := range ids {
		a, err := s.Article(id)
		if err != nil {
			t.Fatalf("article %d kept no ID %s: %v", i, id, err)
		}
		if a.URL != fmt.Sprintf("https://news.example/story/%d", i) {
			t.Errorf("article %s: URL %q, want story %d", id, a.URL, i)
		}
	}
	if a, _ := s.Article(ids[1]); a.Title != "Story 1, corrected" {
		t.Errorf("edited article: title %q, want it updated in place", a.Title)
	}
	if want := normalize.NewID("A", "https://news.example/story/3"); third[3].ID != want {
		t.Errorf("new article of an unstable source: ID %s, want %s (by link)", third[3].ID, want)
	}
	if n := s.CountArticles(); n != 4 || st.Articles != 4 {
		t.Errorf("stored %d articles, source counts %d; want 4 and 4, no duplicates", n, st.Articles)
	}
	// Stable from now on: the same fetch again changes nothing.
	if got, _ := saveState(t, s, "A", fetchOf("A", "r4", 4)); got.New+got.Duplicates != 0 || got.Updated != 1 {
		t.Errorf("fourth fetch: got %+v, want no new article or duplicate (only story 1's title reverts)", got)
	}
}

func TestSaveReissuedGUIDsNotDetected(t *testing.T) {
	tests := []struct {
		name  string
		later func() (string, []normalize.Article)
	}{
		{"another source with the same links", func() (string, []normalize.Article) { return "B", fetchOf("B", "b", 3) }},
		{"one new GUID among stable ones", func() (string, []normalize.Article) {
			a := fetchOf("A", "r1", 3)
			a[2] = fetchOf("A", "x", 3)[2]
			return "A", a
		}},
		{"one link for every item", func() (string, []normalize.Article) {
			a := fetchOf("A", "r2", 3)
			for i := range a {
				a[i].URL = "https://news.example/story/0"
			}
			return "A", a
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			saveState(t, s, "A", fetchOf("A", "r1", 3))
			source, later := tt.later()
			if _, st := saveState(t, s, source, later); st.UnstableGUIDs {
				t.Errorf("source %s marked as re-issuing GUIDs", source)
			}
		})
	}
}

// comment builds the n-th item of a feed of comments on one page: each
// links to the page with its own fragment.
func comment(n int) normalize.Article {
	return article("C", fmt.Sprintf("comment-%d", n), fmt.Sprintf("Comment %d", n),
		fmt.Sprintf("https://blog.example/post/#comment-%d", n), body(fmt.Sprintf("comment %d says", n)), testNow)
}

// TestSaveReissuedGUIDsFragments: links that differ only in their fragment
// are different articles. A one-item feed of comments on one page is no
// feed re-issuing GUIDs, and a source that does re-issue them keeps the
// comments of one page apart.
func TestSaveReissuedGUIDsFragments(t *testing.T) {
	s := openTest(t)
	saveState(t, s, "C", []normalize.Article{comment(1)})
	if _, st := saveState(t, s, "C", []normalize.Article{comment(2)}); st.UnstableGUIDs {
		t.Error("a feed of the latest comment marked as re-issuing GUIDs")
	}
	if a, err := s.Article(comment(1).ID); err != nil || a.Title != "Comment 1" {
		t.Errorf("comment 1: %q, %v; want it kept as it was", a.Title, err)
	}

	u := openTest(t)
	first := []normalize.Article{comment(1), comment(2)}
	saveState(t, u, "C", first)
	again := []normalize.Article{comment(1), comment(2)}
	for i := range again {
		again[i].GUID = fmt.Sprintf("fresh-%d", i)
	}
	got, st := saveState(t, u, "C", again)
	if !st.UnstableGUIDs || got != (Counts{Unchanged: 2}) {
		t.Errorf("comments with fresh GUIDs: got %+v, unstable %v; want 2 unchanged, source marked", got, st.UnstableGUIDs)
	}
}

// TestSaveReissuedGUIDsVersion: a story first stored from another outlet;
// the unstable source's own version keeps its ID.
func TestSaveReissuedGUIDsVersion(t *testing.T) {
	s := openTest(t)
	saveState(t, s, "B", fetchOf("B", "b", 1))
	mine := fetchOf("A", "r1", 1)
	if got, _ := saveState(t, s, "A", mine); got != (Counts{Duplicates: 1}) {
		t.Fatalf("A's copy: got %+v, want a duplicate (a version of B's story)", got)
	}
	got, st := saveState(t, s, "A", fetchOf("A", "r2", 1))
	if got != (Counts{Unchanged: 1}) || !st.UnstableGUIDs {
		t.Errorf("A again with a fresh GUID: got %+v, unstable %v; want its version unchanged, source marked", got, st.UnstableGUIDs)
	}
	if n := s.CountArticles(); n != 2 {
		t.Errorf("stored %d articles, want B's story and A's version", n)
	}
	if _, err := s.Article(mine[0].ID); err != nil {
		t.Errorf("A's version %s: %v", mine[0].ID, err)
	}
}
