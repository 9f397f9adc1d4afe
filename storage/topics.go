package storage

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// SyncTopics makes topics the set that new articles are indexed into, and
// brings the stored topic indexes in line with it in one transaction: a new
// topic, or one whose query changed since its index was built, is indexed
// over every stored article; the index of a topic no longer configured is
// dropped. Rules thus apply to everything stored, not only to new arrivals.
// It returns the names of the topics it rebuilt. A store opened ReadOnly
// cannot rebuild: it serves the indexes as they are, and returns an error
// wrapping ErrReadOnly when one is missing or was built with another query.
// When ctx is done during a rebuild, which reads every stored article, it
// stops and changes nothing, returning an error wrapping ctx's cause.
func (s *Store) SyncTopics(ctx context.Context, topics []*normalize.Topic) ([]string, error) {
	if s.readOnly {
		return nil, s.checkTopics(topics)
	}
	var rebuilt []string
	err := s.update(func(tx *bolt.Tx) error {
		rebuilt = nil
		stale, err := staleTopics(tx, topics)
		if err != nil || len(stale) == 0 {
			return err
		}
		for _, t := range stale {
			rebuilt = append(rebuilt, t.Name)
		}
		if _, _, err := reindex(ctx, tx, stale); err != nil {
			return err
		}
		return s.markChanged(tx)
	})
	if err != nil {
		return nil, fmt.Errorf("sync topic indexes: %w", err)
	}
	s.mu.Lock()
	s.topics = topics
	s.mu.Unlock()
	return rebuilt, nil
}

