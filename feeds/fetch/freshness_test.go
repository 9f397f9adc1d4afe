package fetch

import (
	"net/http"
	"testing"
	"time"
)

func TestMaxAge(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header map[string]string
		want   time.Duration
	}{
		{"none", nil, 0},
		{"max-age", map[string]string{"Cache-Control": "public, max-age=600"}, 10 * time.Minute},
		{"max-age wins over expires", map[string]string{"Cache-Control": "max-age=60", "Expires": "Thu, 26 Nov 2026 14:00:00 GMT"}, time.Minute},
		{"bad max-age", map[string]string{"Cache-Control": "max-age=soon"}, 0},
		{"expires against date", map[string]string{"Expires": "Thu, 26 Nov 2026 13:00:00 GMT", "Date": "Thu, 26 Nov 2026 12:30:00 GMT"}, 30 * time.Minute},
		{"expires against now", map[string]string{"Expires": "Thu, 26 Nov 2026 13:00:00 GMT"}, time.Hour},
		{"expired", map[string]string{"Expires": "Thu, 26 Nov 2026 11:00:00 GMT"}, 0},
		{"expires zero", map[string]string{"Expires": "0"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			if got := maxAge(h, now); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
