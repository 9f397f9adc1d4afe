package normalize

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// wireCopy is a body of more than MinBodyWords words, as agencies send it.
const wireCopy = `JERUSALEM (Reuters) - Israel's foreign minister said on Tuesday that ` +
	`"talks are continuing" with mediators in Cairo, and that the country's ` +
	`negotiators would return next week if Hamas agreed to the outline.`

func TestDedupeKeys(t *testing.T) {
	t.Parallel()
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	bodyKey := func(text string) string {
		return "body:" + hash(strings.Join(Words(text), " "))
	}
	tests := []struct {
		name string
		a    Article
		want []string
	}{
		{"empty", Article{}, nil},
		{"url only", Article{URL: "https://news.example/a", Text: "Short."}, []string{"url:https://news.example/a"}},
		{"short body", Article{Text: words(MinBodyWords - 1)}, nil},
		{"body at minimum", Article{Text: words(MinBodyWords)}, []string{bodyKey(words(MinBodyWords))}},
		{"short body counted in words not tokens", Article{Text: strings.Repeat("— ", 40) + words(MinBodyWords-1)}, nil},
		{"url and body", Article{URL: "https://news.example/a", Text: wireCopy},
			[]string{"url:https://news.example/a", bodyKey(wireCopy)}},
		{"link without url", Article{Link: "https://news.example/a"}, nil},
		{"source not in key", Article{Source: "jpost", URL: "https://news.example/a"}, []string{"url:https://news.example/a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := tt.a.DedupeKeys(); !slices.Equal(got, tt.want) {
				t.Errorf("DedupeKeys() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDedupeKeysSameStory(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, other string
	}{
		{"curly quotes", strings.NewReplacer(`'`, "’", `"talks`, "“talks", `continuing"`, "continuing”").Replace(wireCopy)},
		{"case", strings.ToUpper(wireCopy)},
		{"accents", strings.NewReplacer("Israel", "Ísraël", "Cairo", "Cáiro").Replace(wireCopy)},
		{"white space", strings.ReplaceAll(wireCopy, " ", " \n\n ")},
		{"dashes and punctuation", strings.NewReplacer(" - ", " — ", ",", "", ".", "…").Replace(wireCopy)},
		{"decomposed accents", strings.NewReplacer("Israel", "I\u0301srae\u0308l", "Cairo", "Ca\u0301iro").Replace(wireCopy)},
	}
	a := Article{Source: "reuters", URL: "https://reuters.example/a", Text: wireCopy}
	key := bodyKeyOf(t, &a)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := Article{Source: "jpost", URL: "https://jpost.example/b", Text: tt.other}
			if got := bodyKeyOf(t, &b); got != key {
				t.Errorf("body key of %q = %q, want %q (the key of %q)", tt.other, got, key, wireCopy)
			}
		})
	}
	t.Run("different words", func(t *testing.T) {
		t.Parallel()
		b := Article{Text: strings.Replace(wireCopy, "Tuesday", "Wednesday", 1)}
		if got := bodyKeyOf(t, &b); got == key {
			t.Errorf("body key of an edited story = %q, want it to differ", got)
		}
	})
}

// bodyKeyOf returns a's body dedupe key; a must have one.
func bodyKeyOf(t *testing.T, a *Article) string {
	t.Helper()
	for _, k := range a.DedupeKeys() {
		if strings.HasPrefix(k, "body:") {
			return k
		}
	}
	t.Fatalf("DedupeKeys() = %q, want a body key", a.DedupeKeys())
	return ""
}

func TestDedupeKeysAfterFinish(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	a := Article{Title: "Talks", Link: "https://news.example/a?utm_source=rss#top", Content: "<p>" + wireCopy + "</p>"}
	b := Article{Title: "Talks", Link: "HTTPS://NEWS.EXAMPLE:443/a", Text: strings.ToLower(wireCopy)}
	a.Finish("reuters", now)
	b.Finish("jpost", now)
	if ka, kb := a.DedupeKeys(), b.DedupeKeys(); !slices.Equal(ka, kb) || len(ka) != 2 {
		t.Errorf("DedupeKeys() = %q and %q, want the same url and body keys", ka, kb)
	}
}

