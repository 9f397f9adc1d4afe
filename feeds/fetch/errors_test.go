package fetch

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestGetStatusError(t *testing.T) {
	t.Parallel()
	serverNow := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     int
		retryAfter string
		want       time.Duration
	}{
		{name: "404", status: http.StatusNotFound},
		{name: "500", status: http.StatusInternalServerError},
		{name: "500 ignores retry-after", status: http.StatusInternalServerError, retryAfter: "60"},
		{name: "429 seconds", status: http.StatusTooManyRequests, retryAfter: "120", want: 2 * time.Minute},
		{name: "503 seconds", status: http.StatusServiceUnavailable, retryAfter: "5", want: 5 * time.Second},
		{
			name:       "429 http-date",
			status:     http.StatusTooManyRequests,
			retryAfter: serverNow.Add(90 * time.Second).Format(http.TimeFormat),
			want:       90 * time.Second,
		},
		{
			name:       "503 http-date",
			status:     http.StatusServiceUnavailable,
			retryAfter: serverNow.Add(time.Hour).Format(http.TimeFormat),
			want:       time.Hour,
		},
		{
			name:       "503 http-date in the past",
			status:     http.StatusServiceUnavailable,
			retryAfter: serverNow.Add(-time.Hour).Format(http.TimeFormat),
		},
		{name: "503 without retry-after", status: http.StatusServiceUnavailable},
		{name: "429 invalid retry-after", status: http.StatusTooManyRequests, retryAfter: "soon"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Date", serverNow.Format(http.TimeFormat))
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				http.Error(w, "nope", tt.status)
			}))
			_, err := c.Get(t.Context(), srv.URL+"/feed", Validators{})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("got error %v, want a *StatusError", err)
			}
			want := StatusError{URL: srv.URL + "/feed", Status: tt.status, RetryAfter: tt.want}
			if *se != want {
				t.Errorf("got %+v, want %+v", *se, want)
			}
			if prefix := "fetch " + srv.URL + "/feed: status "; !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("got error %q, want prefix %q", err, prefix)
			}
		})
	}
}

func TestStatusErrorMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  StatusError
		want string
	}{
		{StatusError{Status: 404}, "status 404 Not Found"},
		{StatusError{Status: 503, RetryAfter: 2 * time.Minute}, "status 503 Service Unavailable, retry after 2m0s"},
		{StatusError{Status: 599}, "status 599"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	date := func(d time.Duration) string { return now.Add(d).Format(http.TimeFormat) }
	tests := []struct {
		name  string
		value string
		date  string // the response's Date header
		want  time.Duration
	}{
		{name: "absent"},
		{name: "seconds", value: "30", want: 30 * time.Second},
		{name: "seconds with spaces", value: " 7 ", want: 7 * time.Second},
		{name: "zero seconds", value: "0"},
		{name: "negative seconds", value: "-5"},
		{name: "seconds overflowing a duration", value: "9223372036854775807"},
		{name: "garbage", value: "tomorrow"},
		{name: "date from local clock", value: date(10 * time.Minute), want: 10 * time.Minute},
		{name: "date from response date", value: date(10 * time.Minute), date: date(9 * time.Minute), want: time.Minute},
		{name: "date past", value: date(-time.Minute)},
		{name: "rfc 850 date", value: now.Add(time.Hour).Format(time.RFC850), want: time.Hour},
		{name: "invalid response date falls back", value: date(time.Minute), date: "yesterday", want: time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := http.Header{}
			if tt.value != "" {
				h.Set("Retry-After", tt.value)
			}
			if tt.date != "" {
				h.Set("Date", tt.date)
			}
			if got := retryAfter(h, now); got != tt.want {
				t.Errorf("retryAfter(%q, Date %q): got %s, want %s", tt.value, tt.date, got, tt.want)
			}
		})
	}
}

func TestGetUnsupportedURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url       string
		wantValid bool // parses as a URL, so the error is ErrUnsupportedScheme
	}{
		{url: "ftp://example.com/feed.xml", wantValid: true},
		{url: "file:///etc/passwd", wantValid: true},
		{url: "example.com/feed.xml", wantValid: true},
		{url: "http:///feed.xml", wantValid: true},
		{url: "https://exa mple.com/"},
		{url: "://missing-scheme"},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			t.Parallel()
			res, err := c.Get(t.Context(), tt.url, Validators{})
			if err == nil {
				t.Fatalf("got %+v, want an error", res)
			}
			if got := errors.Is(err, ErrUnsupportedScheme); got != tt.wantValid {
				t.Errorf("got error %v (ErrUnsupportedScheme %t), want ErrUnsupportedScheme %t", err, got, tt.wantValid)
			}
			if prefix := "fetch " + tt.url + ": "; !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("got error %q, want prefix %q", err, prefix)
			}
		})
	}
}

func TestGetRedactsPassword(t *testing.T) {
	t.Parallel()
	srv := newServer(t, http.NotFoundHandler())
	tests := []struct {
		name string
		url  string
	}{
		{name: "unsupported scheme", url: "ftp://user:secret@example.com/feed"},
		{name: "status error", url: strings.Replace(srv.URL, "://", "://user:secret@", 1) + "/feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(Options{}).Get(t.Context(), tt.url, Validators{})
			if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "user:") {
				t.Errorf("got error %v, want one naming the user but not the password", err)
			}
			var se *StatusError
			if errors.As(err, &se) && strings.Contains(se.URL, "secret") {
				t.Errorf("StatusError.URL: got %q, want the password redacted", se.URL)
			}
		})
	}
}
