package seed

import (
	"regexp"
	"slices"
	"strings"
)

// Verdicts of the density pass on the body's text lines, for Explain.
const (
	verdictProse    = "kept: prose"
	verdictLeadIn   = "kept: a lead-in subhead"
	verdictPost     = "kept: a post's heading over its byline or date"
	verdictPostTime = "kept: a post's heading under its time, over its text"
	verdictSubhead  = "kept: a lone subhead between paragraphs"
	verdictSignOff  = "kept: the author's sign-off after the last paragraph"
	verdictListItem = "kept: an item of a list under a lead-in"
	verdictDropped  = "dropped: furniture inside the body"
	verdictRunEnded = "dropped: no strong prose follows, the body ends here"
	verdictClosed   = "dropped: tags or a list of teasers close the body"
)

// keepProse scores the body's text lines (the indexes in body, in page
// order) and returns those kept, those dropped as furniture inside the
// body, and those cut after the body's last strong paragraph. The lines
// in titled (titleSubheads) are kept as subheads. Each line's score and
// verdict are left on it for Explain.
//
// A line scoring proseMin is kept. A line below it is kept only as a
// lead-in ("By the numbers:") or an item of the list under one, as a live
// post's heading over
// its byline or date, or as a lone subhead in sentence case that no
// furniture signal marks, set directly between kept lines; otherwise it is
// dropped. Dropped lines interrupt the body only when a strong paragraph
// (proseStrong, no furniture signal but addressing the reader when the
// story already did) follows them: after the last one, the first dropped line
// (or a question to the reader) ends the body. A row of tags ends it wherever it is.
func keepProse(ls []line, body []int, titled map[int]bool) (kept, dropped, cut []int) {
	reps := repeatedTexts(ls, body)
	keep := make([]bool, len(body))
	for k, i := range body {
		ls[i].prose = scoreProse(ls[i].text, reps[key(ls[i].text)])
		switch {
		case ls[i].prose.isProse():
			keep[k], ls[i].verdict = true, verdictProse
		case leadIn(ls[i].text) && ls[i].prose.furniture == 0 && k+1 < len(body) && body[k+1] == i+1:
			keep[k], ls[i].verdict = true, verdictLeadIn
		case headsPost(ls, i):
			keep[k], ls[i].verdict = true, verdictPost
		case headsPostUnderTime(ls, i):
			keep[k], ls[i].verdict = true, verdictPostTime
		}
	}
	for k, i := range body {
		if keep[k] && (ls[i].verdict == verdictLeadIn || ls[i].verdict == verdictProse && strings.HasSuffix(ls[i].text, ":")) {
			keepListItems(ls, body[k+1:], keep[k+1:])
		}
	}
	for k, i := range body {
		if titled[i] && !keep[k] && ls[i].prose.furniture == btoi(ls[i].prose.caps) {
			keep[k], ls[i].verdict = true, verdictSubhead // a feature's subheads in title case
		}
	}
	voice := false // a kept paragraph so far speaks to the reader (a review, a how-to)
	for k, i := range body {
		p := ls[i].prose
		ownVoice := voice && p.furniture == 1 && p.reader && strings.HasSuffix(ls[i].text, "?")
		voice = voice || keep[k] && p.reader
		// A subhead quoting someone ("“I Didn’t Know I Could Ask”") is
		// set in title case as any subhead may be; teasers are not quotes.
		furniture, titleCase := p.furniture, capitalisedShare(ls[i].text) >= 0.5
		if quotedSubhead(ls[i].text) {
			furniture, titleCase = furniture-btoi(p.caps), false
		}
		if keep[k] || !isInstructionHeading(ls, body, keep, k) && !ownVoice && (furniture > 0 || titleCase && (wordCount(ls[i].text) > 2 || lowerShare(strings.Fields(ls[i].text)) < 0.5) && ls[i].why != whyNumbered && ls[i].why != whySubheadLabel) {
			continue
		}
		// Junk between (an advertisement over the subhead) does not
		// part it from the paragraphs around it.
		prev := k > 0 && keep[k-1] && onlyJunkBetween(ls, body[k-1], i) || afterBox(ls, body, keep, k)
		next := k+1 < len(body) && keep[k+1] && ls[body[k+1]].verdict != verdictSubhead && onlyJunkBetween(ls, i, body[k+1])
		if prev && next {
			keep[k], ls[i].verdict = true, verdictSubhead
		}
	}
	// Key points go first: a prompt closing their box ("See the sources
	// for this check") is no subhead between paragraphs once they go.
	dropKeyPoints(ls, body, keep)
	keepSiblingSubheads(ls, body, keep)
	dropAppealBoxes(ls, body, keep)
	dropButtonAppeals(ls, body, keep)
	stop := len(body)
	for k, i := range body {
		if !keep[k] && isTagRow(ls[i].text) || isTagListLabel(ls, i) {
			stop = k // tags close an article
			break
		}
	}
	if t := trailingTeasers(ls, body[:stop]); t < stop {
		for k := t; k < stop; k++ {
			keep[k] = false
		}
		stop = t
	}
	if k := signOff(ls, body[:stop], keep); k >= 0 {
		keep[k], ls[body[k]].verdict, stop = true, verdictSignOff, k+1 // the sign-off closes the story
	}
	last, voice := -1, false
	for k, i := range body[:stop] {
		p := ls[i].prose
		// A paragraph speaking to the reader carries the body on only
		// when the story already speaks so (a how-to), not after a box.
		// A short line after or inside a box of junk carries it on only when
		// more of the story follows: alone, it is the box's blurb.
		if keep[k] && last >= 0 && p.score < proseFull && (afterJunkBox(ls, i) || inJunkBox(ls, i)) && !hasStrongAfter(ls, body[k+1:stop], keep[k+1:stop]) {
			keep[k] = false
			continue
		}
		if keep[k] && p.score >= proseStrong && (p.furniture == 0 || p.furniture == 1 && p.reader && voice) && !isBio(ls[i].text) {
			last = k // an author's bio closes a story, it carries none on
		}
		voice = voice || keep[k] && p.reader
	}
	for k := last + 1; k < stop; k++ {
		// A question to the reader after the story's last strong
		// paragraph is a prompt ("How does this make you feel?"), and so
		// is a blurb calling to action ("… Sign up here.").
		if l := ls[body[k]]; keep[k] && (l.prose.reader && strings.HasSuffix(l.text, "?") || l.prose.cta) {
			keep[k] = false
			break
		}
		// A line marked by furniture and set apart from the story by
		// labels (tags, a box's heading) is the page's blurb about itself.
		if l := ls[body[k]]; keep[k] && last >= 0 && l.prose.furniture > 0 && !onlyJunkBetween(ls, body[last], body[k]) {
			keep[k] = false
			break
		}
	}
	for k, i := range body {
		switch {
		case keep[k] && k < stop:
			kept = append(kept, i)
		case k > last:
			for n, j := range body[k:] {
				ls[j].verdict = verdictRunEnded
				if k+n >= stop {
					ls[j].verdict = verdictClosed
				}
			}
			return kept, dropped, append(cut, body[k:]...)
		default:
			ls[i].verdict = verdictDropped
			dropped = append(dropped, i)
		}
	}
	return kept, dropped, cut
}

