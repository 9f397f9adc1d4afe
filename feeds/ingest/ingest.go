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
	// Every overrides Options.Interval for this source when non-zero.
	Every time.Duration
	// Header holds extra request headers (a token some feeds need).
	Header map[string]string
	// Categories are added to every article of the source (the folders of
	// an imported OPML subscription list).
	Categories []string
}

// Options configure a run. Store and Fetcher are required.
type Options struct {
	Store   *storage.Store
	Fetcher *fetch.Client
	Logger  *slog.Logger // nil discards
	// Concurrency bounds how many sources are read at once; default 16.
	Concurrency int
	// PerHost bounds the requests to one host at once; default 2.
	PerHost int
	// Interval is how long after an attempt a source is due again, unless
	// the source or the feed asks for longer; default 15 minutes. Force
	// ignores it, and reads disabled (410 Gone) sources again.
	Interval time.Duration
	Force    bool
	// MaxEntries caps the articles taken from one feed; zero means the
	// parser's default.
	MaxEntries int
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// Jitter returns a number in [0, 1) that spreads retries; nil means
	// math/rand. Tests fix it.
	Jitter func() float64
	// Progress, when set, is called from the writer after each source with
	// how many of the run's sources are done.
	Progress func(done, total int)
	// Metrics, when set, counts what the run did.
	Metrics *Metrics
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
	Moved string `json:"moved,omitempty"`
	// Salvaged says why a malformed feed was only partly readable; its
	// readable entries were stored and the source counts as read.
	Salvaged string `json:"salvaged,omitempty"`
	// Dropped counts the entries beyond Options.MaxEntries, left unread.
	Dropped int `json:"dropped,omitempty"`
	// Disabled: the source answered 410 Gone (now or before) and is no
	// longer fetched unless forced.
	Disabled bool `json:"disabled,omitempty"`
	// Interrupted: the run was stopped (its context cancelled) before the
	// source was read in full; nothing of it was stored, not even the
	// attempt, so it is due as before.
	Interrupted bool `json:"interrupted,omitempty"`
	// Bytes is the size of the body received (zero for a 304).
	Bytes int64 `json:"bytes"`
	// NextDue is when the source is due again.
	NextDue  time.Time     `json:"next_due"`
	Duration time.Duration `json:"duration"`
}

