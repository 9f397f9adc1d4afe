package seed

import (
	"regexp"
	"strings"
	"unicode"
)

// relativeDateRE matches a date given only relative to the reading time:
// "5 days ago", "Updated 3 hours ago", "Last updated 6 minutes ago".
// "5h ago" and a doubled "Posted 5h ago5 hours ago" (ABC Australia) too.
var relativeDateRE = regexp.MustCompile(`(?i)^(?:(?:last )?updated:?\s+|posted:?\s+|published:?\s+)?` + relAgo + `(?:\s*` + relAgo + `)?$`)

// relAgo is one relative time: "3 hours ago", "5h ago", "an hour ago".
const relAgo = `(?:(?:about |an? |\d+ )(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)|\d+\s?[smhdw]) ago`

// isRelativeDate reports whether s is a relative date alone on its line.
func isRelativeDate(s string) bool {
	return relativeDateRE.MatchString(s)
}

// kind is what a line of a page is, as decided by the classifiers.
type kind int

const (
	kindText        kind = iota // headline, standfirst or body candidate
	kindJunk                    // ads, share rows, prompts, copyright: dropped
	kindEnd                     // end-matter heading: the body stops here
	kindNav                     // a row of navigation words
	kindCrumb                   // a short unterminated label: section, widget
	kindPlace                   // a place dateline such as "GAZA CITY -"
	kindByline                  // "By …": names in line.names
	kindAuthorLabel             // "Author:" alone; the next line holds names
	kindDate                    // a date or timestamp line; time in line.date
	kindCredit                  // a photo credit alone
	kindCaption                 // an image caption; text in line.caption
	kindRepeat                  // a near repeat of an earlier text line
)

// kindNames are the names Explain reports for each kind.
var kindNames = [...]string{
	kindText: "text", kindJunk: "junk", kindEnd: "end", kindNav: "nav",
	kindCrumb: "crumb", kindPlace: "place", kindByline: "byline",
	kindAuthorLabel: "author-label", kindDate: "date", kindCredit: "credit",
	kindCaption: "caption", kindRepeat: "repeat",
}

// String returns the kind's name.
func (k kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// isMeta reports whether lines of kind k sit in an article's header block:
// the lines that tell a headline from other unterminated text.
func (k kind) isMeta() bool {
	switch k {
	case kindByline, kindAuthorLabel, kindDate, kindCredit, kindCaption:
		return true
	}
	return false
}

// line is one classified line of a page.
type line struct {
	text    string
	kind    kind
	why     string   // the rule that decided kind, for -explain
	names   []string // kindByline: the authors, cased and expanded
	date    stamp    // kindDate: the date, zero for a bare timestamp
	caption string   // kindCaption: the caption without its credit
	repeats int      // kindRepeat: index of the line repeated
	// clock is a time of day on a byline ("Posted by X at 9:14 PM"), in
	// minutes after midnight plus one; zero when none.
	clock int
	// prose and verdict are the density pass's score of a text line of
	// the body and what it made of the line; verdict is "" for the
	// lines it did not see.
	prose   prose
	verdict string
}

// figureCaptionRE matches the caption of a numbered figure, chart or
// table: "Figure 2: Median latency by region", "Fig. 3. …", "Chart 1 – …".
var figureCaptionRE = regexp.MustCompile(`^(?:Figure|Fig\.|Chart|Graph|Table|Exhibit) \d{1,2}[a-z]?(?:[:.]| [–—-]) \p{Lu}`)

// classify decides a line's kind from its text alone. The order matters:
// junk and credits are recognised before bylines and dates, and navigation
// and crumbs only when nothing more specific matched.
func classify(s string) line {
	l := line{text: s}
	if st, ok := originallyPublished(s); ok {
		return line{text: s, kind: kindDate, date: st, why: "first publication noted after the story"}
	}
	switch {
	case isRelativeDate(s):
		l.kind, l.why = kindDate, "relative date: the capture date stands in"
	case isJunk(s):
		l.kind, l.why = kindJunk, "junk vocabulary (ads, share rows, prompts, copyright)"
	case isEndMatter(s):
		l.kind, l.why = kindEnd, "end-matter heading: the body stops here"
	case isCredit(s):
		if c, ok := sitterCaption(s); ok {
			return line{text: s, kind: kindCaption, caption: c, why: "the sitter's name glued to the photographer's credit"}
		}
		l.kind, l.why = kindCredit, "photo credit form"
	case isAuthorLabel(s):
		l.kind, l.why = kindAuthorLabel, "byline label; names on the next line"
	}
	if l.kind != kindText {
		return l
	}
	if names, clock, ok := parseBylineClock(s); ok {
		return line{text: s, kind: kindByline, names: names, clock: clock, why: "byline form"}
	}
	if st, ok := parseDateLine(s); ok {
		return line{text: s, kind: kindDate, date: st, names: rowAgencies(s), why: "date or time with label words only"}
	}
	if c, ok := captionWithCredit(s); ok {
		return line{text: s, kind: kindCaption, caption: c, why: "text with a credit glued to its end"}
	}
	if c, ok := namedCreditTail(s); ok {
		return line{text: s, kind: kindCaption, caption: c, why: whyNameAfterCaption}
	}
	if figureCaptionRE.MatchString(s) {
		return line{text: s, kind: kindCaption, caption: s, why: "numbered figure caption"}
	}
	switch {
	case isNav(s):
		l.kind, l.why = kindNav, "row of capitalised menu words"
	case isPlaceLine(s):
		l.kind, l.why = kindPlace, "place dateline"
	case isCrumb(s):
		l.kind, l.why = kindCrumb, "short unterminated label"
	default:
		l.why = "text"
	}
	return l
}

// isNav reports whether s is a row of navigation words: five or more words,
// no sentence punctuation, every word capitalised, and either separators
// between short items, a repeated word, several ALL-CAPS words, three
// section words or sheer length. Title-case headlines usually fail on a lower-case small word.
func isNav(s string) bool {
	if endsSentence(s) || strings.ContainsAny(s, ",;\"“”") {
		return false
	}
	if separatedItems(s) >= 3 {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) < 5 {
		return false
	}
	for _, w := range ws {
		if !startsUpper(w) && hasLetter(w) {
			return false
		}
	}
	return hasRepeatedWord(ws) || (len(ws) >= 8 && capsWords(ws) >= 2) || len(ws) >= 15 || sectionWords(ws) >= 3
}

// sectionWords counts the distinct words of ws that name a site's
// sections ("Business", "Culture", "Science"), of which a menu row without
// separators holds several and a title-case headline one at most.
func sectionWords(ws []string) int {
	seen := make(map[string]bool, len(ws))
	for _, w := range ws {
		w = strings.ToLower(w)
		if genericWords[w] && !minorWords[w] && w != "&" && w != "more" && w != "us" {
			seen[w] = true
		}
	}
	return len(seen)
}

// separatedItems counts the items of a menu row such as "Home | News | World"
// or "The Courier - Local News | Sports" when every item is at most three
// words, the first (the publisher's name) at most six; otherwise it
// returns 0.
func separatedItems(s string) int {
	items := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("|•·»", r) })
	if len(items) == 0 {
		return 0
	}
	first := items[0]
	if name, label, ok := strings.Cut(first, " - "); ok && wordCount(label) <= 3 {
		first = name
	}
	if wordCount(first) > 6 {
		return 0
	}
	for _, it := range items[1:] {
		if wordCount(it) > 3 {
			return 0
		}
	}
	return len(items)
}

