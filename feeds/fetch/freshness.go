package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxAge reads how long a response stays fresh: Cache-Control max-age,
// else Expires relative to the response's Date (or now). Zero when absent,
// invalid or in the past.
func maxAge(h http.Header, now time.Time) time.Duration {
	for _, directive := range strings.Split(h.Get("Cache-Control"), ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(directive), "=")
		if strings.EqualFold(name, "max-age") {
			n, err := strconv.ParseInt(strings.Trim(value, `"`), 10, 64)
			if err != nil || n <= 0 || n > maxRetrySeconds {
				return 0
			}
			return time.Duration(n) * time.Second
		}
	}
	expires, err := http.ParseTime(h.Get("Expires"))
	if err != nil {
		return 0
	}
	if date, err := http.ParseTime(h.Get("Date")); err == nil {
		now = date
	}
	if d := expires.Sub(now); d > 0 {
		return d
	}
	return 0
}
