package fetch

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors returned by Get, wrapped with the URL; test with errors.Is.
var (
	// ErrBodyTooLarge means the body, decompressed, exceeded MaxBodySize.
	ErrBodyTooLarge = errors.New("body too large")
	// ErrTooManyRedirects means the request was redirected more than
	// MaxRedirects times.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrUnsupportedScheme means a URL or redirect target is not an
	// absolute http or https URL.
	ErrUnsupportedScheme = errors.New("unsupported url scheme")
)

// StatusError reports a response that was neither 2xx nor 304. Get returns
// it wrapped with the requested URL; use errors.As to get it.
type StatusError struct {
	// URL is the URL that answered with Status, after any redirects, with
	// any password redacted since errors get logged.
	URL string
	// Status is the HTTP status code.
	Status int
	// RetryAfter is the delay the server asked for with Retry-After on a
	// 429 or 503, or zero when it gave none (or gave one in the past).
	RetryAfter time.Duration
}

// Error describes the status, and the delay if there is one.
func (e *StatusError) Error() string {
	msg := strings.TrimSpace(fmt.Sprintf("status %d %s", e.Status, http.StatusText(e.Status)))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(", retry after %s", e.RetryAfter)
	}
	return msg
}

// statusError builds the StatusError for resp, answered by finalURL.
func (c *Client) statusError(resp *http.Response, finalURL string) *StatusError {
	err := &StatusError{URL: finalURL, Status: resp.StatusCode}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		err.RetryAfter = retryAfter(resp.Header, c.now())
	}
	return err
}

// maxRetrySeconds is the largest Retry-After in seconds a Duration holds.
const maxRetrySeconds = math.MaxInt64 / int64(time.Second)

// retryAfter parses the Retry-After header in h, either delay-seconds or an
// HTTP-date, returning zero when it is absent, invalid or already past. A
// date is measured from the response's own Date header when there is one,
// so a skewed local clock does not stretch or shrink the delay; now is the
// fallback.
func retryAfter(h http.Header, now time.Time) time.Duration {
	value := strings.TrimSpace(h.Get("Retry-After"))
	if value == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs < 0 || secs > maxRetrySeconds {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	at, err := http.ParseTime(value)
	if err != nil {
		return 0
	}
	if date, err := http.ParseTime(h.Get("Date")); err == nil {
		now = date
	}
	return max(at.Sub(now), 0)
}

// checkURL returns ErrUnsupportedScheme unless a URL with this scheme and
// host can be fetched.
func checkURL(scheme, host string) error {
	if scheme != "http" && scheme != "https" {
		return fmt.Errorf("%w %q", ErrUnsupportedScheme, scheme)
	}
	if host == "" {
		return fmt.Errorf("%w: missing host", ErrUnsupportedScheme)
	}
	return nil
}

// wrapError prefixes err with the URL. It drops the *url.Error that
// http.Client adds, which would repeat the URL, and says so when the
// request's own timeout, rather than the caller's context, ended it.
func (c *Client) wrapError(parent, reqCtx context.Context, name string, err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	if errors.Is(err, context.DeadlineExceeded) && reqCtx.Err() != nil && parent.Err() == nil {
		return fmt.Errorf("fetch %s: timed out after %s: %w", name, c.opts.Timeout, err)
	}
	return fmt.Errorf("fetch %s: %w", name, err)
}
