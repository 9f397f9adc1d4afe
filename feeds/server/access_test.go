package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tidings/normalize"
)

const (
	globalToken = "global-token-0123456789"
	secretToken = "topic-token-abcdefghij"
)

// newPrivateFixture serves the public topic "gaza" and the private topic
// "secret" (token secretToken), both holding the same 3 articles, with
// the global token when global is set.
func newPrivateFixture(t *testing.T, global string) *fixture {
	t.Helper()
	secret := Topic{Topic: newTopic(t, "secret", "gaza"), Token: secretToken}
	return newFixture(t, 3, []Topic{secret}, func(o *Options) { o.Token = global })
}

func TestTopicToken(t *testing.T) {
	f := newPrivateFixture(t, "")
	_, unknown := do(t, http.MethodGet, f.ts.URL+"/topics/nope.atom")
	hidden := strings.ReplaceAll(unknown, "nope", "secret")
	tests := []struct {
		name, path string
		status     int
		want       string
	}{
		{"no token", "/topics/secret.atom", 404, hidden},
		{"wrong token", "/topics/secret.atom?token=guess", 404, hidden},
		{"empty token", "/topics/secret.atom?token=", 404, hidden},
		{"prefix of the token", "/topics/secret.atom?token=" + secretToken[:8], 404, hidden},
		{"bad format, no token", "/topics/secret.xml", 404, hidden},
		{"query, no token", "/topics/secret.atom?q=story", 404, hidden},
		{"bad query, no token", "/topics/secret.atom?q=%28", 404, hidden},
		{"HTML, no token", "/topics/secret", 404, hidden},
		{"token", "/topics/secret.atom?token=" + secretToken, 200,
			`<link href="http://feeds.example/topics/secret.atom?token=` + secretToken + `" rel="self"`},
		{"token, RSS", "/topics/secret.rss?token=" + secretToken, 200, `secret.rss?token=` + secretToken},
		{"token, JSON", "/topics/secret.json?token=" + secretToken, 200, `"feed_url": "http://feeds.example/topics/secret.json?token=` + secretToken},
		{"token, HTML", "/topics/secret?token=" + secretToken, 200, `href="http://feeds.example/topics/secret.atom?token=` + secretToken},
		{"token and query", "/topics/secret.atom?q=story&token=" + secretToken, 200,
			`<link href="http://feeds.example/topics/secret.atom?q=story&amp;token=` + secretToken + `" rel="self"`},
		{"public topic ignores a token", "/topics/gaza.atom?token=" + secretToken, 200,
			`<link href="http://feeds.example/topics/gaza.atom" rel="self"`},
		{"search is open without a global token", "/search.atom?q=story", 200, "Gaza story 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, body := do(t, http.MethodGet, f.ts.URL+tt.path)
			if r.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("got %s\n%.700s\nwant %d containing %q", r.Status, body, tt.status, tt.want)
			}
		})
	}

	r, _ := do(t, http.MethodGet, f.ts.URL+"/topics/secret.atom?token="+secretToken)
	if cc, rp := r.Header.Get("Cache-Control"), r.Header.Get("Referrer-Policy"); cc != "private, max-age=300" || rp != "no-referrer" {
		t.Errorf("private feed: got Cache-Control %q, Referrer-Policy %q; want private, no-referrer", cc, rp)
	}
	etag := r.Header.Get("ETag")
	if r, _ := do(t, http.MethodGet, f.ts.URL+"/topics/secret.atom?token="+secretToken, "If-None-Match", etag); r.StatusCode != 304 {
		t.Errorf("private feed, If-None-Match: got %s, want 304", r.Status)
	}
	if r, _ := do(t, http.MethodGet, f.ts.URL+"/topics/secret.atom", "If-None-Match", etag); r.StatusCode != 404 {
		t.Errorf("private feed, If-None-Match without the token: got %s, want 404", r.Status)
	}
	if r, _ := do(t, http.MethodHead, f.ts.URL+"/topics/secret.atom"); r.StatusCode != 404 {
		t.Errorf("private feed, HEAD without the token: got %s, want 404", r.Status)
	}

	// Listings leave the private topic out; only the global token, which
	// is not set here, would show it.
	for _, path := range []string{"/", "/topics.opml", "/topics.json", "/metrics", "/?token=" + secretToken, "/topics.json?token=" + secretToken} {
		r, body := do(t, http.MethodGet, f.ts.URL+path)
		if r.StatusCode != 200 || strings.Contains(body, "secret") || !strings.Contains(body, "gaza") {
			t.Errorf("%s: got %s, want gaza listed and secret not:\n%s", path, r.Status, body)
		}
	}
}

