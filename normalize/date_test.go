package normalize

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	t.Parallel()
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2018-01-06T08:00", utc(2018, 1, 6, 8, 0, 0)},
		{"2018-01-06 08:00:59", utc(2018, 1, 6, 8, 0, 59)},
		{" 2018-1-6 ", utc(2018, 1, 6, 0, 0, 0)},
		{"2020/1/10 14:33:00", utc(2020, 1, 10, 14, 33, 0)},
		{"2017-06-13T03:18:00+00:0", utc(2017, 6, 13, 3, 18, 0)},
		{"2017-06-13T03:18:00+02", utc(2017, 6, 13, 1, 18, 0)},
		{"2017-06-13T03:18:00-0530", utc(2017, 6, 13, 8, 48, 0)},
		{"2017-06-13T03:18:00.123Z", utc(2017, 6, 13, 3, 18, 0)},
		{"2017-06-13 03:18 GMT", utc(2017, 6, 13, 3, 18, 0)},
		{"Sat, Dec 16 2023 02:02:33 PM", utc(2023, 12, 16, 14, 2, 33)},
		{"Dec 16 2023 12:02:33 AM", utc(2023, 12, 16, 0, 2, 33)},
		{"Wed, 19 Aug 2009 18:28:00 Etc/GMT", utc(2009, 8, 19, 18, 28, 0)},
		{"Wed, 9 Aug 2009 18:28:00 Etc/GMT", utc(2009, 8, 9, 18, 28, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseDate(tt.in)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", "yesterday", "2018", "2018-13-01", "2018-02-30", "2018-01-06T24:00",
		"2018-01-06T08:60", "2018-01-06T08:00:60", "2018-01-06T08:00+15:00",
		"2018-01-06T08:00+01:60", "12/25/2023", "2018-01-06T08:00 tomorrow",
		"Wed, 19 Aug 2009 18:28:00 Etc/GMT+2", "Wed, 31 Jun 2009 18:28:00 Etc/GMT",
	} {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			if got, err := ParseDate(in); !errors.Is(err, ErrDate) {
				t.Errorf("ParseDate(%q) = %v, %v, want an error wrapping ErrDate", in, got, err)
			}
		})
	}
}

// FuzzParseDate checks that ParseDate never panics and reads its own
// RFC 3339 rendering of any date it accepts as the same instant.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2018-01-06T08:00", "2020/1/10 14:33:00", "2017-06-13T03:18:00+00:0",
		"Sat, Dec 16 2023 02:02:33 PM", "2018-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		again, err := ParseDate(d.Format(time.RFC3339))
		if err != nil || !again.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v, but ParseDate of its RFC 3339 form = %v, %v", s, d, again, err)
		}
	})
}
