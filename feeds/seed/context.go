package seed

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// listCounterRE matches Al Jazeera's inline related-list counters.
var listCounterRE = regexp.MustCompile(`(?i)^list \d+ of \d+$`)

// Reasons for junk that is part of a byline's block: the opening of a
// body reaches back over them.
const (
	whyAffiliation = "affiliation under a byline"
	whyOutlet      = "outlet under a byline"
	whyNameStack   = "names stacked on lines of their own under the date"
)

// repeatWindow is how many lines after a text line a repeat of it is
// looked for.
const repeatWindow = 3

// classifyAll classifies each line on its own, then settles the kinds that
// depend on neighbouring lines.
func classifyAll(texts []string) []line {
	ls := make([]line, len(texts))
	for i, s := range texts {
		ls[i] = classify(s)
	}
	unmarkNamedParagraphs(ls)
	markLinkLabels(ls)
	joinBylines(ls)
	markLifeSpans(ls)
	markNameBylines(ls)
	unmarkDeskHeadlines(ls)
	markSignatures(ls)
	markAffiliations(ls)
	dropListItems(ls)
	dropTeasers(ls)
	dropBoxes(ls)
	dropInlineLists(ls)
	dropKeyEvents(ls)
	markCrumbPaths(ls)
	markCaptionsBeforeCredits(ls)
	markLabelledCaptions(ls)
	markBareCaptions(ls)
	markSceneCaptions(ls)
	markMediaBlocks(ls)
	markEmbeddedPosts(ls)
	markSignOffs(ls)
	markCaptionCopies(ls)
	markRepeats(ls)
	markNumberedSubheads(ls)
	return ls
}

// whyLinkLabel is the reason given for the label over the page's own
// address ("Short Url" / "https://…").
const whyLinkLabel = "the label of the address under it"

// markLinkLabels marks as junk a label of one to three words naming a
// link ("Short Url", "Permalink", "Share link") over an address alone on
// the next line: it names no person. canonicalLink reads the address.
func markLinkLabels(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		if n := wordCount(ls[i].text); n > 3 || n == 0 || !bareLinkRE.MatchString(ls[i+1].text) {
			continue
		}
		if k := strings.ToLower(ls[i].text); strings.Contains(k, "url") || strings.Contains(k, "link") {
			ls[i].kind, ls[i].why = kindJunk, whyLinkLabel
		}
	}
}

// whyNamesBeforeDate is the reason given for a name alone over a date
// made a byline.
const whyNamesBeforeDate = "names alone, before a date"

// whyNumbered is the reason given for a short label numbered as the next
// subhead of a series; the density pass keeps it as a subhead whatever its
// capitals ("3. Gordon returns").
const whyNumbered = "numbered as the next subhead of a series"

// numberedRE reads the number opening a numbered subhead: "3. The vote".
var numberedRE = regexp.MustCompile(`^(\d{1,2})\. \p{Lu}`)

// markNumberedSubheads makes text again of a short label numbered as the
// next of a text line's numbered series ("2. The harbour vote is back",
// then "3. Gordon returns"): a subhead of the same list, however short.
func markNumberedSubheads(ls []line) {
	last := 0 // the number of the last numbered text line
	for i := range ls {
		if t := ls[i].text; t == "" || t[0] < '0' || t[0] > '9' {
			continue // most lines: the regexp needs a leading digit
		}
		m := numberedRE.FindStringSubmatch(ls[i].text)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		switch {
		case ls[i].kind == kindText:
			last = n
		case ls[i].kind == kindCrumb && last > 0 && n == last+1:
			ls[i].kind, ls[i].why, last = kindText, whyNumbered, n
		}
	}
}

// joinBylines completes bylines whose names continue on the next line
// ("By A Martínez," / "Tim Mak") or follow a label ("Author of the
// article:" / name).
func joinBylines(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		l, next := &ls[i], &ls[i+1]
		if next.kind != kindText && next.kind != kindCrumb {
			continue
		}
		if l.kind != kindAuthorLabel && (l.kind != kindByline || !bylineContinues(l.text)) {
			continue
		}
		if _, named := cutRole(next.text); l.kind == kindAuthorLabel && !named && isRole(next.text) {
			// "Authors" / "Guest Author" / name: the role labels the name too.
			*next = line{text: next.text, kind: kindAuthorLabel, why: "the author's role under a byline label"}
			continue
		}
		text := next.text
		if name, ok := cutRole(text); ok {
			text = name // "By" / "Jane Roe Senior Reporter"
		}
		names, ok := parseNames(text)
		if !ok || len(names) == 0 {
			continue
		}
		if l.kind == kindByline {
			l.names = append(l.names, names...)
			names = nil
		}
		*next = line{text: next.text, kind: kindByline, names: names, why: "names continuing a byline"}
	}
}

// bylineContinues reports whether a byline ends mid-list.
func bylineContinues(s string) bool {
	s = strings.ToLower(s)
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, " and") || strings.HasSuffix(s, " &")
}

// dropListItems marks the teaser after a "list 1 of 3" counter as junk.
func dropListItems(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		if listCounterRE.MatchString(ls[i].text) && ls[i+1].kind == kindText && wordCount(ls[i+1].text) < 20 {
			ls[i+1].kind, ls[i+1].why = kindJunk, "teaser after a list counter"
		}
	}
}

// readMoreLabels are junk lines, by key, after which links to other stories
// follow on lines of their own.
var readMoreLabels = setOf("read more", "also read", "see also", "read also",
	"lire aussi", "à lire aussi", "اقرأ أيضا", "اقرأ أيضاً", "related", "mehr lesen",
	"citește și", "leia também", "lee también", "leggi anche",
	// Paid links set between paragraphs, one headline each.
	"sponsored", "promoted", "paid content", "partner content", "sponsored content")

// boxLabels are headings, by key, of the boxes an academic outlet prints
// before the body (The Conversation): the line under each is boilerplate.
var boxLabels = setOf("disclosure statement", "partners")

// dropBoxes marks as junk the box labels before the body and the line
// under each.
func dropBoxes(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		if boxLabels[key(ls[i].text)] && ls[i+1].kind == kindText {
			ls[i].kind, ls[i].why = kindJunk, "box label"
			ls[i+1].kind, ls[i+1].why = kindJunk, "boilerplate under a box label"
		}
	}
}

// keyEventLabels head, by key, a live page's list of its own posts'
// titles, each under its time, before the posts themselves.
var keyEventLabels = setOf("key events", "key moments", "show key events only")

// dropKeyEvents marks as junk a live page's key-events list: its label,
// then the times and the post titles under them, up to the first line of
// another kind or the first post (a title over its text). The titles are
// repeated over their posts.
func dropKeyEvents(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		if !keyEventLabels[key(ls[i].text)] || ls[i].kind == kindText && endsSentence(ls[i].text) {
			continue
		}
		ls[i].kind, ls[i].why = kindJunk, "label of a live page's key events"
		for j := i + 1; j < len(ls) && j <= i+2*maxInlineTeasers; j++ {
			switch {
			case headsText(ls, j) || ls[j].kind == kindDate && headsText(ls, j+1):
				j = len(ls) // the first post
			case ls[j].kind == kindDate:
				ls[j].kind, ls[j].why = kindJunk, "time in a live page's key events"
			case isTeaserHeadline(ls[j]):
				ls[j].kind, ls[j].why = kindJunk, "post title in a live page's key events"
			default:
				j = len(ls)
			}
		}
	}
}

