package parse

import (
	"fmt"
	"strings"
	"testing"
)

func TestCutEntries(t *testing.T) {
	t.Parallel()
	items := func(n int, format string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	rss := `<rss version="2.0"><channel><title>Before</title>` +
		items(5, `<item><title>Item %d</title><link>https://x.example/a</link></item>`) +
		`<ttl>60</ttl></channel></rss>`
	tests := []struct {
		name, body  string
		max         int
		want        string // the body after the cut; "" for unchanged
		wantDropped int
	}{
		{"RSS", rss, 2,
			`<rss version="2.0"><channel><title>Before</title>` +
				items(2, `<item><title>Item %d</title><link>https://x.example/a</link></item>`) + `<ttl>60</ttl></channel></rss>`, 3},
		{"no more entries than the cap", rss, 5, "", 0},
		{"Atom with a prefix and empty entries", `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry/><a:entry><a:id>1</a:id></a:entry><a:entry/></a:feed>`, 1,
			`<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry/></a:feed>`, 2},
		{"items nested in an item are no entries", `<rss><channel>` + items(3, `<item><title>%d</title><item/></item>`) + `</channel></rss>`, 2,
			`<rss><channel>` + items(2, `<item><title>%d</title><item/></item>`) + `</channel></rss>`, 1},
		{"an item that never ends is left to gofeed", `<rss><channel><item><title>a</title><item><title>b</title><item><title>c</title>`, 1, "", 0},
		{"markup in CDATA and comments", `<rss><channel>` + items(3, `<item><![CDATA[<item>]]><!--</item>--><title>%d</title></item>`) + `</channel></rss>`, 2,
			`<rss><channel>` + items(2, `<item><![CDATA[<item>]]><!--</item>--><title>%d</title></item>`) + `</channel></rss>`, 1},
		{"JSON Feed, keys after the items kept",
			`{"version":"https://jsonfeed.org/version/1.1","items":[` + strings.TrimSuffix(items(4, `{"id":"%d","title":"a \"]}\" b","tags":["x"]},`), ",") + `],"title":"After"}`, 2,
			`{"version":"https://jsonfeed.org/version/1.1","items":[` + strings.TrimSuffix(items(2, `{"id":"%d","title":"a \"]}\" b","tags":["x"]},`), ",") + `],"title":"After"}`, 2},
		{"JSON items in a nested object are not the feed's", `{"x":{"items":[{},{},{}]},"items":[{},{}]}`, 1,
			`{"x":{"items":[{},{},{}]},"items":[{}]}`, 1},
		{"JSON items that never close", `{"items":[{},{},{}`, 1, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dropped := cutEntries([]byte(tt.body), tt.max)
			want := tt.want
			if want == "" {
				want = tt.body
			}
			if string(got) != want || dropped != tt.wantDropped {
				t.Errorf("got %d dropped and\n%s\nwant %d dropped and\n%s", dropped, got, tt.wantDropped, want)
			}
		})
	}
}

// TestParseCutsEntriesBeforeGofeed: a million empty entries cost what the
// first MaxEntries cost, and Dropped counts the rest.
func TestParseCutsEntriesBeforeGofeed(t *testing.T) {
	t.Parallel()
	const n = 1_000_000
	bodies := map[string]string{
		"RSS":       `<rss version="2.0"><channel><title>Many</title>` + strings.Repeat("<item/>", n) + `</channel></rss>`,
		"JSON Feed": `{"version":"https://jsonfeed.org/version/1.1","title":"Many","items":[` + strings.Repeat(`{},`, n-1) + `{}]}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			f, err := Parse([]byte(body), Options{Source: "many", URL: "http://many.example/feed", MaxEntries: 10})
			if err != nil || len(f.Articles) != 10 || f.Dropped != n-10 || f.Title != "Many" {
				t.Fatalf("got %v; want 10 articles, %d dropped, the feed's title", err, n-10)
			}
		})
	}
}
