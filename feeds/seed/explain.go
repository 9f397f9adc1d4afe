package seed

import (
	"fmt"
	"unicode/utf8"

	"tidings/normalize"
)

// Decision is what the extractor made of one non-blank line of a seed
// file, for users asking why a page came out as it did.
type Decision struct {
	// Line is the 1-based line number in the file. A line split in two
	// (a date glued to a title) gives two decisions with the same number.
	Line int `json:"line"`
	// Text is the line as the extractor saw it: spaces collapsed, the
	// capture date taken off line 1.
	Text string `json:"text"`
	// Kind is the line's kind: text, junk, end, nav, crumb, place, byline,
	// author-label, date, credit, caption or repeat.
	Kind string `json:"kind"`
	// Role is what the assembly made of the line: headline, standfirst,
	// body, author bio, furniture in the body (text the prose score
	// dropped), after the body (lines after the last strong paragraph
	// that the body does not reach), outside the article (above the
	// headline or after the end matter), or "" for metadata and furniture
	// inside the article.
	Role string `json:"role,omitempty"`
	// Reason names the rule that decided Kind and, for the text lines of
	// the body, the prose score with its features and what the density
	// pass made of the line ("kept: prose", "dropped: furniture inside
	// the body").
	Reason string `json:"reason"`
}

// Explain parses a seed file as Parse does and also returns the decision
// taken on each of its lines. The article and error are Parse's; the
// decisions are returned even when the file holds no article, and are nil
// only for invalid UTF-8. It is safe for concurrent use.
func Explain(name string, data []byte) ([]Decision, normalize.Article, error) {
	if !utf8.Valid(data) {
		return nil, normalize.Article{}, fmt.Errorf("seed %s: %w at byte %d", name, ErrInvalidUTF8, firstInvalid(data))
	}
	p := readPage(string(data))
	x := extract(p)
	ds := make([]Decision, len(x.lines))
	for i, l := range x.lines {
		why := l.why
		if l.verdict != "" {
			why += "; " + explainProse(l.text, l.prose.repeated).String() + ", " + l.verdict
		}
		ds[i] = Decision{Line: p.nums[i], Text: l.text, Kind: l.kind.String(), Role: x.roles[i], Reason: why}
	}
	if err := x.check(); err != nil {
		return ds, normalize.Article{}, fmt.Errorf("seed %s: %w", name, err)
	}
	a := x.article
	a.GUID = name
	return ds, a, nil
}
