package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"tidings/feeds/publish"
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
// /topics/NAME.
func (s *Server) handleTopic(w http.ResponseWriter, r *http.Request) {
	t, ext, err := s.topicFile(r.PathValue("file"))
	if err != nil {
		s.error(w, r, err)
		return
	}
	n, err := limit(r, t.Limit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.serveRendered(w, r, cacheKey{r.URL.Path, n}, func() ([]byte, string, error) {
		f, err := s.feed(t, n)
		if err != nil {
			return nil, "", err
		}
		var b bytes.Buffer
		if ext == "" {
			err = publish.WriteTopicHTML(&b, &publish.TopicPage{Feed: *f, IndexURL: s.opts.BaseURL})
			return b.Bytes(), "text/html; charset=utf-8", err
		}
		err = formats[ext].write(&b, f)
		return b.Bytes(), formats[ext].ctype, err
	})
}

// feed loads a topic's latest n articles as a publishable feed.
func (s *Server) feed(t Topic, n int) (*publish.Feed, error) {
	articles, err := s.opts.Store.TopicArticles(t.Name, n)
	if err != nil {
		return nil, err
	}
	f := &publish.Feed{
		ID:        publish.FeedID(s.opts.BaseURL + "topics/" + t.Name),
		Title:     t.Title,
		Subtitle:  t.Description,
		Links:     s.links(t.Name),
		Generator: publish.Generator{Name: "tidings", URI: "https://github.com/tidings/tidings"},
		Articles:  articles,
	}
	if len(articles) == 0 {
		f.Updated = s.lastModified(s.opts.Store.Changed())
	}
	return f, nil
}

// links are a topic's URLs in every format.
func (s *Server) links(name string) publish.Links {
	base := s.opts.BaseURL + "topics/" + name
	return publish.Links{HTML: base, Atom: base + ".atom", RSS: base + ".rss", JSON: base + ".json"}
}

// handleIndex serves the HTML home page listing every topic.
func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	s.serveRendered(w, r, cacheKey{path: "/"}, func() ([]byte, string, error) {
		ix, err := s.index()
		if err != nil {
			return nil, "", err
		}
		var b bytes.Buffer
		err = publish.WriteIndexHTML(&b, ix)
		return b.Bytes(), "text/html; charset=utf-8", err
	})
}

func (s *Server) index() (*publish.Index, error) {
	ix := &publish.Index{Title: "tidings", OPMLURL: s.opts.BaseURL + "topics.opml"}
	for _, t := range s.opts.Topics {
		latest, err := s.opts.Store.TopicArticles(t.Name, latestOnIndex)
		if err != nil {
			return nil, err
		}
		ix.Topics = append(ix.Topics, publish.TopicSummary{
			Name: t.Name, Title: t.Title, Description: t.Description,
			Articles: s.opts.Store.TopicCount(t.Name), Latest: latest, Links: s.links(t.Name),
		})
	}
	return ix, nil
}

// handleOPML serves the OPML list of every topic's Atom feed.
func (s *Server) handleOPML(w http.ResponseWriter, r *http.Request) {
	s.serveRendered(w, r, cacheKey{path: "/topics.opml"}, func() ([]byte, string, error) {
		ix, err := s.index()
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
	for _, t := range s.opts.Topics {
		out = append(out, TopicInfo{Name: t.Name, Title: t.Title, Query: t.Query.String(),
			Articles: s.opts.Store.TopicCount(t.Name), URL: s.links(t.Name).Atom})
	}
	writeJSON(w, out)
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
}

func sourceInfo(st storage.SourceState, now time.Time) SourceInfo {
	return SourceInfo{
		FailingSince: timeOrNil(st.FailingSince), Unhealthy: st.Unhealthy(now),
		Name: st.Name, URL: st.URL, Status: st.Status,
		LastAttempt: timeOrNil(st.LastAttempt), LastSuccess: timeOrNil(st.LastSuccess),
		LastError: st.LastError, ConsecutiveErrors: st.ConsecutiveErrors, NextDue: timeOrNil(st.NextDue),
		ETag: st.ETag, LastModified: st.LastModified, Articles: st.Articles,
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
	writeJSON(w, out)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
