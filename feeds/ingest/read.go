package ingest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"tidings/feeds/fetch"
	"tidings/feeds/parse"
	"tidings/feeds/seed"
	"tidings/normalize"
)

// readFeed fetches a live feed with the validators of the last fetch and
// parses it, filling r and returning what the scheduler needs. New
// validators go into the state only with a good parse, so a broken body is
// fetched again in full next time.
func (r *read) readFeed(ctx context.Context, src Source, now time.Time, opts Options) attempt {
	a := attempt{at: now, interval: cmp.Or(src.Every, opts.Interval)}
	v := fetch.Validators{ETag: r.state.ETag, LastModified: r.state.LastModified}
	resp, err := opts.Fetcher.GetWithHeader(ctx, r.state.URL, v, src.Header)
	if err != nil {
		r.result.Errors = []string{err.Error()}
		a.retryAfter, a.gone = failure(err)
		if a.gone {
			r.result.Errors[0] += " (the publisher removed the feed: source disabled until its url changes or fetch -force)"
		}
		a.errs = r.result.Errors
		return a
	}
	a.moved, r.result.Moved = resp.PermanentRedirect, resp.PermanentRedirect
	a.hint = resp.MaxAge
	if resp.NotModified {
		r.result.NotModified = true
		r.state.ETag, r.state.LastModified = resp.Validators.ETag, resp.Validators.LastModified
		return a
	}
	r.result.Bytes = int64(len(resp.Body))
	feed, err := parse.Parse(resp.Body, parse.Options{Source: src.Name, URL: resp.URL, Lang: resp.ContentLanguage, Now: now, MaxEntries: opts.MaxEntries})
	if err != nil {
		r.result.Errors = []string{err.Error()}
		a.errs = r.result.Errors
		return a
	}
	if feed.Malformed != nil {
		r.result.Salvaged = feed.Malformed.Error()
	}
	r.result.Dropped = feed.Dropped
	a.hint = max(a.hint, feed.TTL)
	r.state.ETag, r.state.LastModified = resp.Validators.ETag, resp.Validators.LastModified
	r.articles, r.write = feed.Articles, true
	addCategories(r.articles, src.Categories)
	return a
}

// addCategories appends a source's categories to each of its articles.
func addCategories(articles []normalize.Article, categories []string) {
	if len(categories) == 0 {
		return
	}
	for i := range articles {
		for _, c := range categories {
			if !slices.Contains(articles[i].Categories, c) {
				articles[i].Categories = append(articles[i].Categories, c)
			}
		}
	}
}

// readSeeds reads every seed file of a folder. A file that cannot be read
// is reported by name and skipped; the others are still stored.
func readSeeds(ctx context.Context, src Source, now time.Time) ([]normalize.Article, []string) {
	files, err := seed.Files(src.Seeds)
	if err != nil {
		return nil, []string{err.Error()}
	}
	var articles []normalize.Article
	var errs []string
	for _, path := range files {
		if ctx.Err() != nil {
			return articles, append(errs, fmt.Sprintf("read %s: %v", src.Seeds, context.Cause(ctx)))
		}
		a, err := seed.ParseFile(path)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		a.SourceTitle = cmp.Or(a.Source, src.Name)
		a.Source = a.SourceTitle
		a.Categories = append(a.Categories, src.Categories...)
		a.Finish(src.Name, now)
		articles = append(articles, a)
	}
	return articles, errs
}
