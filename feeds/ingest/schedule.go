package ingest

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"

	"tidings/feeds/fetch"
	"tidings/storage"
)

// Scheduling bounds. A feed's own hints (RSS ttl, Cache-Control max-age,
// Expires) can only lengthen the interval, never shorten it below what the
// operator configured, and no hint or backoff pushes a source out of sight
// for more than a day (or a week, when the server says so with
// Retry-After).
const (
	MaxHint       = 24 * time.Hour
	MaxBackoff    = 24 * time.Hour
	MaxRetryAfter = 7 * 24 * time.Hour
)

// attempt is what one read of a source tells the scheduler.
type attempt struct {
	at         time.Time
	interval   time.Duration // configured: the source's own, else the default
	hint       time.Duration // the feed's freshness hint, zero if none
	retryAfter time.Duration // from a 429 or 503
	gone       bool          // 410: the publisher removed the feed
	moved      string        // a permanent redirect's target
	errs       []string
}

// record updates a source's state after an attempt: status, error streak,
// and when it is due again. jitter returns a number in [0, 1).
func record(st *storage.SourceState, a attempt, jitter func() float64) {
	st.LastAttempt = a.at
	if a.moved != "" {
		st.URL = a.moved
	}
	if len(a.errs) == 0 {
		st.Status, st.ConsecutiveErrors, st.LastError = storage.StatusOK, 0, ""
		st.LastSuccess, st.FailingSince = a.at, time.Time{}
		st.NextDue = a.at.Add(max(a.interval, min(a.hint, MaxHint)))
		return
	}
	st.Status = storage.StatusError
	if a.gone {
		st.Status = storage.StatusDisabled
	}
	if st.ConsecutiveErrors == 0 {
		st.FailingSince = a.at
	}
	st.ConsecutiveErrors++
	st.LastError = a.errs[0]
	if len(a.errs) > 1 {
		st.LastError = fmt.Sprintf("%s (and %d more)", st.LastError, len(a.errs)-1)
	}
	st.NextDue = a.at.Add(max(backoff(a.interval, st.ConsecutiveErrors, jitter), min(a.retryAfter, MaxRetryAfter)))
}

// backoff is the delay after n consecutive errors: the interval doubled for
// each error after the first, capped at MaxBackoff, plus up to 20% jitter
// so that sources failing together (one publisher down) do not retry
// together.
func backoff(interval time.Duration, n int, jitter func() float64) time.Duration {
	d := interval
	for i := 1; i < n && d < MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, MaxBackoff)
	return d + time.Duration(float64(d)*0.2*jitter())
}

// failure turns a fetch error into the scheduler's view of it.
func failure(err error) (retryAfter time.Duration, gone bool) {
	var se *fetch.StatusError
	if !errors.As(err, &se) {
		return 0, false
	}
	return se.RetryAfter, se.Status == http.StatusGone
}

func defaultJitter() float64 { return rand.Float64() }
