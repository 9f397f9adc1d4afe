package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"tidings/feeds/fetch"
	"tidings/feeds/parse"
	"tidings/feeds/seed"
	"tidings/normalize"
)

// seedHeader recognises a seed file by its first line: " date YYYY-MM".
var seedHeader = regexp.MustCompile(`^\x{FEFF}?\s*date \d{4}-\d{2}`)

func runNormalize(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("normalize", "[-json] [-explain] FILE...")
	asJSON := fs.Bool("json", false, "print one JSON object per article and line")
	explain := fs.Bool("explain", false, "for seed files, first print per line what the extractor decided and why")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError(fmt.Errorf("name at least one feed or seed file"))
	}
	failed := false
	now := time.Now()
	for _, path := range fs.Args() {
		if *explain {
			if err := explainFile(e.stdout, path); err != nil {
				return err
			}
		}
		articles, isSeed, err := normalizeFile(path, now)
		if err != nil {
			fmt.Fprintf(e.stderr, "tidings normalize: %v\n", err)
			failed = true
			continue
		}
		for i := range articles {
			if err := printArticle(e.stdout, &articles[i], isSeed, *asJSON); err != nil {
				return err
			}
		}
	}
	if failed {
		return errFailed
	}
	return nil
}

// normalizeFile reads a seed file or a feed file into finished articles.
func normalizeFile(path string, now time.Time) ([]normalize.Article, bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false, err
	}
	name := filepath.Base(path)
	if seedHeader.Match(data) {
		a, err := seed.Parse(name, data)
		if err != nil {
			return nil, true, fmt.Errorf("%s: %w", path, err)
		}
		// Source is the publisher the page names, or empty: never the file
		// name, which is an opaque id.
		a.SourceTitle = a.Source
		a.Finish(name, now)
		return []normalize.Article{a}, true, nil
	}
	// A file has no HTTP charset: ToUTF8 goes by BOM and XML declaration.
	f, err := parse.Parse(fetch.ToUTF8(data, ""), parse.Options{Source: name, URL: path, Now: now})
	if err != nil {
		return nil, false, err // "parse PATH: …"
	}
	return f.Articles, false, nil
}

// explainFile prints, for a seed file, each line's number, kind, role in
// the article and the rule that decided it; a feed file gets a one-line
// note. Read and extraction errors are left to normalizeFile, which
// reports them; only a failed write is returned.
func explainFile(w io.Writer, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "== %s\n", path)
	if !seedHeader.Match(data) {
		b.WriteString("   not a seed file: -explain describes seed files only\n\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	ds, _, _ := seed.Explain(filepath.Base(path), data)
	fmt.Fprintf(&b, "%5s  %-12s %-19s %s\n", "line", "kind", "role", "reason | text")
	for _, d := range ds {
		fmt.Fprintf(&b, "%5d  %-12s %-19s %s | %s\n", d.Line, d.Kind, d.Role, d.Reason, shorten(d.Text, 72))
	}
	b.WriteString("\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// shorten cuts s to at most n runes, marking a cut with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// articleJSON is the contract of `normalize -json`: one object per line.
type articleJSON struct {
	ID         string    `json:"id"`
	Source     string    `json:"source"`
	URL        string    `json:"url"`
	Link       string    `json:"link"`
	GUID       string    `json:"guid"`
	Title      string    `json:"title"`
	Summary    string    `json:"summary"`
	Text       string    `json:"text"`
	Content    string    `json:"content"`
	Authors    []string  `json:"authors"`
	Categories []string  `json:"categories"`
	Published  time.Time `json:"published"`
	Updated    time.Time `json:"updated"`
	Lang       string    `json:"lang"`
	Captions   *[]string `json:"captions,omitempty"` // seed files only
	// Enclosures are left out when there are none.
	Enclosures []normalize.Enclosure `json:"enclosures,omitempty"`
}

func printArticle(w io.Writer, a *normalize.Article, isSeed, asJSON bool) error {
	if !asJSON {
		return printArticleText(w, a)
	}
	out := articleJSON{
		ID: a.ID, Source: a.Source, URL: a.URL, Link: a.Link, GUID: a.GUID, Title: a.Title,
		Summary: a.Summary, Text: a.Text, Content: a.Content, Authors: a.Authors,
		Categories: a.Categories, Published: a.PublishedLocal(), Updated: a.Updated, Lang: a.Lang,
		Enclosures: a.Enclosures,
	}
	if isSeed {
		out.Captions = &a.Captions
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

func printArticleText(w io.Writer, a *normalize.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", a.Title)
	fmt.Fprintf(&b, "id:        %s\nsource:    %s\n", a.ID, a.Source)
	if a.URL != "" {
		fmt.Fprintf(&b, "url:       %s\n", a.URL)
	}
	if len(a.Authors) > 0 {
		fmt.Fprintf(&b, "authors:   %s\n", strings.Join(a.Authors, ", "))
	}
	fmt.Fprintf(&b, "published: %s\n", a.PublishedLocal().Format(time.RFC3339))
	for _, e := range a.Enclosures {
		fmt.Fprintf(&b, "enclosure: %s", e.URL)
		var about []string
		if e.Type != "" {
			about = append(about, e.Type)
		}
		if e.Length > 0 {
			about = append(about, fmt.Sprintf("%d bytes", e.Length))
		}
		if len(about) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(about, ", "))
		}
		b.WriteString("\n")
	}
	if a.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", a.Summary)
	}
	if a.Text != "" {
		fmt.Fprintf(&b, "\n%s\n", a.Text)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
