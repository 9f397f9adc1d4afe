package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/normalize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// readJSON decodes the test input at path into v.
func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
}

// checkGolden compares got with the golden file at path, or rewrites the
// file when -update is set.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from golden (run go test -update and review the diff)\ngot:\n%s", path, got)
	}
}

// repoRoot walks up from the working directory to the directory holding
// go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// validateAtom runs the repository's Atom validator (jing with the RFC 4287
// RELAX NG schema, and feedparser) over files. When its tools are missing
// the test is skipped, unless CI is set, where they are installed and a
// missing tool is a failure.
func validateAtom(t *testing.T, files ...string) {
	t.Helper()
	if len(files) == 0 {
		t.Fatal("validateAtom: no files")
	}
	if testing.Short() {
		t.Skip("atom validator starts a JVM per file; skipped under -short")
	}
	script := filepath.Join(repoRoot(t), "testdata", "validate", "validate-atom.sh")
	cmd := exec.Command("bash", append([]string{script}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return
	case errors.As(err, &exit) && exit.ExitCode() == 2:
		msg := "atom validator cannot run (needs jing and a python3 with feedparser): " + strings.TrimSpace(stderr.String())
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	case errors.As(err, &exit):
		t.Errorf("atom validation failed:\n%s%s", stdout.String(), stderr.String())
	default:
		t.Fatalf("run atom validator: %v", err)
	}
}

// writeTemp writes b to name in a fresh temporary directory and returns
// its path.
func writeTemp(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// testArticle returns a complete article; callers change what they test.
func testArticle(id string) normalize.Article {
	at := time.Date(2024, 3, 12, 9, 30, 0, 0, time.UTC)
	return normalize.Article{
		ID:          id,
		Source:      "example",
		SourceTitle: "Example News",
		SourceURL:   "https://example.com/feed.xml",
		URL:         "https://example.com/news/" + id,
		GUID:        id,
		Title:       "Headline " + id,
		Summary:     "Summary of " + id,
		Text:        "First paragraph.\n\nSecond paragraph.",
		Content:     "<p>First paragraph.</p><p>Second paragraph.</p>",
		Authors:     []string{"A. Writer"},
		Categories:  []string{"World"},
		Published:   at,
		Updated:     at.Add(time.Hour),
		Lang:        "en",
	}
}

// testFeed returns a feed with every link set and the given articles.
func testFeed(articles ...normalize.Article) *Feed {
	return &Feed{
		ID:       FeedID("test"),
		Title:    "Test topic",
		Subtitle: "Articles for tests",
		Links: Links{
			HTML: "http://localhost/topics/test",
			Atom: "http://localhost/topics/test.atom",
			RSS:  "http://localhost/topics/test.rss",
			JSON: "http://localhost/topics/test.json",
		},
		Updated:   time.Date(2024, 3, 13, 0, 0, 0, 0, time.UTC),
		Generator: Generator{URI: "https://example.org/tidings", Version: "test"},
		Articles:  articles,
	}
}

func render(t testing.TB, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSourceURLWithoutSecrets: an article stored before parse redacted its
// feed's address (a password, an API key) is republished with the address
// in its public form, in every format that names the source.
func TestSourceURLWithoutSecrets(t *testing.T) {
	a := testArticle("a")
	a.SourceURL = "https://reader:pw-s3cr3t@example.com/feed.xml?api_key=k3y-s3cr3t&lang=en"
	f := testFeed(a)
	for name, write := range map[string]func(io.Writer, *Feed) error{"atom": WriteAtom, "rss": WriteRSS, "json": WriteJSON} {
		var b bytes.Buffer
		if err := write(&b, f); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "s3cr3t") || strings.Contains(b.String(), "reader") {
			t.Errorf("%s shows the feed's password or key:\n%s", name, b.String())
		}
		if name != "json" && !strings.Contains(b.String(), "https://example.com/feed.xml?api_key=xxxxx&amp;lang=en") {
			t.Errorf("%s does not name the source's feed in public form:\n%s", name, b.String())
		}
	}
}
