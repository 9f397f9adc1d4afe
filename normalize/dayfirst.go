package normalize

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dayMonthYear matches an all-numeric date with the year last, as people
// write it by hand or by locale: day and month (in an order only the
// language tells, see DayFirst) separated by "/", "." or "-", a year of four
// digits or two, then optionally a time of hours and minutes with optional
// seconds, a 12-hour marker, and "Z", "UTC", "GMT" or an offset.
var dayMonthYear = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})` +
	`(?:(?:[T ]|,? | - )(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?` +
	`\s*(?:(Z|UTC|GMT)|([+-])(\d{2}):?(\d{2})?)?$`)

// ParseDayMonthYear reads an all-numeric date with the year last
// ("07/09/2022", "7.9.2022 14:30", "07-09-22 2:30 PM +0200"). A first or
// second number over 12 can only be the day; when both are 12 or less the
// language of the feed decides (see DayFirst). A two-digit year is taken in
// 1970-2069, and only after "/" or "." ("03-12-31" is ISO 8601's 2003-12-31). A date without a zone is taken to be UTC. It returns an error
// wrapping ErrDate for any other form, and for a date whose fields are out
// of range.
func ParseDayMonthYear(s, lang string) (time.Time, error) {
	s = strings.TrimSpace(s)
	m := dayMonthYear.FindStringSubmatch(s)
	// "03-12-31" is ISO 8601's year first: with dashes, the year is four
	// digits.
	if m == nil || m[2] != m[4] || (m[2] == "-" && len(m[5]) == 2) {
		return time.Time{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
	}
	n := func(i int) int {
		v, _ := strconv.Atoi(m[i]) // digits only, or empty for 0
		return v
	}
	first, second, year := n(1), n(3), n(5)
	day, month := second, first
	if first > 12 || (second <= 12 && DayFirst(lang)) {
		day, month = first, second
	}
	if len(m[5]) == 2 {
		year += 1900
		if year < 1970 {
			year += 100
		}
	}
	hour, minute, sec := n(6), n(7), n(8)
	if m[9] != "" { // 12-hour clock
		if hour < 1 || hour > 12 {
			return time.Time{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
		}
		hour %= 12
		if strings.EqualFold(m[9], "p") {
			hour += 12
		}
	}
	zone := time.UTC
	if m[11] != "" {
		offHour, offMin := n(12), n(13)
		if offHour > 14 || offMin > 59 {
			return time.Time{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
		}
		offset := offHour*3600 + offMin*60
		if m[11] == "-" {
			offset = -offset
		}
		zone = time.FixedZone("", offset)
	}
	if month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, zone)
	if t.Day() != day {
		return time.Time{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
	}
	return t, nil
}

// monthFirstRegions are the regions whose English puts the month first
// (07/09/2022 is July 9th): the United States and the places that follow
// its usage.
var monthFirstRegions = map[string]bool{
	"us": true, "ph": true, "ca": true, "as": true, "gu": true, "mp": true,
	"pr": true, "um": true, "vi": true, "fm": true, "mh": true, "pw": true,
}

// yearFirstLanguages write numeric dates year first (2022/07/09); a date
// with the year last in one of them is foreign, so it is read month first,
// as for an unknown language.
var yearFirstLanguages = map[string]bool{
	"zh": true, "ja": true, "ko": true, "hu": true, "lt": true, "mn": true,
}

// DayFirst reports whether the language, a BCP 47 tag as feeds give it
// ("fr", "en-GB", "pt_BR", "EN-us"), writes numeric dates day first
// (07/09/2022 is 7 September). English does with a region outside the
// United States and the places following its usage (en-GB, en-AU, en-IN,
// en-IE, …); English without a region, an unknown or empty language and
// the languages that write the year first do not, so they read month
// first. Every other language writes day first (fr, de, es, it, nl, pt,
// ru, ar, he, pl, tr, …).
func DayFirst(lang string) bool {
	tag := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(lang, "_", "-")))
	base, rest, _ := strings.Cut(tag, "-")
	if len(base) < 2 || len(base) > 3 || strings.Trim(base, "abcdefghijklmnopqrstuvwxyz") != "" {
		return false
	}
	if base != "en" {
		return !yearFirstLanguages[base]
	}
	for sub := range strings.SplitSeq(rest, "-") {
		switch {
		case len(sub) == 2:
			return !monthFirstRegions[sub]
		case sub == "150": // Europe
			return true
		}
	}
	return false
}
