package seed

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// monthRE matches an English month name or abbreviation.
const monthRE = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// anyMonthRE is monthRE with the French and German month names that its
// English forms do not match ("12 mai 2021", "28. März 2021"); those
// languages put the day first, so only dmyRE uses it.
const anyMonthRE = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|januar|februar|m[äa]e?rz|juni|juli|oktober|dezember)\.?`

var (
	// mdyRE matches "MAY 12, 2021", "Sep 29, 2021" and "May 3, 2022Updated".
	mdyRE = regexp.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}|\d{2})`)
	// dmyRE matches "12 May 2021", "14th May, 2021" and "12 MAY 21".
	dmyRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+` + anyMonthRE + `,?\s+(\d{4}|\d{2})`)
	// isoRE matches "2021-05-12" with an optional time and offset.
	isoRE = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?`)
	// monthDayRE matches a date without a year: "May 11th", "11 May".
	monthDayRE = regexp.MustCompile(`(?i)\b(?:` + monthRE + `\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\.?\s+` + monthRE + `)\b`)
	// clockRE matches "18:58", "6:20 AM", "4:00 p.m.", "12.38pm", "14.08 Uhr".
	// "11h40" (French), "12.38 EDT" (a dotted time before a zone) and an
	// hour alone, "5 AM PT", too.
	clockRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?::(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\b\.?)?|\.(\d{2})\s*(?:([ap])\.?m\b\.?|uhr\b)|h(\d{2})\b|\.(\d{2})\s+((?:gmt|utc|bst|cet|cest|edt|est|ist|pdt|pst|cdt|cst)\b)|\s?([ap])\.?m\b\.?)`)
	// numericRE matches "07/09/2022", "28.03.2021" and, slashed only,
	// "05/12/21" (The Hill).
	numericRE = regexp.MustCompile(`\b(\d{1,2})([./])(\d{1,2})[./](\d{4}|\d{2})\b`)
	// updateLabelRE marks a date as a last-updated time rather than the
	// first publication.
	updateLabelRE = regexp.MustCompile(`(?i)(?:updated|update\b|modified|mis à jour|aktualisiert)`)
	// zoneRE matches a time zone right after a clock time.
	zoneRE = regexp.MustCompile(`(?i)^[\s,]*\(?(british summer time|greenwich mean time|gmt|utc|z|bst|cest|cet|eest|eet|msk|ist|idt|aest|aedt|acst|acdt|awst|nzst|nzdt|jst|kst|sgt|myt|hkt|pht|wib|ict|pkt|gst|sast|hst|akdt|akst|edt|est|et|cdt|cst|ct|mdt|mst|mt|pdt|pst|pt|uk)\b(?:\s*([+-]\d{1,2})(?::?(\d{2}))?)?`)
)

// zoneOffsets are fixed offsets east of UTC, in minutes.
var zoneOffsets = map[string]int{
	"british summer time": 60, "greenwich mean time": 0, "gmt": 0, "utc": 0,
	"z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
	"msk": 180, "ist": 330, "idt": 180, "aest": 600, "aedt": 660, "jst": 540,
	"sgt": 480, "myt": 480, "hkt": 480, "kst": 540, "pht": 480, "wib": 420, "ict": 420,
	"pkt": 300, "gst": 240, "sast": 120, "acst": 570, "acdt": 630,
	"awst": 480, "nzst": 720, "nzdt": 780, "hst": -600, "akdt": -480,
	"akst": -540, "edt": -240, "est": -300, "cdt": -300,
	"cst": -360, "mdt": -360, "mst": -420, "pdt": -420, "pst": -480,
}

// usZones are the US zone names without a daylight-saving marker, as
// standard-time offsets in minutes.
var usZones = map[string]int{"et": -300, "ct": -360, "mt": -420, "pt": -480}

// zoneNameWords are the words of long zone names.
var zoneNameWords = setOf(
	"british", "summer", "greenwich", "mean", "standard", "daylight",
	"eastern", "central", "pacific", "mountain", "time",
)

// dateLabels are words that may surround a date on a date line.
var dateLabels = setOf(
	"published", "updated", "update", "posted", "originally", "first", "last",
	"modified", "on", "at", "date", "time", "am", "pm", "a.m", "p.m", "uhr",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "vom",
	"publié", "mis", "à", "jour", "le", "erstellt", "aktualisiert", "am",
	"um", "veröffentlicht", "zuletzt", "edited",
	// A relative age before the date: "Published 3 hours ago on 03 June
	// 2021".
	"ago", "hour", "hours", "minute", "minutes", "mins", "day", "days",
)

// dateMatch is one calendar date found in a line, at s[start:end].
type dateMatch struct {
	start, end int
	y          int
	m          time.Month
	d          int
	// clock is set when the date carried its own time (ISO form).
	clock *time.Time
	// alt is the month-first reading of an ambiguous numeric date such as
	// "07/09/2022", zero otherwise.
	alt time.Time
}

// stamp is what a date line says: the instant of its earliest full date,
// whether that date came with a time of day and a last-updated label, and
// the other reading of an ambiguous numeric date.
type stamp struct {
	t, alt  time.Time
	clock   bool
	updated bool
}

// in returns the instant, choosing for an ambiguous numeric date the
// reading nearest before latest (the end of the capture period).
func (st stamp) in(latest time.Time) time.Time {
	if st.alt.IsZero() || latest.IsZero() {
		return st.t
	}
	t, a := st.t, st.alt
	switch {
	case t.After(latest):
		return a
	case a.After(latest):
		return t
	case a.After(t):
		return a
	}
	return t
}

// yearClockRE finds a year glued to the clock after it: "June 3,
// 20215:24 PM" (Reuters).
var yearClockRE = regexp.MustCompile(`(, (?:19|20)\d\d)(\d{1,2}:\d\d\b)`)

// parseDateLine reports whether s is a date line: a date or timestamp with
// at most a few label words around it, or such a segment of a "•", "·" or "|"
// separated row. The instant is the earliest full date on the line in UTC,
// zero for a timestamp or a date without a year.
func parseDateLine(s string) (stamp, bool) {
	// Every date and clock form has a digit; most lines have none.
	if !strings.ContainsAny(s, "0123456789") || wordCount(s) > 20 {
		return stamp{}, false
	}
	if strings.HasSuffix(s, "read") {
		s = readTimeTailRE.ReplaceAllString(s, "") // "Thu., June 3, 2021timer3 min. read"
	}
	if !isDateRow(s) {
		return stamp{}, false
	}
	if i := strings.Index(strings.ToLower(s), "first published at "); i > 0 {
		// "Updated Sep 20, 2024 – 9.15am, first published at 5.00am": the
		// first publication, on the date the line gives.
		if ds := findDates(s[:i]); len(ds) > 0 {
			if st, ok := parseDateLine(s[ds[0].start:ds[0].end] + " " + s[i+len("first published at "):]); ok && !st.t.IsZero() {
				return st, true
			}
		}
	}
	if strings.Contains(s, ":") {
		s = yearClockRE.ReplaceAllString(s, "$1 $2")
	}
	var best stamp
	dates := findDates(s)
	for i, d := range dates {
		t, clock := d.instant(s, dates, i)
		if best.t.IsZero() || t.Before(best.t) {
			lo := 0
			if i > 0 {
				lo = dates[i-1].end
			}
			best = stamp{t: t, clock: clock, updated: updateLabelRE.MatchString(s[lo:d.start])}
			if !d.alt.IsZero() {
				// The other reading, at the same clock time in the zone
				// the line gives, on its own day (ET is EDT in May, EST
				// in December).
				other := d
				other.y, other.m, other.d = d.alt.Date()
				best.alt, _ = other.instant(s, dates, i)
			}
		}
	}
	return best, true
}

// readTimeTailRE finds a reading time glued after a date, with the alt
// text of its icon: "…, 2021timer3 min. read", "… 2021 · 4 min read".
var readTimeTailRE = regexp.MustCompile(`(?i)\s*[·|•]?\s*(?:timer|clock)?\s*\d{1,2}\s*min(?:ute)?s?\.?\s*read$`)

// isDateRow reports whether some segment of s is only a date or time and
// every other segment is short. Segments are separated by "|", "•", "●", "·" or a
// spaced dash ("May 12, 2021 - Economy & Business" on Axios).
func isDateRow(s string) bool {
	if i := strings.LastIndex(s, ", "); i > 0 && !strings.ContainsAny(s[i:], "0123456789") && isPublisherName(s[i+2:]) {
		s = s[:i] // "Thursday June 05 2025, 12.01am BST, The Times": the outlet signs the date
	}
	s = rowDashRE.ReplaceAllString(s, "|")
	segs := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("|•·●", r) })
	found := false
	for _, seg := range segs {
		switch {
		case isDateSegment(seg):
			found = true
		case isRelativeDate(strings.TrimSpace(seg)) || isJunk(strings.TrimSpace(seg)):
		case wordCount(seg) > 4 || endsSentence(seg):
			return false
		}
	}
	return found
}

// rowDashRE matches a dash or a slash between spaces, which separates a
// row's segments ("Philippine Daily Inquirer / 05:14 AM June 03, 2021").
var rowDashRE = regexp.MustCompile(`\s[-–—/]\s`)

// isDateSegment reports whether seg holds a date or clock time and, with
// those and any label words removed, at most one other word.
func isDateSegment(seg string) bool {
	dates := findDates(seg)
	n := len(dates)
	rest := []byte(seg)
	for _, d := range dates {
		for i := d.start; i < d.end; i++ {
			rest[i] = ' '
		}
	}
	left := string(rest)
	clocks := 0
	for _, re := range []*regexp.Regexp{monthDayRE, clockRE} {
		found := len(re.FindAllStringIndex(left, -1))
		if re == clockRE {
			clocks = found
		}
		n += found
		left = re.ReplaceAllString(left, " ")
	}
	if n == 0 {
		return false
	}
	other := 0
	for _, w := range strings.Fields(left) {
		w = strings.ToLower(strings.Trim(w, ":,.;()-–—/"))
		if w != "" && !dateLabels[w] && !isZoneWord(w) {
			other++
		}
	}
	// A full date with its time of day carries a two-word label too:
	// "All News 15:42 November 26, 2025".
	return other <= 1 || other == 2 && clocks > 0 && slices.ContainsFunc(dates, func(d dateMatch) bool { return d.y > 0 })
}

// isZoneWord reports whether w is a zone abbreviation or a word of a zone's
// long name.
func isZoneWord(w string) bool {
	_, fixed := zoneOffsets[w]
	_, us := usZones[w]
	return fixed || us || zoneNameWords[w] || w == "uk"
}

// findDates returns the full calendar dates in s, in order.
func findDates(s string) []dateMatch {
	var out []dateMatch
	for _, m := range isoRE.FindAllStringSubmatchIndex(s, -1) {
		if d, ok := isoDate(s, m); ok {
			out = append(out, d)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, m := range numericRE.FindAllStringSubmatchIndex(s, -1) {
		if d, ok := numericDate(s, m); ok {
			out = append(out, d)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, m := range mdyRE.FindAllStringSubmatchIndex(s, -1) {
		out = appendDate(out, s, m, m[4:6], m[2:4], m[6:8])
	}
	for _, m := range dmyRE.FindAllStringSubmatchIndex(s, -1) {
		out = appendDate(out, s, m, m[2:4], m[4:6], m[6:8])
	}
	return dropOverlaps(out)
}

// appendDate appends the date at match m (day, month and year groups given
// by their index pairs) when it is a real calendar date.
func appendDate(out []dateMatch, s string, m, day, mon, year []int) []dateMatch {
	ys := s[year[0]:year[1]]
	if len(ys) == 2 && year[1] < len(s) && strings.ContainsRune("0123456789:", rune(s[year[1]])) {
		return out // "21" of "2106" or "06" of "06:19": not a two-digit year
	}
	d, _ := strconv.Atoi(s[day[0]:day[1]])
	y, _ := strconv.Atoi(ys)
	if len(ys) == 2 {
		y = twoDigitYear(y)
	}
	mo := monthOf(s[mon[0]:mon[1]])
	if !validDate(y, mo, d) {
		return out
	}
	return append(out, dateMatch{start: m[0], end: m[1], y: y, m: mo, d: d})
}

// numericDate reads "28.03.2021" (dotted: day first) and "07/09/2022"
// (slashed: day first unless the first number cannot be a day's month
// partner; when both readings are valid the month-first one is kept in
// alt).
func numericDate(s string, m []int) (dateMatch, bool) {
	a, _ := strconv.Atoi(s[m[2]:m[3]])
	b, _ := strconv.Atoi(s[m[6]:m[7]])
	y, _ := strconv.Atoi(s[m[8]:m[9]])
	sep := s[m[4]:m[5]]
	if m[9]-m[8] == 2 {
		// "11.26.25, 17:42" (Ynet): a dotted short year only beside a
		// time of day, where a version or a score does not stand.
		if strings.Count(s[m[0]:m[1]], sep) != 2 || sep == "." && !clockRE.MatchString(s[m[1]:]) {
			return dateMatch{}, false
		}
		y = twoDigitYear(y)
	}
	dayFirst := validDate(y, time.Month(b), a)
	monthFirst := (sep == "/" || !dayFirst) && validDate(y, time.Month(a), b) && a != b
	d := dateMatch{start: m[0], end: m[1], y: y}
	switch {
	case dayFirst:
		d.m, d.d = time.Month(b), a
		if monthFirst {
			d.alt = time.Date(y, time.Month(a), b, 0, 0, 0, 0, time.UTC)
		}
	case monthFirst:
		d.m, d.d = time.Month(a), b
	default:
		return d, false
	}
	return d, true
}

// isoDate reads an ISO 8601 date and its optional time and offset.
func isoDate(s string, m []int) (dateMatch, bool) {
	num := func(i int) int {
		n, _ := strconv.Atoi(s[m[2*i]:m[2*i+1]])
		return n
	}
	d := dateMatch{start: m[0], end: m[1], y: num(1), m: time.Month(num(2)), d: num(3)}
	if !validDate(d.y, d.m, d.d) {
		return d, false
	}
	if m[8] >= 0 {
		t := time.Date(d.y, d.m, d.d, num(4), num(5), 0, 0, time.UTC)
		if m[12] >= 0 {
			t = atOffset(t, offsetMinutes(s[m[12]:m[13]]))
		}
		d.clock = &t
	}
	return d, true
}

// instant is the date's moment (at the page's offset when it gives a
// zone, else its clock time read as UTC), using the clock time on the line
// nearest to it: after it, up to the next date, or else before it.
func (d dateMatch) instant(s string, all []dateMatch, i int) (time.Time, bool) {
	if d.clock != nil {
		return *d.clock, true
	}
	lo, hi := 0, len(s)
	if i > 0 {
		lo = all[i-1].end
	}
	if i+1 < len(all) {
		hi = all[i+1].start
	}
	// The date's own segment of a "Published: … | Updated: …" row first,
	// so the update's time is not taken for the publication's.
	segLo := lo
	if k := strings.LastIndexAny(s[:d.start], "|•·●"); k >= 0 {
		_, w := utf8.DecodeRuneInString(s[k:])
		segLo = max(lo, k+w)
	}
	segHi := hi
	if k := strings.IndexAny(s[d.end:hi], "|•·●"); k >= 0 {
		segHi = d.end + k
	}
	h, mi, sec, zone, ok := findClock(s[d.end:segHi])
	if !ok {
		h, mi, sec, zone, ok = findClock(s[segLo:d.start])
	}
	if !ok {
		h, mi, sec, zone, ok = findClock(s[d.end:hi])
	}
	if !ok {
		h, mi, sec, zone, ok = findClock(s[lo:d.start])
	}
	if !ok {
		return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC), false
	}
	local := time.Date(d.y, d.m, d.d, h, mi, sec, 0, time.UTC)
	if zone == "" {
		return local, true // the clock time as written, marked UTC
	}
	return atOffset(local, zoneOffset(zone, d.y, d.m, d.d)), true
}

// atOffset returns the instant whose clock time at off minutes east of UTC
// is that of local (read as UTC), in that offset, so the page's zone
// survives to normalize.Article.PublishedOffset.
func atOffset(local time.Time, off int) time.Time {
	return local.Add(-time.Duration(off) * time.Minute).In(time.FixedZone("", off*60))
}

// findClock returns the first clock time in s, as 24-hour hours and
// minutes, and the zone written after it ("" when none).
func findClock(s string) (h, m, sec int, zone string, ok bool) {
	for _, g := range clockRE.FindAllStringSubmatchIndex(s, -1) {
		h, _ = strconv.Atoi(group(s, g, 1))
		mins, secs, ampm, zone := group(s, g, 2), group(s, g, 3), group(s, g, 4), zoneAfter(s[g[1]:])
		switch {
		case g[10] >= 0:
			mins, ampm = group(s, g, 5), group(s, g, 6)
		case g[14] >= 0:
			mins = group(s, g, 7)
		case g[16] >= 0:
			mins, zone = group(s, g, 8), strings.ToLower(group(s, g, 9))
		case g[20] >= 0:
			mins, ampm = "0", group(s, g, 10) // an hour alone: "5 AM PT"
		}
		m, _ = strconv.Atoi(mins)
		sec, _ = strconv.Atoi(secs)
		h = to24(h, strings.ToLower(ampm))
		if h > 23 || m > 59 || sec > 59 {
			continue
		}
		return h, m, sec, zone, true
	}
	return 0, 0, 0, "", false
}

// zoneAfter returns the zone name, with any "+3" style offset, that starts
// s, in lower case.
func zoneAfter(s string) string {
	m := zoneRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1]) + m[2] + m[3]
}

// zoneOffset returns the offset of zone east of UTC in minutes on the given
// day. Unknown and missing zones count as UTC. US zones without a
// daylight marker follow the US daylight-saving rules in force since 2007.
func zoneOffset(zone string, y int, mo time.Month, d int) int {
	name := strings.TrimRight(zone, "+-0123456789")
	if name == "uk" {
		// "10:22, UK" (Sky News): British time, BST from the last Sunday
		// of March to the last Sunday of October.
		if ukSummer(y, mo, d) {
			return 60
		}
		return 0
	}
	if off, ok := usZones[name]; ok {
		if usDaylight(y, mo, d) {
			off += 60
		}
		return off
	}
	return zoneOffsets[name] + offsetMinutes(zone[len(name):])
}

// offsetMinutes reads "+03:00", "-0500", "+3" or "Z" as minutes east of UTC.
func offsetMinutes(s string) int {
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return 0
	}
	digits := strings.ReplaceAll(s[1:], ":", "")
	h, m := digits, ""
	if len(digits) > 2 {
		h, m = digits[:len(digits)-2], digits[len(digits)-2:]
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	off := hh*60 + mm
	if s[0] == '-' {
		return -off
	}
	return off
}

// usDaylight reports whether US daylight-saving time is in force on the
// day: from the second Sunday in March to the first Sunday in November.
func usDaylight(y int, mo time.Month, d int) bool {
	switch {
	case mo > time.March && mo < time.November:
		return true
	case mo == time.March:
		return d >= nthSunday(y, mo, 2)
	case mo == time.November:
		return d < nthSunday(y, mo, 1)
	}
	return false
}

// ukSummer reports whether British Summer Time is in force on the day:
// from the last Sunday in March to the last Sunday in October.
func ukSummer(y int, mo time.Month, d int) bool {
	switch {
	case mo > time.March && mo < time.October:
		return true
	case mo == time.March:
		return d >= lastSunday(y, mo)
	case mo == time.October:
		return d < lastSunday(y, mo)
	}
	return false
}

// lastSunday returns the day of the month of its last Sunday.
func lastSunday(y int, mo time.Month) int {
	last := time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC)
	return last.Day() - int(last.Weekday())
}

// nthSunday returns the day of the month of its nth Sunday.
func nthSunday(y int, mo time.Month, n int) int {
	first := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC).Weekday()
	return 1 + (7-int(first))%7 + 7*(n-1)
}

// to24 converts a 12-hour clock hour to 24 hours when ampm is "a" or "p".
func to24(h int, ampm string) int {
	switch {
	case ampm == "p" && h < 12:
		return h + 12
	case ampm == "a" && h == 12:
		return 0
	}
	return h
}

// monthOf returns the month a name or abbreviation stands for.
func monthOf(name string) time.Month {
	if m, ok := foreignMonths[strings.ToLower(name)]; ok {
		return m
	}
	p := strings.ToLower(name)
	if len(p) > 3 {
		p = p[:3]
	}
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", p)
	return time.Month(i/3 + 1)
}

// foreignMonths are the French and German month names whose first three
// letters are not an English month's.
var foreignMonths = map[string]time.Month{
	"février": time.February, "fevrier": time.February, "avril": time.April,
	"mai": time.May, "juin": time.June, "juillet": time.July,
	"août": time.August, "aout": time.August, "décembre": time.December,
	"märz": time.March, "maerz": time.March, "marz": time.March,
	"juni": time.June, "juli": time.July, "oktober": time.October,
	"dezember": time.December,
}

// validDate reports whether y-m-d is a real calendar date.
func validDate(y int, m time.Month, d int) bool {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Day() == d
}

// twoDigitYear reads "21" as 2021 and "98" as 1998.
func twoDigitYear(y int) int {
	if y < 70 {
		return 2000 + y
	}
	return 1900 + y
}

// dropOverlaps sorts dates by position and drops any date that overlaps an
// earlier one: in "12 MAY 21 06:19" the day-first reading wins over
// "MAY 21 06".
func dropOverlaps(ds []dateMatch) []dateMatch {
	slices.SortFunc(ds, func(a, b dateMatch) int { return a.start - b.start })
	out := ds[:0]
	for _, d := range ds {
		if len(out) > 0 && d.start < out[len(out)-1].end {
			continue
		}
		out = append(out, d)
	}
	return out
}

// group returns submatch i of a FindStringSubmatchIndex result, or "".
func group(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// todayRE matches a date line that gives only the time of a day named
// relative to the capture: "Today 6:20 PM", "Today, 09:15".
var todayRE = regexp.MustCompile(`(?i)^today,?\s+(?:at\s+)?(\d{1,2})[:.](\d{2})\s*([ap])?\.?m?\.?$`)

// todayClock returns the minutes after midnight of a "Today 6:20 PM" line,
// and whether s is one.
func todayClock(s string) (int, bool) {
	m := todayRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	if h = to24(h, strings.ToLower(m[3])); h >= 24 || mi >= 60 {
		return 0, false
	}
	return h*60 + mi, true
}
