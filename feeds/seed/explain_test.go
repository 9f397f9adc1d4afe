package seed

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExplain checks over the test set that the decisions agree with the
// article: each names its rule and a real line of the file, the headline
// and standfirst lines are the title and summary, and the body lines are
// the paragraphs.
func TestExplain(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ds, a, err := Explain(filepath.Base(path), data)
			want, wantErr := ParseFile(path)
			if (err == nil) != (wantErr == nil) || !slices.Equal(a.Authors, want.Authors) || a.Text != want.Text {
				t.Fatalf("Explain and ParseFile disagree: %v / %v", err, wantErr)
			}
			lines := strings.Split(string(data), "\n")
			var body []string
			for i, d := range ds {
				if d.Reason == "" || d.Kind == "" || d.Kind == "unknown" {
					t.Errorf("decision %d %+v has no kind or reason", i, d)
				}
				if d.Line < 1 || d.Line > len(lines) || !strings.Contains(cleanLine(lines[d.Line-1]), d.Text) {
					t.Errorf("decision %+v does not point at its line", d)
				}
				if i > 0 && d.Line < ds[i-1].Line {
					t.Errorf("decision %+v out of order", d)
				}
				switch d.Role {
				case roleHeadline:
					if err == nil && d.Text != a.Title {
						t.Errorf("headline line %q, title %q", d.Text, a.Title)
					}
				case roleStandfirst:
					if err == nil && d.Text != a.Summary {
						t.Errorf("standfirst line %q, summary %q", d.Text, a.Summary)
					}
				case roleBody:
					body = append(body, d.Text)
				}
			}
			if err != nil {
				return
			}
			for _, p := range strings.Split(a.Text, "\n\n") {
				if !slices.Contains(body, p) {
					t.Errorf("paragraph %q is on no body line", p)
				}
			}
		})
	}
}
