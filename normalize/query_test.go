package normalize

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// parseTests pairs queries with their parse as an s-expression.
var parseTests = []struct {
	name, query, want string
}{
	{"word", "israel", "israel"},
	{"case and accent", "CAFÉ", "cafe"},
	{"adjacency", "a b", "(AND a b)"},
	{"and", "a AND b", "(AND a b)"},
	{"or", "a OR b", "(OR a b)"},
	{"not", "NOT a", "(NOT a)"},
	{"minus", "-a", "(NOT a)"},
	{"minus with space", "israel - gaza", "(AND israel (NOT gaza))"},
	{"double not", "NOT -a", "(NOT (NOT a))"},
	{"and over or", "a OR b c", "(OR a (AND b c))"},
	{"and over or left", "a b OR c", "(OR (AND a b) c)"},
	{"not over and", "a OR b c -d", "(OR a (AND b c (NOT d)))"},
	{"not over or", "NOT a OR b", "(OR (NOT a) b)"},
	{"parentheses", "(a OR b) (c OR d)", "(AND (OR a b) (OR c d))"},
	{"not group", "-(a OR b)", "(NOT (OR a b))"},
	{"config example", "(israel OR gaza OR hamas) -football",
		"(AND (OR israel gaza hamas) (NOT football))"},
	{"lower-case operators are words", "a and b or c", "(AND a and b or c)"},
	{"quoted operator", `"AND"`, "and"},
	{"phrase", `"Jerusalem Post"`, `"jerusalem post"`},
	{"phrase next to word", `x"y z"`, `(AND x "y z")`},
	{"colon in phrase", `"foo:bar"`, `"foo bar"`},
	{"digits with colon", "10:30", `"10 30"`},
	{"prefix", "escalat*", "escalat*"},
	{"prefix phrase", "U.S.*", `"u s*"`},
	{"hyphenated word", "de-escalation", `"de escalation"`},
	{"apostrophe", "Amr’s", `"amr s"`},
	{"title", "title:gaza", "title:gaza"},
	{"text", "text:ceasefire", "text:ceasefire"},
	{"author", "author:harkov", "author:harkov"},
	{"source phrase", `source:"jerusalem post"`, `source:"jerusalem post"`},
	{"category", "category:politics", "category:politics"},
	{"field prefix", "author:tov*", "author:tov*"},
	{"field any case", "Title:gaza", "title:gaza"},
	{"field then space", "title: gaza", "title:gaza"},
	{"field group", "title:(a OR b) c", "(AND (OR title:a title:b) c)"},
	{"field inside field group", "title:(a author:b)", "(AND title:a author:b)"},
	{"negated field", "-title:a", "(NOT title:a)"},
}

func TestParseQuery(t *testing.T) {
	t.Parallel()
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := ParseQuery(tt.query)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.query, err)
			}
			if got := q.root.String(); got != tt.want {
				t.Errorf("ParseQuery(%q) = %s, want %s", tt.query, got, tt.want)
			}
			if got := q.String(); got != tt.query {
				t.Errorf("String() = %q, want %q", got, tt.query)
			}
		})
	}
}