// headsText reports whether the line at i is a title directly over a
// paragraph.
func headsText(ls []line, i int) bool {
	return i+1 < len(ls) && isTeaserHeadline(ls[i]) && isParagraph(ls[i+1])
}

// maxInlineTeasers bounds the headlines of a list of other stories set
// inside a body ("Most Read" and three headlines).
const maxInlineTeasers = 6

// dropInlineLists marks as junk a list of other stories set inside the
// body: an end-matter heading, one or more unterminated headlines (with
// the box's links and labels among them), and then a paragraph of plain
// prose, which the story's body goes on with. At
// the end of a page such a heading has no paragraph after its list.
func dropInlineLists(ls []line) {
	story := false // a paragraph came before: a menu's "Latest News" heads no box
	for i := 0; i+1 < len(ls); i++ {
		story = story || isParagraph(ls[i])
		if !story || ls[i].kind != kindEnd || !endLines[key(ls[i].text)] {
			continue
		}
		j, teasers := i+1, 0
		for ; j < len(ls) && j <= i+2*maxInlineTeasers; j++ {
			if isTeaserHeadline(ls[j]) {
				teasers++
			} else if !isBoxFurniture(ls[j]) {
				break
			}
		}
		if teasers == 0 || teasers > maxInlineTeasers || j >= len(ls) || !isParagraph(ls[j]) || !isPlainProse(ls[j]) {
			continue
		}
		ls[i].kind, ls[i].why = kindJunk, "heading of a list of other stories inside the body"
		for k := i + 1; k < j; k++ {
			ls[k].kind, ls[k].why = kindJunk, "headline in a list of other stories inside the body"
		}
	}
}

// isBoxFurniture reports whether l may sit among the headlines of a box
// of other stories: a "Read more" link, another label ("Partner content").
func isBoxFurniture(l line) bool {
	return l.kind == kindJunk || l.kind == kindCrumb && wordCount(l.text) <= 3
}

// isTeaserHeadline reports whether l is another story's headline in a
// list: text of four words or more, capitalised and unterminated, or of
// five or more with every word capitalised ("Prices Fall. Buyers Wait.").
func isTeaserHeadline(l line) bool {
	return l.kind == kindText && wordCount(l.text) >= 4 && wordCount(l.text) <= maxHeadlineWords &&
		startsUpper(l.text) && (!endsSentence(l.text) || wordCount(l.text) >= 5 && lowerShare(strings.Fields(l.text)) == 0)
}

// isQuestionHeadline reports whether the line at j is a headline asking
// a question in a list of teasers: twelve words or fewer ending in "?",
// set under a label ("Levelling up: Where has the money gone?") or over
// another teaser.
func isQuestionHeadline(ls []line, j int) bool {
	s := ls[j].text
	if !strings.HasSuffix(s, "?") || wordCount(s) > 12 || !startsUpper(s) {
		return false
	}
	return strings.Contains(s, ": ") || j+1 < len(ls) && isTeaserHeadline(ls[j+1])
}

// dropTeasers marks as junk the unterminated headline lines that follow a
// "Read more" label, up to the next sentence.
func dropTeasers(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		if !(ls[i].kind == kindJunk && readMoreLabels[key(ls[i].text)]) && !(ls[i].kind == kindCrumb && strings.HasPrefix(key(ls[i].text), "related ") && wordCount(ls[i].text) <= 3) {
			continue // "Read more", or a box's label "Related Links"
		}
		marker := ""
		for j := i + 1; j < len(ls) && j <= i+maxFurniture && (ls[j].kind == kindJunk || ls[j].kind == kindText); j++ {
			if ls[j].kind == kindText {
				// A teaser's list marker ("* ") marks the items after it
				// as teasers, questions included.
				sameItem := marker != "" && strings.HasPrefix(ls[j].text, marker) && wordCount(ls[j].text) < 20
				if !sameItem && !isQuestionHeadline(ls, j) && (endsSentence(ls[j].text) || wordCount(ls[j].text) >= 20) {
					break
				}
				ls[j].kind, ls[j].why = kindJunk, "teaser after a read-more label"
				if marker == "" {
					marker = listMarker(ls[j].text)
				}
			}
		}
	}
}

// unmarkDeskHeadlines gives back to the text a line read as a desk's
// signature ("Herald Staff") that stands over another byline: a desk
// signs alone, so the line is a headline ending in one of the desk's
// words ("Musk Fires Twitter Staff" over "By Jane Roe").
func unmarkDeskHeadlines(ls []line) {
	for i, l := range ls {
		if l.kind != kindByline || len(l.names) > 0 || !isDeskSignature(l.text) {
			continue
		}
		if j := nextPastJunk(ls, i); j >= 0 && ls[j].kind == kindByline && len(ls[j].names) > 0 {
			ls[i].kind, ls[i].why = kindText, "a line ending in a desk's word over a byline: a headline, not a desk signing"
		}
	}
}

// markSignatures makes bylines of the signatures under letters: a
// person's name alone under a paragraph, over the writer's place (one to
// three capitalised words, no job title), found under two paragraphs or
// more of the page: one such pair could be a stray label.
func markSignatures(ls []line) {
	var sigs []int
	for i := 1; i+1 < len(ls); i++ {
		if isSignature(ls, i) {
			sigs = append(sigs, i)
		}
	}
	if len(sigs) < 2 {
		return
	}
	for _, i := range sigs {
		names, _ := parseNames(ls[i].text)
		ls[i].kind, ls[i].names, ls[i].why = kindByline, names, "a letter's signature: a name over a place, under a paragraph"
		ls[i+1].kind, ls[i+1].why = kindJunk, "a letter writer's place"
	}
}

// isSignature reports whether the line at i is a name over a place, under
// a paragraph, as letters to the editor are signed.
func isSignature(ls []line, i int) bool {
	l, place := ls[i], ls[i+1]
	if place.kind != kindCrumb && place.kind != kindPlace || l.kind != kindCrumb && l.kind != kindText || wordCount(l.text) > 4 || !isParagraph(ls[i-1]) {
		return false
	}
	if wordCount(place.text) > 3 || !isPublisherName(place.text) || isRole(place.text) {
		return false
	}
	names, ok := parseNames(l.text)
	return ok && len(names) == 1 && allPeople(names)
}

// listMarker returns the bullet opening s ("* ", "• ", "- "), or "".
func listMarker(s string) string {
	for _, m := range []string{"* ", "• ", "- ", "· "} {
		if strings.HasPrefix(s, m) {
			return m
		}
	}
	return ""
}

