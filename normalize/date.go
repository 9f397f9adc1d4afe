package normalize

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrDate is returned (wrapped) by ParseDate for a date it cannot read.
var ErrDate = errors.New("unreadable date")

// numericDate matches an ISO 8601-like date as publishers write it by hand
// or by template: year, month and day separated by "-" or "/" (one-digit
// month and day allowed), then optionally a time of hours and minutes with
// optional seconds and fraction, after "T" or a space, then optionally "Z"
// or an offset of hours with optional minutes (one-digit minutes too).
var numericDate = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})` +
	`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?` +
	`\s*(?:(Z|UTC|GMT)|([+-])(\d{2})(?::?(\d{1,2}))?)?$`)

// twelveHourLayouts are dates with a 12-hour clock and no zone, which the
// feed parser's layouts miss ("Sat, Dec 16 2023 02:02:33 PM").
var twelveHourLayouts = []string{
	"Mon, Jan 2 2006 03:04:05 PM",
	"Mon, Jan 2 2006 03:04 PM",
	"Jan 2 2006 03:04:05 PM",
	"Mon, 2 Jan 2006 03:04:05 PM",
	"2 Jan 2006 03:04:05 PM",
}

// ParseDate reads a feed date that the feed parser could not: an ISO 8601
// date without seconds or zone ("2018-01-06T08:00"), with a truncated
// offset ("2017-06-13T03:18:00+00:0") or with slashes ("2020/1/10
// 14:33:00"), dates on a 12-hour clock, and RFC 1123 dates in the zone
// "Etc/GMT". A date without a zone is taken
// to be UTC, as feedparser takes it. It returns an error wrapping ErrDate
// for anything else, and for a date whose fields are out of range. An
// all-numeric date with the year last ("07/09/2022") needs the feed's
// language: see ParseDayMonthYear.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if m := numericDate.FindStringSubmatch(s); m != nil {
		if t, ok := numericTime(m); ok {
			return t, nil
		}
		return time.Time{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
	}
	for _, layout := range twelveHourLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	// "Etc/GMT", the tz database's name, is GMT to a reader.
	if rest, ok := strings.CutSuffix(s, " Etc/GMT"); ok {
		for _, layout := range []string{time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"} {
			if t, err := time.Parse(layout, rest+" +0000"); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("parse date %q: %w", s, ErrDate)
}

// numericTime builds the time numericDate matched, checking every field's
// range (time.Date would carry day 32 into the next month).
func numericTime(m []string) (time.Time, bool) {
	n := func(i int) int {
		v, _ := strconv.Atoi(m[i]) // digits only, or empty for 0
		return v
	}
	year, month, day, hour, minute, sec := n(1), n(2), n(3), n(4), n(5), n(6)
	zone := time.UTC
	if m[8] != "" {
		offHour, offMin := n(9), n(10)
		if offHour > 14 || offMin > 59 {
			return time.Time{}, false
		}
		offset := offHour*3600 + offMin*60
		if m[8] == "-" {
			offset = -offset
		}
		zone = time.FixedZone("", offset)
	}
	if month < 1 || month > 12 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, zone)
	if t.Day() != day {
		return time.Time{}, false
	}
	return t, true
}
