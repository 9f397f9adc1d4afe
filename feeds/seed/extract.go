package seed

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tidings/normalize"
)

const (
	// maxHeadlineWords bounds a headline; longer lines are prose.
	maxHeadlineWords = 25
	// maxParagraphsBeforeHeadline bounds the prose (cookie notices, teasers)
	// searched through for a headline, so a subhead deep in a body without
	// a header is not taken for one.
	maxParagraphsBeforeHeadline = 3
	// maxFurniture bounds the furniture lines skipped between a headline
	// and its metadata, which also keeps the search linear.
	maxFurniture = 12
	// maxTitleWords bounds a title taken from the first sentence of a page
	// that has no headline.
	maxTitleWords = 30
)

// Roles are what the assembly made of a line, reported by Explain.
const (
	roleHeadline   = "headline"
	roleStandfirst = "standfirst"
	roleBody       = "body"
	roleBio        = "author bio"
	roleFurniture  = "furniture in the body"
	roleTail       = "after the body"
	roleOutside    = "outside the article"
)

// extraction is an article with the role each line played in it.
type extraction struct {
	article normalize.Article
	lines   []line
	roles   []string
	// teasers counts the stories teased on a section front page, which
	// holds no article; zero on other pages.
	teasers int
	// snippets counts the paragraphs of a list of results, when every
	// paragraph of the body is a snippet cut short by an ellipsis; 0
	// otherwise.
	snippets int
}

// extract assembles the article from a page's classified lines.
func extract(p page) extraction {
	ls := classifyAll(p.lines)
	roles := make([]string, len(ls))
	title, standfirst, why := findHeadline(ls)
	resolveRepeats(ls, title, standfirst)
	markCaptionCopies(ls)
	markCaptionsOverCaptions(ls)
	markHeaderName(ls, title)

	var a normalize.Article
	if title >= 0 {
		a.Title, roles[title] = ls[title].text, roleHeadline
		ls[title].why = why
	}
	if standfirst >= 0 {
		a.Summary, roles[standfirst] = ls[standfirst].text, roleStandfirst
		ls[standfirst].why = "sentence between the headline and the metadata"
	}
	head, from := max(title, 0), max(title, standfirst)+1
	if title >= 0 && isLongHeadline(ls, title) {
		from = bulletsEnd(ls, title) // the summary bullets are the header's
	}
	if title >= 0 {
		markLeadCaption(ls, from)
	}
	titled := titleSubheads(ls) // a feature's subheads in title case, for the body's two passes
	body, end := bodyLines(ls, from, titled)
	if standfirst < 0 && title >= 0 {
		if sf := deckOverBody(ls, body); sf >= 0 && key(ls[sf].text) != key(a.Title) {
			standfirst, body = sf, body[1:]
			a.Summary, roles[sf] = ls[sf].text, roleStandfirst
			ls[sf].why = "an unterminated sentence opening the body: the standfirst under the picture"
		}
	}
	body, dropped, cut := keepProse(ls, body, titled)
	if standfirst < 0 && title >= 0 {
		if sf := restatedDeck(ls, body); sf >= 0 {
			standfirst, body = sf, body[1:]
			a.Summary, roles[sf] = ls[sf].text, roleStandfirst
			ls[sf].why = "one sentence opening the body that the story restates: the standfirst"
		}
	}
	for _, i := range dropped {
		roles[i] = roleFurniture
	}
	teasers := frontTeasers(ls, body)
	body, tail := trimTail(ls, body)
	body, facts := cutFactBox(ls, body)
	tail = append(tail, facts...)
	for _, i := range append(cut, tail...) {
		roles[i] = roleTail
	}
	body, bios := cutBios(ls, body)
	for _, i := range bios {
		roles[i] = roleBio
	}
	// The publisher is known before the body is final: the lines where
	// the page names it in its own voice are furniture (self.go).
	source, sourceWhy, at := publisher(ls, title, end)
	body, own := cutSelfNaming(ls, body, ownNames(source))
	for _, i := range own {
		roles[i] = roleFurniture
		ls[i].why = "the page names its publisher in its own voice"
	}
	var paras []string
	for _, i := range body {
		roles[i] = roleBody
		paras = append(paras, ls[i].text)
	}
	paras = dedupe(paras)
	if a.Title == "" && len(paras) > 0 {
		a.Title = firstSentence(paras[0])
	} else {
		paras = dropRepeats(paras, a.Title, a.Summary)
	}
	snippets := resultSnippets(ls, body, standfirst)
	a.Text = strings.Join(paras, "\n\n")
	a.Content = paragraphsHTML(paras)
	a.Authors = authors(ls[head:end])
	if len(a.Authors) == 0 {
		a.Authors = bioAuthors(ls, bios)
	}
	if len(a.Authors) == 0 {
		a.Authors = authors(ls[:head]) // a byline printed above the headline
	}
	if len(a.Authors) > 0 && isAgency(a.Authors[0]) {
		if people := wireReporters(ls[end:]); len(people) > 0 {
			a.Authors = people // "By Reuters" over "(Reporting by Name in Place; …)"
		}
	}
	if len(a.Authors) == 0 && len(paras) > 0 && !namesReporters(ls) {
		a.Authors = datelineAgency(paras[0])
	}
	a.Authors = withoutOutlet(a.Authors, source)
	a.Captions = captions(ls, end)
	a.Published = published(ls, p, head, end, body)
	if off, ok := pageZone(ls, a.Published); ok {
		a.Published = atOffset(a.Published, off)
	}
	if a.Published.Location() != time.UTC {
		_, off := a.Published.Zone()
		a.Published, a.PublishedOffset = a.Published.UTC(), &off
	}
	a.Source = source
	if at < 0 {
		at = head
	}
	if source != "" && at < len(ls) {
		ls[at].why += "; " + sourceWhy
	}
	a.Link = canonicalLink(ls, title)
	if u, err := normalize.CanonicalURL(a.Link); err == nil {
		a.URL = u // Finish sets it again; the goldens read it here
	}
	for i := range roles {
		if roles[i] == "" && (i < head || i >= end) || teasers > 0 || snippets > 0 {
			roles[i] = roleOutside // a section front holds no article
		}
	}
	return extraction{article: a, lines: ls, roles: roles, teasers: teasers, snippets: snippets}
}

