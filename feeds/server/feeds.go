package server

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"tidings/feeds/publish"
	"tidings/normalize"
	"tidings/storage"
)

// latestOnIndex is how many headlines the index page shows per topic.
const latestOnIndex = 5

// formats maps a feed extension to its writer and media type.
var formats = map[string]struct {
	write func(io.Writer, *publish.Feed) error
	ctype string
}{
	"atom": {publish.WriteAtom, publish.TypeAtom + "; charset=utf-8"},
	"rss":  {publish.WriteRSS, publish.TypeRSS + "; charset=utf-8"},
	"json": {publish.WriteJSON, publish.TypeJSON + "; charset=utf-8"},
}

// handleTopic serves /topics/NAME.atom, .rss, .json, and the HTML view
// /topics/NAME; ?q= narrows the topic to the articles matching a query.
func (s *Server) handleTopic(w http.ResponseWriter, r *http.Request) {
	t, ext, token, err := s.topicFile(r.PathValue("file"), r.URL)
	if err != nil {
		s.error(w, r, err)
		return
	}
	n, err := limit(r, t.Limit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	q, err := adhocQuery(r.URL, false)
	if err != nil {
		s.error(w, r, err)
		return
	}
	key := cacheKey{path: r.URL.Path, limit: n, query: q.canonical(), token: token}
	s.serveRendered(w, r, key, func() ([]byte, string, error) {
		f, err := s.topicFeed(t, n, q, token)
		if err != nil {
			return nil, "", err
		}
		if q == nil && ext != "" {
			if err := s.withArchive(f, t, token); err != nil {
				return nil, "", err
			}
		}
		return s.render(f, ext, token)
	})
}

// topicFile splits "NAME.EXT" into the topic and the format, and checks the
// request's token (returned for the links) when the topic is private. An
// unknown topic, a private one without its token and an unknown format
// are all errors wrapping storage.ErrNotFound, in that order, so that a
// private topic cannot be told from an unknown one.
func (s *Server) topicFile(file string, u *url.URL) (t Topic, ext, token string, err error) {
	name, ext, _ := strings.Cut(file, ".")
	if t, token, err = s.topicByName(name, u); err != nil {
		return t, "", "", err
	}
	switch ext {
	case "", "atom", "rss", "json":
		return t, ext, token, nil
	}
	return t, "", "", fmt.Errorf("format %q of topic %q: %w", ext, name, storage.ErrNotFound)
}

// topicByName returns the named topic and the token of the request for it
// (see topicToken). An unknown topic and a private one without its token
// are both errors wrapping storage.ErrNotFound.
func (s *Server) topicByName(name string, u *url.URL) (Topic, string, error) {
	t, ok := s.topics[name]
	if !ok {
		return t, "", fmt.Errorf("topic %q: %w", name, storage.ErrNotFound)
	}
	token, err := s.topicToken(u, t)
	return t, token, err
}

// topicFeed loads a topic's latest n articles, or with q its latest n
// matching q, as a publishable feed whose links carry token.
func (s *Server) topicFeed(t Topic, n int, q *query, token string) (*publish.Feed, error) {
	var articles []normalize.Article
	var err error
	if q == nil {
		articles, err = s.opts.Store.TopicArticles(t.Name, n)
	} else {
		articles, err = s.scan(t.Name, q, n)
	}
	if err != nil {
		return nil, err
	}
	f := s.newFeed("topics/"+t.Name, q.canonical(), token, articles)
	if f.Related, err = s.related(articles); err != nil {
		return nil, err
	}
	f.Title, f.Subtitle = t.Title, t.Description
	if q != nil {
		f.Title = cmp.Or(t.Title, t.Name) + ": " + q.text
	}
	return f, nil
}

// related lists, for each first version among articles, the other outlets
// that carried the story. Archive pages do without: they must never change,
// and a new outlet may carry an old story any day.
func (s *Server) related(articles []normalize.Article) (map[string][]publish.Related, error) {
	var out map[string][]publish.Related
	for i := range articles {
		if articles[i].Story != "" {
			continue
		}
		versions, err := s.opts.Store.Versions(articles[i].ID)
		if err != nil {
			return nil, err
		}
		for _, v := range versions {
			if out == nil {
				out = map[string][]publish.Related{}
			}
			out[articles[i].ID] = append(out[articles[i].ID], publish.Related{Title: cmp.Or(v.SourceTitle, v.Source), URL: publish.ReaderURL(v.Link, v.URL)})
		}
	}
	return out, nil
}

// newFeed returns a feed of articles served at path ("topics/NAME" or
// "search"). Its id is derived from the canonical URL of path and query, so
// the same query always gives the same feed; its links carry the query
// and, for a private feed, the token.
func (s *Server) newFeed(path, query, token string, articles []normalize.Article) *publish.Feed {
	f := &publish.Feed{
		ID:        publish.FeedID(s.links(path, query, "").HTML),
		Links:     s.links(path, query, token),
		Generator: publish.Generator{Name: "tidings", URI: "https://github.com/tidings/tidings"},
		Articles:  articles,
	}
	if len(articles) == 0 {
		f.Updated = s.lastModified(s.opts.Store.Changed())
	}
	return f
}

// render writes f in the format of ext, "" being the HTML page. The page's
// link to the index carries token when it is the global token.
func (s *Server) render(f *publish.Feed, ext, token string) ([]byte, string, error) {
	var b bytes.Buffer
	if ext == "" {
		indexURL := s.opts.BaseURL
		if tokenEqual(token, s.opts.Token) {
			indexURL += tokenQuery(token)
		}
		err := publish.WriteTopicHTML(&b, &publish.TopicPage{Feed: *f, IndexURL: indexURL})
		return b.Bytes(), "text/html; charset=utf-8", err
	}
	err := formats[ext].write(&b, f)
	return b.Bytes(), formats[ext].ctype, err
}

// links are the URLs at path ("topics/NAME" or "search") in every format,
// with the query and token, when set, as parameters.
func (s *Server) links(path, query, token string) publish.Links {
	v := url.Values{}
	if query != "" {
		v.Set("q", query)
	}
	if token != "" {
		v.Set(tokenParam, token)
	}
	params := ""
	if len(v) > 0 {
		params = "?" + v.Encode()
	}
	base := s.opts.BaseURL + path
	return publish.Links{HTML: base + params, Atom: base + ".atom" + params, RSS: base + ".rss" + params,
		JSON: base + ".json" + params, Hub: s.opts.Hub}
}

// tokenQuery is the query string that carries token, or "".
func tokenQuery(token string) string {
	if token == "" {
		return ""
	}
	return "?" + url.Values{tokenParam: {token}}.Encode()
}

// listed returns the topics a request with token (the global token or "")
// may see listed, each with the token its links carry.
func (s *Server) listed(token string) []listedTopic {
	var out []listedTopic
	for _, t := range s.opts.Topics {
		switch {
		case !s.private(t):
			out = append(out, listedTopic{t, ""})
		case token != "":
			out = append(out, listedTopic{t, token})
		}
	}
	return out
}

// everyTopic lists all topics, each with the token its links need.
func (s *Server) everyTopic() []listedTopic {
	var out []listedTopic
	for _, t := range s.opts.Topics {
		token := ""
		if s.private(t) {
			token = cmp.Or(t.Token, s.opts.Token)
		}
		out = append(out, listedTopic{t, token})
	}
	return out
}

type listedTopic struct {
	Topic
	token string
}

// handleIndex serves the HTML home page listing every topic.
func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	token := s.globalToken(r.URL)
	s.serveRendered(w, r, cacheKey{path: "/", token: token}, func() ([]byte, string, error) {
		ix, err := s.index(token)
		if err != nil {
			return nil, "", err
		}
		var b bytes.Buffer
		err = publish.WriteIndexHTML(&b, ix)
		return b.Bytes(), "text/html; charset=utf-8", err
	})
}

