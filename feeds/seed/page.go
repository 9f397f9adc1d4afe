package seed

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// page is a seed file split into its capture date and its cleaned, non-blank
// lines. The text after the date on line 1 is the first line.
type page struct {
	// captured is the capture date from line 1; zero when missing or garbled.
	captured time.Time
	// capturedEnd is the latest plausible publication instant: the end of the
	// capture period plus a day for time zones. Zero when captured is.
	capturedEnd time.Time
	lines       []string
	// nums holds the 1-based line number in the file of each of lines.
	nums []int
}

// readPage splits a seed file into its header and lines. It never fails: a
// missing header leaves the dates zero and keeps line 1 as text.
func readPage(data string) page {
	data = strings.TrimPrefix(data, "\uFEFF")
	var p page
	for i, raw := range strings.Split(data, "\n") {
		s := cleanLine(raw)
		if i == 0 {
			s = p.readHeader(s)
		}
		for _, part := range splitGlued(s) {
			if part != "" {
				p.lines = append(p.lines, part)
				p.nums = append(p.nums, i+1)
			}
		}
	}
	return p
}

// gluedDateRE finds a date label glued to the text before it, as in BBC
// live posts: "Egypt pushes truce proposalpublished at 11:12 …".
// "…6:20 PM UTCUpdated 2 hours ago" (Reuters) glues a capitalised label
// to a zone, "…GMT+1Updated 3 hours ago" to its offset.
var gluedDateRE = regexp.MustCompile(`(?:\p{Ll}|\p{Lu}{2}|[A-Z]{3}[+-]\d{1,2})((?:published|updated|posted|Published|Updated|Posted)(?: at| on)? )`)

// gluedJunk are furniture labels that lose their element boundary and come
// glued to the start of the caption or paragraph after them.
var gluedJunk = []string{"View image in fullscreen", "Enlarge this image", "Toggle caption", "Open image in gallery"}

// splitGlued undoes lost element boundaries: it drops a furniture label
// glued to the start of s, and splits a date line glued to the end of s off
// into a line of its own when the rest parses as a date.
func splitGlued(s string) []string {
	for _, j := range gluedJunk {
		if rest, ok := strings.CutPrefix(s, j); ok && startsUpper(rest) {
			s = strings.TrimSpace(rest)
		}
	}
	if by, date, ok := splitBylineDate(s); ok {
		return []string{by, date}
	}
	if date, by, ok := splitDateByline(s); ok {
		return []string{date, by}
	}
	byPrefix := len(s) > 3 && (s[0] == 'B' || s[0] == 'b') && (s[1] == 'y' || s[1] == 'Y')
	if m := handleByline(s, byPrefix); m != nil {
		// "By Jane Roe@janeroe Jun 3, 2021, 7:00am EDT": the name, the
		// handle glued to it, the date.
		if st, ok := parseDateLine(s[m[6]:]); ok && !st.t.IsZero() {
			return []string{s[:m[3]], s[m[4]:m[5]], s[m[6]:]}
		}
	}
	if by, date, ok := splitBylineTrailingDate(s); ok {
		return []string{by, date}
	}
	if name, date, ok := strings.Cut(s, " , "); ok && isMasthead(name) {
		if st, ok := parseDateLine(date); ok && !st.t.IsZero() {
			return []string{name, date} // "Ahram Online , Thursday 3 Jun 2021"
		}
	}
	if m := deskByline(s); m != nil {
		if names, ok := parseByline(m[2]); ok && len(names) > 0 {
			return []string{m[1], m[2]}
		}
	}
	if parts, ok := splitNameRow(s); ok {
		return parts
	}
	if parts, ok := splitDateLabel(s); ok {
		return parts
	}
	if low := strings.ToLower(s); !strings.Contains(low, "published") && !strings.Contains(low, "updated") && !strings.Contains(low, "posted") {
		return []string{s} // the regexp's words, checked cheaply first
	}
	m := gluedDateRE.FindStringSubmatchIndex(s)
	if m == nil {
		return []string{s}
	}
	if _, ok := parseDateLine(s[m[2]:]); !ok && !isRelativeDate(s[m[2]:]) {
		return []string{s}
	}
	return []string{s[:m[2]], s[m[2]:]}
}