// errorTests pairs bad queries with their error.
var errorTests = []struct {
	name, query string
	column      int
	msg         string
}{
	{"empty", "", 1, "empty query"},
	{"blank", "   ", 1, "empty query"},
	{"unclosed quote", `"jerusalem post`, 1, "unclosed quote"},
	{"unclosed later quote", `israel "gaza`, 8, "unclosed quote"},
	{"extra close", "israel)", 7, "unbalanced parenthesis"},
	{"close first", ")", 1, "unbalanced parenthesis"},
	{"unclosed open", "(israel", 1, "unbalanced parenthesis"},
	{"unclosed outer", "(a OR (b)", 1, "unbalanced parenthesis"},
	{"open at end", "a (", 3, "unbalanced parenthesis"},
	{"empty parentheses", "a ()", 3, "empty parentheses"},
	{"dangling or", "israel OR", 8, "missing term after OR"},
	{"dangling and", "israel AND", 8, "missing term after AND"},
	{"leading and", "AND gaza", 1, "missing term before AND"},
	{"double or", "israel OR OR gaza", 8, "missing term after OR"},
	{"or after open", "(OR gaza)", 2, "missing term before OR"},
	{"or before close", "(gaza OR)", 7, "missing term after OR"},
	{"not alone", "NOT", 1, "missing term after NOT"},
	{"minus alone", "-", 1, "missing term after -"},
	{"trailing minus", "israel -", 8, "missing term after -"},
	{"unknown field", "israel foo:bar", 8,
		`unknown field "foo" (want title, text, author, source, category)`},
	{"field alone", "title:", 1, "missing term after title:"},
	{"field then minus", "title:-gaza", 1, "missing term after title:"},
	{"field then field", "title:author:gaza", 1, "missing term after title:"},
	{"bare star", "*", 1, "* needs letters or digits before it"},
	{"star after word", "israel *", 8, "* needs letters or digits before it"},
	{"inner star", "is*rael", 3, "* is allowed only at the end of a word"},
	{"double star", "israel**", 7, "* is allowed only at the end of a word"},
	{"empty phrase", `a ""`, 3, "phrase has no letters or digits"},
	{"no letters", "a &", 3, `"&" has no letters or digits`},
	{"column in runes", "café ü)", 7, "unbalanced parenthesis"},
	{"too deep", strings.Repeat("(", 101) + "a" + strings.Repeat(")", 101), 101,
		"query nested too deeply"},
	{"too many nots", strings.Repeat("-", 101) + "a", 101, "query nested too deeply"},
}

func TestParseQueryErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseQuery(tt.query)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q) error = %v, want a *QueryError", tt.query, err)
			}
			if qe.Column != tt.column || qe.Msg != tt.msg {
				t.Errorf("ParseQuery(%q) error = %d %q, want %d %q",
					tt.query, qe.Column, qe.Msg, tt.column, tt.msg)
			}
		})
	}
}

