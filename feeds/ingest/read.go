package ingest

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"tidings/feeds/fetch"
	"tidings/feeds/parse"
	"tidings/feeds/seed"
	"tidings/normalize"
	"tidings/storage"
)

// readFeed fetches a live feed with the validators of the last fetch and
// parses it. write is false when there is nothing to store but the state (a
// 304 or a failure). New validators go into st only with a good parse, so
// a broken body is fetched again in full next time.
func readFeed(ctx context.Context, src Source, st *storage.SourceState, now time.Time, c *fetch.Client) (articles []normalize.Article, res Result, write bool) {
	resp, err := c.Get(ctx, src.URL, fetch.Validators{ETag: st.ETag, LastModified: st.LastModified})
	if err != nil {
		res.Errors = []string{err.Error()}
		return nil, res, false
	}
	res.Moved = resp.PermanentRedirect
	if resp.NotModified {
		res.NotModified = true
		return nil, res, false
	}
	feed, err := parse.Parse(resp.Body, parse.Options{Source: src.Name, URL: resp.URL, Now: now})
	if err != nil {
		res.Errors = []string{err.Error()}
		return nil, res, false
	}
	st.ETag, st.LastModified = resp.Validators.ETag, resp.Validators.LastModified
	return feed.Articles, res, true
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
		a.Finish(src.Name, now)
		articles = append(articles, a)
	}
	return articles, errs
}
