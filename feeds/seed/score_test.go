package seed

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// scoredFields are the fields a held-out batch is scored on, as the
// session notes count them: eight per article, published with its offset.
var scoredFields = []string{"title", "summary", "text", "authors", "published", "source", "captions", "url"}

// TestScoreDir scores the extractor on a folder of seed files with their
// goldens (NNN_*.txt beside NNN_*.golden.json), the way a held-out batch
// is measured before any fix: per file the fields that differ from the
// golden, then fields wrong of those scored, articles fully right, and
// pages without an article rejected. Nothing fails: it measures.
//
//	TIDINGS_SEED_SCORE=path/to/batch go test -run TestScoreDir -v ./feeds/seed/
func TestScoreDir(t *testing.T) {
	dir := os.Getenv("TIDINGS_SEED_SCORE")
	if dir == "" {
		t.Skip("set TIDINGS_SEED_SCORE to a folder of seed files and goldens to score it")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed files in %s: %v", dir, err)
	}
	sort.Strings(paths)
	perField := map[string]int{}
	var articles, fullyRight, wrong, rejects, rejected int
	for _, path := range paths {
		data, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".golden.json")
		if err != nil {
			continue // no golden: not part of the batch
		}
		var want map[string]any
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got := scoredArticle(t, path)
		if _, reject := want["error"]; reject {
			rejects++
			if _, ok := got["error"]; ok {
				rejected++
			} else {
				t.Logf("%s: not rejected (title %q)", filepath.Base(path), got["title"])
			}
			continue
		}
		articles++
		var bad []string
		for _, f := range scoredFields {
			same := sameField(got[f], want[f])
			if f == "published" {
				same = same && sameField(got["published_offset"], want["published_offset"])
			}
			if !same {
				bad = append(bad, f)
				perField[f]++
			}
		}
		if len(bad) == 0 {
			fullyRight++
		}
		wrong += len(bad)
		t.Logf("%s: %v", filepath.Base(path), bad)
	}
	t.Logf("%d of %d fields wrong (%d articles × %d fields); per field %v; %d of %d articles fully right; %d of %d pages without an article rejected",
		wrong, articles*len(scoredFields), articles, len(scoredFields), perField, fullyRight, articles, rejected, rejects)
}

// scoredArticle returns the extraction of the seed file at path as the
// goldens spell it, or {"error": …} when the file is rejected.
func scoredArticle(t *testing.T, path string) map[string]any {
	t.Helper()
	a, err := ParseFile(path)
	if errors.Is(err, ErrNoArticle) {
		return map[string]any{"error": err.Error()}
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

// sameField reports whether two decoded JSON values agree, an absent
// field, null, "" and an empty list all counting as empty.
func sameField(a, b any) bool {
	return isEmptyValue(a) && isEmptyValue(b) || reflect.DeepEqual(a, b)
}

func isEmptyValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	}
	return false
}