// markNameBylines makes a byline of a line holding only people's names
// ("Daniel Levy", "Martin Belam and Helen Sullivan") when a dated line or
// an affiliation line ("BBC News, Cairo") follows it: a headline of a few
// capitalised words is not followed by either.
func markNameBylines(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		l := &ls[i]
		text, _, row := bylineRow(l.text)
		if !row && (l.kind != kindText && l.kind != kindCrumb || wordCount(l.text) > 12) {
			continue // the cheap test before the name forms below
		}
		if !row {
			text = l.text
			if name, outlet, ok := strings.Cut(text, ", "); ok && isMasthead(outlet) {
				text = name // "Jane Roe, ABS-CBN News": the name and the outlet
			} else if name, outlet, ok := strings.Cut(text, " - "); ok && isMasthead(outlet) {
				text = name // "Jane Roe - The Philippine Star"
			}
			if name, ok := cutRole(text); ok {
				text = name // "Jane Roe Environment correspondent"
			}
			text = cutSlashRole(text) // "Jane Roe/Gleaner Writer"
			if m := nameOutletBracketRE.FindStringSubmatch(text); m != nil && isPublisherName(m[2]) {
				text = m[1] // "Jane Roe (The Jakarta Post)"
			}
		}
		if (l.kind != kindText && l.kind != kindCrumb && (l.kind != kindNav || !row)) || wordCount(text) > 8 || strings.ContainsAny(text, ".:;!?") {
			continue
		}
		names, ok := parseNames(text)
		if !ok || len(names) == 0 || !allPeople(names) || !afterHeadline(ls, i) && !headlineUnderDate(ls, i) || i > 0 && isIssuerLabel(ls[i-1].text) {
			continue
		}
		n, again := nextPastJunk(ls, i), -1
		if n < len(ls) && ls[n].text == l.text && n+1 < len(ls) {
			// The name printed again past a button ("Name" / "Plus Icon" /
			// "Name"): what follows the copy is what follows the name.
			again, n = n, nextPastJunk(ls, n)
		}
		next := &ls[n]
		switch {
		case next.kind == kindDate && (!next.date.t.IsZero() || isTodayLine(next.text) || isRelativeDate(next.text)):
			l.why = whyNamesBeforeDate
		case isAffiliation(next.text) && (next.kind == kindText || next.kind == kindCrumb):
			l.why = "names alone, before an affiliation"
			next.kind, next.why = kindJunk, whyAffiliation
		case isOutletOverDate(ls, n):
			l.why = "names alone, before the outlet and a date"
			next.kind, next.why = kindJunk, whyOutlet
		case isMenuOutlet(ls, n):
			l.why = "names alone, before the outlet the menu names"
			next.kind, next.why = kindJunk, whyOutlet
		case isPlaceOverDate(ls, n):
			l.why = "names alone, before a place and a date"
		case isNameStack(ls, i):
			l.why = whyNameStack
		case isUnderDate(ls, i):
			l.why = "names alone, under the date"
		default:
			continue
		}
		l.kind, l.names = kindByline, names
		if again >= 0 {
			ls[again].kind, ls[again].why = kindJunk, "the byline's name printed again"
		}
	}
}

// whyLifeSpan is the reason given for a line of life dates.
const whyLifeSpan = "life dates: a birth and a death, years apart"

// markLifeSpans makes a crumb of a date line that spans a life ("July 2,
// 1938 - October 14, 2022" under an obituary's name): neither date is the
// page's, and the name above it is the headline, not a byline.
func markLifeSpans(ls []line) {
	for i := range ls {
		if ls[i].kind == kindDate && isLifeSpan(ls[i].text) {
			ls[i].kind, ls[i].why = kindCrumb, whyLifeSpan
		}
	}
}

// isLifeSpan reports whether s is two full dates joined by a dash, the
// first ten years or more before the second.
func isLifeSpan(s string) bool {
	for _, sep := range []string{" - ", " – ", " — "} {
		from, to, ok := strings.Cut(s, sep)
		if !ok {
			continue
		}
		a, okA := parseDateLine(from)
		b, okB := parseDateLine(to)
		return okA && okB && !a.t.IsZero() && !b.t.IsZero() && a.t.AddDate(10, 0, 0).Before(b.t)
	}
	return false
}

// isTodayLine reports whether s dates a story by the time of the capture
// day: "Today 6:20 PM".
func isTodayLine(s string) bool {
	_, ok := todayClock(s)
	return ok
}

// isPlaceOverDate reports whether the line at n is a place, a capitalised
// word or two set alone, over a dated line: the reporter's location
// between the name and the date ("Jane Roe" / "Halifax" / the date).
func isPlaceOverDate(ls []line, n int) bool {
	l := ls[n]
	if l.kind != kindCrumb && l.kind != kindPlace || wordCount(l.text) > 2 || !isPublisherName(l.text) || n+1 >= len(ls) {
		return false
	}
	next := ls[n+1]
	return next.kind == kindDate && !next.date.t.IsZero()
}

// isNameStack reports whether the line at i, holding names alone, is one
// of two or more such lines stacked under a date or a byline (NPR: the
// date, then "Greg Myre", then "Jenna McLaughlin", then the audio
// player): one name alone could be a short headline, a stack of them
// under the date is the byline.
func isNameStack(ls []line, i int) bool {
	p := prevPastJunk(ls, i)
	for k := 0; k < 2 && p > 0 && isShortLabel(ls[p]); k++ {
		p = prevPastJunk(ls, p) // "Heard on All Things Considered"
	}
	switch {
	case p < 0:
		return false
	case p == i-1 && ls[p].why == whyNameStack:
		return !isAffiliation(ls[i].text) // continues a stack
	case ls[p].kind != kindDate && ls[p].kind != kindByline:
		return false
	}
	return i+1 < len(ls) && isNamesAlone(ls[i+1]) && !isAffiliation(ls[i].text) && !isAffiliation(ls[i+1].text)
}

// isShortLabel reports whether l is a short unterminated text or crumb
// that is not a name: a programme's label between a date and the names.
func isShortLabel(l line) bool {
	return (l.kind == kindText || l.kind == kindCrumb) && wordCount(l.text) <= 6 && !endsSentence(l.text) && !isNamesAlone(l)
}

// isNamesAlone reports whether l holds only people's names, in at most
// four words and no sentence punctuation.
func isNamesAlone(l line) bool {
	if l.kind != kindText && l.kind != kindCrumb || wordCount(l.text) > 4 || strings.ContainsAny(l.text, ".:;!?") {
		return false
	}
	names, ok := parseNames(l.text)
	return ok && len(names) > 0 && allPeople(names)
}

// isOutletOverDate reports whether the line at n is a masthead
// ("Indianapolis Star") or an outlet's short name ("IndyStar") over a dated
// line: the outlet a reporter writes for, printed
// between the name and the date on Gannett pages.
func isOutletOverDate(ls []line, n int) bool {
	l := ls[n]
	if (l.kind != kindText && l.kind != kindCrumb) || !isMasthead(l.text) && !isOutletCrumb(l) {
		return false
	}
	m := nextPastJunk(ls, n)
	if m >= len(ls) {
		return false // the outlet's line is the page's last
	}
	return ls[m].kind == kindDate && !ls[m].date.t.IsZero()
}

