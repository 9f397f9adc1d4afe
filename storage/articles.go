package storage

import (
	"bytes"
	"cmp"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// Outcome is what Save did with one article.
type Outcome int

// The outcomes of saving an article.
const (
	// New: stored for the first time.
	New Outcome = iota
	// Updated: the source sent the same GUID with changed content.
	Updated
	// Unchanged: already stored as it is.
	Unchanged
	// Duplicate: the same story is already stored from this or another
	// source (same canonical URL or body); not stored again.
	Duplicate
	// Tombstoned: retention removed this article, or the story it is a
	// copy of (see Prune); not stored again.
	Tombstoned
)

// Counts tallies the outcomes of one Save.
type Counts struct {
	New        int `json:"new"`
	Updated    int `json:"updated"`
	Unchanged  int `json:"unchanged"`
	Duplicates int `json:"duplicates"`
	Tombstoned int `json:"tombstoned,omitempty"`
}

func (c *Counts) add(o Outcome) {
	switch o {
	case New:
		c.New++
	case Updated:
		c.Updated++
	case Unchanged:
		c.Unchanged++
	case Duplicate:
		c.Duplicates++
	case Tombstoned:
		c.Tombstoned++
	}
}

// Batch is what one read of a source stores: its articles and its new
// fetch state. With StateOnly set (a 304, a failure) only the state is
// written.
type Batch struct {
	Articles  []normalize.Article
	State     SourceState
	StateOnly bool
}

// Save stores the articles of one fetched source and its new fetch state in
// a single transaction; see SaveBatches.
func (s *Store) Save(source string, articles []normalize.Article, state SourceState) (Counts, error) {
	state.Name = source
	counts, err := s.SaveBatches([]Batch{{Articles: articles, State: state}})
	if err != nil {
		return Counts{}, err
	}
	return counts[0], nil
}

// SaveBatches stores several sources' batches in one transaction, so a crash
// leaves each source's articles and state either all stored or not at all;
// committing sources that are ready together costs one disk sync instead of
// one each (group commit, as bbolt's DB.Batch does). Articles are
// deduplicated inside the transaction: the same GUID from the same source
// updates in place (only when the content changed); the same canonical URL
// or body from anywhere is a duplicate and is not stored twice. A source
// seen re-issuing its GUIDs is marked in its state and identified by link
// from then on (see guids.go). A state's stored article count is kept and
// increased by the new articles. It returns the counts of each batch, in
// order.
func (s *Store) SaveBatches(batches []Batch) ([]Counts, error) {
	counts := make([]Counts, len(batches))
	err := s.update(func(tx *bolt.Tx) error {
		changed := false
		for i := range batches {
			c, err := s.saveBatch(tx, &batches[i])
			if err != nil {
				return fmt.Errorf("save %s: %w", batches[i].State.Name, err)
			}
			counts[i] = c
			changed = changed || c.New+c.Updated > 0
		}
		if changed {
			return s.markChanged(tx)
		}
		return nil
	})
	if err != nil {
		// Name the file: a full disk or a read-only file is the file's
		// problem, not the source's.
		return nil, fmt.Errorf("save to database %s: %w", s.db.Path(), err)
	}
	return counts, nil
}

// saveBatch stores one source's batch within tx.
func (s *Store) saveBatch(tx *bolt.Tx, b *Batch) (Counts, error) {
	var c Counts
	state := b.State
	state.Articles = 0
	if prev, err := getSource(tx, state.Name); err == nil {
		state.Articles = prev.Articles
		state.UnstableGUIDs = state.UnstableGUIDs || prev.UnstableGUIDs
	}
	if !b.StateOnly {
		unique := uniqueLinks(b.Articles)
		if !state.UnstableGUIDs && reissuesGUIDs(tx, state.Name, b.Articles, unique) {
			state.UnstableGUIDs = true
		}
		for i := range b.Articles {
			o, err := s.saveSourceArticle(tx, &state, &b.Articles[i], unique)
			if err != nil {
				return c, fmt.Errorf("article %q: %w", b.Articles[i].GUID, err)
			}
			c.add(o)
		}
	}
	state.Articles += c.New
	return c, putSource(tx, state)
}

// saveSourceArticle stores one article of a source within tx: by its link
// key (see linkKey) when the source's GUIDs are unstable and the key is its
// own within the batch, else by its GUID.
func (s *Store) saveSourceArticle(tx *bolt.Tx, state *SourceState, a *normalize.Article, unique map[string]bool) (Outcome, error) {
	if state.UnstableGUIDs && unique[linkKey(a)] {
		if o, done, err := s.saveByLink(tx, state.Name, a); done {
			return o, err
		}
	}
	return s.saveArticle(tx, state.Name, a)
}

// saveArticle stores one article within tx and says what it did.
func (s *Store) saveArticle(tx *bolt.Tx, source string, a *normalize.Article) (Outcome, error) {
	guids := tx.Bucket(bucketGUIDs)
	gk := guidKey(source, a.GUID)
	if v := guids.Get(gk); len(v) > 1 {
		switch v[0] {
		case 'd':
			return Duplicate, nil
		case kindTombstone:
			return Tombstoned, s.seeTombstone(tx, bucketGUIDs, gk, v)
		}
		return gone(s.updateArticle(tx, string(v[1:]), a))
	}
	// Tokenized once: the body's words give the dedupe keys, the
	// signature and the topics' Document.
	x := normalize.Analyze(a)
	dedupeKeys := x.DedupeKeys()
	keys := tx.Bucket(bucketKeys)
	for _, k := range dedupeKeys {
		if id := keys.Get([]byte(k)); id != nil {
			if isTombstone(id) {
				return Tombstoned, s.seeTombstone(tx, bucketKeys, []byte(k), id)
			}
			if err := s.insertVersion(tx, x, string(id)); err != nil {
				return gone(0, err)
			}
			return Duplicate, guids.Put(gk, append([]byte{'a'}, a.ID...))
		}
	}
	// Not the same text: perhaps the same story lightly edited elsewhere.
	sig, sigOK := x.Signature()
	if id, found, err := nearDuplicate(tx, x, a.ID, sig, sigOK); err != nil {
		return 0, err
	} else if found {
		if err := s.insertVersion(tx, x, id); err != nil {
			return gone(0, err)
		}
		return Duplicate, guids.Put(gk, append([]byte{'a'}, a.ID...))
	}
	if err := s.insertArticle(tx, x, dedupeKeys, sig, sigOK); err != nil {
		return 0, err
	}
	return New, guids.Put(gk, append([]byte{'a'}, a.ID...))
}

// insertArticle writes a new article, analyzed as x, with its index
// entries, its dedupe keys and its signature (see saveArticle).
func (s *Store) insertArticle(tx *bolt.Tx, x *normalize.Analysis, dedupeKeys []string, sig normalize.Signature, sigOK bool) error {
	a := x.Article()
	if err := putArticle(tx, a); err != nil {
		return err
	}
	if err := tx.Bucket(bucketByTime).Put(timeKey(a), nil); err != nil {
		return err
	}
	for _, k := range dedupeKeys {
		if err := tx.Bucket(bucketKeys).Put([]byte(k), []byte(a.ID)); err != nil {
			return err
		}
	}
	if err := indexSignature(tx, a, sig, sigOK); err != nil {
		return err
	}
	return s.indexTopics(tx, x)
}

// insertVersion stores the article x analyzes as another outlet's version
// of the story whose first version is (or leads to) id: kept and
// retrievable, listed with the story, and an entry only of topics that
// include duplicates. It takes no
// dedupe keys and no place in the time index, so search and feeds show the
// story once.
func (s *Store) insertVersion(tx *bolt.Tx, x *normalize.Analysis, id string) error {
	a := x.Article()
	story, err := getArticle(tx, id)
	if err != nil {
		return err
	}
	a.Story = cmp.Or(story.Story, story.ID)
	if err := putArticle(tx, a); err != nil {
		return err
	}
	if err := tx.Bucket(bucketVersions).Put([]byte(a.Story+a.ID), nil); err != nil {
		return err
	}
	// Story is no field that topics match, so x still analyzes a.
	return s.indexTopics(tx, x)
}

// Versions returns the other outlets' versions of the story whose first
// version has the given ID, ordered by their IDs.
func (s *Store) Versions(story string) ([]normalize.Article, error) {
	var out []normalize.Article
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketVersions).Cursor()
		prefix := []byte(story)
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			a, err := getArticle(tx, string(k[len(prefix):]))
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// updateArticle replaces the stored article id with a when its content
// changed. The stored ID and first published date are kept, so the entry
// keeps its place and identity in every feed.
func (s *Store) updateArticle(tx *bolt.Tx, id string, a *normalize.Article) (Outcome, error) {
	old, err := getArticle(tx, id)
	if err != nil {
		return 0, err
	}
	if old.ContentHash() == a.ContentHash() {
		return Unchanged, nil
	}
	// The stored GUID stays: an article found by its link (a source that
	// re-issues GUIDs) keeps the identity it was first stored under.
	a.ID, a.GUID, a.Published, a.Story = old.ID, old.GUID, old.Published, old.Story
	if !a.Updated.After(old.Updated) {
		a.Updated = s.now().UTC().Truncate(1e9)
	}
	if err := s.unindexTopics(tx, &old); err != nil {
		return 0, err
	}
	if err := unindexSignature(tx, &old); err != nil {
		return 0, err
	}
	if err := putArticle(tx, a); err != nil {
		return 0, err
	}
	x := normalize.Analyze(a)
	if sig, ok := x.Signature(); ok {
		if err := indexSignature(tx, a, sig, ok); err != nil {
			return 0, err
		}
	}
	keys := tx.Bucket(bucketKeys)
	for _, k := range x.DedupeKeys() {
		if keys.Get([]byte(k)) == nil {
			if err := keys.Put([]byte(k), []byte(a.ID)); err != nil {
				return 0, err
			}
		}
	}
	return Updated, s.indexTopics(tx, x)
}

// Article returns the stored article with the given ID, or ErrNotFound.
func (s *Store) Article(id string) (normalize.Article, error) {
	var a normalize.Article
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		a, err = getArticle(tx, id)
		return err
	})
	return a, err
}

