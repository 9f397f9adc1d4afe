package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// SyncTopics makes topics the set that new articles are indexed into, and
// brings the stored topic indexes in line with it in one transaction: a new
// topic, or one whose query changed since its index was built, is indexed
// over every stored article; the index of a topic no longer configured is
// dropped. Rules thus apply to everything stored, not only to new arrivals.
// It returns the names of the topics it rebuilt.
func (s *Store) SyncTopics(topics []*normalize.Topic) ([]string, error) {
	var rebuilt []string
	err := s.db.Update(func(tx *bolt.Tx) error {
		rebuilt = nil
		stale, err := staleTopics(tx, topics)
		if err != nil || len(stale) == 0 {
			return err
		}
		for _, t := range stale {
			rebuilt = append(rebuilt, t.Name)
		}
		if err := reindex(tx, stale); err != nil {
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
		if string(meta.Get(key)) == t.Query.String() && root.Bucket([]byte(t.Name)) != nil {
			continue
		}
		if err := emptyBucket(root, t.Name); err != nil {
			return nil, err
		}
		if err := meta.Put(key, []byte(t.Query.String())); err != nil {
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
	}
	return stale, nil
}

// emptyBucket replaces the named bucket under root with an empty one.
func emptyBucket(root *bolt.Bucket, name string) error {
	if root.Bucket([]byte(name)) != nil {
		if err := root.DeleteBucket([]byte(name)); err != nil {
			return err
		}
	}
	_, err := root.CreateBucket([]byte(name))
	return err
}

// reindex adds every stored article that matches to the given topics'
// indexes. Each article is decoded and analyzed once for all topics.
func reindex(tx *bolt.Tx, topics []*normalize.Topic) error {
	root := tx.Bucket(bucketTopics)
	return tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
		a, err := decodeArticle(k, v)
		if err != nil {
			return err
		}
		doc := normalize.NewDocument(&a)
		for _, t := range topics {
			if t.Query.MatchDocument(doc) {
				if err := root.Bucket([]byte(t.Name)).Put(timeKey(&a), nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// indexTopics adds a to the index of every current topic it matches.
func (s *Store) indexTopics(tx *bolt.Tx, a *normalize.Article, doc *normalize.Document) error {
	s.mu.RLock()
	topics := s.topics
	s.mu.RUnlock()
	root := tx.Bucket(bucketTopics)
	for _, t := range topics {
		b := root.Bucket([]byte(t.Name))
		if b == nil || !t.Query.MatchDocument(doc) {
			continue
		}
		if err := b.Put(timeKey(a), nil); err != nil {
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
		if b := tx.Bucket(bucketTopics).Bucket([]byte(name)); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	return n
}
