package normalize

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"already canonical", "https://news.example/a/b", "https://news.example/a/b"},
		{"trimmed", "  https://news.example/a \n", "https://news.example/a"},
		{"scheme and host lower-cased", "HTTPS://News.Example/A/B", "https://news.example/A/B"},
		{"empty path", "https://news.example", "https://news.example/"},
		{"default http port", "http://news.example:80/a", "http://news.example/a"},
		{"default https port", "https://news.example:443/a", "https://news.example/a"},
		{"other port kept", "https://news.example:8443/a", "https://news.example:8443/a"},
		{"http port on https kept", "https://news.example:80/a", "https://news.example:80/a"},
		{"empty port", "https://news.example:/a", "https://news.example/a"},
		{"trailing dot", "https://news.example./a", "https://news.example/a"},
		{"trailing dot and port", "http://news.example.:80/a", "http://news.example/a"},
		{"fragment", "https://news.example/a#comments", "https://news.example/a"},
		{"user info", "https://user:pw@news.example/a", "https://news.example/a"},
		{"tracking parameters", "https://news.example/a?utm_source=rss&UTM_Medium=x&fbclid=1&gclid=2&id=7",
			"https://news.example/a?id=7"},
		{"only tracking", "https://news.example/a?utm_source=rss", "https://news.example/a"},
		{"empty query", "https://news.example/a?", "https://news.example/a"},
		{"query sorted", "https://news.example/a?b=2&a=1&c=3", "https://news.example/a?a=1&b=2&c=3"},
		{"repeated key keeps order", "https://news.example/a?k=2&k=1", "https://news.example/a?k=2&k=1"},
		{"query re-encoded", "https://news.example/a?q=a%20b&r=%7e", "https://news.example/a?q=a+b&r=~"},
		{"semicolon kept", "https://news.example/view?id=5;6", "https://news.example/view?id=5%3B6"},
		{"bad escape kept", "https://news.example/a?q=100%", "https://news.example/a?q=100%25"},
		{"key without value", "https://news.example/a?print", "https://news.example/a?print="},
		{"ipv6", "http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"},
		{"ipv6 port kept", "http://[2001:db8::1]:8080/a", "http://[2001:db8::1]:8080/a"},
		{"escaped path kept", "https://news.example/a%2Fb/c%20d", "https://news.example/a%2Fb/c%20d"},
		{"unicode path", "https://news.example/café", "https://news.example/caf%C3%A9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := CanonicalURL(tt.in)
			if err != nil {
				t.Fatalf("CanonicalURL(%q) error = %v, want nil", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanonicalURLErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		notHTTP  bool
	}{
		{"empty", "", true},
		{"relative", "/news/a", true},
		{"protocol-relative", "//news.example/a", true},
		{"javascript", "javascript:alert(1)", true},
		{"data", "data:text/html,hi", true},
		{"mailto", "mailto:desk@news.example", true},
		{"ftp", "ftp://news.example/a", true},
		{"opaque http", "http:news.example/a", true},
		{"no host", "http:///a", true},
		{"only port", "http://:80/a", true},
		{"only dot", "http://./a", true},
		{"bad escape in host", "http://news%zz.example/", false},
		{"control character", "http://news.example/\x7f", false},
		{"bad port", "http://news.example:port/", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := CanonicalURL(tt.in)
			if err == nil {
				t.Fatalf("CanonicalURL(%q) = %q, want an error", tt.in, got)
			}
			if got != "" {
				t.Errorf("CanonicalURL(%q) = %q with error, want empty", tt.in, got)
			}
			if errors.Is(err, ErrNotHTTP) != tt.notHTTP {
				t.Errorf("CanonicalURL(%q) error = %v, want errors.Is(err, ErrNotHTTP) = %v", tt.in, err, tt.notHTTP)
			}
			if !strings.Contains(err.Error(), "canonical url") {
				t.Errorf("CanonicalURL(%q) error = %q, want it to say what failed", tt.in, err)
			}
		})
	}
}

func TestResolveURL(t *testing.T) {
	t.Parallel()
	const base = "https://news.example/world/story.html"
	tests := []struct {
		name, base, ref, want string
	}{
		{"relative", base, "other.html", "https://news.example/world/other.html"},
		{"parent", base, "../a", "https://news.example/a"},
		{"root", base, "/a?b=1", "https://news.example/a?b=1"},
		{"protocol-relative", base, "//cdn.example/x.png", "https://cdn.example/x.png"},
		{"fragment", base, "#c", "https://news.example/world/story.html#c"},
		{"query only", base, "?p=2", "https://news.example/world/story.html?p=2"},
		{"absolute", base, "http://other.example/a", "http://other.example/a"},
		{"ref trimmed", base, "  /a\n", "https://news.example/a"},
		{"empty ref stays empty", base, "", ""},
		{"blank ref stays empty", base, "  ", ""},
		{"no base", "", "/a", "/a"},
		{"relative base", "/feeds/x.xml", "a", "a"},
		{"file path base", "testdata/feed.xml", "/a", "/a"},
		{"javascript base", "javascript:alert(1)", "#x", "#x"},
		{"unparseable base", "http://[::1", "/a", "/a"},
		{"unparseable ref", base, "http://[::1", "http://[::1"},
		{"absolute ref without base", "", "https://news.example/a", "https://news.example/a"},
		// A static site generator whose site URL lacks its scheme writes
		// the site's host without one (corpus/real: coghlan.me).
		{"own host without scheme", "https://coghlan.me/feed.xml", "coghlan.me/12-days/", "https://coghlan.me/12-days/"},
		{"own host, www and case aside", "http://www.coghlan.me/feed.xml", "Coghlan.me/a?b=1#c", "http://Coghlan.me/a?b=1#c"},
		{"own host alone", "https://coghlan.me/blog/feed.xml", "coghlan.me", "https://coghlan.me"},
		{"own host from a folder", "https://coghlan.me/blog/feed.xml", "coghlan.me/a", "https://coghlan.me/a"},
		{"another host stays a path", "https://news.example/feed.xml", "coghlan.me/a", "https://news.example/coghlan.me/a"},
		{"a folder named like no host", "https://localhost/feed.xml", "localhost/a", "https://localhost/localhost/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := ResolveURL(tt.base, tt.ref); got != tt.want {
				t.Errorf("ResolveURL(%q, %q) = %q, want %q", tt.base, tt.ref, got, tt.want)
			}
		})
	}
}