// isMenuOutlet reports whether the line at n repeats a name of two words
// or more from the menu above it ("BBC Sport" in the menu and under the
// reporter's name): the outlet the reporter writes for.
func isMenuOutlet(ls []line, n int) bool {
	l := ls[n]
	if (l.kind != kindText && l.kind != kindCrumb) || wordCount(l.text) < 2 || wordCount(l.text) > 4 || !isPublisherName(l.text) || isSectionLabel(l.text) {
		return false
	}
	for j := 0; j < n; j++ {
		if ls[j].kind == kindCrumb && ls[j].text == l.text {
			return true
		}
	}
	return false
}

// isSectionLabel reports whether every word of s is a section word
// ("Local News"), which names no outlet.
func isSectionLabel(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !genericWords[w] {
			return false
		}
	}
	return true
}

// isOutletCrumb reports whether l is a crumb holding an outlet's short
// name in one camel-case word.
func isOutletCrumb(l line) bool {
	return l.kind == kindCrumb && isCamelName(l.text)
}

// isCamelName reports whether s is one camel-case word ("IndyStar",
// "DesertSun"), as outlets shorten their names and section labels never
// are.
func isCamelName(s string) bool {
	if wordCount(s) != 1 || !hasLower(s) || !startsUpper(s) {
		return false
	}
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// bylineRow splits a byline row such as "Jane Roberts · CBC News ·" into
// the names before the first separator and the masthead among the other
// segments (""), which must all be outlets' names; ok is false for any
// other line.
func bylineRow(s string) (names, outlet string, ok bool) {
	segs := strings.FieldsFunc(s, func(r rune) bool { return r == '·' || r == '|' })
	if len(segs) < 2 {
		return "", "", false
	}
	names = strings.TrimSpace(segs[0])
	for _, seg := range segs[1:] {
		seg = strings.TrimSpace(seg)
		switch {
		case seg == "":
		case isMasthead(seg):
			if outlet == "" {
				outlet = casedMasthead(seg)
			}
		case agencyName(seg) == "" && isCoAuthor(seg):
			names += ", " + seg // "Jana Kessler | Tomás Ferreira" (DW)
		case agencyName(seg) != "" || isPublisherName(seg):
		default:
			return "", "", false
		}
	}
	return names, outlet, true
}

// nameOutletBracketRE reads a name with the outlet in brackets after it:
// "Jane Roe (The Jakarta Post)".
var nameOutletBracketRE = regexp.MustCompile(`^(\p{Lu}[^()]{2,40}?) \(((?:The )?\p{Lu}[^()]{1,40})\)$`)

// roleWords are the words a role ends on.
var roleWords = setOf("writer", "author", "reporter", "correspondent", "editor",
	"columnist", "contributor", "photographer", "journalist", "critic",
	"reviewer", "producer", "presenter", "anchor", "host", "commentator",
	"blogger", "cartoonist", "illustrator", "videographer", "engineer",
	"developer", "designer", "scientist", "researcher", "analyst",
	"president", "director", "manager", "officer", "founder", "chair",
	"chairman", "chairwoman", "spokesperson", "spokesman", "spokeswoman")

// cutRole returns the name opening a line that is a name and a role run
// together ("Jane Roe Environment correspondent"): two or three words of a
// name, then a role.
func cutRole(s string) (string, bool) {
	if n := wordCount(s); n < 3 || n > 9 || !startsUpper(s) || !roleWords[strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])] {
		return "", false // cheaply: a role ends on one of its words
	}
	ws := strings.Fields(s)
	for n := 2; n <= 3 && n < len(ws); n++ {
		name := strings.Join(ws[:n], " ")
		if _, ok := personName(name); ok && isRole(strings.Join(ws[n:], " ")) && allPeople([]string{name}) {
			return name, true
		}
	}
	return "", false
}

// isCoAuthor reports whether a segment of a byline row is another person's
// name: two words or more of a name, not an outlet, an organisation or a
// role.
func isCoAuthor(seg string) bool {
	n, ok := personName(seg)
	return ok && allPeople([]string{n})
}

// nextPastJunk returns the index of the first line after i that is not
// junk, a crumb without letters ("·", "--"), a handle or a button: a profile's
// "Follow" button and read time sit between a name and its date. It returns i+1 when all
// the lines up to maxFurniture are such lines, which is len(ls) when i is
// the last line: callers check.
func nextPastJunk(ls []line, i int) int {
	for j := i + 1; j < len(ls) && j <= i+maxFurniture+1; j++ {
		if ls[j].kind != kindJunk && (ls[j].kind != kindCrumb || hasLetter(ls[j].text) && !handleLineRE.MatchString(ls[j].text)) && !isButton(ls[j]) {
			return j
		}
	}
	return i + 1
}

// handleLineRE matches a social-media handle alone on its line.
var handleLineRE = regexp.MustCompile(`^@\w{1,30}$`)

// isButton reports whether l is a button of a few words shaped as a call
// to action ("Follow", "Sign up", "Listen now") that the junk vocabulary
// does not know.
func isButton(l line) bool {
	return (l.kind == kindCrumb || l.kind == kindText) && wordCount(l.text) <= 3 && isCallToAction(l.text)
}

// afterHeadline reports whether a headline-like line or a sentence comes
// before line i, past furniture and metadata: a short title-case headline
// over its date ("Biden Visits Israel" / "May 12, 2021") has only the
// navigation above it.
func afterHeadline(ls []line, i int) bool {
	for j := i - 1; j >= 0 && j >= i-maxFurniture; j-- {
		switch {
		case ls[j].kind == kindText:
			return true
		case ls[j].kind == kindNav:
			return false
		}
	}
	return false
}

// isUnderDate reports whether the line at i sits under the story's date,
// past junk such as a read time, and over the lead picture's caption or
// credit ("Jun 3, 2021" / "4 min read" / name / caption): the byline closing
// the header. A name alone under the date and over the text may be a
// programme's host or a label.
func isUnderDate(ls []line, i int) bool {
	p, n := prevPastJunk(ls, i), nextPastJunk(ls, i)
	if p < 0 || n >= len(ls) || ls[p].kind != kindDate || ls[p].date.t.IsZero() || ls[p].date.updated {
		return false
	}
	return ls[n].kind == kindCaption || ls[n].kind == kindCredit || isCaptionBeforeCredit(ls, n)
}

// isCaptionBeforeCredit reports whether the line at n is text over a
// credit line, a caption the context pass has not marked yet.
func isCaptionBeforeCredit(ls []line, n int) bool {
	return ls[n].kind == kindText && n+1 < len(ls) && ls[n+1].kind == kindCredit
}

