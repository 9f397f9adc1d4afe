package seed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, returns only its documented
// errors, and otherwise an article with a title and a body, in valid UTF-8
// with captions kept out of the body, which Explain agrees with.
func FuzzParse(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(" date 2021-05 Headline here\r\nBy A and B\r\nCaption text (AP)\r\nCaption text\r\nBody text \u00a0 here.\r\n"))
	f.Add([]byte("Title\nPublished May 3, 2022Updated May 4, 2022\nx.Credit...y\n[a/b]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("000_0000000000000000.txt", data)
		if !utf8.Valid(data) {
			if !errors.Is(err, ErrInvalidUTF8) {
				t.Fatalf("invalid input: err = %v, want ErrInvalidUTF8", err)
			}
			return
		}
		if err != nil {
			if !errors.Is(err, ErrNoArticle) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		checkArticle(t, a.Title, a.Summary, a.Text, a.Content, a.Source, a.Authors, a.Captions)
		if strings.TrimSpace(a.Title) == "" || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("article returned without error has title %q and text %q: want both", a.Title, a.Text)
		}
		ds, b, err := Explain("000_0000000000000000.txt", data)
		if err != nil || b.Title != a.Title || b.Text != a.Text || len(ds) == 0 {
			t.Fatalf("Explain disagrees with Parse: %v", err)
		}
		if !a.Published.IsZero() && a.Published.Location().String() != "UTC" {
			t.Errorf("Published = %v, not UTC", a.Published)
		}
	})
}

// checkArticle checks the invariants of the extracted fields.
func checkArticle(t *testing.T, title, summary, text, content, source string, authors, captions []string) {
	t.Helper()
	for _, s := range append([]string{title, summary, text, content, source}, append(authors, captions...)...) {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 in %q", s)
		}
		if strings.ContainsAny(s, "\u00a0\r") {
			t.Errorf("NBSP or CR in %q", s)
		}
	}
	paras := strings.Split(text, "\n\n")
	for _, c := range captions {
		for _, p := range paras {
			if key(p) == key(c) {
				t.Errorf("caption %q is a paragraph of Text", c)
			}
		}
	}
	if text != "" && strings.Count(content, "<p>") != len(paras) {
		t.Errorf("Content has %d paragraphs, Text %d", strings.Count(content, "<p>"), len(paras))
	}
	for _, p := range paras {
		if p != strings.TrimSpace(p) || (text != "" && p == "") {
			t.Errorf("paragraph %q is empty or untrimmed", p)
		}
	}
}