// index lists the topics a request with token may see.
func (s *Server) index(token string) (*publish.Index, error) {
	ix := &publish.Index{Title: "tidings", OPMLURL: s.opts.BaseURL + "topics.opml" + tokenQuery(token)}
	for _, t := range s.listed(token) {
		latest, err := s.opts.Store.TopicArticles(t.Name, latestOnIndex)
		if err != nil {
			return nil, err
		}
		ix.Topics = append(ix.Topics, publish.TopicSummary{
			Name: t.Name, Title: t.Title, Description: t.Description,
			Articles: s.opts.Store.TopicCount(t.Name), Latest: latest, Links: s.links("topics/"+t.Name, "", t.token),
		})
	}
	return ix, nil
}

// handleOPML serves the OPML list of every topic's Atom feed.
func (s *Server) handleOPML(w http.ResponseWriter, r *http.Request) {
	token := s.globalToken(r.URL)
	s.serveRendered(w, r, cacheKey{path: "/topics.opml", token: token}, func() ([]byte, string, error) {
		ix, err := s.index(token)
		if err != nil {
			return nil, "", err
		}
		var b bytes.Buffer
		err = publish.WriteOPML(&b, "tidings topics", ix.Outlines())
		return b.Bytes(), publish.TypeOPML + "; charset=utf-8", err
	})
}

