package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestTopicNamesCannotEscape: a topic name becomes a URL path and, in
// export, a file name, so any name that could climb out of either is
// refused when the config is loaded, naming its line.
func TestTopicNamesCannotEscape(t *testing.T) {
	t.Parallel()
	names := []string{`"../x"`, `"../../etc/passwd"`, `"a/b"`, `"/abs"`, `"a%2fb"`, `"%2e%2e"`,
		`"a\0b"`, `"a\\b"`, `"..\\x"`, `"."`, `".."`, `"..."`, `".hidden"`, `"a.atom"`, `""`, `"a b"`, `"A"`,
		`"gaza\n"`, `"x?token=y"`, `"x#y"`}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			yaml := "database: t.db\ntopics:\n  - name: ok\n    query: gaza\n  - name: " + name + "\n    query: gaza\n"
			_, err := ParseConfig(strings.NewReader(yaml), "config.yaml")
			if err == nil || !strings.Contains(err.Error(), "config.yaml:5: topics[1]") {
				t.Errorf("topic name %s: got %v, want an error naming config.yaml:5 and topics[1]", name, err)
			}
		})
	}
}

// TestRequestsCannotEscape sends hostile request lines, byte for byte as
// written, to a running `tidings serve`: climbing paths, encoded and
// double-encoded slashes and dots, NUL bytes, backslashes, archive numbers
// past any integer, and NUL or oversized query values. Each gets a 400 or
// 404 (or a redirect to a clean path of the server), never a 500 or a file;
// the server logs no error.
func TestRequestsCannotEscape(t *testing.T) {
	cfg := setup(t)
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	addr, serveLog := startServe(t, cfg)
	long := strings.Repeat("a", 100_000)
	targets := []string{
		"/topics/..%2f..%2f..%2fetc%2fpasswd.atom",
		"/topics/..%2F..%2F..%2Fetc%2Fpasswd",
		"/topics/%2e%2e%2f%2e%2e%2fetc%2fpasswd.atom",
		"/topics/%252e%252e%252f%252e%252e%252fetc%252fpasswd.atom",
		"/topics/israel-gaza%2f..%2f..%2fetc%2fpasswd.atom",
		"/topics/israel-gaza/../../../etc/passwd",
		"/topics/a/../../x",
		"/topics/../../../../etc/passwd",
		"/topics/..\\..\\..\\etc\\passwd.atom",
		"/topics/israel-gaza%5c..%5c..%5cetc%5cpasswd.atom",
		"/topics/%00.atom",
		"/topics/israel-gaza%00.atom",
		"/topics/israel-gaza.atom%00",
		"/topics/israel-gaza.atom%00.html",
		"/topics/israel-gaza.atom/",
		"/topics/.atom",
		"/topics/..",
		"/topics/israel-gaza/archive/..%2f..%2f..%2fetc%2fpasswd.atom",
		"/topics/israel-gaza/archive/99999999999999999999999999.atom",
		"/topics/israel-gaza/archive/9223372036854775807.atom",
		"/topics/israel-gaza/archive/-1.atom",
		"/topics/israel-gaza/archive/0-99999999999999999999.atom",
		"/topics/israel-gaza/archive/0-0.atom",
		"/topics/israel-gaza/archive/00.atom",
		"/topics/israel-gaza/archive/0%00.atom",
		"/topics/israel-gaza.atom?limit=%00",
		"/topics/israel-gaza.atom?limit=99999999999999999999999",
		"/topics/israel-gaza.atom?q=%00",
		"/topics/israel-gaza.atom?q=gaza%00",
		"/topics/israel-gaza.atom?q=" + long,
		"/topics/israel-gaza.atom?token=%00",
		"/topics/israel-gaza?q=%00%3Cscript%3E",
		"/search.atom?q=%00",
		"/search.json?q=" + long,
		"/search?q=%ff%fe",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/-/../topics/israel-gaza.atom",
		"/-/fetch%2f..%2f..%2fetc%2fpasswd",
	}
	for _, target := range targets {
		t.Run(target[:min(len(target), 70)], func(t *testing.T) {
			status, header, body := rawGet(t, addr, target)
			switch {
			case status == http.StatusMovedPermanently || status == http.StatusTemporaryRedirect:
				loc := header.Get("Location")
				if !strings.HasPrefix(loc, "/") || strings.Contains(loc, "..") || strings.Contains(loc, "\x00") {
					t.Errorf("got %d to %q, want a redirect only to a clean path", status, loc)
				}
			case status == http.StatusBadRequest || status == http.StatusNotFound:
			case status == http.StatusForbidden && strings.HasPrefix(target, "/-/"):
			case status == http.StatusOK && isHarmless200(target):
				if !validFeedBody(header.Get("Content-Type"), body) {
					t.Errorf("got 200 %s that does not parse:\n%.300s", header.Get("Content-Type"), body)
				}
			default:
				t.Errorf("got %d, want 400 or 404 (or a redirect)\n%.300s", status, body)
			}
			if strings.Contains(body, "root:") || strings.Contains(body, "\x00") {
				t.Errorf("answer holds a system file or a NUL byte:\n%.300s", body)
			}
		})
	}
	if log := serveLog(); strings.Contains(log, "level=ERROR") {
		t.Errorf("serve logged errors:\n%s", log)
	}
}

