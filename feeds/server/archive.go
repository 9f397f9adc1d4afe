package server

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"tidings/feeds/publish"
	"tidings/normalize"
	"tidings/storage"
)

// Archived feeds (RFC 5005, section 4). A topic's feed, the subscription
// document, holds its latest entries and links (rel="prev-archive") to the
// newest archive page; each page links to the one before it, so a reader
// that was away follows the links back until it reaches a page it has and
// has missed nothing.
//
// Pages are cut from the topic's archive sequence in storage, which
// numbers articles in the order the topic took them rather than by date:
// page K holds slots K*size to K*size+size-1, and is published only once
// all of them are taken. An old-dated article fetched late thus goes to
// the newest slot instead of moving every later article to another page,
// and a complete page keeps its entries for good (one drops out only when
// its article leaves the topic).
//
// The slots after the last complete page are in no page yet. When the
// feed holds all of their articles, as it does when articles arrive in
// date order and the feed is no shorter than a page, it links to the last
// complete page. Otherwise (an old-dated late arrival, a short feed) it
// links to a partial page, K-N: the first N slots of page K, which never
// change either. Once page K is complete the feed links to it instead,
// and a reader that has K-N reads K, which repeats those entries, and
// stops at K-1. The feed keeps its length, and the feed and the pages it
// leads to hold every article of the topic, some twice, which readers
// merge by entry id.
//
// A page is immutable once its links are final: a partial page at once, a
// complete page when the next one is complete. It is then served with a
// year's max-age; the newest complete page, whose next-archive link is
// still to come, is cached like a feed.

// DefaultArchivePageSize is the default of Options.ArchivePageSize.
const DefaultArchivePageSize = 50

// maxArchivePage bounds page numbers, so that page*size cannot overflow.
const maxArchivePage = 1 << 31

// Cache-Control of archive pages that can no longer change.
const (
	immutablePublic  = "public, max-age=31536000, immutable"
	immutablePrivate = "private, max-age=31536000, immutable"
)

// archiveRef names an archive page: page number page, holding its first
// n slots (the page size for a complete page).
type archiveRef struct{ page, n int }

// handleArchive serves /topics/NAME/archive/PAGE.EXT and the partial
// /topics/NAME/archive/PAGE-N.EXT (EXT atom, rss or json). A page whose
// slots are not all taken yet is a 404, as is an unknown topic and a
// private one without its token.
func (s *Server) handleArchive(w http.ResponseWriter, r *http.Request) {
	t, token, err := s.topicByName(r.PathValue("name"), r.URL)
	if err != nil {
		s.error(w, r, err)
		return
	}
	ref, ext, err := s.archiveFile(t.Name, r.PathValue("file"))
	if err != nil {
		s.error(w, r, err)
		return
	}
	key := cacheKey{path: r.URL.Path, token: token, archive: true}
	s.serve(w, r, key, func() (response, error) {
		return s.archivePage(t, ref, ext, token)
	})
}

// archiveFile parses "PAGE.EXT" or "PAGE-N.EXT", N from 1 to the page size
// less one. Numbers are written without leading zeros, so that each page
// has one URL; anything else is an error wrapping storage.ErrNotFound.
func (s *Server) archiveFile(topic, file string) (archiveRef, string, error) {
	name, ext, _ := strings.Cut(file, ".")
	num, partial, isPartial := strings.Cut(name, "-")
	ref := archiveRef{page: canonicalNumber(num), n: s.opts.ArchivePageSize}
	if isPartial {
		ref.n = canonicalNumber(partial)
	}
	if _, ok := formats[ext]; !ok || ref.page < 0 || ref.page > maxArchivePage ||
		ref.n < 1 || ref.n > s.opts.ArchivePageSize || (isPartial && ref.n == s.opts.ArchivePageSize) {
		return ref, "", fmt.Errorf("archive page %q of topic %q: %w", file, topic, storage.ErrNotFound)
	}
	return ref, ext, nil
}

// canonicalNumber returns the number s writes in decimal without sign or
// leading zeros, else -1.
func canonicalNumber(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strconv.Itoa(n) != s {
		return -1
	}
	return n
}