// checkTopics makes topics the current set if every one's index is up to
// date, without writing.
func (s *Store) checkTopics(topics []*normalize.Topic) error {
	err := s.db.View(func(tx *bolt.Tx) error {
		meta, root := tx.Bucket(bucketMeta), tx.Bucket(bucketTopics)
		for _, t := range topics {
			if string(meta.Get([]byte("topic:"+t.Name))) != t.Definition() || root.Bucket([]byte(t.Name)) == nil {
				return fmt.Errorf("topic %q is new or its query changed, and %s cannot be reindexed: %w", t.Name, s.db.Path(), ErrReadOnly)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sync topic indexes: %w", err)
	}
	s.mu.Lock()
	s.topics = topics
	s.mu.Unlock()
	return nil
}

// staleTopics drops the indexes of unconfigured topics and returns the
// configured topics whose index is missing or was built with another query,
// with their index emptied and the new query recorded.
func staleTopics(tx *bolt.Tx, topics []*normalize.Topic) ([]*normalize.Topic, error) {
	meta, root := tx.Bucket(bucketMeta), tx.Bucket(bucketTopics)
	configured := make(map[string]bool, len(topics))
	var stale []*normalize.Topic
	for _, t := range topics {
		configured[t.Name] = true
		key := []byte("topic:" + t.Name)
		if string(meta.Get(key)) == t.Definition() && root.Bucket([]byte(t.Name)) != nil {
			continue
		}
		if err := resetIndex(tx, t); err != nil {
			return nil, err
		}
		stale = append(stale, t)
	}
	var gone [][]byte
	_ = root.ForEachBucket(func(k []byte) error { // the callback returns nil
		if !configured[string(k)] {
			gone = append(gone, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range gone {
		if err := root.DeleteBucket(k); err != nil {
			return nil, err
		}
		if err := meta.Delete(append([]byte("topic:"), k...)); err != nil {
			return nil, err
		}
		if err := dropArchive(tx, string(k)); err != nil {
			return nil, err
		}
	}
	return stale, nil
}

// resetIndex replaces t's index with an empty one and records t's query as
// the one it is built with.
func resetIndex(tx *bolt.Tx, t *normalize.Topic) error {
	root, name := tx.Bucket(bucketTopics), []byte(t.Name)
	if root.Bucket(name) != nil {
		if err := root.DeleteBucket(name); err != nil {
			return err
		}
	}
	if _, err := root.CreateBucket(name); err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put([]byte("topic:"+t.Name), []byte(t.Definition()))
}

// reindex adds every stored article that matches to the given topics'
// indexes. Each article is decoded and analyzed once for all topics. It
// returns how many articles it analyzed and, per topic, how many it added.
// It stops with an error wrapping ctx's cause when ctx is done, so that a
// signal does not wait for a read of the whole store: the caller's
// transaction then rolls back, and the indexes stay as they were.
func reindex(ctx context.Context, tx *bolt.Tx, topics []*normalize.Topic) (int, []int, error) {
	analyzed, keys := 0, make([][][]byte, len(topics))
	err := tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
		if ctx.Err() != nil {
			return fmt.Errorf("stopped after %d articles, nothing changed: %w", analyzed, context.Cause(ctx))
		}
		a, err := decodeArticle(k, v)
		if err != nil {
			return err
		}
		analyzed++
		doc := normalize.NewDocument(&a)
		for i, t := range topics {
			if t.Match(&a, doc) {
				keys[i] = append(keys[i], timeKey(&a))
			}
		}
		return nil
	})
	if err != nil {
		return 0, nil, err
	}
	added := make([]int, len(topics))
	for i, t := range topics {
		if err := fillIndex(tx.Bucket(bucketTopics).Bucket([]byte(t.Name)), keys[i]); err != nil {
			return 0, nil, err
		}
		if err := appendArchive(tx, t.Name, keys[i]...); err != nil {
			return 0, nil, err
		}
		added[i] = len(keys[i])
	}
	return analyzed, added, nil
}

// fillIndex puts keys into an empty index bucket in ascending order. Within
// one transaction bbolt keeps a bucket's new keys in one node until commit
// and inserts into it by moving the keys after the new one, so keys that
// come in article-ID (random) order cost time quadratic in their number: 25
// seconds for 100,000. Sorted, each Put appends. The pages are filled fully
// too: a time index only grows at its end.
func fillIndex(b *bolt.Bucket, keys [][]byte) error {
	slices.SortFunc(keys, bytes.Compare)
	b.FillPercent = 1
	for _, k := range keys {
		if err := b.Put(k, nil); err != nil {
			return err
		}
	}
	return nil
}

// Reindexed is what ReindexTopics did.
type Reindexed struct {
	Articles int            // stored articles analyzed
	Topics   []TopicRebuild // in the order the topics were given
}

// TopicRebuild is one topic's index size before and after ReindexTopics.
type TopicRebuild struct {
	Name          string
	Before, After int
}

// ReindexTopics rebuilds the indexes of topics over every stored article,
// whether or not their queries changed since the indexes were built, in one
// transaction: each article is decoded and analyzed once for all of them.
// The topics' names must be distinct. It records each query as the one its
// index is built with, so a later SyncTopics with the same topics rebuilds
// nothing. Other topics' indexes are left as they are, and which topics new
// articles are indexed into is still what SyncTopics set. The whole store
// is read under one write transaction, so other writers wait until it is
// done; when ctx is done first, it stops and changes nothing, returning an
// error wrapping ctx's cause.
func (s *Store) ReindexTopics(ctx context.Context, topics []*normalize.Topic) (Reindexed, error) {
	var r Reindexed
	err := s.update(func(tx *bolt.Tx) error {
		r = Reindexed{Topics: make([]TopicRebuild, len(topics))}
		for i, t := range topics {
			r.Topics[i] = TopicRebuild{Name: t.Name, Before: indexSize(tx, t.Name)}
			if err := resetIndex(tx, t); err != nil {
				return err
			}
		}
		analyzed, added, err := reindex(ctx, tx, topics)
		if err != nil {
			return err
		}
		r.Articles = analyzed
		for i, n := range added {
			r.Topics[i].After = n
		}
		return s.markChanged(tx)
	})
	if err != nil {
		return Reindexed{}, fmt.Errorf("reindex topics: %w", err)
	}
	return r, nil
}

// indexTopics adds the article x analyzes to the index of every current
// topic it matches. It builds the Document that topics match only when
// there are topics.
func (s *Store) indexTopics(tx *bolt.Tx, x *normalize.Analysis) error {
	s.mu.RLock()
	topics := s.topics
	s.mu.RUnlock()
	if len(topics) == 0 {
		return nil
	}
	a, doc := x.Article(), x.Document()
	root := tx.Bucket(bucketTopics)
	for _, t := range topics {
		b := root.Bucket([]byte(t.Name))
		if b == nil || !t.Match(a, doc) {
			continue
		}
		key := timeKey(a)
		if err := b.Put(key, nil); err != nil {
			return err
		}
		if err := appendArchive(tx, t.Name, key); err != nil {
			return err
		}
	}
	return nil
}

// unindexTopics removes a from every topic index.
func (s *Store) unindexTopics(tx *bolt.Tx, a *normalize.Article) error {
	key := timeKey(a)
	return tx.Bucket(bucketTopics).ForEachBucket(func(name []byte) error {
		return tx.Bucket(bucketTopics).Bucket(name).Delete(key)
	})
}

// TopicArticles returns up to limit articles of the named topic, newest
// published first, reading only the topic's index. It returns an error
// wrapping ErrNotFound when the topic has no index (SyncTopics not run).
func (s *Store) TopicArticles(name string, limit int) ([]normalize.Article, error) {
	var out []normalize.Article
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTopics).Bucket([]byte(name))
		if b == nil {
			return fmt.Errorf("topic %q: %w", name, ErrNotFound)
		}
		var err error
		out, err = latest(tx, b, limit)
		return err
	})
	return out, err
}

// TopicCount returns how many articles the named topic holds.
func (s *Store) TopicCount(name string) int {
	var n int
	_ = s.db.View(func(tx *bolt.Tx) error { // returns nil
		n = indexSize(tx, name)
		return nil
	})
	return n
}

// indexSize returns how many articles the named topic's index holds, 0 when
// it has none. Bucket.Stats reads the pages, so it must run before tx
// writes to the index.
func indexSize(tx *bolt.Tx, name string) int {
	if b := tx.Bucket(bucketTopics).Bucket([]byte(name)); b != nil {
		return b.Stats().KeyN
	}
	return 0
}
