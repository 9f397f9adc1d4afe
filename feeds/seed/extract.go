package seed

import (
	"html"
	"strings"
	"time"

	"tidings/normalize"
)

const (
	// maxHeadlineWords bounds a headline; longer lines are prose.
	maxHeadlineWords = 25
	// maxParagraphsBeforeHeadline bounds the prose (cookie notices, teasers)
	// searched through for a headline, so a subhead deep in a body without
	// a header is not taken for one.
	maxParagraphsBeforeHeadline = 3
)

// extract assembles the article from a page's classified lines.
func extract(p page) normalize.Article {
	ls := classifyAll(p.lines)
	title, standfirst := findHeadline(ls)
	resolveRepeats(ls, title, standfirst)
	markCaptionCopies(ls)

	var a normalize.Article
	if title >= 0 {
		a.Title = ls[title].text
	}
	if standfirst >= 0 {
		a.Summary = ls[standfirst].text
	}
	head := max(title, 0)
	paras := dedupe(bodyLines(ls, max(title, standfirst)+1), a.Title, a.Summary)
	a.Text = strings.Join(paras, "\n\n")
	a.Content = paragraphsHTML(paras)
	a.Authors = authors(ls, head)
	a.Captions = captions(ls)
	a.Published = published(ls, p, head)
	if title != 0 && len(ls) > 0 {
		a.Source = publisherIn(ls[0])
	}
	return a
}

// findHeadline returns the indexes of the headline and standfirst lines, -1
// when absent. The headline is the first headline-like line followed by a
// metadata line, directly or after a standfirst; failing that, the first
// headline-like line followed by a paragraph.
func findHeadline(ls []line) (title, standfirst int) {
	paras := 0
	for i, l := range ls {
		if isParagraph(l) {
			if paras++; paras > maxParagraphsBeforeHeadline {
				break
			}
		}
		if !isHeadlineLike(l) {
			continue
		}
		n1 := nextContent(ls, i)
		if n1 >= 0 && ls[n1].kind.isMeta() {
			return i, -1
		}
		if n1 < 0 || !isStandfirstLike(ls[n1]) {
			continue
		}
		if n2 := nextContent(ls, n1); n2 >= 0 && ls[n2].kind.isMeta() {
			return i, n1
		}
	}
	return headlineBeforeParagraph(ls), -1
}

// headlineBeforeParagraph returns the first headline-like line directly
// followed by a paragraph, before the first paragraph, or -1.
func headlineBeforeParagraph(ls []line) int {
	for i, l := range ls {
		if isParagraph(l) {
			break
		}
		if !isHeadlineLike(l) {
			continue
		}
		if n := nextContent(ls, i); n >= 0 && isParagraph(ls[n]) {
			return i
		}
	}
	return -1
}

// nextContent returns the index of the next line after i that is not
// furniture (junk, crumbs, place lines, repeats), or -1.
func nextContent(ls []line, i int) int {
	for j := i + 1; j < len(ls); j++ {
		switch ls[j].kind {
		case kindJunk, kindCrumb, kindPlace, kindRepeat:
			continue
		}
		return j
	}
	return -1
}

// isHeadlineLike reports whether l can be a headline: a capitalised,
// unterminated line of mixed case and at most maxHeadlineWords words. A
// short crumb qualifies when it has two words or more.
func isHeadlineLike(l line) bool {
	n := wordCount(l.text)
	switch {
	case l.kind == kindCrumb && (n < 2 || strings.ContainsAny(l.text, "|/•")):
		return false
	case l.kind != kindText && l.kind != kindCrumb:
		return false
	}
	return n <= maxHeadlineWords && len(l.text) <= 300 && startsUpper(l.text) &&
		hasLower(l.text) && !endsStatement(l.text)
}

// isStandfirstLike reports whether l can be the standfirst under a headline:
// a sentence, or a long line.
func isStandfirstLike(l line) bool {
	n := wordCount(l.text)
	return l.kind == kindText && n >= 5 && (endsSentence(l.text) || n >= 15)
}

// isParagraph reports whether l reads as a body paragraph: a sentence of
// five words or more, or a long line.
func isParagraph(l line) bool {
	n := wordCount(l.text)
	return l.kind == kindText && (n >= 5 && endsSentence(l.text) || n >= 20)
}

// bodyLines returns the text lines from the first paragraph at or after
// from (or the first text line when there is no paragraph) up to the end
// matter.
func bodyLines(ls []line, from int) []string {
	start := -1
	for i := from; i < len(ls) && start < 0; i++ {
		if isParagraph(ls[i]) {
			start = i
		}
	}
	for i := from; i < len(ls) && start < 0; i++ {
		if ls[i].kind == kindText {
			start = i
		}
	}
	var paras []string
	for i := max(start, from); start >= 0 && i < len(ls); i++ {
		switch ls[i].kind {
		case kindEnd:
			if len(paras) > 0 {
				return paras
			}
		case kindText:
			paras = append(paras, ls[i].text)
		}
	}
	return paras
}

// dedupe drops paragraphs that repeat the title, the summary or the
// paragraph before them.
func dedupe(paras []string, title, summary string) []string {
	out := paras[:0]
	for _, p := range paras {
		k := key(p)
		if k == key(title) || k == key(summary) || len(out) > 0 && k == key(out[len(out)-1]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// paragraphsHTML renders paragraphs as escaped <p> elements, one a line.
func paragraphsHTML(paras []string) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	return b.String()
}

// authors collects the byline names from the headline on, or from the whole
// page when no byline follows the headline.
func authors(ls []line, head int) []string {
	for _, from := range []int{head, 0} {
		var names []string
		for _, l := range ls[from:] {
			for _, n := range l.names {
				names = appendNew(names, n)
			}
		}
		if len(names) > 0 {
			return names
		}
	}
	return nil
}

// captions returns each caption once, in page order.
func captions(ls []line) []string {
	var out []string
	seen := make(map[string]bool)
	for _, l := range ls {
		if l.kind == kindCaption && !seen[key(l.caption)] {
			seen[key(l.caption)] = true
			out = append(out, l.caption)
		}
	}
	return out
}

// published returns the first plausible date from the headline on, else the
// capture date, else a date from before the headline (a masthead date).
func published(ls []line, p page, head int) time.Time {
	if t := firstDate(ls[head:], p.capturedEnd); !t.IsZero() {
		return t
	}
	if !p.captured.IsZero() {
		return p.captured
	}
	return firstDate(ls[:head], p.capturedEnd)
}

// firstDate returns the first full date of the date lines in ls that is not
// after latest (when latest is set): a page cannot be published after it
// was captured.
func firstDate(ls []line, latest time.Time) time.Time {
	for _, l := range ls {
		if l.kind != kindDate || l.date.IsZero() {
			continue
		}
		if latest.IsZero() || !l.date.After(latest) {
			return l.date
		}
	}
	return time.Time{}
}