// quotedSubhead reports whether s is a short line wholly in quotes, of
// ten words or fewer, with no other quote inside.
func quotedSubhead(s string) bool {
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}} {
		if inner, ok := strings.CutPrefix(s, q[0]); ok && strings.HasSuffix(inner, q[1]) && !strings.ContainsAny(strings.TrimSuffix(inner, q[1]), "“”\"") {
			return wordCount(s) <= 10
		}
	}
	return false
}

// signOff returns the position in body of the author's sign-off, or -1:
// the line directly after the last kept strong paragraph and directly
// before furniture (no text), short and terminated, with no question,
// whose one furniture signal is addressing the reader ("That's all for
// this week. See you on Monday."). A prompt asks, calls to action or
// speaks of the page.
func signOff(ls []line, body []int, keep []bool) int {
	last := -1
	for k, i := range body {
		if keep[k] && ls[i].prose.score >= proseStrong {
			last = k
		}
	}
	k := last + 1
	if last < 0 || k >= len(body) || keep[k] || body[k] != body[last]+1 {
		return -1
	}
	l := ls[body[k]]
	if n := body[k] + 1; n < len(ls) && ls[n].kind == kindText {
		return -1
	}
	if p := l.prose; p.furniture != 1 || !p.reader || p.score < 1 || wordCount(l.text) > 15 || !endsStatement(l.text) || strings.Contains(l.text, "?") {
		return -1
	}
	return k
}