// isHarmless200 reports whether target may be answered: a topic feed with
// a token it ignores (the topic is public) or a query whose NUL or
// invalid bytes are no word (searching nothing is no error).
func isHarmless200(target string) bool {
	return strings.Contains(target, "token=%00") || strings.Contains(target, "q=gaza%00") ||
		strings.Contains(target, "q=%ff%fe") || strings.Contains(target, "q=%00")
}

// validFeedBody reports whether a 200's body is well-formed for its type:
// XML for feeds, JSON for JSON Feed, anything for HTML.
func validFeedBody(ctype, body string) bool {
	switch {
	case strings.Contains(ctype, "xml"):
		d := xml.NewDecoder(strings.NewReader(body))
		for {
			if _, err := d.Token(); err != nil {
				return err == io.EOF
			}
		}
	case strings.Contains(ctype, "json"):
		return strings.HasPrefix(body, "{")
	}
	return true
}

// rawGet writes "GET target HTTP/1.1" to addr as is (no client cleans or
// re-encodes it) and returns the response.
func rawGet(t *testing.T, addr, target string) (int, http.Header, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %.80s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

// startServe runs `tidings serve` on a free loopback port until the test
// ends and returns its address and a function that returns its log so
// far (text lines at the config's level, info).
func startServe(t *testing.T, cfg string, extraArgs ...string) (addr string, log func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var mu sync.Mutex
	var logb bytes.Buffer
	var code int
	args := append([]string{"-config", cfg, "serve", "-addr", "127.0.0.1:0"}, extraArgs...)
	wg.Go(func() {
		code = Main(ctx, args, io.Discard, lockedWriter{&mu, &logb})
	})
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		if code != 0 {
			t.Errorf("serve: exit %d\n%s", code, logb.String())
		}
	})
	// serve runs in this process: its control file names this pid, which
	// tells it from one left behind.
	db := filepath.Join(filepath.Dir(cfg), "data", "t.db")
	cf := waitControlFile(t, db)
	for i := 0; cf.PID != os.Getpid() && i < 500; i++ {
		time.Sleep(10 * time.Millisecond)
		cf = waitControlFile(t, db)
	}
	return cf.Addr, func() string {
		mu.Lock()
		defer mu.Unlock()
		return logb.String()
	}
}

