// Package ingest runs one fetch: every due source is read (live feeds over
// HTTP, seed folders from disk), parsed, normalized and saved, one storage
// transaction per source. It is shared by the fetch command, the server's
// fetch endpoint and the tests.
package ingest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"tidings/feeds/fetch"
	"tidings/normalize"
	"tidings/storage"
)

// Source is one configured input: a live feed (URL) or a folder of seed
// files (Seeds). Exactly one of URL and Seeds is set.
type Source struct {
	Name  string
	URL   string
	Seeds string
}

// Options configure a run. Store and Fetcher are required.
type Options struct {
	Store   *storage.Store
	Fetcher *fetch.Client
	Logger  *slog.Logger // nil discards
	// Concurrency bounds how many sources are read at once; default 8.
	Concurrency int
	// Interval is how long after an attempt a source is due again; default
	// 15 minutes. Force ignores it.
	Interval time.Duration
	Force    bool
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
}

// Result is the outcome of one source in a run.
type Result struct {
	Source string `json:"source"`
	storage.Counts
	// NotModified: the server answered 304; nothing was parsed or stored.
	NotModified bool `json:"not_modified,omitempty"`
	// Skipped: the source was not due and Force was not set.
	Skipped bool `json:"skipped,omitempty"`
	// Failed counts the items that could not be read (seed files); a failed
	// feed counts 1.
	Failed int `json:"failed"`
	// Errors says why, one entry per failure, naming the file or URL.
	Errors []string `json:"errors,omitempty"`
	// Moved is the new URL of a feed that redirected permanently.
	Moved    string        `json:"moved,omitempty"`
	Duration time.Duration `json:"duration"`
}

// Summary is the outcome of a run, one Result per source in config order.
type Summary struct {
	Started  time.Time     `json:"started"`
	Duration time.Duration `json:"duration"`
	Results  []Result      `json:"results"`
}

// OK reports whether every source of the run succeeded.
func (s *Summary) OK() bool {
	for _, r := range s.Results {
		if r.Failed > 0 {
			return false
		}
	}
	return true
}

// read is what a worker hands the writer: a source's articles and state.
type read struct {
	index    int
	articles []normalize.Article
	state    storage.SourceState
	result   Result
	write    bool // false: only the state changes (304, failure, not due)
}

// Run reads every due source, with at most Concurrency at a time, and saves
// each source's articles in one transaction from a single writer. One
// failing source never fails the others; its error is in its Result. Run
// returns an error only when the store cannot be written.
func Run(ctx context.Context, sources []Source, opts Options) (*Summary, error) {
	opts = opts.withDefaults()
	sum := &Summary{Started: opts.Now(), Results: make([]Result, len(sources))}
	reads := make(chan read)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.Concurrency, len(sources)) {
		wg.Go(func() {
			for i := range jobs {
				reads <- readSource(ctx, i, sources[i], opts)
			}
		})
	}
	go func() {
		defer close(reads)
		defer wg.Wait()
		defer close(jobs)
		for i := range sources {
			jobs <- i
		}
	}()
	var werr error
	for r := range reads {
		if werr == nil {
			werr = save(&r, opts)
		}
		sum.Results[r.index] = r.result
	}
	sum.Duration = opts.Now().Sub(sum.Started)
	return sum, werr
}

func (o Options) withDefaults() Options {
	o.Concurrency = cmp.Or(o.Concurrency, 8)
	o.Interval = cmp.Or(o.Interval, 15*time.Minute)
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// save writes what a worker read, completes its result with the counts,
// and logs the source's line.
func save(r *read, opts Options) error {
	var err error
	if r.write {
		r.result.Counts, err = opts.Store.Save(r.state.Name, r.articles, r.state)
	} else if !r.result.Skipped {
		err = opts.Store.PutSource(r.state)
	}
	log := opts.Logger.With("source", r.result.Source)
	switch {
	case err != nil:
		log.Error("cannot save source", "error", err)
	case r.result.Failed > 0:
		log.Warn("source failed", "failed", r.result.Failed, "error", r.result.Errors[0])
	case !r.result.Skipped:
		log.Info("source read", "new_articles", r.result.New, "updated", r.result.Updated,
			"duplicates", r.result.Duplicates, "not_modified", r.result.NotModified, "duration", r.result.Duration)
	}
	return err
}

// readSource reads one source unless it is not due.
func readSource(ctx context.Context, i int, src Source, opts Options) read {
	start := opts.Now()
	prev, err := opts.Store.Source(src.Name)
	if errors.Is(err, storage.ErrNotFound) {
		prev = storage.SourceState{Name: src.Name, Status: storage.StatusOK}
	}
	r := read{index: i, result: Result{Source: src.Name}, state: prev}
	r.state.URL = cmp.Or(src.URL, src.Seeds)
	if !opts.Force && src.URL != "" && start.Before(prev.NextDue) {
		r.result.Skipped = true
		return r
	}
	if src.Seeds != "" {
		r.articles, r.result.Errors = readSeeds(ctx, src, start)
	} else {
		r.articles, r.result, r.write = readFeed(ctx, src, &r.state, start, opts.Fetcher)
		r.result.Source = src.Name
	}
	r.write = r.write || src.Seeds != ""
	r.result.Failed = len(r.result.Errors)
	r.result.Duration = opts.Now().Sub(start)
	recordAttempt(&r.state, r.result, start, opts.Interval)
	if src.Seeds != "" {
		r.state.NextDue = time.Time{} // seed folders are read on every run
	}
	return r
}

// recordAttempt updates a source's state after an attempt at time at.
func recordAttempt(st *storage.SourceState, res Result, at time.Time, interval time.Duration) {
	st.LastAttempt = at
	st.NextDue = at.Add(interval)
	if res.Failed > 0 {
		st.Status = storage.StatusError
		st.ConsecutiveErrors++
		st.LastError = res.Errors[0]
		if res.Failed > 1 {
			st.LastError = fmt.Sprintf("%s (and %d more)", st.LastError, res.Failed-1)
		}
		return
	}
	st.Status = storage.StatusOK
	st.ConsecutiveErrors = 0
	st.LastError = ""
	st.LastSuccess = at
}
