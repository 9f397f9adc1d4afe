package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourceSecretsStayHidden: a feed URL that carries an API key (or a
// password) names the source in errors, the summary and `sources`, but the
// key itself appears in none of them.
func TestSourceSecretsStayHidden(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
	t.Cleanup(ts.Close)
	const secret = "s3cr3t-k3y"
	u := strings.Replace(ts.URL, "http://", "http://reader:"+secret+"@", 1) + "/feed.xml?api_key=" + secret + "&lang=en"
	cfg := setup(t, u)

	code, stdout, stderr := tidings(t, context.Background(), "-config", cfg, "fetch", "-v")
	if code != 1 || !strings.Contains(stdout+stderr, "503") || !strings.Contains(stdout+stderr, "api_key=xxxxx") {
		t.Errorf("fetch: exit %d, want 1 and the 503 named with the key hidden:\n%s%s", code, stdout, stderr)
	}
	for _, args := range [][]string{{"fetch", "-force", "-v"}, {"sources"}, {"sources", "-json"}} {
		_, stdout, stderr := tidings(t, context.Background(), append([]string{"-config", cfg}, args...)...)
		if strings.Contains(stdout+stderr, secret) {
			t.Errorf("%s shows the secret:\n%s%s", args, stdout, stderr)
		}
		if !strings.Contains(stdout+stderr, "feed.xml") {
			t.Errorf("%s does not name the source's URL:\n%s%s", args, stdout, stderr)
		}
	}
}

// TestSourceSecretsStayOutOfFeeds: a feed read with a password and an API
// key names its source in the topic feeds (atom:source, RSS <source>), and
// resolves its articles' relative links and images, without them, and a page that is no feed says so, and which feeds it
// announces, without them too.
func TestSourceSecretsStayOutOfFeeds(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-k3y"
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/page" {
			io.WriteString(w, `<!DOCTYPE html><html><head><title>Wire</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body></body></html>`)
			return
		}
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>/</link>
<item><title>Gaza ceasefire talks resume</title><link>/gaza-talks</link><guid>g1</guid><description>&lt;p&gt;Envoys met in &lt;a href="/cairo"&gt;Cairo&lt;/a&gt;.&lt;img src="talks.jpg"&gt;&lt;/p&gt;</description></item>
</channel></rss>`)
	}))
	t.Cleanup(ts.Close)
	withSecret := strings.Replace(ts.URL, "http://", "http://reader:"+secret+"@", 1)
	cfg := setup(t, withSecret+"/feed.xml?api_key="+secret, withSecret+"/page?api_key="+secret)

	code, stdout, stderr := tidings(t, context.Background(), "-config", cfg, "fetch", "-v")
	if code != 1 || !strings.Contains(stdout+stderr, "announces the feed http://reader:xxxxx@127.0.0.1") {
		t.Errorf("fetch: exit %d, want 1 and the page's feed named with the password hidden:\n%s%s", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := tidings(t, context.Background(), "-config", cfg, "export", "-out", out); code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	atom, err := os.ReadFile(filepath.Join(out, "topics", "israel-gaza.atom"))
	if err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(ts.URL, "http://")
	if !strings.Contains(string(atom), "Gaza ceasefire talks resume") || !strings.Contains(string(atom), "<source>") ||
		!strings.Contains(string(atom), host+"/cairo") || !strings.Contains(string(atom), host+"/talks.jpg") {
		t.Fatalf("the topic feed lacks the story, its source or its links resolved:\n%s", atom)
	}
	for _, name := range []string{"israel-gaza.atom", "israel-gaza.rss", "israel-gaza.json"} {
		data, err := os.ReadFile(filepath.Join(out, "topics", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), secret) || strings.Contains(string(data), "reader:") {
			t.Errorf("%s shows the feed's password or key:\n%s", name, data)
		}
	}
	if strings.Contains(stdout+stderr, secret) {
		t.Errorf("fetch shows the secret:\n%s%s", stdout, stderr)
	}
}