// TopicInfo is one topic as /topics.json lists it.
type TopicInfo struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Query    string `json:"query"`
	Articles int    `json:"articles"`
	URL      string `json:"url"`
}

func (s *Server) handleTopicsJSON(w http.ResponseWriter, r *http.Request) {
	out := []TopicInfo{}
	topics := s.listed(s.globalToken(r.URL))
	if s.isOperator(r) {
		topics = s.everyTopic() // `tidings topics` lists private topics too
	}
	for _, t := range topics {
		out = append(out, TopicInfo{Name: t.Name, Title: t.Title, Query: t.Query.String(),
			Articles: s.opts.Store.TopicCount(t.Name), URL: s.links("topics/"+t.Name, "", t.token).Atom})
	}
	writeJSON(w, r, out)
}

// SourceInfo is one configured source with its stored state, as
// /sources.json lists it. Times never reached are null.
type SourceInfo struct {
	Name              string     `json:"name"`
	URL               string     `json:"url"`
	Status            string     `json:"status"`
	LastAttempt       *time.Time `json:"last_attempt"`
	LastSuccess       *time.Time `json:"last_success"`
	LastError         string     `json:"last_error"`
	ConsecutiveErrors int        `json:"consecutive_errors"`
	FailingSince      *time.Time `json:"failing_since"`
	// Unhealthy: failing without a success for over a day.
	Unhealthy    bool       `json:"unhealthy"`
	NextDue      *time.Time `json:"next_due"`
	ETag         string     `json:"etag,omitempty"`
	LastModified string     `json:"last_modified,omitempty"`
	Articles     int        `json:"articles"`
	// UnstableGUIDs: the feed re-issues its GUIDs, so its articles are
	// identified by link.
	UnstableGUIDs bool `json:"unstable_guids,omitempty"`
}

func sourceInfo(st storage.SourceState, now time.Time) SourceInfo {
	return SourceInfo{
		FailingSince: timeOrNil(st.FailingSince), Unhealthy: st.Unhealthy(now),
		Name: st.Name, URL: normalize.RedactedRawURL(st.URL), Status: st.Status,
		LastAttempt: timeOrNil(st.LastAttempt), LastSuccess: timeOrNil(st.LastSuccess),
		LastError: st.LastError, ConsecutiveErrors: st.ConsecutiveErrors, NextDue: timeOrNil(st.NextDue),
		ETag: st.ETag, LastModified: st.LastModified, Articles: st.Articles,
		UnstableGUIDs: st.UnstableGUIDs,
	}
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func (s *Server) handleSourcesJSON(w http.ResponseWriter, r *http.Request) {
	out := []SourceInfo{}
	for _, src := range s.opts.Sources {
		st, err := s.opts.Store.Source(src.Name)
		if errors.Is(err, storage.ErrNotFound) {
			st, err = storage.SourceState{Name: src.Name, Status: storage.StatusOK}, nil
		}
		if err != nil {
			s.error(w, r, err)
			return
		}
		st.URL = src.URL
		out = append(out, sourceInfo(st, s.opts.Now()))
	}
	writeJSON(w, r, out)
}

// writeJSON answers with v as indented JSON, gzipped when the client
// accepts it. Such state changes with every fetch, so it is not cached.
func writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.Encode(v) // the values written here always encode
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	writeCompressed(w, r, b.Bytes())
}