// isInstructionHeading reports whether body[k] is a short heading in the
// imperative between two kept paragraphs that themselves speak to the
// reader ("Check the Seals First" in a how-to): in such a text an
// imperative is the story's voice, not a prompt, so the call to action,
// its only furniture signal, does not bar it from being a subhead.
func isInstructionHeading(ls []line, body []int, keep []bool, k int) bool {
	p := ls[body[k]].prose
	if !p.cta || p.furniture != 1 || k == 0 || k+1 >= len(body) || !keep[k-1] || !keep[k+1] {
		return false
	}
	if s := ls[body[k]].text; wordCount(s) > 6 || endsSentence(s) {
		return false
	}
	before, _ := addressWords(unquoted(ls[body[k-1]].text))
	after, _ := addressWords(unquoted(ls[body[k+1]].text))
	return before && after
}

// keepListItems keeps the lines of a list under a lead-in ("By the
// numbers:" / "40 miles of streets" / "$12 million over two years"), or
// under a paragraph ending in a colon: the lines directly after it, free
// of furniture signals but capitals (places and names: "Town Hall, Main
// St") and of at most maxHeadlineWords words, up to the first line already
// kept.
func keepListItems(ls []line, body []int, keep []bool) {
	for k, i := range body {
		p := ls[i].prose
		if keep[k] || i != body[0]+k || p.furniture > 1 || p.furniture == 1 && !p.caps || wordCount(ls[i].text) > maxHeadlineWords {
			return
		}
		keep[k], ls[i].verdict = true, verdictListItem
	}
}

// headsPost reports whether the line at i heads a live post: its next line
// past junk is the post's byline or date, and it is no call to action.
func headsPost(ls []line, i int) bool {
	n := nextPastJunk(ls, i)
	if n >= len(ls) || !isHeadlineLike(ls[i]) || ls[i].prose.cta {
		return false // "Listen to this article" over a player's times
	}
	switch ls[n].kind {
	case kindByline, kindDate:
		return true
	}
	return false
}

// headsPostUnderTime reports whether the line at i heads a live post set
// under its time ("12.34 BST" / heading / text): a headline-like line
// whose previous line past junk is a time and whose next line is a
// paragraph of the post. A time under a section label ("Nation" / "3h
// ago" / headline) dates a teaser card of a related-news box, not a post.
func headsPostUnderTime(ls []line, i int) bool {
	p, n := prevPastJunk(ls, i), nextPastJunk(ls, i)
	if p < 0 || n >= len(ls) || !isHeadlineLike(ls[i]) || ls[i].prose.furniture > 1 {
		return false
	}
	if pp := prevPastJunk(ls, p); pp >= 0 && ls[pp].kind == kindCrumb {
		return false
	}
	return ls[p].kind == kindDate && ls[p].date.t.IsZero() && isParagraph(ls[n])
}

// repeatedTexts returns the keys of the body lines whose text occurs
// again elsewhere on the page, or whose opening another short line of the
// page repeats (a template).
func repeatedTexts(ls []line, body []int) map[string]bool {
	want := make(map[string]int, len(body))
	for _, i := range body {
		want[key(ls[i].text)] = 0
	}
	for _, l := range ls {
		k := key(l.text)
		if c, ok := want[k]; ok {
			want[k] = c + 1
		}
	}
	reps := make(map[string]bool)
	for k, c := range want {
		if c > 1 {
			reps[k] = true
		}
	}
	// A labelled restatement ("Claim: " over the claim the page printed
	// above, on a summary card) repeats the line it restates.
	restated := make(map[string]string)
	for _, i := range body {
		if rest, ok := afterShortLabel(ls[i].text); ok {
			restated[key(rest)] = key(ls[i].text)
		}
	}
	if len(restated) > 0 {
		for _, l := range ls {
			if k, ok := restated[key(l.text)]; ok {
				reps[k] = true
			}
		}
	}
	// A template filled in again and again ("Support for the station
	// comes from …" over each sponsor): short lines opening with the same
	// six words.
	openings := make(map[string]int)
	for _, l := range ls {
		if o := templateOpening(l.text); o != "" {
			openings[o]++
		}
	}
	for _, i := range body {
		if o := templateOpening(ls[i].text); o != "" && openings[o] > 1 {
			reps[key(ls[i].text)] = true
		}
	}
	return reps
}

