package normalize

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// explainArticle is the seed article, shortened.
var explainArticle = &Article{
	Title:       "US sends official to Israel to encourage Gaza de-escalation",
	Summary:     "Hady Amr planned to visit the region next week.",
	Text:        "The US dispatched Hady Amr to Israel amid fighting between Israel and Hamas.",
	Authors:     []string{"Lahav Harkov", "Tovah Lazaroff"},
	Source:      "The Jerusalem Post",
	SourceTitle: "jpost",
	Categories:  []string{"Middle East"},
}

// termString formats a TermMatch compactly for the table below:
// [-]term fields=... matched=... [elsewhere=...].
func termString(m TermMatch) string {
	s := m.Term
	if m.Negated {
		s = "-" + s
	}
	s += " in=" + strings.Join(m.Fields, ",") + " found=" + strings.Join(m.Matched, ",")
	if len(m.Elsewhere) > 0 {
		s += " elsewhere=" + strings.Join(m.Elsewhere, ",")
	}
	return s
}

func TestExplain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, query string
		match       bool
		terms       []string // termString of each term, in order
	}{
		{"config example", "(israel OR gaza OR hamas) -football", true, []string{
			"israel in=title,text found=title,text",
			"gaza in=title,text found=title",
			"hamas in=title,text found=text",
			"-football in=title,text found=",
		}},
		{"negated term present", "gaza -hamas", false, []string{
			"gaza in=title,text found=title",
			"-hamas in=title,text found=text",
		}},
		{"double negation", "NOT -amr", true, []string{
			"amr in=title,text found=text",
		}},
		{"field restriction", "title:hamas", false, []string{
			"hamas in=title found= elsewhere=text",
		}},
		{"field group", "author:(harkov OR smith)", true, []string{
			"harkov in=author found=author",
			"smith in=author found=",
		}},
		{"bare word only in source", "jerusalem", false, []string{
			"jerusalem in=title,text found= elsewhere=source",
		}},
		{"phrase and prefix", `"de escalation" escalat* source:"jerusalem post" category:east`, true, []string{
			`"de escalation" in=title,text found=title`,
			"escalat* in=title,text found=title",
			`"jerusalem post" in=source found=source`,
			"east in=category found=category",
		}},
		{"term twice", "gaza OR title:gaza", true, []string{
			"gaza in=title,text found=title",
			"gaza in=title found=title",
		}},
		{"accents folded", "GÀZA", true, []string{
			"gaza in=title,text found=title",
		}},
	}
	d := NewDocument(explainArticle)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			e := q.Explain(d)
			if e.Match != tt.match || e.Match != q.MatchDocument(d) {
				t.Errorf("Explain(%q).Match = %v, want %v (MatchDocument: %v)", tt.query, e.Match, tt.match, q.MatchDocument(d))
			}
			var got []string
			for _, m := range e.Terms {
				got = append(got, termString(m))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.terms) {
				t.Errorf("Explain(%q).Terms:\ngot  %q\nwant %q", tt.query, got, tt.terms)
			}
		})
	}
}

// TestExplainJSON pins the JSON shape that `tidings topics explain -json`
// prints: empty lists are [], never null.
func TestExplainJSON(t *testing.T) {
	t.Parallel()
	q, err := ParseQuery("volcano")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(q.Explain(NewDocument(&Article{})))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"match":false,"terms":[{"term":"volcano","fields":["title","text"],"negated":false,"matched":[]}]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