func TestQueryErrorString(t *testing.T) {
	t.Parallel()
	_, err := ParseQuery("israel)")
	want := "column 7: unbalanced parenthesis"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestParseQueryNestingLimit(t *testing.T) {
	t.Parallel()
	q := strings.Repeat("(", maxDepth-1) + "-a" + strings.Repeat(")", maxDepth-1)
	if _, err := ParseQuery(q); err != nil {
		t.Errorf("ParseQuery(%d levels): %v, want nil", maxDepth, err)
	}
}

// jpostArticle is a real-looking article for matching tests.
func jpostArticle() *Article {
	return &Article{
		Title:       "US sends official to Israel to encourage Gaza de-escalation",
		Summary:     "Hamas says a ceasefire is close, Amr’s office said.",
		Text:        "The envoy will meet officials at the Café Mikulić in Jerusalem.\n\nTalks continue.",
		Authors:     []string{"Lahav Harkov", "Tovah Lazaroff"},
		Source:      "The Jerusalem Post",
		SourceTitle: "JPost - Middle East",
		Categories:  []string{"Middle East", "Diplomacy"},
	}
}

// matchTests pairs queries with whether they match jpostArticle.
var matchTests = []struct {
	name, query string
	want        bool
}{
	{"config example", "(israel OR gaza OR hamas) -football", true},
	{"author", "author:harkov", true},
	{"title without word", "title:hamas", false},
	{"source phrase", `source:"jerusalem post"`, true},
	{"quoted hyphenated", `"de-escalation"`, true},
	{"prefix inside hyphenated", "escalat*", true},
	{"category phrase", `category:"middle east"`, true},

	{"word in title", "israel", true},
	{"word in summary", "hamas", true},
	{"word in body", "envoy", true},
	{"upper case", "ISRAEL", true},
	{"missing word", "football", false},
	{"partial word", "isra", false},
	{"longer word", "israeli", false},
	{"bare word skips author", "harkov", false},
	{"bare word skips category", "diplomacy", false},
	{"text field summary", "text:hamas", true},
	{"text field skips title", "text:gaza", false},
	{"source title", "source:jpost", true},
	{"category word", "category:diplomacy", true},
	{"author phrase", `author:"lahav harkov"`, true},
	{"author phrase across authors", `author:"harkov tovah"`, false},
	{"phrase across title and summary", `"escalation hamas"`, false},
	{"phrase across summary and body", `"said the"`, false},
	{"phrase in title", `"gaza de escalation"`, true},
	{"phrase out of order", `"gaza israel"`, false},
	{"hyphenated word", "de-escalation", true},
	{"accent in text", "cafe mikulic", true},
	{"accent in query", "MIKULIĆ", true},
	{"apostrophe word", "amr", true},
	{"apostrophe query", "amr's", true},
	{"prefix exact", "ceasefire*", true},
	{"prefix miss", "peace*", false},
	{"prefix field", "author:tov*", true},
	{"prefix field miss", "title:hama*", false},
	{"and", "israel AND hamas", true},
	{"and miss", "israel AND football", false},
	{"adjacency miss", "israel football", false},
	{"or", "football OR gaza", true},
	{"or miss", "football OR cricket", false},
	{"not", "NOT hamas", false},
	{"negative only", "-football", true},
	{"negative miss", "hamas -ceasefire", false},
	{"lower-case or is a word", "football or gaza", false},
	{"field group", "title:(hamas OR gaza)", true},
	{"field group miss", "title:(hamas OR envoy)", false},
}

func TestMatch(t *testing.T) {
	t.Parallel()
	a := jpostArticle()
	d := NewDocument(a)
	for _, tt := range matchTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := ParseQuery(tt.query)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.query, err)
			}
			if got := q.MatchDocument(d); got != tt.want {
				t.Errorf("%q MatchDocument = %v, want %v (parsed %s)", tt.query, got, tt.want, q.root)
			}
			if got := q.Match(a); got != tt.want {
				t.Errorf("%q Match = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestMatchWholeWord(t *testing.T) {
	t.Parallel()
	a := &Article{Title: "Israeli officials meet", Text: "the U.S. envoy"}
	tests := []struct {
		query string
		want  bool
	}{
		{"israel", false},
		{"israeli", true},
		{"israel*", true},
		{"official", false},
		{"officials", true},
		{"us", false},
		{"u.s.", true},
		{`"u s"`, true},
		{"u.s.*", true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			q, err := ParseQuery(tt.query)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.query, err)
			}
			if got := q.Match(a); got != tt.want {
				t.Errorf("%q Match = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestMatchEmptyArticle(t *testing.T) {
	t.Parallel()
	q, err := ParseQuery("-football")
	if err != nil {
		t.Fatal(err)
	}
	if !q.Match(&Article{}) {
		t.Errorf("%q Match(empty article) = false, want true", q)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.query)
	}
	for _, tt := range errorTests {
		f.Add(tt.query)
	}
	for _, tt := range matchTests {
		f.Add(tt.query)
	}
	d := NewDocument(jpostArticle())
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q) error = %v, want a *QueryError", s, err)
			}
			if n := utf8.RuneCountInString(s); qe.Column < 1 || qe.Column > n+1 {
				t.Fatalf("ParseQuery(%q) column = %d, want 1 to %d", s, qe.Column, n+1)
			}
			return
		}
		if q.String() != s {
			t.Fatalf("String() = %q, want %q", q.String(), s)
		}
		q.MatchDocument(d)
	})
}

func BenchmarkMatchDocument(b *testing.B) {
	a := jpostArticle()
	a.Text = strings.Repeat(a.Text+" Officials in Washington and Cairo discussed aid. ", 50)
	d := NewDocument(a)
	queries := []string{
		"(israel OR gaza OR hamas) -football",
		`source:"jerusalem post" escalat*`,
		`"talks continue aid" OR author:lazaroff`,
		"football OR cricket OR tennis",
	}
	for _, s := range queries {
		q, err := ParseQuery(s)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				q.MatchDocument(d)
			}
		})
	}
}

func BenchmarkNewDocument(b *testing.B) {
	a := jpostArticle()
	a.Text = strings.Repeat(a.Text+" Officials in Washington and Cairo discussed aid. ", 50)
	for b.Loop() {
		NewDocument(a)
	}
}
