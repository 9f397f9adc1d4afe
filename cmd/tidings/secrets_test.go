package main

import (
	"context"
	"net/http"
	"net/http/httptest"
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
