package parse

import (
	"errors"
	"strings"
	"testing"
)

// TestNotAFeedButAPage checks what a source configured with a site's
// address instead of its feed's is told: the page it got, and the feeds
// that page announces, resolved against the address fetched and without
// its password or key.
func TestNotAFeedButAPage(t *testing.T) {
	const page = `<!DOCTYPE html>
<html><head><title>Harbour  News &amp; Views</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" title="All stories" href="/feeds/all.rss">
<link rel="Alternate feed" type="application/atom+xml; charset=utf-8" href="https://cdn.harbour.example/atom.xml">
<link rel="alternate" type="application/rss+xml" href="/feeds/all.rss">
</head><body><p>Welcome</p></body></html>`
	for _, tt := range []struct {
		name, body, url, want string
	}{
		{"two feeds", page, "https://harbour.example/news/",
			`parse https://harbour.example/news/: not a feed (RSS, Atom or JSON Feed): an HTML page ("Harbour News & Views") that announces the feeds https://harbour.example/feeds/all.rss, https://cdn.harbour.example/atom.xml: use one as the source's url`},
		{"a key in the address", page, "https://reader:pw@harbour.example/news/?api_key=k3y",
			`parse https://reader:xxxxx@harbour.example/news/?api_key=xxxxx: not a feed (RSS, Atom or JSON Feed): an HTML page ("Harbour News & Views") that announces the feeds https://reader:xxxxx@harbour.example/feeds/all.rss, https://cdn.harbour.example/atom.xml: use one as the source's url`},
		{"no feed", `<html><head><title>Sign in</title></head><body></body></html>`, "https://harbour.example/login",
			`parse https://harbour.example/login: not a feed (RSS, Atom or JSON Feed): an HTML page ("Sign in") that announces no feed`},
		{"a fragment of a page", `<head><title>Document Moved</title></head><body>It is <a href="/rss">here</a></body>`, "https://harbour.example/rss.xml",
			`parse https://harbour.example/rss.xml: not a feed (RSS, Atom or JSON Feed): an HTML page ("Document Moved") that announces no feed`},
		{"no page", `just some text`, "https://harbour.example/x",
			`parse https://harbour.example/x: not a feed (RSS, Atom or JSON Feed)`},
	} {
		_, err := Parse([]byte(tt.body), Options{Source: "s", URL: tt.url})
		if !errors.Is(err, ErrUnknownFormat) || err.Error() != tt.want {
			t.Errorf("%s:\n got %v\nwant %s", tt.name, err, tt.want)
		}
		if strings.Contains(err.Error(), "k3y") || strings.Contains(err.Error(), ":pw@") {
			t.Errorf("%s: the error shows the secret: %v", tt.name, err)
		}
	}
}