// afterShortLabel returns the text after a label of one or two words
// and a colon ("Claim: Says …"), when that text is five words or more.
func afterShortLabel(s string) (string, bool) {
	label, rest, ok := strings.Cut(s, ": ")
	if !ok || wordCount(label) > 2 || !startsUpper(label) || wordCount(rest) < 5 {
		return "", false
	}
	return rest, true
}

// templateOpening returns the first six words of a line of seven to
// twenty-five words, in lower case, or "".
func templateOpening(s string) string {
	if n := wordCount(s); n < 7 || n > 25 {
		return ""
	}
	// The end of the sixth word, without splitting the line.
	end, words, in := len(s), 0, false
	for i, r := range s {
		if sp := r == ' '; sp && in {
			if words++; words == 6 {
				end = i
				break
			}
			in = false
		} else if !sp {
			in = true
		}
	}
	return strings.ToLower(s[:end])
}

// frontTeasers returns how many teasers a section front page holds when
// the body is nothing but teasers, else 0. A teaser is a paragraph
// directly under a headline-like line, or under its date under it (a tag
// page), and directly over a byline or date (past junk): another story's
// headline, standfirst and metadata, the shape of the page's own header.
// A live post puts its metadata between its heading and its text, and
// its text runs on to the next post's heading; an article has paragraphs
// that follow one another.
func frontTeasers(ls []line, body []int) int {
	n := 0
	for _, i := range body {
		if !isParagraph(ls[i]) {
			continue
		}
		h := i - 1
		if h > 0 && ls[h].kind == kindDate {
			h-- // "Headline" / "May 11, 2021" / teaser / byline
		}
		if h < 0 || !isHeadlineLike(ls[h]) || ls[h].verdict == verdictProse {
			return 0
		}
		next := nextPastJunk(ls, i)
		if next >= len(ls) || ls[next].kind != kindByline && ls[next].kind != kindDate {
			return 0
		}
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// tagListLabelRE matches the label of a list of tags, one per line.
var tagListLabelRE = regexp.MustCompile(`(?i)^(?:read more about|more about|more on|topics|tags|related topics|subjects|filed under|keywords|in this (?:article|story)):?$`)

// isTagListLabel reports whether the line at i labels a list of tags set
// one per line: a tag label over two or more short labels ("Read more
// about:" / "Israel Inside" / "Cost of living").
func isTagListLabel(ls []line, i int) bool {
	if i+2 >= len(ls) || !tagListLabelRE.MatchString(ls[i].text) {
		return false
	}
	return ls[i+1].kind == kindCrumb && ls[i+2].kind == kindCrumb
}

// dropAppealBoxes drops the lines of a box set inside the body: under a label
// on a line of its own, one to three lines, each short or marked by a
// furniture signal, closed by a call to action ("Support free-thinking
// journalism" / "Our mission is …" / "Whether £5 or £50, every
// contribution counts." / "Support us …"). A section under a subhead
// holds paragraphs of prose, which no box line is.
func dropAppealBoxes(ls []line, body []int, keep []bool) {
	for k := 0; k < len(body); k++ {
		i := body[k]
		if i == 0 || !isBoxLabel(ls[i-1]) && !(ls[i-1].kind == kindJunk && isCallToAction(ls[i-1].text)) {
			continue // a label, or a sign-up prompt heading the box
		}
		// The box's lines follow one another, or with only junk (a
		// form's "Enter your email") between them.
		next := func(k int) bool { return k < len(body) && onlyJunkBetween(ls, body[k-1], body[k]) }
		n := 0
		for ; n < 3 && (n == 0 || next(k+n)); n++ {
			p := ls[body[k+n]].prose
			if p.cta || p.furniture == 0 && wordCount(ls[body[k+n]].text) > 12 {
				break
			}
		}
		if n == 0 || k+n >= len(body) || !next(k+n) || !ls[body[k+n]].prose.cta {
			continue
		}
		for j := k; j < k+n; j++ {
			keep[j] = false
		}
		if ls[body[k+n]].verdict == verdictSubhead {
			keep[k+n] = false // the call to action closing the box, read as a subhead
		}
		if k > 0 && body[k-1] == i-1 {
			keep[k-1] = false // the box's label, read as a subhead
		}
		k += n
	}
}

// dropButtonAppeals drops an appeal with no label, known by the button
// that closes it: up to three lines directly over a junk line that calls
// to action ("SUBSCRIBE NOW"), each speaking to the reader, of the page
// or of journalism, one of them to the reader and one of the page or its
// journalism ("In a time of … quality journalism is more crucial than
// ever." / "By subscribing, you can help us get the story right.").
func dropButtonAppeals(ls []line, body []int, keep []bool) {
	for k, i := range body {
		if i+1 >= len(ls) || ls[i+1].kind != kindJunk || !callsToAction(ls[i+1].text) {
			continue
		}
		from, reader, own := k+1, false, false
		for j := k; j >= 0 && j > k-3 && body[j] == i-(k-j); j-- {
			r, o := appealWords(ls[body[j]].text)
			if !r && !o {
				break
			}
			from, reader, own = j, reader || r, own || o
		}
		if !reader || !own {
			continue
		}
		for j := from; j <= k; j++ {
			keep[j] = false
		}
	}
}

// appealNouns are the words an appeal speaks of besides the reader.
var appealNouns = []string{"journalism", "subscrib", "donat", "contribut", "membership"}

// appealWords reports whether s, outside quotes, speaks to the reader
// ("you", a call to action, "help us") or of the page and its journalism.
func appealWords(s string) (reader, own bool) {
	s = unquoted(s)
	reader, own = addressWords(s)
	reader = reader || isCallToAction(s) || strings.Contains(s, "help us")
	low := strings.ToLower(s)
	for _, w := range appealNouns {
		own = own || strings.Contains(low, w)
	}
	return reader, own
}

// callsToAction reports whether s calls to action, also when set in
// capitals ("SUBSCRIBE NOW"), as buttons are.
func callsToAction(s string) bool {
	return isCallToAction(s) || isAllCaps(s) && isCallToAction(titleCaseName(s))
}

// dropKeyPoints drops the box of key points that opens a body: under a
// label ending in a colon ("Key points:", "In brief:", "What you need to
// know:"), two or more unterminated lines or short sentences before the
// first paragraph. The story tells the same in full. A lead-in inside the
// body ("By the numbers:") follows a paragraph, and its items stay.
func dropKeyPoints(ls []line, body []int, keep []bool) {
	if len(body) < 3 {
		return
	}
	k0 := slices.Index(keep, true)
	if k0 < 0 {
		return
	}
	if n := restatedOpening(ls, body[k0:]); n > 0 {
		for k := k0; k < k0+n; k++ {
			keep[k] = false
		}
		return
	}
	lab := 0
	if l := ls[body[0]]; !keep[0] && strings.HasSuffix(l.text, ":") && isBoxLabel(l) {
		lab = 1 // the label opens the body: "What you need to know:"
	}
	first := body[lab]
	if first == 0 || !strings.HasSuffix(ls[first-1].text, ":") || !isBoxLabel(ls[first-1]) {
		return
	}
	n := lab
	for n < len(body) && body[n] == first+n-lab && isKeyPoint(ls[body[n]].text) {
		n++
	}
	if n-lab < 2 || n >= len(body) || ls[body[n]].prose.score < proseStrong {
		return
	}
	for k := range n {
		keep[k] = false
	}
}

// isKeyPoint reports whether s can be an item of a box of key points: an
// unterminated line, or one short sentence ("Traders say they have lost
// Sh2 million.").
func isKeyPoint(s string) bool {
	return !endsSentence(s) || wordCount(s) <= 20 && !innerSentenceRE.MatchString(s)
}

// keepSiblingSubheads keeps, in a body that has a lone subhead, the
// lines of the same shape that only an imperative marked ("Keep a log of
// anything you skip and why" beside "Talk to the people who use the
// shore"): short, unterminated, in sentence case, between kept
// paragraphs. A post's tips are headed by imperatives; alone, an
// imperative between paragraphs is a prompt.
func keepSiblingSubheads(ls []line, body []int, keep []bool) {
	if !slices.ContainsFunc(body, func(i int) bool { return ls[i].verdict == verdictSubhead && !quotedSubhead(ls[i].text) }) {
		return
	}
	for k := 1; k+1 < len(body); k++ {
		l := ls[body[k]]
		p := l.prose
		if keep[k] || !p.cta || p.furniture != 1+btoi(p.reader) || wordCount(l.text) > 12 || endsSentence(l.text) || lowerShare(strings.Fields(l.text)) < 0.5 {
			continue
		}
		if keep[k-1] && keep[k+1] && onlyJunkBetween(ls, body[k-1], body[k]) && onlyJunkBetween(ls, body[k], body[k+1]) {
			keep[k], ls[body[k]].verdict = true, verdictSubhead
		}
	}
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// afterBox reports whether a box (a call to action, then labels and
// dropped lines, no kept line) parts the line at body[k] from the kept
// paragraph before it: a donation box between two sections of a story,
// with two strong paragraphs or more after it.
func afterBox(ls []line, body []int, keep []bool, k int) bool {
	strong := 0 // a section goes on after its subhead; a teaser stands alone
	for j := k + 1; j < len(body) && strong < 2; j++ {
		if keep[j] && ls[body[j]].prose.score >= proseStrong && ls[body[j]].prose.furniture == 0 {
			strong++
		}
	}
	if strong < 2 {
		return false
	}
	cta := false
	for j := k - 1; j >= 0; j-- {
		if keep[j] {
			return cta && onlyBoxBetween(ls, body[j], body[k])
		}
		cta = cta || ls[body[j]].prose.cta
	}
	return false
}

// onlyBoxBetween reports whether every line strictly between a and b is
// junk, a label, blank or text (the body lines among them are dropped).
func onlyBoxBetween(ls []line, a, b int) bool {
	for j := a + 1; j < b; j++ {
		if k := ls[j].kind; k != kindJunk && k != kindCrumb && k != kindText && strings.TrimSpace(ls[j].text) != "" {
			return false
		}
	}
	return true
}

// onlyJunkBetween reports whether every line strictly between a and b is
// junk or blank.
func onlyJunkBetween(ls []line, a, b int) bool {
	for j := a + 1; j < b; j++ {
		if ls[j].kind != kindJunk && strings.TrimSpace(ls[j].text) != "" {
			return false
		}
	}
	return true
}

// proseFull is the score of a paragraph of full prose: twenty words or
// more, terminated, with lower-case words and a verb.
const proseFull = 6

// afterJunkBox reports whether three or more junk lines stand directly
// before the line at i: a box (a newsletter sign-up, a subscription
// offer) between it and what came before.
func afterJunkBox(ls []line, i int) bool {
	return junkRun(ls, i, -1) >= 3
}

// inJunkBox reports whether the line at i is set inside a box of junk:
// three or more junk lines around it, some directly before and some
// directly after (a newsletter's sign-up prompt, its blurb, its button).
func inJunkBox(ls []line, i int) bool {
	before, after := junkRun(ls, i, -1), junkRun(ls, i, 1)
	return before > 0 && after > 0 && before+after >= 3
}

// junkRun returns how many junk lines stand directly before the line at
// i (step -1) or directly after it (step 1), blank lines aside.
func junkRun(ls []line, i, step int) int {
	n := 0
	for j := i + step; j >= 0 && j < len(ls) && (ls[j].kind == kindJunk || strings.TrimSpace(ls[j].text) == ""); j += step {
		if ls[j].kind == kindJunk {
			n++
		}
	}
	return n
}

// hasStrongAfter reports whether a kept line of body scores as strong prose.
func hasStrongAfter(ls []line, body []int, keep []bool) bool {
	for k, i := range body {
		if keep[k] && ls[i].prose.score >= proseStrong && ls[i].prose.furniture == 0 {
			return true
		}
	}
	return false
}

// restatedOpening returns how many lines open the body as a box of key
// points without a label, or 0: two to five short lines, one after the
// other, closed by a junk line ("Visit X's homepage for more stories.")
// or a prompt ("Listen to this article"), or under a label of their own
// ("Takeaways") by the lead picture's caption, each telling in brief what
// the story below tells again (half or more of its words recur there, or
// three in five on average over the box and a third at least in each
// line: a point may paraphrase). A story's own short opening paragraphs
// run on into the next without a box's end between.
func restatedOpening(ls []line, body []int) int {
	n := 0
	for n < len(body) && n < 6 && body[n] == body[0]+n && wordCount(ls[body[n]].text) <= 30 && !isPromptLine(ls[body[n]]) {
		n++
	}
	if n < 2 || n > 5 || n >= len(body) {
		return 0
	}
	after := body[n-1] + 1
	if after >= len(ls) || ls[after].kind != kindJunk && !isPromptLine(ls[after]) && !pictureUnderLabelledBox(ls, body[0], after) {
		return 0
	}
	story := lowerText(ls, body[n:])
	least, sum := 1.0, 0.0
	for _, i := range body[:n] {
		r := recurShare(ls[i].text, story)
		least, sum = min(least, r), sum+r
	}
	if least < 0.5 && (least < 0.3 || sum/float64(n) < 0.6) {
		return 0 // a story's opening lines: on the test pages, a third of their words recur on average, under a half at most
	}
	return n
}

// pictureUnderLabelledBox reports whether the lines from first up to the
// line at after are a box with a label of its own above it ("Takeaways")
// and the lead picture under it: a caption or a credit closes a box as a
// junk line does.
func pictureUnderLabelledBox(ls []line, first, after int) bool {
	if k := ls[after].kind; k != kindCaption && k != kindCredit {
		return false
	}
	p := first - 1
	return p >= 0 && ls[p].kind == kindCrumb && isBoxLabel(ls[p])
}

// lowerText returns the text of the lines at idx in lower case, each
// followed by a space: the story recurShare looks words up in.
func lowerText(ls []line, idx []int) string {
	var b strings.Builder
	for _, i := range idx {
		b.WriteString(strings.ToLower(ls[i].text))
		b.WriteByte(' ')
	}
	return b.String()
}

// isPromptLine reports whether l is a text line that scores as no prose
// and carries a furniture signal: a player's or a box's prompt ("Listen to
// this article with a free account").
func isPromptLine(l line) bool {
	if l.kind != kindText {
		return false
	}
	p := scoreProse(l.text, false)
	return p.score < proseMin && p.furniture > 0
}

// recurShare returns the share of the content words of s (four letters
// or more, or with a digit) that the text story holds, a long word by its
// first six letters ("economists" in "economist").
func recurShare(s, story string) float64 {
	words, found := 0, 0
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ".,;:!?\"“”‘’()")
		if len(w) < 4 && !strings.ContainsAny(w, "0123456789") {
			continue
		}
		words++
		if len(w) > 6 {
			w = w[:6]
		}
		if strings.Contains(story, w) {
			found++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(found) / float64(words)
}

// isBoxLabel reports whether l can head a box: a short label on a line of
// its own, not a sentence.
func isBoxLabel(l line) bool {
	return (l.kind == kindCrumb || l.kind == kindText && !l.prose.isProse()) && wordCount(l.text) <= 6 && !endsSentence(l.text)
}

// isTagRow reports whether s is a labelled row of tags: a label of up to
// three words and a colon, then three or more short capitalised items
// separated by commas ("FILED UNDER: Congress, Airlines, Peter DeFazio").
func isTagRow(s string) bool {
	label, rest, ok := strings.Cut(s, ": ")
	if !ok || wordCount(label) > 3 || endsSentence(rest) {
		return false
	}
	items := strings.Split(rest, ",")
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if wordCount(it) > 4 || !startsUpper(it) {
			return false
		}
	}
	return true
}

// trailingTeasers returns the position in body where a list of teasers
// closing it starts, or len(body) when there is none: two or more
// headline-like lines, each directly over one paragraph, under a box's
// label (a crumb, junk or a text line that is no prose, such as "More
// from the Courier"), after some of the body. An explainer's sections
// under subheads follow a paragraph, not a label, and a story's sections
// follow the marker that heads each of them (sectionHeads), not a box's
// label.
func trailingTeasers(ls []line, body []int) int {
	k, units := len(body)-1, 0
	for k >= 1 {
		h, p := body[k-1], body[k]
		if h != p-1 || !isParagraph(ls[p]) || !isHeadlineLike(ls[h]) || ls[h].prose.isProse() || leadIn(ls[h].text) || headsPost(ls, h) {
			break
		}
		units++
		k -= 2
	}
	if units < 2 || k < 0 {
		return len(body) // teasers only: not for this pass to judge
	}
	if label := ls[body[k+1]-1]; label.kind != kindCrumb && label.kind != kindJunk && (body[k] != body[k+1]-1 || label.prose.isProse()) {
		return len(body)
	}
	if slices.Contains(sectionHeads(ls), body[k+1]) {
		return len(body) // the story's own section marker, not a box's label
	}
	return k + 1
}
