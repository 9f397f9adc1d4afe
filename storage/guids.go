package storage

import (
	"bytes"
	"cmp"
	"strings"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// Some feeds re-issue every item's GUID on every fetch (a random UUID, a
// timestamp, a session token) while its links stay the same. Identified by
// GUID, each fetch would bring the whole feed again as new articles, each
// a duplicate of the last. SaveBatches recognises such a source (see
// reissuesGUIDs), records it in SourceState.UnstableGUIDs, and from then on
// identifies the source's articles by link (see linkKey): an article
// already stored keeps its ID and is updated in place, and a new one takes
// its link key for its GUID (so its ID is NewID of the source and the link,
// stable across fetches). The guids bucket maps source and link key to the
// ID just as it maps source and GUID; a real GUID that equals another
// article's link cannot arise, for a permalink GUID is that article's link.

// reissuesGUIDs reports whether a fetch of source shows its feed re-issuing
// GUIDs: more than half of the articles have a GUID never seen from source
// but a link (one no other article of the fetch shares) under which an
// article of source is stored. New items, and feeds that reuse one link for
// many items, do not qualify. On a source's first fetch nothing is stored
// to compare with, so it cannot qualify: its articles are stored under
// their GUIDs, and the second fetch finds them by link and keeps their IDs.
func reissuesGUIDs(tx *bolt.Tx, source string, articles []normalize.Article, unique map[string]bool) bool {
	guids := tx.Bucket(bucketGUIDs)
	reissued := 0
	for i := range articles {
		a := &articles[i]
		if !unique[linkKey(a)] || guids.Get(guidKey(source, a.GUID)) != nil {
			continue
		}
		if _, ok := linkedArticle(tx, source, a); ok {
			reissued++
		}
	}
	return 2*reissued > len(articles)
}

// linkKey is what identifies an article of a source whose GUIDs are
// unstable: its canonical link, with the fragment of its link when that has
// one, for the canonical form drops fragments, which tell apart the
// comments or live posts of one page. It is "" for an article without a
// link.
func linkKey(a *normalize.Article) string {
	if a.URL == "" {
		return ""
	}
	if _, frag, _ := strings.Cut(a.Link, "#"); frag != "" {
		return a.URL + "#" + frag
	}
	return a.URL
}

// uniqueLinks returns the set of link keys (see linkKey) that exactly one
// of the articles has; only those identify an article.
func uniqueLinks(articles []normalize.Article) map[string]bool {
	count := make(map[string]int, len(articles))
	for i := range articles {
		if k := linkKey(&articles[i]); k != "" {
			count[k]++
		}
	}
	unique := make(map[string]bool, len(count))
	for u, n := range count {
		unique[u] = n == 1
	}
	return unique
}

// saveByLink stores a, from a source whose GUIDs are unstable, under its
// canonical link. It returns done false when the usual path of saveArticle
// should go on with a, now identified by its link: when source and link
// already have a guids entry, or when no article of source is stored under
// the link (a is new). Otherwise it records the link as leading to the
// stored article, which keeps its ID, and updates that in place.
func (s *Store) saveByLink(tx *bolt.Tx, source string, a *normalize.Article) (o Outcome, done bool, err error) {
	a.GUID = linkKey(a)
	a.ID = normalize.NewID(source, a.GUID)
	gk := guidKey(source, a.GUID)
	guids := tx.Bucket(bucketGUIDs)
	if guids.Get(gk) != nil {
		return 0, false, nil
	}
	id, ok := linkedArticle(tx, source, a)
	if !ok {
		return 0, false, nil
	}
	if err := guids.Put(gk, append([]byte{'a'}, id...)); err != nil {
		return 0, true, err
	}
	o, err = gone(s.updateArticle(tx, id, a))
	return o, true, err
}

// linkedArticle returns the ID of the article of source stored with a's
// link key (see linkKey): the story's first version, or another outlet's
// version of it that came from source.
func linkedArticle(tx *bolt.Tx, source string, a *normalize.Article) (string, bool) {
	key := linkKey(a)
	if key == "" {
		return "", false
	}
	id := tx.Bucket(bucketKeys).Get([]byte("url:" + a.URL))
	if id == nil || isTombstone(id) {
		return "", false
	}
	first, err := getArticle(tx, string(id))
	if err != nil {
		return "", false
	}
	if linkKey(&first) == key && fromSource(&first, source) {
		return first.ID, true
	}
	prefix := []byte(cmp.Or(first.Story, first.ID))
	c := tx.Bucket(bucketVersions).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		v, err := getArticle(tx, string(k[len(prefix):]))
		if err == nil && linkKey(&v) == key && fromSource(&v, source) {
			return v.ID, true
		}
	}
	return "", false
}

// fromSource reports whether a stored article was read from source.
// Records from before Origin existed name it in Source, or else have the
// ID NewID gives source and their GUID.
func fromSource(a *normalize.Article, source string) bool {
	if a.Origin != "" {
		return a.Origin == source
	}
	return a.Source == source || a.ID == normalize.NewID(source, a.GUID)
}
