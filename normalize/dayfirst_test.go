package normalize

import (
	"errors"
	"testing"
	"time"
)

func TestDayFirst(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang string
		want bool
	}{
		{"", false}, {"en", false}, {"en-US", false}, {"EN-us", false}, {"en_US", false}, {"en-CA", false},
		{"en-PH", false}, {"en-Latn-US", false},
		{"en-GB", true}, {"en-gb", true}, {"en_GB", true}, {"en-AU", true}, {"en-IN", true}, {"en-IE", true},
		{"en-NZ", true}, {"en-ZA", true}, {"en-150", true}, {"en-Latn-GB", true},
		{"fr", true}, {"fr-FR", true}, {"fr-CA", true}, {"de", true}, {"de-AT", true}, {"es", true},
		{"es-MX", true}, {"it", true}, {"nl", true}, {"pt", true}, {"pt-BR", true}, {"ru", true},
		{"ar", true}, {"he", true}, {"pl", true}, {"tr", true}, {" fr ", true},
		{"zh-CN", false}, {"ja", false}, {"ko", false}, {"hu", false},
		{"x", false}, {"english", false}, {"12", false}, {"*", false},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			t.Parallel()
			if got := DayFirst(tt.lang); got != tt.want {
				t.Errorf("DayFirst(%q) = %v, want %v", tt.lang, got, tt.want)
			}
		})
	}
}

func TestParseDayMonthYear(t *testing.T) {
	t.Parallel()
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	tests := []struct {
		in, lang string
		want     time.Time
	}{
		{"07/09/2022", "fr", utc(2022, 9, 7, 0, 0, 0)},
		{"07/09/2022", "en-GB", utc(2022, 9, 7, 0, 0, 0)},
		{"07/09/2022", "de-DE", utc(2022, 9, 7, 0, 0, 0)},
		{"07/09/2022", "en-US", utc(2022, 7, 9, 0, 0, 0)},
		{"07/09/2022", "en", utc(2022, 7, 9, 0, 0, 0)},
		{"07/09/2022", "", utc(2022, 7, 9, 0, 0, 0)},
		// A number over 12 can only be the day, whatever the language.
		{"25/12/2023", "", utc(2023, 12, 25, 0, 0, 0)},
		{"25/12/2023", "en-US", utc(2023, 12, 25, 0, 0, 0)},
		{"12/25/2023", "fr", utc(2023, 12, 25, 0, 0, 0)},
		{"12/25/2023", "en-GB", utc(2023, 12, 25, 0, 0, 0)},
		{"7.9.2022", "de", utc(2022, 9, 7, 0, 0, 0)},
		{"07-09-2022", "es", utc(2022, 9, 7, 0, 0, 0)},
		{"07/09/22", "it", utc(2022, 9, 7, 0, 0, 0)},
		{"07.09.22", "de", utc(2022, 9, 7, 0, 0, 0)},
		{"07/09/99", "en-US", utc(1999, 7, 9, 0, 0, 0)},
		{"07/09/2022 14:30", "fr", utc(2022, 9, 7, 14, 30, 0)},
		{"07.09.2022 14:30:15", "ru", utc(2022, 9, 7, 14, 30, 15)},
		{"07/09/2022 - 14:30", "nl", utc(2022, 9, 7, 14, 30, 0)},
		{"07/09/2022, 2:30 PM", "en-US", utc(2022, 7, 9, 14, 30, 0)},
		{"07/09/2022 12:05 am", "en-US", utc(2022, 7, 9, 0, 5, 0)},
		{"07/09/2022 14:30 +0200", "fr", utc(2022, 9, 7, 12, 30, 0)},
		{"07/09/2022 14:30:00 -05:00", "en-US", utc(2022, 7, 9, 19, 30, 0)},
		{"07/09/2022 14:30 GMT", "en-GB", utc(2022, 9, 7, 14, 30, 0)},
		{" 29/02/2024 ", "pt", utc(2024, 2, 29, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseDayMonthYear(tt.in, tt.lang)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("ParseDayMonthYear(%q, %q) = %v, %v, want %v", tt.in, tt.lang, got, err, tt.want)
			}
		})
	}
}

func TestParseDayMonthYearRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", "2022-07-09", "2022/07/09", "07/09", "13/13/2022", "00/09/2022", "31/02/2022", "07/09.2022",
		"07/09/2022 24:00", "07/09/2022 13:00 PM", "07/09/2022 0:30 AM", "07/09/2022 10:60", "07/09/2022 10:00 +1500",
		"07/09/2022 tomorrow", "Wed, 07 Sep 2022 10:00:00 GMT", "1/2/3", "03-12-31", "07-09-22",
	} {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			if got, err := ParseDayMonthYear(in, "fr"); !errors.Is(err, ErrDate) {
				t.Errorf("ParseDayMonthYear(%q) = %v, %v, want an error wrapping ErrDate", in, got, err)
			}
		})
	}
}

// FuzzParseDayMonthYear checks that ParseDayMonthYear never panics and
// reads its own rendering of any date it accepts, day first for French and
// month first for American English, as the same instant.
func FuzzParseDayMonthYear(f *testing.F) {
	for _, s := range []string{"07/09/2022", "25/12/2023 14:30 +0200", "7.9.22 2:30 PM", "31/02/2022"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for lang, layout := range map[string]string{"fr": "02/01/2006 15:04:05", "en-US": "01/02/2006 15:04:05"} {
			d, err := ParseDayMonthYear(s, lang)
			if err != nil {
				continue
			}
			again, err := ParseDayMonthYear(d.UTC().Format(layout), lang)
			if err != nil || !again.Equal(d) {
				t.Fatalf("ParseDayMonthYear(%q, %s) = %v, but of its rendering %v, %v", s, lang, d, again, err)
			}
		}
	})
}