// headlineUnderDate reports whether the first date line after i, past
// crumbs and junk, sits over a headline-like line and a paragraph: the
// byline and date printed above the headline (name, section, date,
// headline, deck). A short title-case headline over its date has a
// paragraph, not a headline, under the date.
func headlineUnderDate(ls []line, i int) bool {
	j := i + 1
	for j < len(ls) && j <= i+maxFurniture && ls[j].kind != kindDate {
		if ls[j].kind != kindCrumb && ls[j].kind != kindJunk {
			return false
		}
		j++
	}
	if j >= len(ls) || ls[j].kind != kindDate {
		return false
	}
	h := nextContent(ls, j)
	if h < 0 || ls[h].kind != kindText || !isHeadlineLike(ls[h]) {
		return false
	}
	p := nextContent(ls, h)
	return p >= 0 && isParagraph(ls[p])
}

// markAffiliations marks as junk the affiliation line under a byline
// ("By Yolande Knell" / "BBC News, Jerusalem").
func markAffiliations(ls []line) {
	for i := 1; i < len(ls); i++ {
		l := &ls[i]
		if ls[i-1].kind == kindByline && (l.kind == kindText || l.kind == kindCrumb) && isAffiliation(l.text) {
			l.kind, l.why = kindJunk, whyAffiliation
		}
	}
}

// allPeople reports whether every name has two words or more and none is
// an agency, a masthead ("Wichita Daily Eagle" over a date is the
// publisher on an aggregator's card) or a role ("Senior Reporter" on its
// own line under the name is the author's job, not a co-author).
func allPeople(names []string) bool {
	for _, n := range names {
		if wordCount(n) < 2 || isAgency(n) || isMasthead(n) || isOrganisation(n) || isRole(n) {
			return false
		}
	}
	return true
}

// organisationWords are the words companies put in their names: "Nation
// Media Group" under a reporter's name is the employer, not a co-author.
var organisationWords = setOf("group", "media", "network", "agency",
	"corporation", "company", "communications", "broadcasting", "holdings",
	"ltd", "inc", "llc", "plc")

// isOrganisation reports whether name has a word of organisationWords.
func isOrganisation(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if organisationWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// issuerLabels end the line, in lower case, before the name of a press
// release's issuer ("News provided by" / "Acme Robotics") or of the
// publication a post appears in (Medium's "Published in"): a company or
// a publication, not a byline.
var issuerLabels = []string{"provided by", "issued by", "sponsored by", "presented by", "paid for by", "published in"}

// isIssuerLabel reports whether s labels the issuer on the next line.
func isIssuerLabel(s string) bool {
	low := strings.ToLower(strings.TrimRight(s, " :"))
	for _, l := range issuerLabels {
		if strings.HasSuffix(low, l) {
			return true
		}
	}
	return false
}

// handleRE matches a social-media handle after a reporter's role.
var handleRE = regexp.MustCompile(`\s+@\w+$`)

// isAffiliation reports whether s names a reporter's outlet and post or
// role: "BBC News, Cairo", "Staff Writer", "Senior Engineer, Payments".
func isAffiliation(s string) bool {
	s = handleRE.ReplaceAllString(s, "") // "Business reporter @janedoe"
	if wordCount(s) > 6 || endsSentence(s) {
		return false
	}
	if isRole(s) {
		return true
	}
	if role, team, ok := strings.Cut(s, ", "); ok && isRole(role) && startsUpper(team) {
		return true // "Staff Engineer, Build Infrastructure": a role and its team
	}
	org, place, ok := strings.Cut(s, ", ")
	return ok && wordCount(place) <= 3 && startsUpper(place) && isPublisherName(org) &&
		strings.Contains(strings.ToLower(org), "news")
}

// markCrumbPaths makes a crumb of a line read as a slashed credit whose
// first part is an item of the menu above it: "Earth / Environment" under
// a menu holding "Earth" is a path of sections, not a photographer and an
// agency.
func markCrumbPaths(ls []line) {
	var menu map[string]bool
	for i := range ls {
		l := &ls[i]
		if l.kind == kindCrumb && inMenu(ls, i) {
			if menu == nil {
				menu = make(map[string]bool)
			}
			menu[key(l.text)] = true
		}
		if l.kind != kindCredit || menu == nil || !slashCreditRE.MatchString(l.text) {
			continue
		}
		if first, _, ok := strings.Cut(l.text, "/"); ok && menu[key(strings.TrimSpace(first))] {
			l.kind, l.why = kindCrumb, "a path of sections, the first an item of the menu above"
		}
	}
}

// markCaptionsBeforeCredits makes a caption of a text line followed by a
// bracketed credit: "Caption text" / "(photo credit: …)", or by one after
// the buttons of an image viewer (NPR: caption, "hide caption", "toggle
// caption", credit). A prompt to the reader over the credit is no caption:
// the picture has none.
func markCaptionsBeforeCredits(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		l := &ls[i]
		n := nextPastJunk(ls, i)
		if l.kind != kindText || n >= len(ls) || ls[n].kind != kindCredit || !isTrailingCredit(ls[n].text) {
			continue
		}
		if reportingRE.MatchString(l.text) && strings.ContainsAny(l.text, "“\"") {
			continue // a quote someone said is the story's last paragraph, over the wire's sign-off
		}
		if isCallToAction(l.text) {
			continue // a prompt over a caption-less picture's credit ("Follow X on Google News" / "Photo: Supplied")
		}
		if c, ok := checkCaption(l.text); ok {
			l.kind, l.caption, l.why = kindCaption, c, "text before a credit line"
		} else {
			l.why = "text"
		}
	}
	for i := 0; i+1 < len(ls); i++ {
		// A caption over an agency's name alone: "… from their homes." /
		// "AP".
		l, n := &ls[i], &ls[i+1]
		if l.kind != kindText || !endsSentence(l.text) || wordCount(l.text) > 30 || wordCount(n.text) > 3 || agencyName(n.text) == "" && !stockCreditRE.MatchString(n.text) {
			continue
		}
		if reportingRE.MatchString(l.text) || strings.ContainsAny(l.text, "“\"") || stampLabelRE.MatchString(l.text) || strings.Contains(l.text, strings.TrimSpace(n.text)) {
			continue // "This report by The Canadian Press was first published …": the wire's note
		}
		l.kind, l.caption, l.why = kindCaption, l.text, "text over an agency's name"
		n.kind, n.why = kindCredit, "an agency's name under a caption"
	}
}

// participleCaptionRE matches a caption naming a thing and, after a
// comma, what became of it: a determiner, a noun phrase, a comma and a
// participle or a particle, "The new gate, painted at last", "Our roses,
// finally out".
var participleCaptionRE = regexp.MustCompile(`^(?:The|A|An|My|Our|Their|His|Her|This|These) [^,.!?:;]{2,40}, (?:\p{Ll}+ly )?(?:\p{Ll}{2,}(?:ed|en)|up|out|down|in bloom)\b`)

// innerSentenceRE finds a sentence boundary inside a line.
var innerSentenceRE = regexp.MustCompile(`\p{Ll}[.!?] \p{Lu}`)

