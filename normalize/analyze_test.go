package normalize

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"only punctuation", " -- ... ", nil},
		{"case", "Gaza CEASEFIRE", []string{"gaza", "ceasefire"}},
		{"accent", "Café", []string{"cafe"}},
		{"decomposed accent", "Cafe\u0301", []string{"cafe"}},
		{"croatian", "Mikulić", []string{"mikulic"}},
		{"dotted capital i", "İstanbul", []string{"istanbul"}},
		{"sharp s kept", "Straße", []string{"straße"}},
		{"curly apostrophe", "Amr’s", []string{"amr", "s"}},
		{"straight apostrophe", "Amr's", []string{"amr", "s"}},
		{"hyphen", "de-escalation", []string{"de", "escalation"}},
		{"initialism", "U.S.", []string{"u", "s"}},
		{"digits", "COVID-19 in 2024", []string{"covid", "19", "in", "2024"}},
		{"punctuation", "Hamas, (again): “ceasefire”!", []string{"hamas", "again", "ceasefire"}},
		// Folding is per mark, not per language: ї and й lose theirs too,
		// on both sides of a match.
		{"cyrillic", "Київ Йо", []string{"киів", "ио"}},
		{"hebrew", "ירושלים", []string{"ירושלים"}},
		{"devanagari spacing mark", "हिन्दी", []string{"हिनदी"}},
		{"invalid utf-8", "a\xffb", []string{"a", "b"}},
		{"invalid utf-8 before accent", "a\xf0ȁ", []string{"a", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Words(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNewDocument(t *testing.T) {
	t.Parallel()
	d := NewDocument(&Article{
		Title:       "Gaza talks",
		Summary:     "Short.",
		Text:        "Long body.",
		Authors:     []string{"Lahav Harkov", "", "Tovah Lazaroff"},
		Source:      "jpost",
		SourceTitle: "The Jerusalem Post",
		Categories:  []string{"Middle East"},
	})
	want := [fieldCount][][]string{
		fieldTitle:    {{"gaza", "talks"}},
		fieldText:     {{"short"}, {"long", "body"}},
		fieldAuthor:   {{"lahav", "harkov"}, {"tovah", "lazaroff"}},
		fieldSource:   {{"jpost"}, {"the", "jerusalem", "post"}},
		fieldCategory: {{"middle", "east"}},
	}
	for f := range fieldCount {
		got := d.fields[f]
		if !slices.EqualFunc(got, want[f], slices.Equal) {
			t.Errorf("%s = %q, want %q", fieldNames[f], got, want[f])
		}
	}
}

// FuzzWords checks that words are non-empty valid UTF-8 and that analyzing a
// word again gives just that word, so query words and article words agree.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"Café Mikulić", "Amr’s U.S. de-escalation", "İstanbul", "हिन्दी", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" || !utf8.ValidString(w) {
				t.Fatalf("Words(%q) has word %q, want non-empty valid UTF-8", s, w)
			}
			if got := Words(w); len(got) != 1 || got[0] != w {
				t.Fatalf("Words(%q) = %q, want [%q]", w, got, w)
			}
		}
	})
}
