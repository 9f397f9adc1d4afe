package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"tidings/feeds/fetch"
	"tidings/feeds/ingest"
	"tidings/feeds/publish"
	"tidings/normalize"
	"tidings/storage"
)

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// fetchRequest is what `tidings fetch` asks of a running server.
type fetchRequest struct {
	Sources []string `json:"sources"`
	Force   bool     `json:"force"`
}

func runFetch(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("fetch", "[-source NAME]... [-force] [-json]")
	var req fetchRequest
	fs.Var((*stringList)(&req.Sources), "source", "fetch only the source `NAME` (repeatable)")
	fs.BoolVar(&req.Force, "force", false, "fetch sources even when they are not due")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	verbose := fs.Bool("v", false, "also log each source on stderr (the summary says it all otherwise)")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	c, err := e.loadConfig()
	if err != nil {
		return err
	}
	if _, err := c.ingestSources(req.Sources); err != nil {
		return usageError(err)
	}
	if !*verbose {
		// cron mails whatever a job prints: the summary and nothing else.
		c.Log.Level = "error"
	}
	sum, err := fetchLocalOrRemote(ctx, e, c, req)
	var ie *ingest.InterruptedError
	if err != nil && (sum == nil || !errors.As(err, &ie)) {
		return err
	}
	// Interrupted, what was done is stored: say what, then why the rest
	// was not.
	var perr error
	if *asJSON {
		perr = json.NewEncoder(e.stdout).Encode(sum)
	} else {
		perr = printSummary(e.stdout, sum)
	}
	if err != nil {
		return err
	}
	if perr != nil {
		return perr
	}
	if !sum.OK() {
		return errFailed
	}
	return nil
}

// fetchLocalOrRemote runs the fetch on the database, or, when a running
// `tidings serve` holds it, asks that server to run it.
func fetchLocalOrRemote(ctx context.Context, e *env, c *Config, req fetchRequest) (_ *ingest.Summary, err error) {
	store, err := storage.Open(c.Database, storage.Options{})
	if errors.Is(err, storage.ErrLocked) {
		return remoteFetch(ctx, c, req)
	}
	if err != nil {
		return nil, err
	}
	defer closing(store.Close, &err)
	bar := e.progressBar()
	defer bar.done()
	return fetchWith(ctx, store, c, req, e.logger(c), bar.update, nil)
}

// fetchWith runs one fetch over an open store; the server uses it too.
// progress, when set, reports the run's progress (a terminal's bar).
func fetchWith(ctx context.Context, store *storage.Store, c *Config, req fetchRequest, log *slog.Logger, progress func(done, total int), m *ingest.Metrics) (*ingest.Summary, error) {
	sources, err := c.ingestSources(req.Sources)
	if err != nil {
		return nil, usageError(err)
	}
	if err := syncTopics(ctx, store, c, log); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, c.Fetch.Deadline)
	defer cancel()
	sum, err := ingest.Run(ctx, sources, ingest.Options{
		Store:       store,
		Fetcher:     newFetcher(c),
		Logger:      log,
		Concurrency: c.Fetch.Concurrency,
		PerHost:     c.Fetch.PerHost,
		Interval:    c.Fetch.Interval,
		MaxEntries:  c.Fetch.MaxEntries,
		Force:       req.Force,
		Progress:    progress,
		Metrics:     m,
	})
	if err == nil {
		err = retain(store, c, sum, log)
	}
	if err == nil && c.Hub != "" && changed(sum) {
		if perr := publish.PingHub(ctx, http.DefaultClient, c.Hub, publicFeeds(c)); perr != nil {
			log.Error("websub hub not notified", "error", perr) // the run itself succeeded
		}
	}
	return sum, err
}

// retain applies the retention config at the end of a run and records in
// sum what it removed.
func retain(store *storage.Store, c *Config, sum *ingest.Summary, log *slog.Logger) error {
	if !c.Retention.enabled() {
		return nil
	}
	r, err := store.Prune(storage.PruneOptions{MaxAge: c.Retention.MaxAge, MaxPerSource: c.Retention.MaxArticlesPerSource})
	sum.Pruned = &r
	if err != nil {
		return fmt.Errorf("retention: %w", err)
	}
	log.Info("retention applied", "pruned", r.Stories(), "aged", r.Aged, "over_cap", r.OverCap,
		"versions", r.Versions, "expired_tombstones", r.ExpiredTombstones)
	return nil
}