// archivePage renders the archive page ref of t in the format of ext, its
// links carrying token.
func (s *Server) archivePage(t Topic, ref archiveRef, ext, token string) (response, error) {
	size := s.opts.ArchivePageSize
	from := ref.page * size
	articles, slots, err := s.opts.Store.ArchiveSlots(t.Name, from, from+ref.n)
	if err != nil {
		return response{}, err
	}
	sortNewestFirst(articles)
	f := s.newFeed("topics/"+t.Name, "", token, articles)
	f.Title, f.Subtitle = t.Title, t.Description
	f.Links = s.archiveLinks(t.Name, ref, token)
	f.Links.HTML = s.links("topics/"+t.Name, "", token).HTML
	f.Archive = publish.Archive{Page: true, Current: s.links("topics/"+t.Name, "", token)}
	if ref.page > 0 {
		f.Archive.Prev = s.archiveLinks(t.Name, archiveRef{ref.page - 1, size}, token)
	}
	// A partial page is left out of the chain once its page is complete,
	// so it never gets a next-archive link.
	immutable := ref.n < size
	if next := (archiveRef{ref.page + 1, size}); ref.n == size && from+2*size <= slots {
		f.Archive.Next = s.archiveLinks(t.Name, next, token)
		immutable = true
	}
	body, ctype, err := s.render(f, ext, token)
	if err != nil {
		return response{}, err
	}
	return response{body: body, contentType: ctype, modified: lastUpdate(articles), immutable: immutable}, nil
}

// withArchive makes f, the feed of t, the subscription document of t's
// archived feed: it links to the last complete archive page, or to the
// partial page after it when f lacks some of the articles there.
func (s *Server) withArchive(f *publish.Feed, t Topic, token string) error {
	size := s.opts.ArchivePageSize
	slots, err := s.opts.Store.ArchiveLen(t.Name)
	if err != nil {
		return err
	}
	pages := slots / size
	if rest := slots - pages*size; rest > 0 {
		tail, _, err := s.opts.Store.ArchiveSlots(t.Name, pages*size, slots)
		if err != nil {
			return err
		}
		if !holdsAll(f.Articles, tail) {
			f.Archive.Prev = s.archiveLinks(t.Name, archiveRef{pages, rest}, token)
			return nil
		}
	}
	if pages > 0 {
		f.Archive.Prev = s.archiveLinks(t.Name, archiveRef{pages - 1, size}, token)
	}
	return nil
}

// holdsAll reports whether articles include every one of want, by ID.
func holdsAll(articles, want []normalize.Article) bool {
	have := make(map[string]bool, len(articles))
	for i := range articles {
		have[articles[i].ID] = true
	}
	for i := range want {
		if !have[want[i].ID] {
			return false
		}
	}
	return true
}

// archiveLinks are the URLs of the archive page ref of the named topic in
// every feed format, carrying token. Archive pages have no HTML view.
func (s *Server) archiveLinks(name string, ref archiveRef, token string) publish.Links {
	file := strconv.Itoa(ref.page)
	if ref.n < s.opts.ArchivePageSize {
		file += "-" + strconv.Itoa(ref.n)
	}
	base, q := s.opts.BaseURL+"topics/"+name+"/archive/"+file, tokenQuery(token)
	return publish.Links{Atom: base + ".atom" + q, RSS: base + ".rss" + q, JSON: base + ".json" + q}
}

// sortNewestFirst orders articles as a topic's index does, newest
// published first (the later ID first on a tie).
func sortNewestFirst(articles []normalize.Article) {
	slices.SortStableFunc(articles, func(a, b normalize.Article) int {
		if c := b.Published.Compare(a.Published); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
}

// lastUpdate is the latest Updated or Published time among articles, zero
// for none.
func lastUpdate(articles []normalize.Article) time.Time {
	var t time.Time
	for i := range articles {
		for _, at := range []time.Time{articles[i].Published, articles[i].Updated} {
			if at.After(t) {
				t = at
			}
		}
	}
	return t
}