// Summary is the outcome of a run, one Result per source in config order.
type Summary struct {
	Started  time.Time     `json:"started"`
	Duration time.Duration `json:"duration"`
	Results  []Result      `json:"results"`
	// Pruned is what retention removed after the run; Run leaves it nil
	// for its caller, which applies retention, to set.
	Pruned *storage.PruneResult `json:"pruned,omitempty"`
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

// InterruptedError is returned by Run when its context is cancelled (not
// timed out) before every source was read: the sources read in full were
// stored, the others were left exactly as they were.
type InterruptedError struct {
	Done, Total int
	// Cause is why: context.Cause of the run's context, such as the
	// signal that stopped tidings.
	Cause error
}

func (e *InterruptedError) Error() string {
	return fmt.Sprintf("interrupted (%v): %d of %d sources done; the rest were not fetched", e.Cause, e.Done, e.Total)
}

func (e *InterruptedError) Unwrap() error { return e.Cause }

// interrupted reports whether ctx was cancelled, as opposed to timed out:
// a run past its deadline records the sources it could not read as failed,
// one that was stopped records nothing for them.
func interrupted(ctx context.Context) bool {
	return errors.Is(ctx.Err(), context.Canceled)
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
// returns an error when the store cannot be written (it then stops
// reading), and an *InterruptedError when ctx is cancelled: sources read in
// full by then are saved, a source caught half-read is not saved at all,
// and no source still waiting is started. The summary is complete in both
// cases.
func Run(ctx context.Context, sources []Source, opts Options) (*Summary, error) {
	opts = opts.withDefaults()
	parent := ctx
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	sum := &Summary{Started: opts.Now(), Results: make([]Result, len(sources))}
	// Buffered so that workers go on reading while the writer commits.
	reads := make(chan read, opts.Concurrency)
	jobs := make(chan int)
	hosts := newHostLimiter(opts.PerHost)
	var wg sync.WaitGroup
	for range min(opts.Concurrency, len(sources)) {
		wg.Go(func() {
			for i := range jobs {
				r := readSource(ctx, i, sources[i], hosts, opts)
				r.interrupt(ctx)
				reads <- r
			}
		})
	}
	go func() {
		defer close(reads)
		defer wg.Wait()
		defer close(jobs)
		for i := range sources {
			select {
			case jobs <- i:
			case <-ctx.Done():
				if interrupted(ctx) {
					return
				}
				jobs <- i // past the deadline: each remaining source records it
			}
		}
	}()
	var werr error
	done := 0
	for r := range reads {
		group := gather(r, reads)
		if werr == nil {
			if werr = save(group, opts); werr != nil {
				stop(werr) // nothing more can be stored: stop reading
			}
		}
		for i := range group {
			sum.Results[group[i].index] = group[i].result
			if opts.Metrics != nil {
				opts.Metrics.add(&group[i].result)
			}
			if done++; opts.Progress != nil {
				opts.Progress(done, len(sources))
			}
		}
	}
	sum.Duration = opts.Now().Sub(sum.Started)
	if werr != nil {
		return sum, werr
	}
	if n := markNotStarted(sum, sources); interrupted(parent) && n > 0 {
		return sum, &InterruptedError{Done: len(sources) - n, Total: len(sources), Cause: context.Cause(parent)}
	}
	// Only a run that went over every source counts: an alert on the last
	// run's age must not be silenced by runs a signal or a full disk cut
	// short.
	if opts.Metrics != nil {
		opts.Metrics.endRun(opts.Now())
	}
	return sum, nil
}

// markNotStarted marks the sources that never reached the writer as
// interrupted and returns how many sources were interrupted in all.
func markNotStarted(sum *Summary, sources []Source) int {
	n := 0
	for i := range sum.Results {
		r := &sum.Results[i]
		if r.Source == "" {
			*r = Result{Source: sources[i].Name, Interrupted: true}
		}
		if r.Interrupted {
			n++
		}
	}
	return n
}

func (o Options) withDefaults() Options {
	o.Concurrency = cmp.Or(o.Concurrency, 16)
	o.PerHost = cmp.Or(o.PerHost, 2)
	o.Interval = cmp.Or(o.Interval, 15*time.Minute)
	if o.Jitter == nil {
		o.Jitter = defaultJitter
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// maxGroup bounds how many sources one transaction commits.
const maxGroup = 64

// gather returns first and whatever other reads are ready now, up to
// maxGroup, so that sources finished together are committed together.
func gather(first read, reads <-chan read) []read {
	group := []read{first}
	for len(group) < maxGroup {
		select {
		case r, ok := <-reads:
			if !ok {
				return group
			}
			group = append(group, r)
		default:
			return group
		}
	}
	return group
}

// save writes a group of reads in one transaction, completes their results
// with the counts, and logs one line per source.
func save(group []read, opts Options) error {
	var batches []storage.Batch
	var saved []*read
	for i := range group {
		r := &group[i]
		if r.result.Skipped || r.result.Interrupted {
			continue
		}
		batches = append(batches, storage.Batch{Articles: r.articles, State: r.state, StateOnly: !r.write})
		saved = append(saved, r)
	}
	if len(batches) == 0 {
		return nil
	}
	counts, err := opts.Store.SaveBatches(batches)
	if err != nil {
		return err // the store's problem, not the sources': Run reports it once
	}
	for i, r := range saved {
		r.result.Counts = counts[i]
		logResult(opts.Logger, r)
	}
	return nil
}

func logResult(logger *slog.Logger, r *read) {
	log := logger.With("source", r.result.Source)
	switch {
	case r.result.Failed > 0:
		log.Warn("source failed", "failed", r.result.Failed, "error", r.result.Errors[0])
	default:
		log.Info("source read", "new_articles", r.result.New, "updated", r.result.Updated,
			"duplicates", r.result.Duplicates, "not_modified", r.result.NotModified, "duration", r.result.Duration)
	}
}

// readSource reads one source unless it is not due or disabled.
func readSource(ctx context.Context, i int, src Source, hosts *hostLimiter, opts Options) read {
	start := opts.Now()
	st, err := opts.Store.Source(src.Name)
	if errors.Is(err, storage.ErrNotFound) {
		st = storage.SourceState{Name: src.Name, Status: storage.StatusOK}
	}
	r := read{index: i, result: Result{Source: src.Name, NextDue: st.NextDue}, state: st}
	if src.Seeds != "" {
		r.state.URL, r.write = src.Seeds, true
		r.articles, r.result.Errors = readSeeds(ctx, src, start)
		r.finish(attempt{at: start, errs: r.result.Errors}, opts)
		r.state.NextDue, r.result.NextDue = time.Time{}, time.Time{} // seed folders are read on every run
		return r
	}
	if st.ConfigURL != src.URL { // new source, or its configured URL changed
		r.state.URL, r.state.ConfigURL = src.URL, src.URL
		r.state.ETag, r.state.LastModified = "", ""
		if st.Status == storage.StatusDisabled {
			r.state.Status = storage.StatusOK
		}
	}
	switch {
	case r.state.Status == storage.StatusDisabled && !opts.Force:
		r.result.Skipped, r.result.Disabled = true, true
		return r
	case !opts.Force && start.Before(st.NextDue) && st.ConfigURL == src.URL:
		r.result.Skipped = true
		return r
	}
	release, err := hosts.acquire(ctx, r.state.URL)
	if err != nil {
		r.result.Errors = []string{fmt.Sprintf("fetch %s: %v", r.state.URL, err)}
		r.finish(attempt{at: start, interval: cmp.Or(src.Every, opts.Interval), errs: r.result.Errors}, opts)
		return r
	}
	a := r.readFeed(ctx, src, start, opts)
	release()
	r.finish(a, opts)
	return r
}

// interrupt marks r as cut short by the run's cancellation when it did not
// complete: a half-read source is not saved, nor is its failed attempt.
func (r *read) interrupt(ctx context.Context) {
	if interrupted(ctx) && len(r.result.Errors) > 0 {
		r.result = Result{Source: r.result.Source, Interrupted: true}
		r.articles, r.write = nil, false
	}
}

// finish records the attempt in the state and completes the result.
func (r *read) finish(a attempt, opts Options) {
	record(&r.state, a, opts.Jitter)
	r.result.Failed = len(r.result.Errors)
	r.result.Disabled = r.state.Status == storage.StatusDisabled
	r.result.NextDue = r.state.NextDue
	r.result.Duration = opts.Now().Sub(a.at)
}