// markBareCaptions makes a caption of an uncredited caption between two
// paragraphs: two sentences or more of which the last is unterminated
// ("Commuters wait at London Bridge station this morning. The strike will
// hit three lines next week"), or a thing and what became of it, set off
// by a comma ("The new gate, painted at last"), or one long noun phrase
// (isNounPhraseCaption). A subheading is one short phrase.
func markBareCaptions(ls []line) {
	for i := 1; i+1 < len(ls); i++ {
		l := &ls[i]
		if l.kind != kindText || endsSentence(l.text) || isBio(l.text) || isCallToAction(l.text) || endsOnName(l.text) {
			continue // an author's bio ending on a handle, a prompt, or a paragraph signed, is no caption
		}
		if (wordCount(l.text) < 8 || !innerSentenceRE.MatchString(l.text)) && (wordCount(l.text) > 15 || !participleCaptionRE.MatchString(l.text)) && !isNounPhraseCaption(l.text) {
			continue
		}
		p, n := prevPastJunk(ls, i), nextPastJunk(ls, i)
		if p < 0 || !isParagraph(ls[p]) || n >= len(ls) || !isParagraph(ls[n]) {
			continue
		}
		l.kind, l.caption, l.why = kindCaption, l.text, "unterminated sentences between paragraphs"
	}
}

// sceneDayRE matches the end of a news picture's caption: the day, date or
// year the picture was taken ("… in Bogotá on Friday.", "…, May 10,
// 2021.", "… in 2019.").
var sceneDayRE = regexp.MustCompile(`(?:\bon |, |\bin |\bat )(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?: \d{4})?|(?:19|20)\d\d)(?: (?:morning|afternoon|evening|night))?\.$`)

// dayParts end a caption's day besides a weekday or a number: "on
// Wednesday morning."
var dayParts = setOf("morning", "afternoon", "evening", "night")

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// pastCues are irregular past forms and the persons of a writer
// addressing a reader: a story's sentence has them, a picture's caption,
// written in the present, does not.
var pastCues = setOf("arose", "awoke", "became", "began", "bent", "bet",
	"bit", "bled", "blew", "broke", "bred", "brought", "built", "burnt",
	"burst", "bought", "caught", "chose", "clung", "came", "cost", "crept",
	"cut", "dealt", "dug", "drew", "drank", "drove", "ate", "fell", "fed",
	"felt", "fought", "found", "fled", "flung", "flew", "forgot", "forgave",
	"froze", "got", "gave", "went", "grew", "hung", "heard", "hid", "hit",
	"held", "hurt", "kept", "knelt", "knew", "laid", "led", "leapt", "left",
	"lent", "let", "lit", "lost", "made", "meant", "met", "paid", "put",
	"quit", "rode", "rang", "rose", "ran", "sought", "sold", "sent", "set",
	"shook", "shone", "shot", "shrank", "shut", "sang", "sank", "sat",
	"slept", "slid", "spoke", "spent", "spun", "spread", "sprang", "stood",
	"stole", "stuck", "struck", "swore", "swept", "swam", "swung", "took",
	"taught", "tore", "thought", "threw", "understood", "woke", "wore", "won",
	"wrote",
	"i", "we", "you", "i'm", "i'd", "we're", "you're")

// isSceneCaption reports whether s is a news picture's caption by its
// grammar alone: one sentence of five to forty words in the present
// tense, no auxiliary, past form or quote, ending on the day or year the
// picture was taken ("Demonstrators march in Bogotá on Friday."). News
// prose tells the same scene in the past ("Demonstrators marched …");
// headlines and teasers in the present carry no full stop. Checked on the
// test set's goldens (30 of 88 captions, none of 530 paragraphs or 51
// standfirsts) and on 17,868 paragraphs of the real-feed corpus (one hit,
// a signature: "Name, December 20, 2025.").
func isSceneCaption(s string) bool {
	// Cheap first: the line ends on a year, a date's day or a day's name.
	last := s[strings.LastIndexByte(s, ' ')+1:]
	end := strings.TrimSuffix(last, ".")
	if !strings.HasSuffix(last, ".") || !dayParts[end] && !(weekdays[strings.ToLower(end)] && startsUpper(end)) && !isDigits(end) {
		return false
	}
	n := wordCount(s)
	if n < 5 || n > 40 || !startsUpper(s) || !sceneDayRE.MatchString(s) || innerSentenceRE.MatchString(s) ||
		strings.ContainsAny(s, "“”\"@") || stampLabelRE.MatchString(s) || strings.HasPrefix(s, "By ") {
		return false
	}
	// The date is left out: its "May" is no auxiliary.
	return !hasFiniteVerb(strings.Fields(s[:sceneDayRE.FindStringIndex(s)[0]]))
}

// hasFiniteVerb reports whether the words ws hold an auxiliary, a
// reporting verb, an irregular past, a speaker ("I", "we") or a form in
// "-ed" that no determiner makes an adjective ("a controlled burn", "the
// planned facility").
func hasFiniteVerb(ws []string) bool {
	for i, w := range ws {
		w = strings.ToLower(strings.ReplaceAll(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }), "’", "'"))
		if verbCues[w] || pastCues[w] || strings.HasSuffix(w, "n't") {
			return true
		}
		if len(w) >= 5 && strings.HasSuffix(w, "ed") && startsLower(ws[i]) && (i == 0 || !determiners[strings.ToLower(ws[i-1])]) {
			return true
		}
	}
	return false
}

// determiners open a noun phrase.
var determiners = setOf("a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those", "that")

// markSceneCaptions makes a caption of every text line after the first
// that isSceneCaption reads as one, wherever it stands: the lead
// picture's caption over the first paragraph, or a picture's between two.
func markSceneCaptions(ls []line) {
	for i := 1; i < len(ls); i++ {
		if l := &ls[i]; l.kind == kindText && isSceneCaption(l.text) {
			l.kind, l.caption, l.why = kindCaption, l.text, "a picture's caption: present tense, ending on the day"
		}
	}
}

// durationRE matches a video's or a recording's labelled running time on
// a line of its own: "Duration 2:04", "Duration: 1:02:10". A bare "12:38"
// is a live post's time as often.
var durationRE = regexp.MustCompile(`^(?i:duration):? \d{1,2}:\d{2}(?::\d{2})?$`)

// mediaLabelRE reads the label over an embedded video or recording:
// "WATCH | Title:", "Video: Title", "Click to play video: 'Title'".
var mediaLabelRE = regexp.MustCompile(`^(?i:(?:(?:click|tap) to )?(?:play )?(?:watch|video|listen))\s*[|:]\s*['‘"“]?(\S.*?)['’"”]?:?$`)

