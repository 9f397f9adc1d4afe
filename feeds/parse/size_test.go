package parse

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckNodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		many bool
	}{
		{"elements at the limit", "<r>" + strings.Repeat("<a/>", 9) + "</r>", false},
		{"elements over the limit", "<r>" + strings.Repeat("<a></a>", 10) + "</r>", true},
		{"attributes count", `<r a="1" b="2">` + strings.Repeat("<a/>", 7) + "</r>", false},
		{"attributes over the limit", `<r a="1" b="2" c="3">` + strings.Repeat("<a/>", 7) + "</r>", true},
		{"'=' in quoted values is no attribute", `<r a="=====" b='==='>` + strings.Repeat("<a/>", 7) + "</r>", false},
		{"markup in CDATA and comments is no element", "<r><![CDATA[" + strings.Repeat("<a/>", 50) + "]]><!--" +
			strings.Repeat("<a/>", 50) + "--></r>", false},
		{"JSON values", `{"a":[` + strings.Repeat(`"x",`, 8) + `"x"]}`, false},
		{"JSON values over the limit", `{"a":[` + strings.Repeat(`"x",`, 9) + `"x"]}`, true},
		{"commas in JSON strings", `{"a":"` + strings.Repeat(",{[", 50) + `"}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkNodes([]byte(tt.body), 10)
			if got := errors.Is(err, ErrTooManyNodes); got != tt.many {
				t.Errorf("got error %v, want too many: %v", err, tt.many)
			}
		})
	}
}

// TestParseRefusesWideFeeds: a million extension elements, attributes or
// JSON values in one entry never reach gofeed, whatever the entry cap.
func TestParseRefusesWideFeeds(t *testing.T) {
	t.Parallel()
	const n = 1_000_000
	bodies := map[string]string{
		"extension elements": `<rss version="2.0" xmlns:x="http://x.example/"><channel><item><title>a</title>` +
			strings.Repeat("<x:a/>", n) + `</item></channel></rss>`,
		"attributes": `<rss version="2.0"><channel><item><title a="1" ` + strings.Repeat(`b="1" `, n) + `>a</title></item></channel></rss>`,
		"JSON tags":  `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","tags":[` + strings.Repeat(`"t",`, n) + `"t"]}]}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(body), Options{Source: "wide", URL: "http://wide.example/feed"})
			if !errors.Is(err, ErrTooManyNodes) || !strings.Contains(err.Error(), "http://wide.example/feed") {
				t.Errorf("got error %v, want ErrTooManyNodes naming the URL", err)
			}
		})
	}
}