func TestContentHash(t *testing.T) {
	t.Parallel()
	base := Article{
		ID: "id", Source: "jpost", URL: "https://news.example/a", Link: "https://news.example/a?x=1", GUID: "g",
		Title: "T", Summary: "S", Text: "X", Content: "<p>C</p>",
		Authors: []string{"A", "B"}, Categories: []string{"C"},
		Enclosures: []Enclosure{{URL: "https://news.example/a.mp3", Type: "audio/mpeg", Length: 1000}},
		Published:  time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC),
		Updated:    time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC),
	}
	want := base.ContentHash()
	if len(want) != 64 {
		t.Errorf("ContentHash() = %q, want 64 hex digits", want)
	}
	same := map[string]func(*Article){
		"published":         func(a *Article) { a.Published = a.Published.Add(time.Hour) },
		"updated":           func(a *Article) { a.Updated = a.Updated.Add(24 * time.Hour) },
		"no dates":          func(a *Article) { a.Published, a.Updated = time.Time{}, time.Time{} },
		"dates in a zone":   func(a *Article) { a.Updated = a.Updated.In(time.FixedZone("X", 3600)) },
		"source":            func(a *Article) { a.Source = "toi" },
		"id":                func(a *Article) { a.ID = "other" },
		"authors cloned":    func(a *Article) { a.Authors = slices.Clone(a.Authors) },
		"categories copied": func(a *Article) { a.Categories = []string{"C"} },
		"captions ignored":  func(a *Article) { a.Captions = []string{"photo"} },
		"enclosures copied": func(a *Article) { a.Enclosures = slices.Clone(a.Enclosures) },
	}
	differ := map[string]func(*Article){
		"title":             func(a *Article) { a.Title = "T2" },
		"link":              func(a *Article) { a.Link = "https://news.example/b" },
		"summary":           func(a *Article) { a.Summary = "S2" },
		"content":           func(a *Article) { a.Content = "<p>C2</p>" },
		"author added":      func(a *Article) { a.Authors = append(slices.Clone(a.Authors), "D") },
		"authors reordered": func(a *Article) { a.Authors = []string{"B", "A"} },
		"authors joined":    func(a *Article) { a.Authors = []string{"A B"} },
		"category":          func(a *Article) { a.Categories = []string{"D"} },
		"field boundary":    func(a *Article) { a.Title, a.Summary = "TS", "" },
		"enclosure url": func(a *Article) {
			a.Enclosures = []Enclosure{{URL: "https://news.example/b.mp3", Type: "audio/mpeg", Length: 1000}}
		},
		"enclosure type": func(a *Article) {
			a.Enclosures = []Enclosure{{URL: "https://news.example/a.mp3", Type: "audio/mp4", Length: 1000}}
		},
		"enclosure length": func(a *Article) {
			a.Enclosures = []Enclosure{{URL: "https://news.example/a.mp3", Type: "audio/mpeg", Length: 1001}}
		},
		"enclosure added": func(a *Article) {
			a.Enclosures = append(slices.Clone(a.Enclosures), Enclosure{URL: "https://news.example/a.jpg"})
		},
		"enclosures none": func(a *Article) { a.Enclosures = nil },
	}
	for name, change := range same {
		t.Run("same/"+name, func(t *testing.T) {
			t.Parallel()
			a := base
			change(&a)
			if got := a.ContentHash(); got != want {
				t.Errorf("ContentHash() after changing %s = %q, want unchanged %q", name, got, want)
			}
		})
	}
	// An article without enclosures hashes as before they were added, so
	// that upgrading does not count every stored article as updated.
	old := base
	old.Enclosures = nil
	parts := []string{old.Title, old.Link, old.Summary, old.Content, "A\x1fB", "C"}
	if got, want := old.ContentHash(), hash(strings.Join(parts, "\x1e")); got != want {
		t.Errorf("ContentHash() without enclosures = %q, want the former hash %q", got, want)
	}
	for name, change := range differ {
		t.Run("differ/"+name, func(t *testing.T) {
			t.Parallel()
			a := base
			change(&a)
			if got := a.ContentHash(); got == want {
				t.Errorf("ContentHash() after changing %s = %q, want it to change", name, got)
			}
		})
	}
}

// FuzzDedupeKeys checks that keys never depend on the source, that folding
// case gives the same keys, and that a body key needs MinBodyWords words.
func FuzzDedupeKeys(f *testing.F) {
	f.Add("https://news.example/a", wireCopy)
	f.Add("", strings.Repeat("a ", MinBodyWords))
	f.Add("", "Amr’s café")
	f.Fuzz(func(t *testing.T, url, text string) {
		a := Article{Source: "a", URL: url, Text: text}
		b := Article{Source: "b", URL: url, Text: strings.ToUpper(text)}
		ka := a.DedupeKeys()
		if kb := (&Article{Source: "b", URL: url, Text: text}).DedupeKeys(); !slices.Equal(ka, kb) {
			t.Fatalf("DedupeKeys differ by source: %q and %q", ka, kb)
		}
		hasBody := slices.ContainsFunc(ka, func(k string) bool { return strings.HasPrefix(k, "body:") })
		if hasBody != (len(Words(text)) >= MinBodyWords) {
			t.Fatalf("DedupeKeys(%q) = %q: body key with %d words", text, ka, len(Words(text)))
		}
		// Upper-casing can change a word count (ß becomes SS, which is one
		// word still); compare only when the words fold back alike.
		if slices.Equal(Words(text), Words(b.Text)) {
			if kb := b.DedupeKeys(); !slices.Equal(ka, kb) {
				t.Fatalf("DedupeKeys(%q) = %q, upper-cased = %q, want equal", text, ka, kb)
			}
		}
	})
}
