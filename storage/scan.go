package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// Scan calls fn with stored articles, newest published first, until fn
// returns false or max articles were visited (max <= 0: no cap). With topic
// empty it walks every article, else only the named topic's index (an error
// wrapping ErrNotFound when it has none). It returns how many articles it
// visited. The scan runs in one read transaction: fn must not write to the
// store, and a server should pass a cap so that one request cannot read the
// whole store.
func (s *Store) Scan(topic string, max int, fn func(a *normalize.Article) bool) (int, error) {
	visited := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		index := tx.Bucket(bucketByTime)
		if topic != "" {
			if index = tx.Bucket(bucketTopics).Bucket([]byte(topic)); index == nil {
				return fmt.Errorf("topic %q: %w", topic, ErrNotFound)
			}
		}
		c := index.Cursor()
		for k, _ := c.Last(); k != nil && (max <= 0 || visited < max); k, _ = c.Prev() {
			a, err := getArticle(tx, string(k[8:]))
			if err != nil {
				return err
			}
			visited++
			if !fn(&a) {
				return nil
			}
		}
		return nil
	})
	return visited, err
}
