package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"tidings/normalize"
)

// maxQueryLen bounds an ad-hoc query, in characters: matching costs grow
// with its terms, once per article scanned.
const maxQueryLen = 1000

// query is an ad-hoc query of a request (?q=).
type query struct {
	*normalize.Query
	// text is the query with runs of white space collapsed, which changes
	// nothing it matches: the key of its feed id, links and cache entry.
	text string
}

// canonical is q's text, or "" for no query.
func (q *query) canonical() string {
	if q == nil {
		return ""
	}
	return q.text
}

// adhocQuery parses ?q= of u. It returns nil when there is none and it is
// not required; a missing required query is a badRequest, a syntax error
// a wrapped *normalize.QueryError naming the column.
func adhocQuery(u *url.URL, required bool) (*query, error) {
	v := u.Query()
	if !v.Has("q") {
		if required {
			return nil, &badRequest{"missing query: add ?q=QUERY"}
		}
		return nil, nil
	}
	raw := v.Get("q")
	if n := utf8.RuneCountInString(raw); n > maxQueryLen {
		return nil, &badRequest{fmt.Sprintf("query of %d characters: the most is %d", n, maxQueryLen)}
	}
	q, err := normalize.ParseQuery(raw)
	if err != nil {
		return nil, fmt.Errorf("query %q: %w", raw, err)
	}
	return &query{Query: q, text: strings.Join(strings.Fields(raw), " ")}, nil
}

// handleSearch serves /search with the extension ext ("" for the HTML
// page): the latest stored articles matching ?q=, from every source and
// topic. It needs the global token when one is set.
func (s *Server) handleSearch(ext string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := s.globalToken(r.URL)
		if s.opts.Token != "" && token == "" {
			s.error(w, r, fmt.Errorf("search needs ?%s=: %w", tokenParam, errForbidden))
			return
		}
		n, err := limit(r, DefaultLimit)
		if err != nil {
			s.error(w, r, err)
			return
		}
		q, err := adhocQuery(r.URL, true)
		if err != nil {
			s.error(w, r, err)
			return
		}
		key := cacheKey{path: r.URL.Path, limit: n, query: q.text, token: token}
		s.serveRendered(w, r, key, func() ([]byte, string, error) {
			articles, err := s.scan("", q, n)
			if err != nil {
				return nil, "", err
			}
			f := s.newFeed("search", q.text, token, articles)
			if f.Related, err = s.related(articles); err != nil {
				return nil, "", err
			}
			f.Title = "Search: " + q.text
			f.Subtitle = "Stored articles matching " + q.text
			return s.render(f, ext, token)
		})
	}
}

// scan returns up to n of the articles matching q, newest first, among the
// latest Options.ScanLimit articles of topic ("" for all of them). The cap
// bounds the work of one request whatever the query.
func (s *Server) scan(topic string, q *query, n int) ([]normalize.Article, error) {
	var out []normalize.Article
	_, err := s.opts.Store.Scan(topic, s.opts.ScanLimit, func(a *normalize.Article) bool {
		if q.Match(a) {
			out = append(out, *a)
		}
		return len(out) < n
	})
	return out, err
}