// resultSnippets returns the number of paragraphs in body, and the
// standfirst when it is one, when there are two or more and every one of
// them is a snippet cut short by an ellipsis (a search results page, a
// list of teasers), else 0.
func resultSnippets(ls []line, body []int, standfirst int) int {
	n := 0
	if standfirst >= 0 && isSnippet(ls[standfirst].text) {
		n++
	}
	for _, i := range body {
		if !isParagraph(ls[i]) {
			continue
		}
		if !isSnippet(ls[i].text) {
			return 0
		}
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// isSnippet reports whether s ends in an ellipsis, as a search result's or
// a teaser's snippet does.
func isSnippet(s string) bool {
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}

// isShortSentencesHeadline reports whether the line at i is a headline in
// sentence case made of two short sentences or more ("A town voted to
// leave. Now it has to decide where to go.") over the standfirst at n1:
// at most sixteen words, fewer than the standfirst has, the standfirst a
// text line ending a sentence, and no text line directly above it. A
// story's opening paragraph is longer or follows the headline.
func isShortSentencesHeadline(ls []line, i, n1 int) bool {
	l, sf := ls[i], ls[n1]
	n := wordCount(l.text)
	if n > 16 || n >= wordCount(sf.text) || !innerSentenceRE.MatchString(l.text) || !endsSentence(sf.text) || sf.kind != kindText {
		return false
	}
	return i == 0 || ls[i-1].kind != kindText
}

// findHeadline returns the indexes of the headline and standfirst lines, -1
// when absent. The headline is the first headline-like line followed by a
// metadata line, directly or after a standfirst, unless that metadata is
// only a date header over another headline (a blog's day heading); failing
// that, the first headline-like line followed by a paragraph.
func findHeadline(ls []line) (title, standfirst int, why string) {
	paras := 0
	for i, l := range ls {
		if isParagraph(l) {
			if paras++; paras > maxParagraphsBeforeHeadline {
				break
			}
		}
		if paras == 1 && l.kind == kindText && endsStatement(l.text) && wordCount(l.text) <= maxHeadlineWords && startsUpper(l.text) && !isPagePrompt(l.text) {
			// A headline in full sentences ("… maternity wards. Some
			// mothers now drive 90 minutes to give birth.") over its
			// byline, before any other paragraph.
			if sf, why, ok := sentencesHeadline(ls, i); ok {
				return i, sf, why
			}
		}
		if isLongHeadline(ls, i) {
			return i, -1, "a long headline over its summary bullets and metadata"
		}
		if !isHeadlineLike(l) || isPagePrompt(l.text) || l.kind == kindCrumb && (isMasthead(l.text) || inMenu(ls, i) || isCrumbPath(l.text) || opensMenu(ls, i)) || hasTimestamp(l.text) {
			continue // a masthead's name, a menu's item, a section path or a dated label heads no story
		}
		if i+1 < len(ls) && ls[i+1].why == whyLifeSpan {
			return i, -1, "a name over life dates: an obituary's headline"
		}
		n1 := nextContent(ls, i)
		if n1 >= 0 && ls[n1].kind.isMeta() {
			if isDateHeader(ls, n1) || isAgencyMasthead(ls, n1) {
				continue
			}
			if sf := deckInHeader(ls, i, n1); sf >= 0 {
				return i, sf, "first headline-like line followed by metadata (" + ls[n1].kind.String() + ") and a standfirst inside the header"
			}
			return i, -1, "first headline-like line followed by metadata (" + ls[n1].kind.String() + ")"
		}
		if n1 < 0 || !isStandfirstLike(ls[n1], l, n1 == i+1, i > 0 && ls[i-1].kind == kindText && isHeadlineLike(ls[i-1])) || menuBetween(ls, i, n1) {
			continue
		}
		if n2 := nextContent(ls, n1); n2 >= 0 && ls[n2].kind.isMeta() && !isDateHeader(ls, n2) {
			return i, n1, "first headline-like line followed by a standfirst and metadata (" + ls[n2].kind.String() + ")"
		}
		// The lead picture's caption over its credit, before the byline.
		if n2 := nextContent(ls, n1); n2 >= 0 && ls[n2].kind == kindText && isCaptionBeforeCredit(ls, n2) {
			return i, n1, "first headline-like line followed by a standfirst and a caption over its credit"
		}
	}
	h := headlineBeforeParagraph(ls)
	if h < 0 {
		if h = headlineUnderByline(ls); h >= 0 {
			return h, -1, "the headline-like line under a byline and its date"
		}
	}
	if sf := deckUnderHeader(ls, h); sf >= 0 {
		return h, sf, "metadata above the headline, a standfirst under it"
	}
	return h, -1, "no metadata under any headline-like line: the first one directly above a paragraph"
}

// sentencesHeadline reports whether the line at i, written in full
// sentences, is the headline: directly over the byline, or over a
// standfirst and the byline when it is in title case ("Hospitals Sued
// Thousands Over Unpaid Bills. Many Qualified for Free Care.") or in
// short sentences over a longer standfirst (isShortSentencesHeadline).
// It returns the standfirst (-1 when there is none) and the reason.
func sentencesHeadline(ls []line, i int) (standfirst int, why string, ok bool) {
	n1 := nextContent(ls, i)
	if n1 < 0 {
		return -1, "", false
	}
	if ls[n1].kind == kindByline {
		return -1, "a headline in sentences over its byline", true
	}
	if n2 := nextContent(ls, n1); n2 < 0 || ls[n2].kind != kindByline {
		return -1, "", false
	}
	l := ls[i]
	if i > 0 && capitalisedShare(l.text) >= 0.6 && endsSentence(ls[n1].text) && isStandfirstLike(ls[n1], l, n1 == i+1, false) {
		return n1, "a headline in title-case sentences over its standfirst and byline", true
	}
	if isShortSentencesHeadline(ls, i, n1) {
		return n1, "a headline in short sentences over a longer standfirst and the byline", true
	}
	return -1, "", false
}

// deckInHeader returns the standfirst set inside the header of the
// headline at h, whose first metadata line is m, or -1. The standfirst is
// the one sentence the header's metadata surrounds: under the date, with
// the byline still to come (past share buttons), or, when the date is
// printed above the headline, under the byline and over the lead
// picture's caption. The story's first paragraph comes after both the
// byline and the date.
func deckInHeader(ls []line, h, m int) int {
	s := nextContent(ls, m)
	if s < 0 || ls[s].kind != kindText || !endsSentence(ls[s].text) || wordCount(ls[s].text) < 8 || wordCount(ls[s].text) >= 45 || innerSentenceRE.MatchString(ls[s].text) {
		return -1
	}
	n := nextContent(ls, s)
	if n < 0 || !storyAfterHeader(ls, n) {
		return -1 // a teaser on a list of stories, another headline next
	}
	switch ls[m].kind {
	case kindDate:
		if ls[n].kind == kindByline {
			return s
		}
	case kindByline:
		if p := prevPastJunkOrCrumb(ls, h); p >= 0 && ls[p].kind == kindDate && (ls[n].kind == kindCaption || ls[n].kind == kindCredit) {
			return s
		}
	}
	return -1
}

// storyAfterHeader reports whether a paragraph follows the header's
// metadata and captions from i on.
func storyAfterHeader(ls []line, i int) bool {
	for i >= 0 && ls[i].kind.isMeta() {
		i = nextContent(ls, i)
	}
	return i >= 0 && isParagraph(ls[i])
}

// menuBetween reports whether a menu (two crumbs or more) stands between
// the line at i and its would-be standfirst at n: a standfirst follows
// its headline, while a prompt over the menu ("Got A Tip?") is the
// page's, and the line under the menu heads the story.
func menuBetween(ls []line, i, n int) bool {
	crumbs := 0
	for _, l := range ls[i+1 : n] {
		if l.kind == kindCrumb {
			crumbs++
		}
	}
	return crumbs >= 2
}

// maxLongHeadlineWords bounds a tabloid's headline written as a whole
// sentence of the story ("Mother-of-two, 34, who … says she … - as …").
const maxLongHeadlineWords = 60

// isLongHeadline reports whether the line at i is a headline longer than
// maxHeadlineWords: one unterminated sentence in sentence case over two
// to five summary bullets (unterminated sentences of eight words or more)
// and then the byline or date. A paragraph ends in a full stop and has
// no bullets under it.
func isLongHeadline(ls []line, i int) bool {
	l := ls[i]
	if n := wordCount(l.text); l.kind != kindText || n <= maxHeadlineWords || n > maxLongHeadlineWords || endsStatement(l.text) || endsSentence(l.text) || !startsUpper(l.text) || innerSentenceRE.MatchString(l.text) {
		return false
	}
	return bulletsEnd(ls, i) > 0
}

// bulletsEnd returns the index of the byline or date under the summary
// bullets below the line at i (two to five unterminated sentences of
// eight words or more, in sentence case), or -1 when there are none.
func bulletsEnd(ls []line, i int) int {
	bullets, j := 0, nextContent(ls, i)
	for ; j >= 0 && bullets <= 5 && ls[j].kind == kindText; j = nextContent(ls, j) {
		s := ls[j].text
		if n := wordCount(s); n < 8 || n > 40 || !isOpenSentence(s) {
			return -1
		}
		bullets++
	}
	if j < 0 || bullets < 2 || bullets > 5 || ls[j].kind != kindByline && ls[j].kind != kindDate {
		return -1
	}
	return j
}

// deckOverBody returns the first body line when it is the standfirst set
// under the lead picture: one unterminated sentence of twelve words or
// more, directly over a paragraph, after the header's metadata or
// caption; or -1. The story's paragraphs end in full stops.
func deckOverBody(ls []line, body []int) int {
	if len(body) < 2 {
		return -1
	}
	i := body[0]
	l := ls[i]
	if l.kind != kindText || endsSentence(l.text) || strings.HasSuffix(l.text, ":") || wordCount(l.text) < 12 || wordCount(l.text) > 50 || innerSentenceRE.MatchString(l.text) {
		return -1
	}
	if body[1] != i+1 || !isParagraph(ls[i+1]) || !endsSentence(ls[i+1].text) {
		return -1
	}
	p := prevPastJunk(ls, i)
	if p < 0 || (ls[p].kind != kindCaption && ls[p].kind != kindCredit && ls[p].kind != kindDate && ls[p].kind != kindByline) {
		return -1
	}
	return i
}

// restatedDeck returns the first body line when it is a standfirst the
// story then tells in full, or -1: one sentence of forty-five words or
// fewer nine in ten of whose words the rest of the body holds. A lede's
// words recur less: at most two in three on the test set's pages, a
// median of a third.
func restatedDeck(ls []line, body []int) int {
	if len(body) < 3 {
		return -1
	}
	i := body[0]
	if ls[i].kind != kindText || wordCount(ls[i].text) > 45 || innerSentenceRE.MatchString(ls[i].text) || !endsSentence(ls[i].text) {
		return -1
	}
	if recurShare(ls[i].text, lowerText(ls, body[1:])) < 0.9 {
		return -1
	}
	return i
}

// isCrumbPath reports whether s is a path of sections: "Egypt >
// Politics", "News » World", "Home / Cities".
func isCrumbPath(s string) bool {
	return strings.Contains(s, " > ") || strings.Contains(s, " » ") || strings.Contains(s, " / ")
}

// inMenu reports whether the label at i sits among labels, an item of a
// menu: the lines on both sides are labels too (the line after it, for
// the page's first line).
func inMenu(ls []line, i int) bool {
	return i+1 < len(ls) && ls[i+1].kind == kindCrumb && ls[i+1].why != whyLifeSpan && (i == 0 || ls[i-1].kind == kindCrumb)
}

// deckUnderHeader returns the standfirst of the headline at h when its
// byline or date is printed above it (past crumbs and junk): the one
// sentence directly under the headline that furniture, not another
// paragraph, follows. It returns -1 otherwise.
func deckUnderHeader(ls []line, h int) int {
	if h < 1 || h+2 >= len(ls) {
		return -1
	}
	if p := prevPastJunkOrCrumb(ls, h); p < 0 || ls[p].kind != kindDate && ls[p].kind != kindByline {
		return -1
	}
	d := &ls[h+1]
	if d.kind != kindText || !endsSentence(d.text) || innerSentenceRE.MatchString(d.text) || wordCount(d.text) >= 40 {
		return -1
	}
	if n := ls[h+2]; n.kind != kindCrumb && n.kind != kindJunk {
		return -1
	}
	return h + 1
}

// isPagePrompt reports whether s is a prompt of the page rather than a
// headline: it speaks of the page itself ("Save this story") or is a
// call to action. A headline may address the reader ("How to Keep Your
// Laptop Alive"); it does not speak of the story it heads.
func isPagePrompt(s string) bool {
	own := unquoted(s)
	_, self := addressWords(own)
	return self || isCallToAction(own)
}

// isDateHeader reports whether the date line at i is a day heading over a
// post: a date alone, followed by a headline-like line and then a paragraph.
// A date labelled as a publication or an update ("Last updated on …") is
// the story's, not a day heading.
func isDateHeader(ls []line, i int) bool {
	if ls[i].kind != kindDate || stampLabelRE.MatchString(ls[i].text) {
		return false
	}
	n := nextContent(ls, i)
	if n < 0 || !isHeadlineLike(ls[n]) {
		return false
	}
	p := nextContent(ls, n)
	return p >= 0 && isParagraph(ls[p])
}

// isAgencyMasthead reports whether the line at i is an agency's name alone
// over the navigation ("Reuters" / "World" / "Business"): the agency's own
// site's masthead, not a byline under a headline.
func isAgencyMasthead(ls []line, i int) bool {
	if ls[i].kind != kindByline || agencyName(ls[i].text) == "" || i+1 >= len(ls) {
		return false
	}
	return ls[i+1].kind == kindCrumb || ls[i+1].kind == kindNav
}

// stampLabelRE finds the label of a story's own date.
var stampLabelRE = regexp.MustCompile(`(?i)\b(?:published|updated|posted|issued)\b`)

// markLeadCaption makes a caption of the first text line after the
// headline when it is an unterminated sentence between the byline (also
// past its date and a share row) and the first paragraph: the uncredited
// caption of the lead picture ("Jane Roe
// has won three races this season"). A standfirst sits between the
// headline and the byline; a subhead does not come before the first
// paragraph.
func markLeadCaption(ls []line, from int) {
	i := from
	for i < len(ls) && ls[i].kind != kindText {
		i++
	}
	if i+1 >= len(ls) || !isParagraph(ls[i+1]) {
		return
	}
	l := &ls[i]
	if verblessCaption(l.text) {
		// "Rendering of the planned storage facility.", "Officials
		// inspecting a bakery in Agege, Lagos.": a picture's caption in
		// the lead picture's place, a sentence without a finite verb.
		if p := prevPastJunk(ls, i); p >= from && (ls[p].kind == kindByline || ls[p].kind == kindDate) {
			l.kind, l.caption, l.why = kindCaption, l.text, "a sentence without a verb between the byline or date and the first paragraph"
		}
		return
	}
	if n := wordCount(l.text); n < 6 || n > maxHeadlineWords || strings.HasSuffix(l.text, ":") || !isOpenSentence(l.text) {
		return
	}
	if p := metaAbove(ls, i); p < from || ls[p].kind != kindByline {
		return
	}
	l.kind, l.caption, l.why = kindCaption, l.text, "unterminated sentence between the byline and the first paragraph"
}

// metaAbove returns the line above i past junk and crumbs; when that is a
// date with a share row (junk, counters and buttons) between it and i,
// and the byline stands over the date, it returns the byline. It returns
// -1 when there is none.
func metaAbove(ls []line, i int) int {
	p := prevPastJunkOrCrumb(ls, i)
	if p >= 0 && p < i-1 && ls[p].kind == kindDate {
		if b := prevPastJunk(ls, p); b >= 0 && ls[b].kind == kindByline {
			return b
		}
	}
	return p
}

// verblessCaption reports whether s reads as a picture's caption by its
// grammar: one sentence of four to twenty words, terminated, with no
// auxiliary, reporting verb or past form, no quote or person speaking ("I",
// "we"), and either a present participle among its first five words
// ("Officials inspecting a bakery …") or an opening noun followed by "of"
// ("Rendering of the planned …", "View of …").
func verblessCaption(s string) bool {
	n := wordCount(s)
	if n < 4 || n > 20 || !endsStatement(s) || innerSentenceRE.MatchString(s) || !startsUpper(s) || strings.ContainsAny(s, "“”\"") {
		return false
	}
	ws := strings.Fields(s)
	if hasFiniteVerb(ws) {
		return false
	}
	for _, w := range ws[1:min(5, len(ws))] {
		if lw := strings.ToLower(strings.Trim(w, ".,")); len(lw) > 4 && strings.HasSuffix(lw, "ing") && startsLower(w) {
			return true
		}
	}
	return len(ws) > 2 && ws[1] == "of" && startsUpper(ws[0]) && !determiners[strings.ToLower(ws[0])]
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

// markHeaderName makes a byline of a person's name alone between the
// headline at h and the date under it, when the header has no byline: an
// opinion page sets the columnist's name there, over the standfirst.
func markHeaderName(ls []line, h int) {
	if h < 0 {
		return
	}
	name, texts := -1, 0
	for j := h + 1; j < len(ls) && j <= h+maxFurniture; j++ {
		switch l := ls[j]; {
		case l.kind == kindByline && l.why == whyNamesBeforeDate && strings.Contains(ls[h].text, l.text):
			ls[j].kind, ls[j].names, ls[j].why = kindCrumb, nil, "a name the headline holds: the story's subject, not its author"
			return
		case l.kind == kindByline:
			return
		case l.kind == kindDate:
			if name >= 0 {
				names, _ := parseNames(ls[name].text)
				ls[name] = line{text: ls[name].text, kind: kindByline, names: names, why: "a name alone between the headline and its date"}
			}
			return
		case name < 0 && (l.kind == kindCrumb || l.kind == kindText) && isBareName(l.text) && !strings.Contains(ls[h].text, l.text):
			name = j // a name the headline holds is the story's subject
		case l.kind == kindText:
			if texts++; texts > 1 {
				return // past the standfirst, no date came
			}
		}
	}
}

// isBareName reports whether s is only a person's name, as written: two
// or three words, none a word of an organisation's or a publication's
// name.
func isBareName(s string) bool {
	n, ok := personName(s)
	return ok && n == s && wordCount(s) >= 2 && wordCount(s) <= 3 && allPeople([]string{n})
}

// resumesAfter returns the line where the story resumes after a box of
// related stories set inside it, or 0: the box's heading at i speaks of
// related stories ("RELATED ARTICLES", "Related coverage"), and within
// maxFurniture lines, past its headlines, snippets cut short by an
// ellipsis and controls, come two strong paragraphs in a row: a box's
// teasers are headlines, not running prose. Comments and other end
// matter stop the body.
func resumesAfter(ls []line, i int, body []int) int {
	if len(body) < 2 || !strings.Contains(key(ls[i].text), "related") {
		return 0
	}
	for j := i + 1; j+1 < len(ls) && j <= i+maxFurniture; j++ {
		if ls[j].kind == kindEnd {
			return 0
		}
		if ls[j].kind != kindText || isSnippet(ls[j].text) || !strongProse(ls[j].text) {
			continue
		}
		if n := j + 1; ls[n].kind == kindText && !isSnippet(ls[n].text) && strongProse(ls[n].text) {
			return j
		}
		return 0
	}
	return 0
}

// withoutOutlet cuts the publisher's name off the end of an author's,
// where a byline sets it without a separator ("By Jane Roe & John Doe
// Global News"), when a person's name is left.
func withoutOutlet(authors []string, source string) []string {
	for _, name := range ownNames(source) {
		for k, a := range authors {
			if rest, ok := strings.CutSuffix(a, " "+name); ok && wordCount(rest) >= 2 {
				if n, ok := personName(rest); ok {
					authors[k] = n
				}
			}
		}
	}
	return authors
}

// opensMenu reports whether the crumb at i opens a menu: two crumbs
// follow it.
func opensMenu(ls []line, i int) bool {
	return i+2 < len(ls) && ls[i+1].kind == kindCrumb && ls[i+2].kind == kindCrumb
}

// hasTimestamp reports whether s holds a full date and a time of day: a
// label glued to the page's date ("All News 15:42 November 26, 2025"),
// which no headline is.
func hasTimestamp(s string) bool {
	if !strings.Contains(s, ":") || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, d := range findDates(s) {
		if d.y > 0 && clockRE.MatchString(s) {
			return true
		}
	}
	return false
}

// dayMonthClockRE reads a day and month without a year, and a time of
// day: "Last updated: 20/09 - 14:11".
var dayMonthClockRE = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})\b(?:\s*[-–,]?\s*(\d{1,2}):(\d{2})\b)?`)

// yearlessDate returns the first date line's day and month, read day
// first, in the year of the capture (line 1's "2024-09" and "20/09" make
// 20 September 2024), with its time of day; zero when there is none or
// the date falls after the capture period. Only a page that gives no
// full date gets here.
func yearlessDate(ls []line, p page) time.Time {
	if p.captured.IsZero() {
		return time.Time{}
	}
	for _, l := range ls {
		if l.kind != kindDate {
			continue
		}
		m := dayMonthClockRE.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		h, mi := 0, 0
		if m[3] != "" {
			h, _ = strconv.Atoi(m[3])
			mi, _ = strconv.Atoi(m[4])
		}
		y := p.captured.Year()
		if mo < 1 || mo > 12 || !validDate(y, time.Month(mo), d) || h > 23 || mi > 59 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.UTC)
		if !p.capturedEnd.IsZero() && t.After(p.capturedEnd) {
			continue
		}
		return t
	}
	return time.Time{}
}

// headlineUnderByline returns the first headline-like line set directly
// under a byline and its date (a fact-check prints the claim, the byline
// and the date, then the headline), or -1. It is the last resort, for a
// page whose appeals and boxes over the story read as paragraphs.
func headlineUnderByline(ls []line) int {
	for i, l := range ls {
		if l.kind != kindByline {
			continue
		}
		d := nextContent(ls, i)
		if d < 0 || ls[d].kind != kindDate {
			continue
		}
		if h := nextContent(ls, d); h >= 0 && ls[h].kind == kindText && isHeadlineLike(ls[h]) {
			return h
		}
	}
	return -1
}

// nextContent returns the index of the next line after i that is not
// furniture (junk, crumbs, place lines, repeats), or -1 when there is none
// within maxFurniture lines: a headline's metadata follows it closely.
func nextContent(ls []line, i int) int {
	for j := i + 1; j < len(ls) && j <= i+maxFurniture+1; j++ {
		switch ls[j].kind {
		case kindJunk, kindCrumb, kindPlace, kindRepeat:
			continue
		case kindText:
			if strings.HasPrefix(ls[j].text, "• ") {
				continue // a headline's key points, one per line
			}
			if strings.HasSuffix(ls[j].text, ":") && wordCount(ls[j].text) <= 12 && !strings.ContainsAny(ls[j].text, "0123456789") {
				continue // a widget's label ("Copy/paste the embed link below:")
			}
		case kindEnd:
			if wordCount(ls[j].text) == 1 {
				continue // a comments button in the header: "Comments"
			}
		}
		return j
	}
	return -1
}

// isHeadlineLike reports whether l can be a headline: a capitalised,
// unterminated line of mixed case and at most maxHeadlineWords words. A
// short crumb qualifies when it has two words or more. A row of three
// items or more set off by bars is a row of links, not a headline.
func isHeadlineLike(l line) bool {
	n := wordCount(l.text)
	switch {
	case l.kind == kindCrumb && (n < 2 || strings.ContainsAny(l.text, "|/•")):
		return false
	case l.kind != kindText && l.kind != kindCrumb:
		return false
	}
	if listMarker(l.text) != "" {
		return false // an item of a list: a story's key points under its headline
	}
	return n <= maxHeadlineWords && len(l.text) <= 300 && startsUpper(l.text) &&
		hasLower(l.text) && !endsStatement(l.text) && strings.Count(l.text, " | ") < 2
}

// isStandfirstLike reports whether l can be the standfirst under the
// headline h: a sentence, a long line, or, directly under the headline, an
// unterminated line in sentence case. Such a line shorter than the headline
// (Fox News: "The 9-year-old was cold but unhurt, the sheriff's office
// said") counts only under a sentence-case headline or a title-case one
// of ten words or more (not a short masthead in title case over a
// headline) that is not the last of a run of headline-like text lines
// (teasers, which would take the real headline for their standfirst; a
// section crumb above the headline makes no run).
func isStandfirstLike(l, h line, adjacent, inRun bool) bool {
	n := wordCount(l.text)
	if l.kind != kindText || n < 5 || listMarker(l.text) != "" || n >= 40 && len(innerSentenceRE.FindAllStringIndex(l.text, 3)) >= 2 {
		return false // three sentences and more make a paragraph, not a deck
	}
	if endsSentence(l.text) || n >= 15 {
		return true
	}
	if !adjacent || h.kind != kindText || capitalisedShare(l.text) >= 0.5 {
		return false
	}
	return n >= 10 && n > wordCount(h.text) || n >= 8 && !inRun && (capitalisedShare(h.text) < 0.5 || wordCount(h.text) >= 10)
}

// capitalisedShare is the share of the words of s that start with a
// capital letter.
func capitalisedShare(s string) float64 {
	ws := strings.Fields(s)
	n := 0
	for _, w := range ws {
		if startsUpper(w) {
			n++
		}
	}
	return float64(n) / float64(max(len(ws), 1))
}

// isOpenSentence reports whether s reads as an unterminated sentence in
// sentence case, as an uncredited caption or a summary bullet is
// written: capitalised, not ending a sentence, and under half its words
// capitalised (a title-case headline or label is not).
func isOpenSentence(s string) bool {
	return startsUpper(s) && !endsSentence(s) && capitalisedShare(s) < 0.5
}

// isParagraph reports whether l reads as a body paragraph: a sentence of
// five words or more, or a long line.
func isParagraph(l line) bool {
	n := wordCount(l.text)
	return l.kind == kindText && (n >= 5 && endsSentence(l.text) || n >= 20)
}

// bodyLines returns the indexes of the body's text lines and the index
// where the body ends (the end-matter marker, the first line of a thread
// of reader comments, or len(ls)). The body starts at the first paragraph
// at or after from, or at an earlier sentence-like line of five words or
// more (a live page's summary bullets, a post title) when no end marker
// lies between the two, or at the subhead in titled just above it (the
// head of the story's first section); with no paragraph at all it starts
// at the first text line. The crumbs in titled (titleSubheads) are
// subheads of the body.
func bodyLines(ls []line, from int, titled map[int]bool) (body []int, end int) {
	start := firstPlainParagraph(ls, from)
	if d := taglineDate(ls, from, start); d > 0 {
		from, start = d+1, firstPlainParagraph(ls, d+1)
	}
	for i := start - 1; i >= from && !endsOpening(ls[i]); i-- {
		if ls[i].kind == kindText && speaksOfPage(ls[i].text) {
			break // "This summary … refer to the full article": furniture
		}
		if ls[i].kind == kindText && wordCount(ls[i].text) >= 5 && startsUpper(ls[i].text) {
			start = i
		}
	}
	if start > from && titled[start-1] {
		start-- // the head of the story's first section
	}
	for i := from; i < len(ls) && start < 0; i++ {
		if ls[i].kind == kindText {
			start = i
		}
	}
	run, dated := 0, false
	for i := max(start, from); start >= 0 && i < len(ls); i++ {
		if k := ls[i].kind; k == kindCrumb || k == kindDate || k == kindByline {
			if run++; run >= minMetaBlock && len(body) > 0 && !isAmountBox(ls, i-run+1) {
				return body, i - run + 1
			}
		} else if k != kindJunk {
			run = 0
		}
		switch ls[i].kind {
		case kindDate:
			if !dated {
				dates := datedEntries(ls, i, body)
				if len(dates) > 0 && isCommentThread(ls, dates) {
					e := dates[0] - 1 // the first commenter's name
					for len(body) > 0 && body[len(body)-1] >= e {
						body = body[:len(body)-1]
					}
					return body, e
				}
				unmarkTimelineHeads(ls, dates)
			}
			dated = true // the story's own date: a live page's posts
		case kindEnd:
			if j := resumesAfter(ls, i, body); j > 0 {
				i = j - 1 // a box of related stories set inside the body
				continue
			}
			if len(body) > 0 {
				return body, i
			}
		case kindByline:
			if len(body) > 0 && isAuthorBox(ls[i].text) {
				return body, i
			}
		case kindJunk:
			if len(body) > 0 && (rightsReservedRE.MatchString(ls[i].text) || copyrightYearRE.MatchString(ls[i].text)) {
				return body, i
			}
		case kindText:
			body = append(body, i)
		case kindCrumb:
			if (len(body) > 0 || i == start) && (isSubheadLabel(ls, i) || titled[i]) {
				ls[i].kind, ls[i].why = kindText, whySubheadLabel
				body = append(body, i)
			}
		}
	}
	return body, len(ls)
}

// isCommentThread reports whether the dated entries are a thread of
// reader comments: after two paragraphs or more of a story that printed
// no date, two entries or more of a short name over a comment's stamp
// over text ("Jane Roe" / "Nov 26th, 2025 - 11:02 am - Reply" / the
// comment). A live page's posts are dated from the first on, and by the
// time of day.
func isCommentThread(ls []line, dates []int) bool {
	for _, d := range dates {
		if !isCommentStamp(ls[d]) {
			return false
		}
	}
	return true
}

// unmarkTimelineHeads makes labels of the heads of a timeline's entries
// that read as names over a date ("National Lockdown" / "March 23,
// 2020"): entries shaped like reader comments but dated by the day alone
// head no comment and name no author. Like the heads that read as labels
// ("The Collision"), they are not the story's text.
func unmarkTimelineHeads(ls []line, dates []int) {
	for _, d := range dates {
		if h := &ls[d-1]; h.kind == kindByline && !isCommentStamp(ls[d]) {
			h.kind, h.names, h.why = kindCrumb, nil, whyTimelineHead
		}
	}
}

// whyTimelineHead is the reason of a timeline entry's head.
const whyTimelineHead = "a timeline entry's head over its day, not a name"

// datedEntries returns the date lines of the entries opened by the date
// at i, when there are two or more after two paragraphs or more of the
// body, else nil. An entry is a short capitalised head over a full date
// over text: a reader's comment, or an event of a timeline.
func datedEntries(ls []line, i int, body []int) []int {
	paras := 0
	for _, b := range body {
		if isParagraph(ls[b]) {
			paras++
		}
	}
	if paras < 2 {
		return nil
	}
	var dates []int
	for d := i; d > 0 && isEntryDate(ls, d); d = nextEntryDate(ls, d) {
		dates = append(dates, d)
	}
	if len(dates) < 2 {
		return nil
	}
	return dates
}

// nextEntryDate returns the next date line after the entry dated at d,
// past the entry's text and the next head, or -1.
func nextEntryDate(ls []line, d int) int {
	for n := nextContent(ls, d) + 1; n > 0 && n < len(ls) && n <= d+maxFurniture+2; n++ {
		if ls[n].kind == kindDate {
			return n
		}
	}
	return -1
}

// isEntryDate reports whether the line at d is a full date under an
// entry's head (a commenter's name, a timeline's event) and over text.
func isEntryDate(ls []line, d int) bool {
	if ls[d].kind != kindDate || ls[d].date.t.IsZero() {
		return false
	}
	t := nextContent(ls, d)
	return d > 0 && isCommenterName(ls[d-1]) && t >= 0 && ls[t].kind == kindText
}

// isCommentStamp reports whether the date line l is a comment's stamp: a
// comment is stamped when it was posted, to the minute or beside the
// comment's controls ("Nov 26th, 2025 - 11:02 am", "March 3, 2024 -
// Reply"), where a timeline's event is dated by the day alone ("March 23,
// 2020").
func isCommentStamp(l line) bool {
	return l.date.clock || commentControlsRE.MatchString(l.text)
}

// commentControlsRE matches the controls a comment platform prints beside
// a comment's stamp: "Reply", "Report abuse", "Like", "Permalink".
var commentControlsRE = regexp.MustCompile(`(?i)\b(?:reply|report(?: abuse)?|likes?|permalink|flag)\b`)

// isCommenterName reports whether l is a commenter's name over a comment's
// date: one to three capitalised words or numbers, no sentence ("2
// Harbourwatcher"), or a person's name alone, which over a date reads as
// a byline. A live post's heading is a phrase ("Roads closed").
func isCommenterName(l line) bool {
	label := l.kind == kindCrumb || l.kind == kindText || l.kind == kindByline && l.why == whyNamesBeforeDate
	ws := strings.Fields(l.text)
	if !label || len(ws) == 0 || len(ws) > 3 || strings.ContainsAny(l.text, ".:!?") {
		return false
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// whySubheadLabel is the reason of a short label read as a subhead.
const whySubheadLabel = "a subhead in sentence case between paragraphs"

// titleSubheads returns the lines that are a feature's subheads in title
// case ("The Promise", "What the County Is Owed"), when the page has two
// or more of them: one to six capitalised words, not in capitals,
// unterminated, each between two long paragraphs (25 words or more) past
// junk. A stray label between paragraphs comes alone; a feature's
// subheads come in a series. The heads of a story's sections under a
// marker (sectionHeads) are subheads too. Else nil.
func titleSubheads(ls []line) map[int]bool {
	var found []int
	for i, l := range ls {
		if l.kind != kindCrumb && l.kind != kindText {
			continue
		}
		n := wordCount(l.text)
		if n == 0 || n > 6 || !startsUpper(l.text) || endsSentence(l.text) || isAllCaps(l.text) || capitalisedShare(l.text) < 0.5 || strings.ContainsAny(l.text, "|:•·/0123456789") {
			continue
		}
		p, nx := prevPastJunk(ls, i), nextPastJunk(ls, i)
		if p >= 0 && nx < len(ls) && ls[p].kind == kindText && ls[nx].kind == kindText && wordCount(ls[p].text) >= 25 && wordCount(ls[nx].text) >= 25 && endsSentence(ls[p].text) {
			found = append(found, i)
		}
	}
	if len(found) < 2 {
		found = nil
	}
	found = append(found, sectionHeads(ls)...)
	if len(found) == 0 {
		return nil
	}
	titled := make(map[int]bool, len(found))
	for _, i := range found {
		titled[i] = true
	}
	return titled
}

// minSectionHeads is how many heads under one marker make a story's
// sections.
const minSectionHeads = 3

// sectionMarker returns, by key, the junk line or label a page sets
// before each head of a story's sections (an icon's text: "Title icon" /
// "The News" / paragraph), or "": a line that stands minSectionHeads
// times or more, each time directly over a short heading that is directly
// over a paragraph, and never before anything else. A box of teasers after a
// story has its own label; the story's marker heads its opening too.
func sectionMarker(ls []line) string {
	heads := make(map[string]int)
	for i := 0; i+1 < len(ls); i++ {
		if !isMarkerKind(ls[i]) {
			continue
		}
		k := key(ls[i].text)
		if heads[k] < 0 {
			continue
		}
		if !isSectionHead(ls, i+1) {
			heads[k] = -1 // the line marks other things too
			continue
		}
		heads[k]++
	}
	best, n := "", 0
	for k, c := range heads {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	if n < minSectionHeads {
		return ""
	}
	return best
}

// isMarkerKind reports whether l can be a section marker: junk or a label.
func isMarkerKind(l line) bool {
	return l.kind == kindJunk || l.kind == kindCrumb
}

// isSectionHead reports whether the line at i can head a section: a
// short capitalised label or text line, unterminated, directly over a
// paragraph.
func isSectionHead(ls []line, i int) bool {
	if i+1 >= len(ls) || ls[i].kind != kindCrumb && ls[i].kind != kindText {
		return false
	}
	s := ls[i].text
	return wordCount(s) <= 6 && startsUpper(s) && !endsSentence(s) && isParagraph(ls[i+1])
}

// sectionHeads returns the heads under the page's section marker
// (sectionMarker), or nil. The first must head the page's first
// paragraph of plain prose: the story's opening is its first section.
func sectionHeads(ls []line) []int {
	m := sectionMarker(ls)
	if m == "" {
		return nil
	}
	var heads []int
	for i := 1; i < len(ls); i++ {
		if isMarkerKind(ls[i-1]) && key(ls[i-1].text) == m {
			heads = append(heads, i)
		}
	}
	if heads[0]+1 != firstPlainParagraph(ls, 0) {
		return nil
	}
	return heads
}

// isSubheadLabel reports whether the short label at i is a subhead: words
// in sentence case ("Exemptions under scrutiny", "Background"), between
// two paragraphs, past junk. A tag is one of a run of labels.
func isSubheadLabel(ls []line, i int) bool {
	ws := strings.Fields(ls[i].text)
	if len(ws) > 1 && lowerShare(ws) < 1 || !startsUpper(ls[i].text) || endsSentence(ls[i].text) || len(ws) == 1 && !hasLower(ws[0]) {
		return false
	}
	p, n := prevPastJunk(ls, i), nextPastJunk(ls, i)
	return p >= 0 && isParagraph(ls[p]) && n < len(ls) && isParagraph(ls[n])
}

// isAmountBox reports whether the run of labels from i is a donation or
// subscription box's options: labels only, a third of them or more
// amounts of money ("One-Time", "Monthly", "$95/year", …). The story goes
// on after such a box; after tags or a listing it does not.
func isAmountBox(ls []line, i int) bool {
	labels, amounts := 0, 0
	for ; i < len(ls) && (ls[i].kind == kindCrumb || ls[i].kind == kindJunk); i++ {
		if ls[i].kind == kindCrumb {
			labels++
			if amountRE.MatchString(ls[i].text) {
				amounts++
			}
		}
	}
	return i < len(ls) && ls[i].kind != kindDate && ls[i].kind != kindByline && 3*amounts >= labels
}

// amountRE finds an amount of money: "$95/year", "£5", "€10 a month".
var amountRE = regexp.MustCompile(`[$£€]\s?\d`)

// minMetaBlock is the run of labels, dates and names after the story's
// paragraphs that ends its body: a schedule, a guest book's entries, a
// listing (an article's own metadata comes one or two lines at a time).
const minMetaBlock = 4

// rightsReservedRE matches a copyright notice in full ("Copyright 2021
// Acme Media Inc. All rights reserved."): the page's footer, after which
// no line is the story's, however much it reads like prose.
var rightsReservedRE = regexp.MustCompile(`(?i)\ball rights reserved\b`)

// copyrightYearRE matches a copyright line with its year ("Copyright ©
// 2021, Los Angeles Times", "© 2021 Acme"), which closes the story as a
// notice in full does. A picture's credit ("© Jane Roe/AFP") has no year.
var copyrightYearRE = regexp.MustCompile(`(?i)^(?:copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d\d\b`)

// maxTaglineLines bounds the lines from a sentence under a byline to the
// date under it.
const maxTaglineLines = 6

// firstPlainParagraph returns the index of the first paragraph of plain
// prose at or after from, or -1.
func firstPlainParagraph(ls []line, from int) int {
	for i := from; i < len(ls); i++ {
		if isParagraph(ls[i]) && isPlainProse(ls[i]) {
			return i
		}
	}
	return -1
}

// taglineDate returns the index of the header's date when the paragraph
// at start sits between a byline and that date: a contributor's tagline
// ("I write about workplace culture."), one or two short sentences, is
// part of the header, not the body's opening. It returns -1 otherwise.
func taglineDate(ls []line, from, start int) int {
	if start < 0 || !slices.ContainsFunc(ls[from:start], func(l line) bool { return l.kind == kindByline }) {
		return -1
	}
	texts := 0
	for d := start; d < len(ls) && d <= start+maxTaglineLines; d++ {
		switch l := ls[d]; l.kind {
		case kindDate:
			if l.date.t.IsZero() {
				return -1
			}
			return d
		case kindText:
			if texts++; texts > 2 || wordCount(l.text) >= 20 {
				return -1
			}
		case kindEnd, kindByline, kindCaption:
			return -1
		}
	}
	return -1
}

// isPlainProse reports whether l scores as prose with no furniture signal:
// a prompt or an appeal in full sentences does not start a body.
func isPlainProse(l line) bool {
	p := scoreProse(l.text, false)
	return p.isProse() && p.furniture == 0
}

// speaksOfPage reports whether s, outside quotes, speaks of the page
// itself ("this article", "the full story"): a note about the page, not a
// line of the story's opening.
func speaksOfPage(s string) bool {
	_, self := addressWords(unquoted(s))
	return self
}

// endsOpening reports whether l bounds the lines a body's opening may
// reach back over: end matter, or a block of furniture (a share row, a
// box's label, navigation) other than the affiliation under a byline.
func endsOpening(l line) bool {
	switch l.kind {
	case kindEnd, kindNav, kindCrumb:
		return true
	case kindJunk:
		return l.why != whyAffiliation && l.why != whyOutlet
	}
	return false
}

// datelineRE matches the dateline that opens wire copy, with the agency in
// brackets: "Bogotá (AFP) – …", "WASHINGTON (Reuters) - …".
var datelineRE = regexp.MustCompile(`^\p{Lu}[\p{L} ,.'’-]{0,40}?\s*\(([^()]{2,30})\)\s*[-–—]`)

// datelineAgency returns the agency of the first paragraph's dateline, as
// the authors of wire copy that has no byline, or nil.
func datelineAgency(para string) []string {
	m := datelineRE.FindStringSubmatch(para)
	if m == nil {
		return nil
	}
	if ag := agencyName(m[1]); ag != "" {
		return []string{ag}
	}
	return nil
}

// namesReporters reports whether the page ends with a wire's credit line,
// "(Reporting by …; Editing by …)": it names people, so the agency alone
// is not the author.
func namesReporters(ls []line) bool {
	for _, l := range ls {
		if strings.HasPrefix(strings.ToLower(l.text), "(reporting by") {
			return true
		}
	}
	return false
}

// reportingByRE reads the reporters of a wire's credit line:
// "(Reporting by Jane Roe and John Doe in Oslo; Editing by …)".
var reportingByRE = regexp.MustCompile(`^\(Reporting by ([^;()]+)`)

// inPlaceRE finds the place after a reporter's name: "Jane Roe in Oslo".
var inPlaceRE = regexp.MustCompile(` in \p{Lu}[\p{L} .'’-]*$`)

// wireReporters returns the people a wire's closing credit line says
// reported the story, without the places they reported from, or nil.
func wireReporters(ls []line) []string {
	for _, l := range ls {
		m := reportingByRE.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		var people []string
		for _, part := range strings.Split(strings.ReplaceAll(m[1], " and ", ", "), ",") {
			part = inPlaceRE.ReplaceAllString(strings.TrimSpace(part), "")
			if n, ok := personName(part); ok {
				people = appendNew(people, n)
			}
		}
		return people
	}
	return nil
}

// isAuthorBox reports whether a byline is the author box printed after a
// post ("Written by Name", then followers and a bio) rather than a live
// post's byline.
func isAuthorBox(s string) bool {
	return strings.HasPrefix(strings.ToLower(s), "written by ")
}

// imprintRE matches a publication's imprint, the sentence saying who
// publishes or owns it ("The Courier is published by Northgate Press, a
// Harbour Holdings company"), which closes a page after the story.
var imprintRE = regexp.MustCompile(`^(?:The )?\p{Lu}[\p{L}\d.'’&-]*(?: \p{Lu}[\p{L}\d.'’&-]*){0,4} is (?:published|owned|operated) by \p{Lu}`)

// trimTail drops the unterminated lines after the body's last sentence:
// teaser headlines, tags and labels left at the end of a page, and the
// publication's imprint.
func trimTail(ls []line, body []int) (kept, tail []int) {
	for len(body) > 1 && (!isParagraph(ls[body[len(body)-1]]) && !endsSentence(ls[body[len(body)-1]].text) || imprintRE.MatchString(ls[body[len(body)-1]].text)) {
		tail = append(tail, body[len(body)-1])
		body = body[:len(body)-1]
	}
	return body, tail
}

// factLabelRE finds the labels of a box of facts: a capitalised label of
// one to three words and a colon opening the line or a sentence ("Running
// time: 118 MIN.", "Crew: Director, writer: …").
var factLabelRE = regexp.MustCompile(`(?:^|[.;] )\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,2}: \S`)

// cutFactBox removes a box of facts closing the body, a review's credits
// or a product's specifications: the run of lines at its end that each
// hold a label, one of them three labels or more ("Production: … Producers:
// … Executive producers: …"). A lone labelled paragraph ("Why it matters:
// …") is the story's.
func cutFactBox(ls []line, body []int) (kept, facts []int) {
	n, many := 0, false
	for n < len(body)-1 {
		labels := len(factLabelRE.FindAllStringIndex(ls[body[len(body)-1-n]].text, -1))
		if labels == 0 {
			break
		}
		many = many || labels >= 3
		n++
	}
	if !many {
		return body, nil
	}
	return body[:len(body)-n], body[len(body)-n:]
}

// bioRE matches a line about an author: "Jacob Magid is The Times of
// Israel's US correspondent", "Maria Lopez can be reached at …", also
// after the author's role: "Guest columnist Jane Roe is a retired …".
var bioRE = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}+ (?:columnist|contributor|writer|reporter|correspondent|editor|journalist) )?(\p{Lu}[\p{L}'’.-]*(?: \p{Ll}{1,3}){0,2}(?: \p{Lu}[\p{L}'’.-]*){1,3}) (?:is|was|joined|writes|covers|reports|can be reached|can be contacted)\b`)

// cutBios removes the author bios that end a body (the lines just before
// the end matter that start with a person's name and "is", "writes", "can
// be reached"), returning the body and the bio lines.
func cutBios(ls []line, body []int) (kept, bios []int) {
	for len(body) > 1 {
		i := body[len(body)-1]
		if wordCount(ls[i].text) > 40 && !underOwnName(ls, i) {
			break
		}
		if bioRE.MatchString(ls[i].text) {
			if !isBio(ls[i].text) {
				break
			}
		} else if !isFirstNameBio(ls, ls[i].text) {
			break
		}
		bios = append(bios, i)
		body = body[:len(body)-1]
	}
	return body, bios
}

// underOwnName reports whether the bio at i sits under its subject's name
// printed alone (past a "Follow" button): an author box, whose bio may
// run long.
func underOwnName(ls []line, i int) bool {
	m := bioRE.FindStringSubmatch(ls[i].text)
	if m == nil || wordCount(ls[i].text) > 100 {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if ls[j].text == m[1] {
			return true
		}
		if ls[j].kind != kindJunk && strings.TrimSpace(ls[j].text) != "" {
			return false
		}
	}
	return false
}

// isBio reports whether s is a bio by its full name: "Jane Roe is a
// reporter at …".
func isBio(s string) bool {
	m := bioRE.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	_, ok := personName(m[1])
	return ok
}

// firstNameBioRE matches a bio that calls its author by the first name:
// "Jane is a science reporter at …".
var firstNameBioRE = regexp.MustCompile(`^(\p{Lu}\p{Ll}+) (?:is|was|writes|covers|reports) (?:a|an|the)\b`)

// isFirstNameBio reports whether s is a bio that opens with the first
// name, or the surname (the wires' "Roe covers …"), of a person a byline
// of the page names.
func isFirstNameBio(ls []line, s string) bool {
	m := firstNameBioRE.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	for _, l := range ls {
		if l.kind != kindByline {
			continue
		}
		for _, n := range l.names {
			first, _, _ := strings.Cut(n, " ")
			last := n[strings.LastIndexByte(n, ' ')+1:]
			if n != first && (first == m[1] || last == m[1]) {
				return true
			}
		}
	}
	return false
}

// bioAuthors returns the people the bio lines are about.
func bioAuthors(ls []line, bios []int) []string {
	var names []string
	for k := len(bios) - 1; k >= 0; k-- {
		if m := bioRE.FindStringSubmatch(ls[bios[k]].text); m != nil {
			names = appendNew(names, m[1])
		}
	}
	return names
}

// dedupe drops paragraphs that repeat the paragraph before them.
func dedupe(paras []string) []string {
	out := paras[:0]
	for _, p := range paras {
		if len(out) > 0 && key(p) == key(out[len(out)-1]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// dropRepeats drops paragraphs that repeat the title or the summary.
func dropRepeats(paras []string, title, summary string) []string {
	out := paras[:0]
	for _, p := range paras {
		if k := key(p); k == key(title) || k == key(summary) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// firstSentence returns the first sentence of a paragraph, cut to
// maxTitleWords words: the title of a page that shows no headline.
func firstSentence(p string) string {
	for i, r := range p {
		if strings.ContainsRune(".!?", r) && i+1 < len(p) && p[i+1] == ' ' && i+2 < len(p) && unicode.IsUpper(rune(p[i+2])) {
			p = p[:i+1]
			break
		}
	}
	if ws := strings.Fields(p); len(ws) > maxTitleWords {
		return strings.Join(ws[:maxTitleWords], " ") + " …"
	}
	return p
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

// authors collects the byline names of the article's lines: the people,
// or the agencies when the bylines name no person.
func authors(ls []line) []string {
	var people, agencies []string
	for _, l := range ls {
		for _, n := range l.names {
			if isAgency(n) {
				agencies = appendNew(agencies, n)
			} else {
				people = appendNew(people, n)
			}
		}
	}
	if len(people) > 0 {
		return people
	}
	return agencies
}

// captions returns each caption once, in page order.
func captions(ls []line, end int) []string {
	var out []string
	seen := make(map[string]bool)
	for i, l := range ls {
		if i >= end && l.why == whyPrintedTwice {
			continue // another story's headline, printed twice in a list after the article
		}
		if l.kind == kindCaption && !seen[key(l.caption)] {
			seen[key(l.caption)] = true
			out = append(out, l.caption)
		}
	}
	return out
}

// published returns the article's first publication: the earliest date
// between the headline and the body's first line not labelled as an
// update (else the earliest update there), else the same over the
// article's lines (from the headline to the end of the body), else the
// nearest date above the headline, else the capture date. A date without a time of day
// takes the time a blog byline gives ("Posted by X at 9:14 PM").
func published(ls []line, p page, head, end int, body []int) time.Time {
	t, clock := time.Time{}, false
	if len(body) > 0 && body[0] > head {
		// The header's own date first: dates after the story's opening
		// may be other stories' (a list of teasers under it).
		var header []line // its first-publication dates: an update may be a live page's latest
		for _, l := range ls[head:body[0]] {
			if l.kind != kindDate || !l.date.updated {
				header = append(header, l)
			}
		}
		t, clock = earliestDate(header, p.capturedEnd)
	}
	if t.IsZero() {
		t, clock = earliestDate(ls[head:end], p.capturedEnd)
	}
	if !t.IsZero() && !clock && len(body) > 0 && body[0] > head {
		// The time on a line of its own beside the date: "On 6:42 am" /
		// "June 3, 2021", "26 November 2026" / "10:42".
		for i, l := range ls[head:body[0]] {
			if l.kind == kindDate && l.date.t.IsZero() && (ampmRE.MatchString(l.text) || isClockBesideDate(ls, head+i)) { // "Listen · 3:48" is a running time
				if h, m, sec, zone, ok := findClock(l.text); ok && zone == "" {
					return t.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second)
				}
			}
		}
	}
	if t.IsZero() {
		t, clock = dateAbove(ls[:head], p.capturedEnd)
	}
	if t.IsZero() {
		if t := yearlessDate(ls[head:end], p); !t.IsZero() {
			return t
		}
		return capturedToday(ls[:end], p)
	}
	if !clock {
		for _, l := range ls[head:end] {
			if l.clock > 0 {
				return t.Add(time.Duration(l.clock-1) * time.Minute)
			}
		}
	}
	return t
}

// clock24RE matches a line that is only a 24-hour time of day: "10:42".
var clock24RE = regexp.MustCompile(`^(?:[01]?\d|2[0-3]):[0-5]\d$`)

// isClockBesideDate reports whether the line at i is a bare 24-hour time
// printed next to a date without one ("26 November 2026" / "10:42"): the
// date's time of day. Away from a date, "3:48" may be a running time.
func isClockBesideDate(ls []line, i int) bool {
	if !clock24RE.MatchString(strings.TrimSpace(ls[i].text)) {
		return false
	}
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(ls) && ls[j].kind == kindDate && !ls[j].date.t.IsZero() && !ls[j].date.clock {
			return true
		}
	}
	return false
}

// zoneNoteRE reads a page's note on the zone of the times it prints
// without one: "AEST = Australian Eastern Standard Time which is 10 hours
// ahead of GMT" (ABC Australia).
var zoneNoteRE = regexp.MustCompile(`^(\p{Lu}{2,5}) = \p{Lu}[\p{L} ]{3,60} Time\b`)

// pageZone returns the offset, in minutes east of UTC, of the zone a
// page's note gives for its times, when t is a time of day printed with
// no zone of its own.
func pageZone(ls []line, t time.Time) (int, bool) {
	if t.Location() != time.UTC || t.Hour() == 0 && t.Minute() == 0 {
		return 0, false
	}
	for _, l := range ls {
		if !strings.Contains(l.text, " = ") {
			continue
		}
		if m := zoneNoteRE.FindStringSubmatch(l.text); m != nil && isZoneWord(strings.ToLower(m[1])) {
			y, mo, d := t.Date()
			return zoneOffset(strings.ToLower(m[1]), y, mo, d), true
		}
	}
	return 0, false
}

// ampmRE finds a 12-hour clock's "am" or "pm".
var ampmRE = regexp.MustCompile(`(?i)\d\s?[ap]\.?m\b`)

// capturedToday returns the capture date, at the time a "Today 6:20 PM"
// line gives when the capture names a day: a page that dates its story
// relative to the day it was read.
func capturedToday(ls []line, p page) time.Time {
	if p.captured.IsZero() || p.capturedEnd.Sub(p.captured) > 72*time.Hour {
		return p.captured
	}
	for _, l := range ls {
		if m, ok := todayClock(l.text); ok && l.kind == kindDate {
			return p.captured.Add(time.Duration(m) * time.Minute)
		}
	}
	return p.captured
}

// earliestDate returns the earliest full date of the date lines in ls that
// is not after latest (when latest is set), preferring first-published
// dates to last-updated ones, and whether it has a time of day.
func earliestDate(ls []line, latest time.Time) (time.Time, bool) {
	var best, upd time.Time
	var bestClock, updClock bool
	for _, l := range ls {
		if l.kind != kindDate || l.date.t.IsZero() {
			continue
		}
		t := l.date.in(latest)
		if !latest.IsZero() && t.After(latest) {
			continue
		}
		if l.date.updated {
			if upd.IsZero() || t.Before(upd) {
				upd, updClock = t, l.date.clock
			}
		} else if best.IsZero() || refines(t, l.date.clock, best, bestClock) ||
			t.Before(best) && !refines(best, bestClock, t, l.date.clock) {
			best, bestClock = t, l.date.clock
		}
	}
	if best.IsZero() {
		return upd, updClock
	}
	return best, bestClock
}

// refines reports whether t, with a time of day, is the same calendar day
// as u given without one ("May 12, 2021" over "Published: May 12, 2021 -
// 6:20 PM GST"): the timed line says when on that day, so it wins though
// the bare date, read as midnight UTC, sorts earlier.
func refines(t time.Time, clock bool, u time.Time, uClock bool) bool {
	if !clock || uClock {
		return false
	}
	y, m, d := t.Date()
	uy, um, ud := u.Date()
	return y == uy && m == um && d == ud
}

// dateAbove returns the last full date of the date lines in ls that is not
// after latest, and whether it has a time of day.
func dateAbove(ls []line, latest time.Time) (time.Time, bool) {
	for i := len(ls) - 1; i >= 0; i-- {
		l := ls[i]
		if l.kind != kindDate || l.date.t.IsZero() {
			continue
		}
		if t := l.date.in(latest); latest.IsZero() || !t.After(latest) {
			return t, l.date.clock
		}
	}
	return time.Time{}, false
}

// linkRE matches a line showing the article's own address after a
// "source", "canonical" or "original" label; bareLinkRE a URL alone.
var (
	linkRE     = regexp.MustCompile(`(?i)^(?:source|canonical(?: url| link)?|original(?: url| link| article)?|permalink)\s*:?\s*(https?://[^\s/]+/\S+)$`)
	bareLinkRE = regexp.MustCompile(`(?i)^(https?://[^\s/]+/\S+)$`)
)