// Latest returns up to limit articles, newest published first.
func (s *Store) Latest(limit int) ([]normalize.Article, error) {
	var out []normalize.Article
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = latest(tx, tx.Bucket(bucketByTime), limit)
		return err
	})
	return out, err
}

// CountArticles returns how many articles are stored.
func (s *Store) CountArticles() int {
	var n int
	_ = s.db.View(func(tx *bolt.Tx) error { // the callback returns nil
		n = tx.Bucket(bucketArticles).Stats().KeyN
		return nil
	})
	return n
}

// latest walks an index bucket (time+ID keys) from the end and loads up to
// limit articles.
func latest(tx *bolt.Tx, index *bolt.Bucket, limit int) ([]normalize.Article, error) {
	out := []normalize.Article{}
	if index == nil {
		return out, nil
	}
	c := index.Cursor()
	for k, _ := c.Last(); k != nil && len(out) < limit; k, _ = c.Prev() {
		a, err := getArticle(tx, string(k[8:]))
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func getArticle(tx *bolt.Tx, id string) (normalize.Article, error) {
	v := tx.Bucket(bucketArticles).Get([]byte(id))
	if v == nil {
		return normalize.Article{}, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	return decodeArticle([]byte(id), v)
}

// putArticle stores a's record (see encodeArticle).
func putArticle(tx *bolt.Tx, a *normalize.Article) error {
	return tx.Bucket(bucketArticles).Put([]byte(a.ID), encodeArticle(a))
}

// guidKey is the key of a source's GUID in the guids bucket.
func guidKey(source, guid string) []byte {
	var b bytes.Buffer
	b.WriteString(source)
	b.WriteByte(0)
	b.WriteString(guid)
	return b.Bytes()
}
