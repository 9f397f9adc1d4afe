package seed

import (
	"slices"
	"testing"
)

// Rules found on the misses of held-out batch b186 (026, 027, 029, 045,
// 178, 189), each pinned on invented text.

// A name, a comma and the desk the reporter writes for is a byline:
// "Jane Roe, Local Democracy Reporting", "John Doe, Washington Bureau".
func TestBylineWithDesk(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want []string
	}{
		{"Jane Roe, Local Democracy Reporting", []string{"Jane Roe"}},
		{"John Doe, Washington Bureau", []string{"John Doe"}},
		{"Ana Ruiz, Metro Desk", []string{"Ana Ruiz"}},
	}
	for _, tt := range tests {
		if got, ok := parseByline(tt.s); !ok || !slices.Equal(got, tt.want) {
			t.Errorf("parseByline(%q) = %q, %v; want %q", tt.s, got, ok, tt.want)
		}
	}
}