// splitBylineDate splits a byline and a date set on one row with a dash,
// "BY RACHEL FRAZIN - 05/12/21 6:20 PM ET" (The Hill), or names alone and
// a date ("JANE ROE - 5/13/2021, 4:14 PM"), when each part reads as such
// on its own; names alone then make a byline over the date as names on a
// line of their own do.
func splitBylineDate(s string) (by, date string, ok bool) {
	i := strings.LastIndex(s, " - ")
	if i < 0 || !hasLetter(s[:i]) {
		return "", "", false
	}
	by, date = s[:i], strings.TrimSpace(s[i+3:])
	if !bylineRE.MatchString(by) && !isNamesAlone(line{text: by, kind: kindText}) {
		return "", "", false
	}
	if st, ok := parseDateLine(date); !ok || st.t.IsZero() && !bylineRE.MatchString(by) {
		return "", "", false
	}
	if _, ok := parseByline(by); !ok && bylineRE.MatchString(by) {
		return "", "", false
	}
	return by, date, true
}

// splitBylineTrailingDate splits a byline from the date glued after its
// names with no separator, "By JANE ROE and Courier staff Today, 5:14 pm"
// (The Times of Israel), "By Jane Roe May 3, 2021": the shortest tail
// of up to eight words, opening with a capital or a digit, that reads as
// a full date or a time today, after a head that reads as a byline.
func splitBylineTrailingDate(s string) (by, date string, ok bool) {
	if len(s) < 4 || s[0] != 'B' && s[0] != 'b' || !strings.ContainsAny(s, "0123456789") || !bylineRE.MatchString(s) || wordCount(s) > 20 {
		return "", "", false
	}
	ws := strings.Fields(s)
	for i := len(ws) - 1; i >= max(2, len(ws)-8); i-- {
		if !opensDate(ws[i]) {
			continue
		}
		head, tail := strings.TrimRight(strings.Join(ws[:i], " "), " •|·-–—"), strings.Join(ws[i:], " ")
		if !isTodayLine(tail) {
			if st, ok := parseDateLine(tail); !ok || st.t.IsZero() {
				continue
			}
		}
		if names, ok := parseByline(head); ok && len(names) > 0 {
			cut := wordStart(s, i) // both parts are cut from s, spacing kept
			return strings.TrimRight(s[:cut], " •|·-–—"), s[cut:], true
		}
	}
	return "", "", false
}

// deskBylineRE finds a desk's label set before a byline with a slash:
// "ABC Rural / By Jane Roe".
var deskBylineRE = regexp.MustCompile(`^(\p{Lu}[^/]{0,40}?) / ((?:By|BY) \p{Lu}.*)$`)

// handleByline returns bylineHandleRE's match on s, which must open
// with "By" and hold an "@" (checked cheaply first), or nil.
func handleByline(s string, byPrefix bool) []int {
	if !byPrefix || !strings.Contains(s, "@") {
		return nil
	}
	return bylineHandleRE.FindStringSubmatchIndex(s)
}

// deskByline returns deskBylineRE's match on s, which must hold " / ",
// or nil.
func deskByline(s string) []string {
	if !strings.Contains(s, " / ") {
		return nil
	}
	return deskBylineRE.FindStringSubmatch(s)
}

// bylineHandleRE finds a handle glued to the name in a byline, before
// the date.
var bylineHandleRE = regexp.MustCompile(`^((?:By|BY|by) \p{Lu}[^@]{1,60}?)(@\w{1,30})\s+(\S.*)$`)

// opensDate reports whether w can open a date: a digit, a month or a
// weekday, "Today", or a publication label ("Updated:", "Published").
func opensDate(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	lw := strings.ToLower(strings.Trim(w, ",.:"))
	return monthOf(lw) != 0 || weekdays[lw] || lw == "today" || lw == "yesterday" || stampLabelRE.MatchString(lw)
}

// weekdays are the names of the days, in full and short, in lower case.
var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

// wordStart returns the offset in s of its word n (counted from 0 as
// strings.Fields counts), or len(s).
func wordStart(s string, n int) int {
	in := false
	for i, r := range s {
		if sp := unicode.IsSpace(r); !sp && !in {
			if n == 0 {
				return i
			}
			n--
			in = true
		} else if sp {
			in = false
		}
	}
	return len(s)
}

// splitDateLabel splits a date line from the label glued after its full
// stop, "Last updated on 12 May 2021.From the section Football" (BBC
// Sport), when the part before parses as a date line.
func splitDateLabel(s string) ([]string, bool) {
	i := gluedAfterDigit(s)
	if i < 0 {
		return nil, false
	}
	date, rest := s[:i], s[i:]
	if st, ok := parseDateLine(date); !ok || st.t.IsZero() {
		return nil, false
	}
	return []string{date, rest}, true
}

