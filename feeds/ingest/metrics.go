package ingest

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Outcomes of reading a source, as metrics count them.
const (
	OutcomeNew         = "ok"           // fetched and parsed (or seeds read)
	OutcomeNotModified = "not_modified" // 304
	OutcomeSkipped     = "skipped"      // not due, or disabled
	OutcomeError       = "error"
)

// Metrics counts what fetch runs did, for Prometheus. The zero value is
// ready; it is safe for concurrent use. Counters only grow.
type Metrics struct {
	mu         sync.Mutex
	fetches    map[string]int64 // by outcome
	bytes      int64
	seconds    float64          // total time reading sources
	reads      int64            // sources read (not skipped), for the duration's count
	stored     map[string]int64 // articles by "new" / "updated"
	duplicates int64
	runs       int64
	lastRun    time.Time
}

// add records one source's result; an interrupted source was not read.
func (m *Metrics) add(r *Result) {
	if r.Interrupted {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fetches == nil {
		m.fetches, m.stored = map[string]int64{}, map[string]int64{}
	}
	m.fetches[outcome(r)]++
	if !r.Skipped {
		m.reads++
		m.seconds += r.Duration.Seconds()
	}
	m.bytes += r.Bytes
	m.stored["new"] += int64(r.New)
	m.stored["updated"] += int64(r.Updated)
	m.duplicates += int64(r.Duplicates)
}

// endRun records that a run finished at t.
func (m *Metrics) endRun(t time.Time) {
	m.mu.Lock()
	m.runs++
	m.lastRun = t
	m.mu.Unlock()
}

func outcome(r *Result) string {
	switch {
	case r.Failed > 0:
		return OutcomeError
	case r.Skipped:
		return OutcomeSkipped
	case r.NotModified:
		return OutcomeNotModified
	}
	return OutcomeNew
}

// WritePrometheus writes the counters in the Prometheus text format.
func (m *Metrics) WritePrometheus(w io.Writer) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b []byte
	p := func(format string, args ...any) { b = fmt.Appendf(b, format, args...) }
	p("# HELP tidings_fetches_total Sources read by fetch runs, by outcome.\n# TYPE tidings_fetches_total counter\n")
	for _, o := range []string{OutcomeNew, OutcomeNotModified, OutcomeSkipped, OutcomeError} {
		p("tidings_fetches_total{outcome=%q} %d\n", o, m.fetches[o])
	}
	p("# HELP tidings_fetch_bytes_total Feed body bytes received, after decompression.\n# TYPE tidings_fetch_bytes_total counter\ntidings_fetch_bytes_total %d\n", m.bytes)
	p("# HELP tidings_fetch_duration_seconds Time spent reading sources.\n# TYPE tidings_fetch_duration_seconds summary\n")
	p("tidings_fetch_duration_seconds_sum %g\ntidings_fetch_duration_seconds_count %d\n", m.seconds, m.reads)
	p("# HELP tidings_articles_stored_total Articles stored, new or updated.\n# TYPE tidings_articles_stored_total counter\n")
	p("tidings_articles_stored_total{kind=\"new\"} %d\ntidings_articles_stored_total{kind=\"updated\"} %d\n", m.stored["new"], m.stored["updated"])
	p("# HELP tidings_duplicates_total Articles recognised as a story already stored.\n# TYPE tidings_duplicates_total counter\ntidings_duplicates_total %d\n", m.duplicates)
	p("# HELP tidings_fetch_runs_total Fetch runs that went over every source (not cut short by a signal or a storage error).\n# TYPE tidings_fetch_runs_total counter\ntidings_fetch_runs_total %d\n", m.runs)
	if !m.lastRun.IsZero() {
		p("# HELP tidings_last_run_timestamp_seconds When the last fetch run ended.\n# TYPE tidings_last_run_timestamp_seconds gauge\ntidings_last_run_timestamp_seconds %d\n", m.lastRun.Unix())
	}
	_, err := w.Write(b)
	return err
}
