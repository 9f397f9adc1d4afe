package publish

import "testing"

func TestCleanText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"clean text unchanged", "Tom & Jerry <b> ü 日本 🎉\t\n\r", "Tom & Jerry <b> ü 日本 🎉\t\n\r"},
		{"C0 controls", "a\x00b\x01c\x08d\x0be\x0cf\x1fg", "abcdefg"},
		{"DEL and C1 are allowed", "a\x7fb\u0085c", "a\x7fb\u0085c"},
		{"noncharacters FFFE and FFFF", "a\ufffeb\uffffc", "abc"},
		{"real U+FFFD kept", "a\ufffdb", "a\ufffdb"},
		{"invalid UTF-8", "a\xffb\xc3c\xed\xa0\x80d", "abcd"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := cleanText(tt.in); got != tt.want {
				t.Errorf("cleanText(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestValidLang(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tag  string
		want bool
	}{
		{"en", true}, {"en-GB", true}, {"zh-Hant-TW", true}, {"es-419", true},
		{"", false}, {"en_US", false}, {"en-", false}, {"123", false}, {"toolongtag", false}, {"fr FR", false},
	}
	for _, tt := range tests {
		if got := validLang(tt.tag); got != tt.want {
			t.Errorf("validLang(%q): got %v, want %v", tt.tag, got, tt.want)
		}
	}
}

func TestParagraphsHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "One.\n\nTwo & <three>.", "<p>One.</p>\n<p>Two &amp; &lt;three&gt;.</p>"},
		{"CRLF and extra blank lines", "One.\r\n\r\n\r\n\r\nTwo.\n", "<p>One.</p>\n<p>Two.</p>"},
		{"empty", " \n\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := paragraphsHTML(tt.in); got != tt.want {
				t.Errorf("paragraphsHTML(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
