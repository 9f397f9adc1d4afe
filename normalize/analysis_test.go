package normalize

import (
	"slices"
	"strings"
	"testing"
)

// FuzzAnalysis checks that one pass over a body gives what analyzing it
// piece by piece gave: the Words of the whole text, and of each line.
func FuzzAnalysis(f *testing.F) {
	f.Add("FRANKFURT (Reuters) - The ECB\n\nheld rates “steady” at 4.0%.\n")
	f.Add("Ísraël\u0301 — Cáiro\r\n\n\xff\xfeword\nİstanbul")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		a := Article{Text: text}
		x := Analyze(&a)
		if !slices.Equal(x.words, Words(text)) {
			t.Fatalf("words of %q = %q, want %q", text, x.words, Words(text))
		}
		lines := strings.Split(text, "\n")
		if len(x.lines) != len(lines) {
			t.Fatalf("%q: %d lines, want %d", text, len(x.lines), len(lines))
		}
		for i, l := range lines {
			if got := x.line(i); !slices.Equal(got, Words(l)) {
				t.Fatalf("%q: line %d = %q, want %q", text, i, got, Words(l))
			}
		}
	})
}

func TestAnalysisDocument(t *testing.T) {
	t.Parallel()
	a := Article{Title: "ECB holds", Summary: "Rates “steady”", Text: "The ECB\n\nheld rates.", Authors: []string{"Jane"}, Source: "reuters"}
	want := &Document{}
	want.add(fieldTitle, a.Title)
	want.add(fieldText, a.Summary, a.Text)
	want.add(fieldAuthor, a.Authors...)
	want.add(fieldSource, a.Source, a.SourceTitle)
	if got := Analyze(&a).Document(); !slices.EqualFunc(got.fields[:], want.fields[:], func(x, y [][]string) bool {
		return slices.EqualFunc(x, y, slices.Equal)
	}) {
		t.Errorf("Document() = %q, want %q", got.fields, want.fields)
	}
}

// FuzzShingleHashes checks that shingleHashes, which hashes three shingles
// at once, gives shingleHash of each run of shingleWords words, in order.
func FuzzShingleHashes(f *testing.F) {
	f.Add("the ECB held rates steady at 4.0% on Thursday", uint64(0))
	f.Add("one two", uint64(7))
	f.Add("Ísraël — Cáiro İstanbul a b c d", uint64(1<<63))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		words := Words(text)
		var want []uint64
		if words != nil {
			want = []uint64{}
		}
		for i := 0; i+shingleWords <= len(words); i++ {
			want = append(want, shingleHash(words[i:i+shingleWords], seed))
		}
		if got := shingleHashes(words, seed); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("shingleHashes(%q, %d) = %x, want %x", words, seed, got, want)
		}
	})
}