// lockedWriter lets a test read what another goroutine writes.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestExportStaysInOut runs export with -out given through a symlink and
// through "..": every file it writes is inside the folder -out names, and
// nothing appears beside it.
func TestExportStaysInOut(t *testing.T) {
	cfg := setup(t)
	if code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	root := t.TempDir()
	real := filepath.Join(root, "site", "public")
	if err := os.MkdirAll(filepath.Join(root, "site", "other"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(real, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{
		link,
		filepath.Join(root, "site", "other", "..", "public"),
		link + string(filepath.Separator) + ".",
	} {
		t.Run(out, func(t *testing.T) {
			code, stdout, stderr := tidings(t, context.Background(), "-config", cfg, "export", "-out", out)
			if code != 0 {
				t.Fatalf("export -out %s: exit %d\n%s%s", out, code, stdout, stderr)
			}
		})
	}
	var outside []string
	inside := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == link {
			return err
		}
		if rel, _ := filepath.Rel(real, path); !filepath.IsLocal(rel) {
			outside = append(outside, path)
		} else {
			inside++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(outside) > 0 || inside < 10 {
		t.Errorf("export wrote %d files inside %s and these outside: %v", inside, real, outside)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the -out symlink was replaced: %v, %v", fi, err)
	}
}

// TestExportArchiveLinksStayInOut: export follows the prev-archive links of
// the feeds it is served, which come from a running server when one holds
// the database. A link that climbs out of the folder stops the export
// before anything is written outside.
func TestExportArchiveLinksStayInOut(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	out := filepath.Join(root, "out")
	const base = "http://feeds.example/"
	for _, href := range []string{
		base + "../../escaped",
		base + "topics/../../escaped",
		base + "topics/x/archive/..%2f..%2f..%2fescaped",
		base + "/" + root + "/escaped",
	} {
		atom := fmt.Sprintf(`<feed xmlns="http://www.w3.org/2005/Atom"><link rel="prev-archive" href=%q/></feed>`, href)
		p := &pages{get: func(ctx context.Context, path string) ([]byte, error) { return []byte(atom), nil }}
		_, err := exportArchives(t.Context(), p, base, out, []byte(atom))
		if err == nil && !strings.Contains(href, "%2f") {
			t.Errorf("archive link %q: got no error, want the export stopped", href)
		}
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if rel, _ := filepath.Rel(out, path); err == nil && !d.IsDir() && !filepath.IsLocal(rel) {
			t.Errorf("export wrote %s outside %s", path, out)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSecretsStayOutOfLogs runs serve at log level debug with a global
// token and a private topic, over a control file left behind with a wider
// mode, and sends requests with right, wrong and oversized tokens, plus a
// fetch through the control endpoint. The control file is rewritten with
// mode 0600, and no token, right or wrong, shows in serve's log, in fetch's
// output, or in an error page.
func TestSecretsStayOutOfLogs(t *testing.T) {
	const (
		global = "global-token-0123456789abcdef"
		topic  = "topic-token-abcdefghijklmnop"
		wrong  = "wrong-token-zyxwvutsrqponmlk"
	)
	cfg := setupWith(t, "token: "+global+"\nlog: {level: debug}\n")
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "  - name: secret\n    query: gaza\n    token: %s\n", topic)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(filepath.Dir(cfg), "data", "t.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(controlPath(db), []byte(`{"addr":"stale"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	stale, err := os.Stat(controlPath(db))
	if err != nil {
		t.Fatal(err)
	}
	addr, serveLog := startServe(t, cfg)

	fi, err := os.Stat(controlPath(db))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 || os.SameFile(fi, stale) {
		t.Errorf("control file: mode %v, replaced %v; want a new file of mode 0600", fi.Mode().Perm(), !os.SameFile(fi, stale))
	}
	cf, err := readControlFile(db)
	if err != nil || cf.Addr != addr || len(cf.Token) < 32 {
		t.Fatalf("control file: %+v, %v; want the server's address and a token", cf, err)
	}

	code, out, stderr := tidings(t, context.Background(), "-config", cfg, "fetch", "-v")
	if code != 0 {
		t.Fatalf("fetch through serve: exit %d\n%s%s", code, out, stderr)
	}
	tokens := []string{global, topic, wrong, cf.Token, strings.Repeat("t", 5000)}
	for _, target := range []string{
		"/topics/secret.atom?token=" + topic,
		"/topics/secret.atom?token=" + global,
		"/topics/secret.atom?token=" + wrong,
		"/topics/secret.atom?token=" + tokens[4],
		"/topics/secret.atom?limit=0&token=" + topic,
		"/topics/secret.atom?q=%28&token=" + topic,
		"/topics/secret/archive/0.atom?token=" + wrong,
		"/topics/israel-gaza.json?token=" + wrong,
		"/search.atom?q=gaza&token=" + wrong,
		"/search.atom?q=gaza&token=" + global,
		"/?token=" + wrong,
		"/metrics?token=" + wrong,
		"/-/fetch?token=" + cf.Token,
	} {
		status, _, body := rawGet(t, addr, target)
		if status == http.StatusOK {
			continue // a feed served to its token links with it, by design
		}
		for _, tok := range tokens {
			if strings.Contains(body, tok) {
				t.Errorf("GET %.60s: the %d page shows a token:\n%.300s", target, status, body)
			}
		}
	}
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/-/fetch", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+wrong)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("control with a wrong token: got %v, %v; want 403", resp, err)
	} else {
		resp.Body.Close()
	}

	log := serveLog()
	if !strings.Contains(log, `msg="source read"`) {
		t.Errorf("serve's log lacks the fetch it ran; the test sees nothing:\n%s", log)
	}
	for _, tok := range tokens {
		for what, text := range map[string]string{"serve's log": log, "fetch's output": out + stderr} {
			if strings.Contains(text, tok) {
				t.Errorf("%s holds the token %.20s…:\n%s", what, tok, text)
			}
		}
	}
}
