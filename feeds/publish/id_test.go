package publish

import (
	"regexp"
	"testing"
)

var uuidV5 = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestEntryID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, id, want string
	}{
		{"hex id keeps its digits", "3f2a9c0e8b7d4c1a9e6f5b4a3c2d1e0f", "urn:uuid:3f2a9c0e-8b7d-5c1a-9e6f-5b4a3c2d1e0f"},
		{"upper-case hex", "3F2A9C0E8B7D4C1A9E6F5B4A3C2D1E0F", "urn:uuid:3f2a9c0e-8b7d-5c1a-9e6f-5b4a3c2d1e0f"},
		{"version and variant bits", "ffffffffffffffffffffffffffffffff", "urn:uuid:ffffffff-ffff-5fff-bfff-ffffffffffff"},
		{"other string is hashed", "not-a-hex-id", "urn:uuid:5dd7e30a-d31f-506f-99dc-d9823f24c7bc"},
		{"short hex is hashed", "abcd", EntryID("abcd")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := EntryID(tt.id)
			if got != tt.want {
				t.Errorf("EntryID(%q): got %q, want %q", tt.id, got, tt.want)
			}
			if !uuidV5.MatchString(got) {
				t.Errorf("EntryID(%q) = %q is not a version 5 UUID URN", tt.id, got)
			}
		})
	}
}

func TestFeedID(t *testing.T) {
	t.Parallel()
	a, b := FeedID("gaza"), FeedID("gaza")
	if a != b {
		t.Errorf("FeedID is not stable: got %q then %q", a, b)
	}
	if !uuidV5.MatchString(a) {
		t.Errorf("FeedID(gaza) = %q is not a version 5 UUID URN", a)
	}
	if FeedID("gaza") == FeedID("ukraine") || FeedID("gaza") == EntryID("gaza") {
		t.Error("different keys or name spaces give the same id")
	}
}