// FuzzCanonicalURL checks that a canonical URL is an absolute http(s) URL
// that is its own canonical form.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://news.example/a?utm_source=x&b=2&a=1#frag",
		"HTTP://User@News.Example.:80",
		"http://[2001:DB8::1]:80/a%2Fb",
		"https://news.example/view?id=5;6&q=%zz",
		"http://[fe80::1%25en0]:8080/",
		"https://news.example/caf\u00e9?q=caf\u00e9",
		"javascript:alert(1)",
		"//news.example/a",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := CanonicalURL(raw)
		if err != nil {
			return
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("CanonicalURL(%q) = %q, which does not parse: %v", raw, got, err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			t.Fatalf("CanonicalURL(%q) = %q, want an absolute http(s) URL", raw, got)
		}
		again, err := CanonicalURL(got)
		if err != nil {
			t.Fatalf("CanonicalURL(%q) = %q, and again gives error %v", raw, got, err)
		}
		if again != got {
			t.Fatalf("CanonicalURL(%q) = %q, and again %q, want it unchanged", raw, got, again)
		}
		// The link shown to readers names the same story.
		display := DisplayURL(raw)
		if c, err := CanonicalURL(display); err != nil || c != got {
			t.Fatalf("DisplayURL(%q) = %q, whose canonical form is %q (%v), want %q", raw, display, c, err, got)
		}
	})
}

func TestDisplayURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ raw, want string }{
		{"https://news.example/a?utm_source=rss&id=7#live-3", "https://news.example/a?id=7#live-3"},
		{"https://news.example/a?Z=1&a=2", "https://news.example/a?Z=1&a=2"},
		{"https://bbc.example/news/1?at_medium=RSS&at_campaign=KARANGA", "https://bbc.example/news/1"},
		{"https://heise.example/meldung/x-4205274.html?wt_mc=rss.ho.beitrag.rdf", "https://heise.example/meldung/x-4205274.html"},
		{"https://me:secret@news.example/a", "https://news.example/a"},
		{"https://news.example/a?q=%zz&fbclid=1", "https://news.example/a?q=%zz"},
		{"https://news.example/a", "https://news.example/a"},
	}
	for _, tt := range tests {
		if got := DisplayURL(tt.raw); got != tt.want {
			t.Errorf("DisplayURL(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestRedactedURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ raw, want string }{
		{"https://news.example/feed.xml", "https://news.example/feed.xml"},
		{"https://user:pw@news.example/feed.xml", "https://user:xxxxx@news.example/feed.xml"},
		{"https://news.example/rss?api_key=abc123&lang=en", "https://news.example/rss?api_key=xxxxx&lang=en"},
		{"https://news.example/rss?Token=abc&access_token=def&page=2", "https://news.example/rss?Token=xxxxx&access_token=xxxxx&page=2"},
		{"https://news.example/rss?sig=1&session=2&password=3", "https://news.example/rss?sig=xxxxx&session=xxxxx&password=xxxxx"},
		{"https://news.example/rss?q=gaza&page=", "https://news.example/rss?q=gaza&page="},
		{"::not a url", "::not a url"},
	}
	for _, tt := range tests {
		if got := RedactedRawURL(tt.raw); got != tt.want {
			t.Errorf("RedactedRawURL(%q) = %q, want %q", tt.raw, got, tt.want)
		}
		want := strings.Replace(tt.want, "user:xxxxx@", "", 1)
		if got := PublicURL(tt.raw); got != want {
			t.Errorf("PublicURL(%q) = %q, want %q", tt.raw, got, want)
		}
	}
}

// TestOwnHostLinksInContent checks that content links naming the site's
// host without a scheme resolve as ResolveURL resolves an item's link, on
// both of balanceHTML's paths (a table sends the body to the parser).
func TestOwnHostLinksInContent(t *testing.T) {
	const base = "https://coghlan.me/2025/post/"
	for _, in := range []string{
		`<p><a href="coghlan.me/measuring-devrel/">x</a> <img src="www.coghlan.me/a.png"></p>`,
		`<table><tr><td><a href="coghlan.me/measuring-devrel/">x</a> <img src="www.coghlan.me/a.png"></td></tr></table>`,
	} {
		got := SanitizeHTML(in, base)
		for _, want := range []string{`href="https://coghlan.me/measuring-devrel/"`, `src="https://www.coghlan.me/a.png"`} {
			if !strings.Contains(got, want) {
				t.Errorf("SanitizeHTML(%q) = %q, want %s", in, got, want)
			}
		}
	}
}