func TestGlobalToken(t *testing.T) {
	f := newPrivateFixture(t, globalToken)
	tests := []struct {
		name, path string
		status     int
		want       string
	}{
		{"topic, no token", "/topics/gaza.atom", 404, `topic "gaza"`},
		{"topic, another topic's token", "/topics/gaza.atom?token=" + secretToken, 404, `topic "gaza"`},
		{"topic, global token", "/topics/gaza.atom?token=" + globalToken, 200, `gaza.atom?token=` + globalToken},
		{"private topic, its token", "/topics/secret.atom?token=" + secretToken, 200, `secret.atom?token=` + secretToken},
		{"private topic, global token", "/topics/secret.atom?token=" + globalToken, 200, `secret.atom?token=` + globalToken},
		{"search, no token", "/search.atom?q=story", 403, "search needs ?token="},
		{"search, wrong token", "/search.atom?q=story&token=" + secretToken, 403, "forbidden"},
		{"search HTML, no token", "/search?q=story", 403, "forbidden"},
		{"search, global token", "/search.atom?q=story&token=" + globalToken, 200,
			`<link href="http://feeds.example/search.atom?q=story&amp;token=` + globalToken + `" rel="self"`},
		{"search HTML links back with the token", "/search?q=story&token=" + globalToken, 200,
			`href="http://feeds.example/?token=` + globalToken},
		{"index, no token", "/", 200, "</html>"},
		{"index, global token", "/?token=" + globalToken, 200, `href="http://feeds.example/topics/secret.atom?token=` + globalToken},
		{"OPML, global token", "/topics.opml?token=" + globalToken, 200, `xmlUrl="http://feeds.example/topics/secret.atom?token=` + globalToken},
		{"topics.json, no token", "/topics.json", 200, "[]"},
		{"topics.json, global token", "/topics.json?token=" + globalToken, 200, `"url": "http://feeds.example/topics/secret.atom?token=` + globalToken},
		{"metrics, global token", "/metrics?token=" + globalToken, 200, `tidings_topic_articles{topic="secret"} 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, body := do(t, http.MethodGet, f.ts.URL+tt.path)
			if r.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("got %s\n%.700s\nwant %d containing %q", r.Status, body, tt.status, tt.want)
			}
		})
	}
	for _, path := range []string{"/", "/topics.opml", "/topics.json", "/metrics"} {
		_, body := do(t, http.MethodGet, f.ts.URL+path)
		if strings.Contains(body, "secret") || strings.Contains(body, "gaza") {
			t.Errorf("%s without the global token lists a private topic:\n%s", path, body)
		}
	}
	_, body := do(t, http.MethodGet, f.ts.URL+"/?token="+globalToken)
	if strings.Contains(body, secretToken) {
		t.Error("the index shows a topic's own token; want only the token of the request")
	}
}

// TestRedactedURL: request URLs are logged through normalize.RedactedURL,
// which hides a token as it hides feed URLs' keys.
func TestRedactedURL(t *testing.T) {
	t.Parallel()
	u, _ := url.Parse("/topics/secret.atom?q=gaza&token=" + secretToken)
	if got := normalize.RedactedURL(u); strings.Contains(got, secretToken) || !strings.Contains(got, "q=gaza") {
		t.Errorf("RedactedURL = %q, want the token hidden and the rest kept", got)
	}
	u, _ = url.Parse("/topics/gaza.atom?q=gaza")
	if got := normalize.RedactedURL(u); got != "/topics/gaza.atom?q=gaza" {
		t.Errorf("RedactedURL = %q, want it unchanged", got)
	}
}