// canonicalLink returns the article address the page shows: the first
// labelled one (on its line, or under a label of its own), else the one
// the page's own citation ends with, else a bare one above the headline (below it, bare URLs are
// embeds and references). An address without a path (a home page) is not
// an article's. It returns "" when there is none.
func canonicalLink(ls []line, head int) string {
	for i, l := range ls {
		if m := linkRE.FindStringSubmatch(l.text); m != nil {
			return strings.TrimRight(m[1], ".,;)")
		}
		if m := bareLinkRE.FindStringSubmatch(l.text); m != nil && i > 0 && ls[i-1].why == whyLinkLabel {
			return strings.TrimRight(m[1], ".,;)") // "Short Url" / address
		}
	}
	if u := citedLink(ls, head); u != "" {
		return u
	}
	for _, l := range ls[:max(head, 0)] {
		if m := bareLinkRE.FindStringSubmatch(l.text); m != nil {
			return strings.TrimRight(m[1], ".,;)")
		}
	}
	return ""
}

// citedLinkRE matches the address closing a citation: "… retrieved 4 June
// 2021 from https://…".
var citedLinkRE = regexp.MustCompile(`(?i)\bretrieved\b[^/]{0,40}\bfrom:?\s+(https?://[^\s/]+/\S+)$`)

// citedLink returns the address of the page's own citation, a line that
// cites the headline at head and ends "retrieved <date> from <address>"
// (how science sites tell readers to cite a story), or "".
func citedLink(ls []line, head int) string {
	if head < 0 || wordCount(ls[head].text) < 3 {
		return ""
	}
	title := strings.ToLower(ls[head].text)
	for _, l := range ls[head+1:] {
		if !strings.Contains(l.text, "etrieved") {
			continue
		}
		if m := citedLinkRE.FindStringSubmatch(l.text); m != nil && strings.Contains(strings.ToLower(l.text), title) {
			return strings.TrimRight(m[1], ".,;)")
		}
	}
	return ""
}