// gluedAfterDigit returns the index of the first capital letter glued to a
// digit and a full stop ("2021.From"), or -1.
func gluedAfterDigit(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i+1] != '.' || s[i] < '0' || s[i] > '9' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(r) {
			return i + 2
		}
	}
	return -1
}

// nameRowRE matches a row of a reporter's name, a desk and a date set off
// by slashes or bars: "Jane Roe / TNN / Updated: May 12, 2021, 18:58
// IST". The first group is the names, the second the desk, the third
// the date.
var nameRowRE = regexp.MustCompile(`^([^/|]{3,60}?) [/|] (?:([^/|]{1,30}) [/|] )?([^/|]*\d[^/|]*)$`)

// handleTailRE matches a social-media handle printed after a reporter's
// name on a byline row ("Jane Roe @janeroe / …").
var handleTailRE = regexp.MustCompile(`\s+@\w+$`)

// splitNameRow splits a name-desk-date row into the names, read as a
// byline over the date, and the date line, when the names are people's
// and the date parses. The desk names no author.
func splitNameRow(s string) ([]string, bool) {
	if !strings.Contains(s, " / ") && !strings.Contains(s, " | ") {
		return nil, false
	}
	m := nameRowRE.FindStringSubmatch(s)
	if m == nil || strings.ContainsAny(m[1], ".:;!?") || wordCount(m[2]) > 3 {
		return nil, false
	}
	m[1] = handleTailRE.ReplaceAllString(m[1], "")
	if names, ok := parseNames(m[1]); !ok || len(names) == 0 || !allPeople(names) {
		return nil, false
	}
	if st, ok := parseDateLine(m[3]); !ok || st.t.IsZero() {
		return nil, false
	}
	return []string{strings.TrimSpace(m[1]), strings.TrimSpace(m[3])}, true
}

// postedByRE matches a blog's "Posted on May 12, 2021 by Jane Smith".
var postedByRE = regexp.MustCompile(`^((?i:posted|published)(?: (?i:on))? .+?) (?i:by) (\S.*)$`)

// postedByOnRE matches a blog's "Posted by Jane Smith on May 12, 2021".
var postedByOnRE = regexp.MustCompile(`^(?i:posted|written|published) (?i:by) (\S.*?) (?i:on) (\S.*\d.*)$`)

// splitDateByline splits a blog's date-and-author row, either way round,
// into a date line and a "By" line, when each reads as such.
func splitDateByline(s string) (date, by string, ok bool) {
	if m := postedByOnRE.FindStringSubmatch(s); m != nil {
		// "Posted by Jane Smith on June 3, 2021": the author first.
		if st, ok := parseDateLine(m[2]); ok && !st.t.IsZero() {
			if names, ok := parseNames(m[1]); ok && len(names) > 0 {
				return m[2], "by " + m[1], true // as printed, so Explain can point at it
			}
		}
	}
	m := postedByRE.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	if st, ok := parseDateLine(m[1]); !ok || st.t.IsZero() {
		return "", "", false
	}
	if names, ok := parseNames(m[2]); !ok || len(names) == 0 {
		return "", "", false
	}
	return m[1], "By " + m[2], true
}

// readHeader takes the "date YYYY-MM-DD" or "date YYYY-MM" prefix off the
// cleaned first line, records the date, and returns the rest of the line.
func (p *page) readHeader(s string) string {
	rest, ok := strings.CutPrefix(s, "date ")
	if !ok {
		return s
	}
	field, after, _ := strings.Cut(rest, " ")
	if t, err := time.Parse(time.DateOnly, field); err == nil {
		p.captured, p.capturedEnd = t, t.AddDate(0, 0, 2)
		return after
	}
	if t, err := time.Parse("2006-01", field); err == nil {
		p.captured, p.capturedEnd = t, t.AddDate(0, 1, 1)
		return after
	}
	if isDateish(field) {
		return after
	}
	return rest
}

// isDateish reports whether s is made of digits and date separators only, a
// garbled capture date that is dropped rather than kept as page text.
func isDateish(s string) bool {
	return s != "" && strings.Trim(s, "0123456789-/.:T") == ""
}

// cleanLine drops control and invisible format characters, turns every kind
// of space (NBSP included) into a plain one, collapses runs of spaces, trims
// the ends and drops a slash that opens the line as a separator.
func cleanLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u200B' || r == '\uFEFF' || r == '\u00AD' || r == '\u2060':
			return -1
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if rest, ok := strings.CutPrefix(s, "/ "); ok && startsUpper(rest) {
		s = rest // a separator glyph set before a deck: "/ The company says …"
	}
	return s
}