// hasRepeatedWord reports whether a word of three or more letters occurs
// twice, ignoring case: menus repeat "News", headlines rarely repeat words.
func hasRepeatedWord(ws []string) bool {
	seen := make(map[string]bool, len(ws))
	for _, w := range ws {
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if len([]rune(w)) < 3 {
			continue
		}
		if seen[w] {
			return true
		}
		seen[w] = true
	}
	return false
}

// capsWords counts the ALL-CAPS words of four or more letters.
func capsWords(ws []string) int {
	n := 0
	for _, w := range ws {
		if isAllCaps(w) && len([]rune(w)) >= 4 {
			n++
		}
	}
	return n
}

// isCrumb reports whether s is a short unterminated label of at most three
// words, such as a section name ("world", "News|Education"), a weather
// widget, or a line without letters.
func isCrumb(s string) bool {
	if !hasLetter(s) {
		return true
	}
	if leadIn(s) {
		return false
	}
	return wordCount(s) <= 3 && len([]rune(s)) <= 40 && !endsSentence(s)
}

// isPlaceLine reports whether s is a place dateline on its own line:
// "YERUSHALAYIM -" or "Gaza, Tel Aviv (agencies)".
func isPlaceLine(s string) bool {
	if wordCount(s) > 6 || !startsUpper(s) {
		return false
	}
	if strings.HasSuffix(s, " -") || strings.HasSuffix(s, "—") || strings.HasSuffix(s, "–") {
		return true
	}
	open := strings.LastIndexByte(s, '(')
	if open < 0 || !strings.HasSuffix(s, ")") {
		return false
	}
	inner := strings.ToLower(s[open+1 : len(s)-1])
	return inner == "agencies" || inner == "agency" || agencyName(inner) != ""
}

// leadIn reports whether s is a subhead that introduces the lines under it
// inside a body ("By the numbers:", "What they're saying:"): two words or
// more in sentence case ending in a colon, which is text, not a label.
func leadIn(s string) bool {
	return strings.HasSuffix(s, ":") && wordCount(s) >= 2 && startsUpper(s) && capitalisedShare(s) < 0.5
}

// rowAgencies returns the agencies named by segments of a date row:
// "India News | Press Trust of India | Updated: …" credits the wire.
func rowAgencies(s string) []string {
	var out []string
	for _, seg := range strings.Split(s, "|") {
		if ag := agencyName(seg); ag != "" {
			out = appendNew(out, ag)
		}
	}
	return out
}

// originallyRE matches McClatchy's closing note on the first publication:
// "This story was originally published May 12, 2021 5:00 AM."
var originallyRE = regexp.MustCompile(`(?i)^this (?:story|article) was originally published(?: on)? (.+?)\.?$`)

// originallyPublished reads the date of a closing "originally published"
// note, which is the first publication when the header shows an update.
func originallyPublished(s string) (stamp, bool) {
	m := originallyRE.FindStringSubmatch(s)
	if m == nil {
		return stamp{}, false
	}
	st, ok := parseDateLine(m[1])
	if !ok || st.t.IsZero() {
		return stamp{}, false
	}
	st.updated = false
	return st, true
}
