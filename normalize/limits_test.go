package normalize

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCutRunes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short stays", "Gaza talks", 10, "Gaza talks"},
		{"cut at a space", "Gaza ceasefire talks resume", 12, "Gaza…"},
		{"one long word is cut inside", strings.Repeat("x", 40), 10, "xxxxxxxxx…"},
		{"characters, not bytes", "ééééé ééééé", 8, "ééééé…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutRunes(tt.in, tt.n); got != tt.want {
				t.Errorf("cutRunes(%q, %d): got %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestCutHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short stays", "<p>a</p>", 8, "<p>a</p>"},
		{"no split tag", `<p>ab</p><a href="x">`, 14, "<p>ab</p>"},
		{"whole characters", "<p>ééé", 6, "<p>é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutHTML(tt.in, tt.n); got != tt.want {
				t.Errorf("cutHTML(%q, %d): got %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

// TestFinishCutsHugeFields: an entry of a megabyte per field leaves Finish
// within the limits, valid UTF-8, with balanced content.
func TestFinishCutsHugeFields(t *testing.T) {
	t.Parallel()
	word := "Gaza ünïcödé "
	huge := strings.Repeat(word, (1<<20)/len(word))
	a := Article{Title: huge, Summary: huge, Content: "<div><p>" + strings.Repeat(`<a href="/x">`+word+"</a>", (1<<20)/30),
		Link: "https://news.example/a"}
	a.Finish("wire", time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC))
	for _, f := range []struct {
		name     string
		size     int
		min, max int
	}{
		{"title", utf8.RuneCountInString(a.Title), MaxTitleRunes - 30, MaxTitleRunes},
		{"summary", utf8.RuneCountInString(a.Summary), MaxSummaryRunes - 30, MaxSummaryRunes},
		{"content", len(a.Content), MaxContentBytes / 2, MaxContentBytes + 64}, // plus end tags
		{"text", len(a.Text), 1, MaxContentBytes},                              // the content's words
	} {
		if f.size < f.min || f.size > f.max {
			t.Errorf("%s: got size %d, want %d to %d", f.name, f.size, f.min, f.max)
		}
	}
	for _, s := range []string{a.Title, a.Summary, a.Content, a.Text} {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 after a cut: %.40q", s)
		}
	}
	if !strings.HasSuffix(a.Title, "Gaza…") && !strings.HasSuffix(a.Title, "ünïcödé…") {
		t.Errorf("title ends %q, want a whole word and an ellipsis", a.Title[len(a.Title)-20:])
	}
	if !strings.HasSuffix(a.Content, "</p></div>") {
		t.Errorf("content ends %q, want its elements closed", a.Content[len(a.Content)-30:])
	}
}
