package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"tidings/normalize"
	"tidings/storage"
)

// defaultTestScan caps how many stored articles `topics test` reads, newest
// first, so that trying a query on a large store answers in seconds.
const defaultTestScan = 100_000

// articleRow is an article as `topics test` and `topics explain` show it.
type articleRow struct {
	ID        string    `json:"id"`
	Published time.Time `json:"published"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
}

func newArticleRow(a *normalize.Article) articleRow {
	return articleRow{ID: a.ID, Published: a.Published, Source: a.Source, Title: a.Title, URL: a.URL}
}

// queryTest is the result of `topics test`, as -json prints it.
type queryTest struct {
	Query   string `json:"query"`
	Matches int    `json:"matches"` // among the scanned articles
	Scanned int    `json:"scanned"`
	Stored  int    `json:"stored"`
	// Capped is set when the scan stopped at -scan before the oldest article.
	Capped   bool         `json:"capped"`
	Articles []articleRow `json:"articles"` // newest first, up to -limit
}

func runTopicsTest(ctx context.Context, e *env, args []string) (err error) {
	fs := e.newFlags("topics test", "[-limit N] [-scan N] [-json] [-db FILE] QUERY")
	limit := fs.Int("limit", 20, "print at most `N` matching articles, newest first")
	scan := fs.Int("scan", defaultTestScan, "read at most the newest `N` stored articles (0: all)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	db := fs.String("db", "", "read this database `file` instead of the config's (such as a copy)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError(fmt.Errorf("give a query to test"))
	}
	if *limit < 0 || *scan < 0 {
		return usageError(fmt.Errorf("-limit and -scan must not be negative"))
	}
	q, err := parseQuery(strings.Join(fs.Args(), " "))
	if err != nil {
		return err
	}
	path, err := e.databasePath(*db)
	if err != nil {
		return err
	}
	store, err := openStore(path, copyAdvice(path))
	if err != nil {
		return err
	}
	defer closing(store.Close, &err)
	res, err := testQuery(ctx, store, q, *limit, *scan)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(res)
	}
	return printQueryTest(e.stdout, res, *limit)
}

// parseQuery compiles a query given on the command line; a syntax error is
// a usage error naming its column.
func parseQuery(text string) (*normalize.Query, error) {
	q, err := normalize.ParseQuery(text)
	if err != nil {
		return nil, usageError(fmt.Errorf("query %q: %w", text, err))
	}
	return q, nil
}

// databasePath is the database a command reads: db when set, which needs
// no config, else the config's.
func (e *env) databasePath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	c, err := e.loadConfig()
	if err != nil {
		return "", err
	}
	return c.Database, nil
}

// testQuery matches q against up to scan stored articles (0: all), newest
// first, keeping the first limit matches. It stops early when ctx is done:
// one interrupt must not wait for a scan of the whole store.
func testQuery(ctx context.Context, store *storage.Store, q *normalize.Query, limit, scan int) (*queryTest, error) {
	res := &queryTest{Query: q.String(), Stored: store.CountArticles(), Articles: []articleRow{}}
	scanned, err := store.Scan("", scan, func(a *normalize.Article) bool {
		if ctx.Err() != nil {
			return false
		}
		if q.Match(a) {
			res.Matches++
			if len(res.Articles) < limit {
				res.Articles = append(res.Articles, newArticleRow(a))
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Scanned = scanned
	res.Capped = scan > 0 && scanned == scan && res.Stored > scan
	return res, nil
}

// printQueryTest prints the matches as a table and a count.
func printQueryTest(w io.Writer, res *queryTest, limit int) error {
	if len(res.Articles) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DATE\tSOURCE\tTITLE\tID")
		for _, a := range res.Articles {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.Published.Local().Format("2006-01-02 15:04"), a.Source, a.Title, a.ID)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if res.Capped {
		fmt.Fprintf(w, "%d of the newest %d of %d stored articles match (-scan 0 reads them all)\n", res.Matches, res.Scanned, res.Stored)
	} else {
		fmt.Fprintf(w, "%d of %d articles match\n", res.Matches, res.Scanned)
	}
	if res.Matches > len(res.Articles) && limit > 0 {
		fmt.Fprintf(w, "showing the newest %d (-limit N shows more)\n", len(res.Articles))
	}
	return nil
}

// explanation is the result of `topics explain`, as -json prints it.
type explanation struct {
	Topic   string     `json:"topic,omitempty"` // empty for -q
	Query   string     `json:"query"`
	Article articleRow `json:"article"`
	normalize.Explanation
}

func runTopicsExplain(ctx context.Context, e *env, args []string) (err error) {
	fs := e.newFlags("topics explain", "[-q] [-json] [-db FILE] NAME|QUERY ARTICLE-ID")
	isQuery := fs.Bool("q", false, "the first argument is a query, not a topic's name")
	asJSON := fs.Bool("json", false, "print one JSON object")
	db := fs.String("db", "", "read this database `file` instead of the config's (such as a copy)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	n := fs.NArg()
	if n < 2 || (n > 2 && !*isQuery) {
		return usageError(fmt.Errorf("give a topic's name (or -q and a query) and an article's id"))
	}
	var ex explanation
	var q *normalize.Query
	var path string
	if *isQuery {
		if q, err = parseQuery(strings.Join(fs.Args()[:n-1], " ")); err != nil {
			return err
		}
		if path, err = e.databasePath(*db); err != nil {
			return err
		}
	} else {
		c, err := e.loadConfig()
		if err != nil {
			return err
		}
		topics, err := c.selectTopics(fs.Args()[:1])
		if err != nil {
			return err
		}
		ex.Topic, q = topics[0].Name, topics[0].Query
		path = cmp.Or(*db, c.Database)
	}
	a, err := readArticle(path, strings.ToLower(fs.Arg(n-1)))
	if err != nil {
		return err
	}
	ex.Query, ex.Article = q.String(), newArticleRow(&a)
	ex.Explanation = q.Explain(normalize.NewDocument(&a))
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(ex)
	}
	return printExplanation(e.stdout, &ex)
}

// readArticle reads one article from the database at path.
func readArticle(path, id string) (_ normalize.Article, err error) {
	store, err := openStore(path, copyAdvice(path))
	if err != nil {
		return normalize.Article{}, err
	}
	defer closing(store.Close, &err)
	return store.Article(id)
}

// printExplanation prints the article, then one line per term of the
// query, then the verdict.
func printExplanation(w io.Writer, ex *explanation) error {
	a := ex.Article
	fmt.Fprintf(w, "article  %s  %s  %s\n", a.ID, a.Published.Local().Format("2006-01-02 15:04"), a.Source)
	fmt.Fprintf(w, "title    %s\n", a.Title)
	if ex.Topic != "" {
		fmt.Fprintf(w, "topic    %s\n", ex.Topic)
	}
	fmt.Fprintf(w, "query    %s\n\n", ex.Query)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TERM\tSEARCHES\tNEGATED\tFOUND IN")
	for _, m := range ex.Terms {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Term, strings.Join(m.Fields, ","), yesNo(m.Negated), foundIn(m))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	verdict := "matches"
	if !ex.Match {
		verdict = "does not match"
	}
	fmt.Fprintf(w, "\nthe query %s this article\n", verdict)
	return nil
}

// foundIn says where a term occurs: the fields it searches, then those it
// does not, which do not count.
func foundIn(m normalize.TermMatch) string {
	s := strings.Join(m.Matched, ",")
	if s == "" {
		s = "-"
	}
	if len(m.Elsewhere) > 0 {
		s += " (also in " + strings.Join(m.Elsewhere, ",") + ", not searched)"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