// markMediaBlocks marks as junk an embedded video's block: its running
// time, the title above it (past its date), and the short description
// under it ("… Jane Roe reports."); also a labelled video's label and the
// title that repeats it.
func markMediaBlocks(ls []line) {
	for i := range ls {
		if m := mediaLabelRE.FindStringSubmatch(ls[i].text); m != nil {
			// "WATCH | Councilors debate speed limits:" over the video's
			// title: the same words, or a short headline under the colon.
			n := nextPastJunk(ls, i)
			if n+1 < len(ls) && bareDurationRE.MatchString(ls[n].text) && key(ls[n+1].text) == key(m[1]) {
				ls[n].kind, ls[n].why = kindJunk, "a video's running time"
				n++ // the player's running time between the label and the title
			}
			if n < len(ls) && (key(ls[n].text) == key(m[1]) || strings.HasSuffix(ls[i].text, ":") && isTeaserHeadline(ls[n]) && wordCount(ls[n].text) <= 12) {
				ls[i].kind, ls[i].why = kindJunk, "a video's label"
				ls[n].kind, ls[n].why = kindJunk, "a video's title under its label"
			}
		}
		if videoCreditRE.MatchString(ls[i].text) {
			markCreditedVideo(ls, i)
			continue
		}
		if !durationRE.MatchString(ls[i].text) {
			continue
		}
		ls[i].kind, ls[i].why = kindJunk, "a video's running time"
		j := i - 1
		for j >= 0 && (ls[j].kind == kindDate || ls[j].kind == kindJunk || ls[j].text == "") {
			j--
		}
		if j >= 0 && ls[j].kind == kindText && !endsSentence(ls[j].text) && wordCount(ls[j].text) <= maxHeadlineWords {
			ls[j].kind, ls[j].why = kindJunk, "a video's title over its running time"
		}
		n := i + 1
		for n < len(ls) && ls[n].text == "" {
			n++
		}
		if n < len(ls) && ls[n].kind == kindText && wordCount(ls[n].text) <= 30 {
			ls[n].kind, ls[n].why = kindJunk, "a video's description under its running time"
		}
	}
}

// videoCreditRE reads the credit of an embedded video: "Video by: Jane
// Roe".
var videoCreditRE = regexp.MustCompile(`^(?i:video|footage)\s+(?i:by)\s*:?\s*\p{Lu}.{0,40}$`)