// changed reports whether a run stored new or updated articles.
func changed(sum *ingest.Summary) bool {
	for _, r := range sum.Results {
		if r.New+r.Updated > 0 {
			return true
		}
	}
	return false
}

// publicFeeds are the feed URLs of every public topic, in every format: what
// a hub may fetch and push.
func publicFeeds(c *Config) []string {
	var urls []string
	for _, t := range c.topics {
		if c.Token != "" || c.topicToken(t.Name) != "" {
			continue
		}
		for _, ext := range []string{".atom", ".rss", ".json"} {
			urls = append(urls, c.BaseURL+"topics/"+t.Name+ext)
		}
	}
	return urls
}

// syncTopics brings the stored topic indexes in line with the config,
// logging the topics it re-indexed over the stored articles. A signal
// stops a rebuild, which then changes nothing.
func syncTopics(ctx context.Context, store *storage.Store, c *Config, log *slog.Logger) error {
	rebuilt, err := store.SyncTopics(ctx, c.topics)
	if store.CountArticles() == 0 {
		return err // nothing was indexed: not worth a line
	}
	for _, name := range rebuilt {
		log.Info("topic indexed over stored articles", "topic", name, "articles", store.TopicCount(name))
	}
	return err
}

// newFetcher builds the HTTP client from the fetch config.
func newFetcher(c *Config) *fetch.Client {
	return fetch.New(fetch.Options{
		UserAgent:   c.Fetch.UserAgent,
		Timeout:     c.Fetch.Timeout,
		MaxBodySize: c.Fetch.MaxBodyBytes,
	})
}

// printSummary prints one line per source and a total.
func printSummary(w io.Writer, sum *ingest.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "new\tupdated\tduplicate\tunchanged\tfailed\t source")
	var total ingest.Result
	for _, r := range sum.Results {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t %s%s\n", r.New, r.Updated, r.Duplicates, r.Unchanged, r.Failed, r.Source, resultNote(r))
		total.New += r.New
		total.Updated += r.Updated
		total.Duplicates += r.Duplicates
		total.Unchanged += r.Unchanged
		total.Failed += r.Failed
	}
	fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t total, %d sources in %s\n", total.New, total.Updated, total.Duplicates,
		total.Unchanged, total.Failed, len(sum.Results), sum.Duration.Round(time.Millisecond))
	if err := tw.Flush(); err != nil {
		return err
	}
	if p := sum.Pruned; p != nil && p.Stories() > 0 {
		fmt.Fprintf(w, "pruned %d articles (%d older than retention.max_age, %d over retention.max_articles_per_source) and %d versions of them\n",
			p.Stories(), p.Aged, p.OverCap, p.Versions)
	}
	for _, r := range sum.Results {
		for _, msg := range r.Errors {
			fmt.Fprintf(w, "error: %s: %s\n", r.Source, msg)
		}
	}
	return nil
}

// resultNote is the parenthesised remark after a source's name.
func resultNote(r ingest.Result) string {
	var notes []string
	switch {
	case r.Disabled && r.Skipped:
		notes = append(notes, "disabled: gone (410)")
	case r.Skipped:
		notes = append(notes, "not due until "+r.NextDue.Local().Format("15:04"))
	case r.NotModified:
		notes = append(notes, "not modified")
	case r.Interrupted:
		notes = append(notes, "interrupted: not fetched")
	}
	if r.Moved != "" {
		notes = append(notes, "moved permanently to "+normalize.RedactedRawURL(r.Moved))
	}
	if r.Salvaged != "" {
		notes = append(notes, "malformed, readable entries kept: "+r.Salvaged)
	}
	if r.Dropped > 0 {
		notes = append(notes, fmt.Sprintf("%d entries over fetch.max_entries left out", r.Dropped))
	}
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, ", ") + ")"
}
