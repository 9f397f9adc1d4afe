package parse

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckDepth(t *testing.T) {
	t.Parallel()
	nested := func(n int) string { return strings.Repeat("<a>", n) + strings.Repeat("</a>", n) }
	tests := []struct {
		name string
		body string
		deep bool
	}{
		{"at the limit", nested(8), false},
		{"over the limit", nested(9), true},
		{"self-closing elements nest nothing", strings.Repeat("<a/>", 100), false},
		{"siblings", strings.Repeat("<a>x</a>", 100), false},
		{"comments, CDATA, PIs and a DOCTYPE nest nothing",
			`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "<a><a>">]><!--` + strings.Repeat("<a>", 20) +
				`--><r><![CDATA[` + strings.Repeat("<a>", 20) + `]]><?pi <a><a>?></r>`, false},
		{"'>' and '/>' in quoted attributes", strings.Repeat(`<a t="/>" u='>'>`, 9), true},
		{"stray end tags hide no depth", strings.Repeat("</x>", 50) + nested(9), true},
		{"unclosed elements count", strings.Repeat("<a>", 9), true},
		{"HTML in JSON strings nests nothing", `{"items":[{"content_html":"` + strings.Repeat("<div>", 100) + `"}]}`, false},
		{"JSON at the limit", `{"a":` + strings.Repeat("[", 7) + strings.Repeat("]", 7) + "}", false},
		{"JSON over the limit", `{"a":` + strings.Repeat("[", 8) + strings.Repeat("]", 8) + "}", true},
		{"JSON after a BOM and space", "\xef\xbb\xbf \n" + strings.Repeat("[", 9), true},
		{"brackets in JSON strings", `{"a":"` + strings.Repeat("[{", 20) + `\"` + strings.Repeat("[", 20) + `"}`, false},
		{"an escaped quote does not end a string", `{"a":"\"[[[[[[[[[[[["}`, false},
		{"not XML", "plain text", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkDepth([]byte(tt.body), 8)
			if got := errors.Is(err, ErrTooDeep); got != tt.deep {
				t.Errorf("got error %v, want too deep: %v", err, tt.deep)
			}
		})
	}
}

// TestParseRefusesDeepNesting: a deep document never reaches gofeed, which
// would recurse through it, and the error names the URL and the cause.
func TestParseRefusesDeepNesting(t *testing.T) {
	t.Parallel()
	const levels = 200_000
	bodies := map[string]string{
		"RSS extension elements": `<rss version="2.0" xmlns:x="http://x.example/"><channel><item><title>a</title>` +
			strings.Repeat("<x:a>", levels) + strings.Repeat("</x:a>", levels) + `</item></channel></rss>`,
		"Atom XHTML content": `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><content type="xhtml">` +
			strings.Repeat("<div>", levels) + strings.Repeat("</div>", levels) + `</content></entry></feed>`,
		"JSON Feed extension": `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","_x":` +
			strings.Repeat("[", levels) + strings.Repeat("]", levels) + `}]}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(body), Options{Source: "deep", URL: "http://deep.example/feed"})
			if !errors.Is(err, ErrTooDeep) || !strings.Contains(err.Error(), "http://deep.example/feed") {
				t.Errorf("got error %v, want ErrTooDeep naming the URL", err)
			}
		})
	}
}