// bareDurationRE matches a running time alone on its line: "01:58".
var bareDurationRE = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?$`)

// markCreditedVideo marks as junk the embedded video whose credit is at
// i: the bare running time over the credit, the video's title under it
// and the one-sentence description under the title. A bare time alone is
// a live post's as often; with a video's credit under it, it is the
// player's.
func markCreditedVideo(ls []line, i int) {
	ls[i].kind, ls[i].why = kindJunk, "a video's credit"
	if i > 0 && bareDurationRE.MatchString(ls[i-1].text) {
		ls[i-1].kind, ls[i-1].why = kindJunk, "a video's running time"
	}
	n := nextPastJunk(ls, i)
	if n >= len(ls) || !isTeaserHeadline(ls[n]) || endsSentence(ls[n].text) {
		return
	}
	ls[n].kind, ls[n].why = kindJunk, "a video's title under its credit"
	d := nextPastJunk(ls, n)
	if d < len(ls) && ls[d].kind == kindText && wordCount(ls[d].text) <= 30 && endsSentence(ls[d].text) && !innerSentenceRE.MatchString(ls[d].text) {
		ls[d].kind, ls[d].why = kindJunk, "a video's description under its title"
	}
}

// postSignatureRE matches the signature under an embedded social-media
// post: "— Jane Roe (@janeroe) June 2, 2021".
var postSignatureRE = regexp.MustCompile(`^[—–-]\s*\S.{0,60}\(@\w{1,30}\)\s+\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}$`)

// markEmbeddedPosts marks as junk an embedded post: its signature and
// the post's text over it. The story quotes a post in its own words.
func markEmbeddedPosts(ls []line) {
	for i := 1; i < len(ls); i++ {
		if !strings.Contains(ls[i].text, "(@") || !postSignatureRE.MatchString(ls[i].text) {
			continue
		}
		ls[i].kind, ls[i].why = kindJunk, "an embedded post's signature"
		if p := i - 1; ls[p].kind == kindText && wordCount(ls[p].text) <= 60 {
			ls[p].kind, ls[p].why = kindJunk, "an embedded post over its signature"
		}
	}
}

// determinerRE matches a line opening with a determiner.
var determinerRE = regexp.MustCompile(`^(?:The|A|An|Our|This|These|Two|Three) \p{L}`)

// isNounPhraseCaption reports whether s describes a picture as one long
// noun phrase: a determiner, ten to twenty words, no finite verb ("The
// museum's new east wing and its courtyard from the river bank"). A
// subheading is shorter.
func isNounPhraseCaption(s string) bool {
	n := wordCount(s)
	return n >= 10 && n <= 20 && determinerRE.MatchString(s) && !hasVerbCue(strings.Fields(s))
}

// reportingRE finds an attribution, which a news paragraph has and a
// picture's caption, describing what the picture shows, rarely does.
var reportingRE = regexp.MustCompile(`\b(?:said|says|told|according to)\b`)

// markSignOffs makes a paragraph again of a line read as a caption with a
// bracketed agency glued to its end ("… the ministry said. (Agency)")
// when it follows a paragraph and attributes what it says: the wire's
// sign-off closing its copy, not a picture's credit. The sign-off is cut.
func markSignOffs(ls []line) {
	for i := 1; i < len(ls); i++ {
		l := &ls[i]
		if l.kind != kindCaption || !strings.HasSuffix(l.text, ")") || !reportingRE.MatchString(l.caption) {
			continue
		}
		m := bracketTailRE.FindStringSubmatch(l.text)
		if m == nil || agencyName(m[2]) == "" || !endsSentence(m[1]) {
			continue
		}
		if p := prevPastJunk(ls, i); p < 0 || !isParagraph(ls[p]) {
			continue
		}
		*l = line{text: strings.TrimSpace(m[1]), kind: kindText, why: "paragraph signed off by its wire"}
	}
}

// whyNameAfterCaption is the reason of a caption read by its
// photographer's name alone after its last sentence (namedCreditTail).
const whyNameAfterCaption = "a sentence and a photographer's name alone after it"

// unmarkNamedParagraphs makes a paragraph again of a line read as a
// caption only by the bare name after its last sentence (namedCreditTail)
// when it runs on from a paragraph and reads as one: it reports what
// someone said, holds two sentences or more, speaks as "I", "we" or to
// "you", or runs to maxCaptionRun words ("… told the meeting. Mary
// Quinn", a letter's last paragraph over its signature). A picture's
// caption is one short sentence describing the picture, and sits by the
// picture's furniture (a marker, a share row, the header's date) or over
// a credit, not in the story's run of paragraphs.
func unmarkNamedParagraphs(ls []line) {
	for i := 1; i < len(ls); i++ {
		l := &ls[i]
		if l.kind != kindCaption || l.why != whyNameAfterCaption || !isParagraph(ls[i-1]) {
			continue
		}
		if i+1 < len(ls) && ls[i+1].kind == kindCredit {
			continue
		}
		if ws := strings.Fields(l.caption); len(ws) >= maxCaptionRun || sentenceWords(ws) < len(ws) || reportingRE.MatchString(l.caption) ||
			strings.ContainsAny(l.caption, "\"“”") || speaksAsPerson(ws) {
			l.kind, l.caption, l.why = kindText, "", "a paragraph ending on a name, in the story's run: no caption"
		}
	}
}

// maxCaptionRun is the fewest words of a line, after a paragraph, that
// read as a paragraph however it ends: a caption credited by a name alone
// is one short sentence (the test set's has 14 words).
const maxCaptionRun = 25

// personWords are a writer speaking as a person or to the reader, which a
// picture's caption never does.
var personWords = setOf("i", "we", "you", "my", "our", "your")

// speaksAsPerson reports whether ws hold a word of personWords.
func speaksAsPerson(ws []string) bool {
	for _, w := range ws {
		if personWords[strings.ToLower(strings.Trim(w, ".,;:!?\"“”'’()"))] {
			return true
		}
	}
	return false
}

// endsOnName reports whether s ends on a person's name alone after its
// last sentence ("… in the spring. Boris Johnson"): a signature, or a
// photographer's name (namedCreditTail), not an unterminated sentence.
func endsOnName(s string) bool {
	i := strings.LastIndexAny(s, ".!?")
	return i > 0 && i+2 < len(s) && s[i+1] == ' ' && isPhotographer(s[i+2:])
}

// prevPastJunk returns the index of the last line before i that is not
// junk, or -1.
func prevPastJunk(ls []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ls[j].kind != kindJunk {
			return j
		}
	}
	return -1
}

// prevPastJunkOrCrumb returns the index of the last line before i that is
// neither junk nor a crumb (past the menu and share rows), or -1.
func prevPastJunkOrCrumb(ls []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ls[j].kind != kindJunk && ls[j].kind != kindCrumb {
			return j
		}
	}
	return -1
}

// captionLabels are lines, by key, that announce the caption on the next
// line: BBC's "Image caption," alone on its line.
var captionLabels = setOf("image caption", "media caption", "caption", "bildunterschrift", "légende")

// markLabelledCaptions makes a caption of the text line after a caption
// label.
func markLabelledCaptions(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		if !captionLabels[key(ls[i].text)] || ls[i+1].kind != kindText {
			continue
		}
		if c, ok := checkCaption(ls[i+1].text); ok {
			ls[i+1].kind, ls[i+1].caption, ls[i+1].why = kindCaption, c, "text after a caption label"
		}
	}
}

// markCaptionCopies makes a caption of every text line that repeats a
// caption's text, so a caption printed with and without its credit is
// reported once and kept out of the body.
func markCaptionCopies(ls []line) {
	for i := 0; i+1 < len(ls); i++ {
		// "Caption. | Credit" printed over the caption alone: the bar
		// sets off the credit, whatever its name.
		l := &ls[i]
		if l.kind != kindText || !strings.Contains(l.text, " | ") {
			continue
		}
		c, credit, _ := strings.Cut(l.text, " | ")
		if n := nextContent(ls, i); n >= 0 && key(ls[n].text) == key(c) && wordCount(credit) <= 6 && wordCount(c) >= 4 {
			l.kind, l.caption, l.why = kindCaption, c, "text over its copy, the credit set off by a bar"
		}
	}
	captions := make(map[string]bool)
	for _, l := range ls {
		if l.kind == kindCaption {
			captions[key(l.caption)] = true
		}
	}
	for i := range ls {
		l := &ls[i]
		if l.kind != kindCaption && l.kind != kindByline && l.kind != kindDate && captions[key(l.text)] {
			*l = line{text: l.text, kind: kindCaption, caption: l.text, why: "repeats a caption"}
		}
	}
}

// markCaptionsOverCaptions makes a caption of an unterminated sentence
// of eight words or more, in sentence case, set between a paragraph and a
// caption (past junk): pictures set one after another, each under its
// own caption, where the story's paragraphs end in full stops. A subhead
// is shorter, and a prompt or a "Label | headline" link carries a
// furniture signal.
func markCaptionsOverCaptions(ls []line) {
	for i := len(ls) - 2; i > 0; i-- {
		l := &ls[i]
		if l.kind != kindText || wordCount(l.text) < 8 || strings.HasSuffix(l.text, ":") || !isOpenSentence(l.text) || endsOnName(l.text) {
			continue
		}
		p, n := prevPastJunk(ls, i), nextPastJunk(ls, i)
		if p >= 0 && isParagraph(ls[p]) && n < len(ls) && ls[n].kind == kindCaption && scoreProse(l.text, false).furniture == 0 {
			l.kind, l.caption, l.why = kindCaption, l.text, "an unterminated sentence between a paragraph and a caption"
		}
	}
}

// markRepeats marks a text line that repeats one of the few lines before it,
// unless the pair is a pull quote over its paragraph (markPullQuote).
// Whether the pair is a doubled headline or an uncredited caption printed
// twice is settled once the headline is known (see resolveRepeats).
func markRepeats(ls []line) {
	for i := range ls {
		if ls[i].kind != kindText {
			continue
		}
		k := key(ls[i].text)
		for j := i + 1; j < len(ls) && j <= i+repeatWindow; j++ {
			if ls[j].kind != kindText || key(ls[j].text) != k {
				continue
			}
			if markPullQuote(ls, i, j) {
				break
			}
			ls[j].kind, ls[j].repeats, ls[j].why = kindRepeat, i, "repeats a line just above"
		}
	}
}

// markPullQuote reports whether the text at i, printed again at j, is a
// pull quote and marks it so: one sentence or more, its speaker's name
// alone between the two copies ("— Ald. Jane Roe"), the second copy set
// among the story's paragraphs. The box (quote and name) is junk; the
// second copy is the paragraph it was pulled from, printed after it.
func markPullQuote(ls []line, i, j int) bool {
	m := nextPastJunk(ls, i)
	if m >= j || nextPastJunk(ls, m) != j || !endsSentence(ls[i].text) || wordCount(ls[i].text) < 6 {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(ls[m].text, "—–- "), ", ")
	if _, ok := personName(name); !ok || ls[m].kind != kindCrumb && ls[m].kind != kindText {
		return false
	}
	if n := nextContent(ls, j); n < 0 || !isParagraph(ls[n]) {
		return false
	}
	ls[i].kind, ls[i].why = kindJunk, "a pull quote, printed again below as its paragraph"
	ls[m].kind, ls[m].why = kindJunk, "the pull quote's speaker"
	return true
}

// whyPrintedTwice is the reason of a caption read from a line printed twice.
const whyPrintedTwice = "printed twice: an uncredited caption"

// resolveRepeats turns repeated pairs into captions, except repeats of the
// headline or standfirst, which are simply dropped.
func resolveRepeats(ls []line, keep ...int) {
	for j := range ls {
		if ls[j].kind != kindRepeat {
			continue
		}
		i := ls[j].repeats
		if isOneOf(i, keep) {
			continue
		}
		for _, k := range []int{i, j} {
			ls[k] = line{text: ls[k].text, kind: kindCaption, caption: ls[k].text, why: whyPrintedTwice}
		}
	}
}

// isOneOf reports whether i is in list.
func isOneOf(i int, list []int) bool {
	for _, x := range list {
		if x == i {
			return true
		}
	}
	return false
}
