package storage

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// Retention: Prune removes old stories and leaves tombstones so that they
// never come back.
//
// A pruned story goes completely: its record, its time index key, its topic
// index keys and archive slots, and every other outlet's version of it (a
// version has no place in the time index and lives and dies with its
// story). What stays is a tombstone in place of each guids entry of the
// story and its versions, and of each dedupe key that led to the story, so
// that neither the same feed nor another outlet's late copy (same canonical
// URL or body) stores it again; saving such an article reports Tombstoned.
//
//	guids, keys  ... -> 't' time(8) ID   (a tombstone; time: last seen)
//	tombstones   time(8) kind(1) key -> ""   (kind 'g': a guids key,
//	             'k': a keys key), oldest first, so that expired tombstones
//	             are found without a scan
//
// Tombstones expire TombstoneTTL after they were last seen: a save that
// meets one refreshes its time (at most once a tombOutdated), so a feed
// that keeps an old item for months keeps its tombstone alive too, while
// tombstones of items no feed carries any more are dropped.
var bucketTombstones = []byte("tombstones")

const (
	kindTombstone = 't'
	// tombOutdated is how old a tombstone's time may be before a save that
	// meets it writes the new time, so that a feed read every few minutes
	// does not rewrite its tombstones on every run.
	tombOutdated = 24 * time.Hour
)

// Defaults of PruneOptions.
const (
	// DefaultTombstoneTTL is the shortest time a tombstone is kept after it
	// was last seen.
	DefaultTombstoneTTL = 30 * 24 * time.Hour
	// DefaultPruneChunk is how many stories one transaction removes at most,
	// so that saves and the server never wait long for the write lock.
	DefaultPruneChunk = 10000
)

// PruneOptions say what Prune removes. The zero value removes no story.
type PruneOptions struct {
	// MaxAge removes the stories published longer than MaxAge ago; zero
	// keeps them forever.
	MaxAge time.Duration
	// MaxPerSource keeps only the newest MaxPerSource stories of each
	// source (Article.Origin, or Source for articles stored before Origin
	// existed); zero keeps all. A story's versions from other outlets count
	// for no source: they go with their story.
	MaxPerSource int
	// TombstoneTTL is how long a tombstone is kept after it was last seen;
	// zero means the longer of MaxAge and DefaultTombstoneTTL.
	TombstoneTTL time.Duration
	// Chunk bounds the stories (or tombstones) removed per transaction;
	// zero means DefaultPruneChunk.
	Chunk int
}

// PruneResult is what Prune removed.
type PruneResult struct {
	// Aged counts the stories older than MaxAge.
	Aged int `json:"aged"`
	// OverCap counts the stories beyond a source's MaxPerSource newest.
	OverCap int `json:"over_cap"`
	// Versions counts the other outlets' versions removed with those stories.
	Versions int `json:"versions"`
	// ExpiredTombstones counts the tombstones dropped after TombstoneTTL.
	ExpiredTombstones int `json:"expired_tombstones"`
}

// Stories returns how many stories were removed.
func (r PruneResult) Stories() int { return r.Aged + r.OverCap }

// Prune removes the stories that MaxAge and MaxPerSource no longer keep, as
// described above, then the expired tombstones. It works in transactions of
// at most Chunk removals, so a large backlog never holds the write lock for
// long; an error leaves the earlier chunks removed. Stories past MaxAge are
// found by walking the time index from its oldest end, reading no younger
// key. The stories of each source are counted (one read pass over the time
// index) only when a source's stored count, SourceState.Articles, is over
// MaxPerSource; that pass also corrects the counts. Prune is safe for
// concurrent use with the other methods.
func (s *Store) Prune(opts PruneOptions) (PruneResult, error) {
	var r PruneResult
	opts.Chunk = cmp.Or(opts.Chunk, DefaultPruneChunk)
	opts.TombstoneTTL = cmp.Or(opts.TombstoneTTL, max(opts.MaxAge, DefaultTombstoneTTL))
	now := s.now().UTC()
	if opts.MaxAge > 0 {
		n, err := s.pruneAged(now.Add(-opts.MaxAge), opts.Chunk, &r.Versions)
		r.Aged = n
		if err != nil {
			return r, fmt.Errorf("prune articles older than %v: %w", opts.MaxAge, err)
		}
	}
	if opts.MaxPerSource > 0 {
		n, err := s.pruneOverCap(opts.MaxPerSource, opts.Chunk, &r.Versions)
		r.OverCap = n
		if err != nil {
			return r, fmt.Errorf("prune articles over %d per source: %w", opts.MaxPerSource, err)
		}
	}
	n, err := s.expireTombstones(now.Add(-opts.TombstoneTTL), opts.Chunk)
	r.ExpiredTombstones = n
	if err != nil {
		return r, fmt.Errorf("expire tombstones: %w", err)
	}
	return r, nil
}

// pruneAged removes the stories published before cutoff, oldest first, in
// transactions of up to chunk, and returns how many it removed.
func (s *Store) pruneAged(cutoff time.Time, chunk int, versions *int) (int, error) {
	removed := 0
	for {
		n, more := 0, false
		err := s.update(func(tx *bolt.Tx) error {
			var old [][]byte
			c := tx.Bucket(bucketByTime).Cursor()
			for k, _ := c.First(); k != nil && decodeTime(k).Before(cutoff); k, _ = c.Next() {
				if len(old) == chunk {
					more = true
					break
				}
				old = append(old, bytes.Clone(k))
			}
			var err error
			n, err = s.removeStories(tx, old, versions)
			return err
		})
		if err != nil {
			return removed, err
		}
		if removed += n; !more {
			return removed, nil
		}
	}
}

// pruneOverCap removes the oldest stories of each source beyond its newest
// limit, in transactions of up to chunk, and returns how many it removed.
func (s *Store) pruneOverCap(limit, chunk int, versions *int) (int, error) {
	over, err := s.sourceOverCap(limit)
	if err != nil || !over {
		return 0, err
	}
	victims, counts, err := s.overCap(limit)
	if err != nil {
		return 0, err
	}
	removed := 0
	for i := 0; i == 0 || i < len(victims); i += chunk {
		err := s.update(func(tx *bolt.Tx) error {
			if i == 0 {
				if err := setSourceCounts(tx, counts); err != nil {
					return err
				}
			}
			n, err := s.removeStories(tx, victims[i:min(i+chunk, len(victims))], versions)
			removed += n
			return err
		})
		if err != nil {
			return removed, err
		}
	}
	return removed, nil
}

// sourceOverCap reports whether a source's stored article count is over
// limit.
func (s *Store) sourceOverCap(limit int) (bool, error) {
	over := false
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSources).ForEach(func(k, v []byte) error {
			var st SourceState
			if err := json.Unmarshal(v, &st); err != nil {
				return fmt.Errorf("decode source %q: %w", k, err)
			}
			over = over || st.Articles > limit
			return nil
		})
	})
	return over, err
}

// overCap walks the time index from the newest story and returns the time
// index keys of each source's stories beyond its newest limit, and how many
// stories each source has.
func (s *Store) overCap(limit int) ([][]byte, map[string]int, error) {
	var victims [][]byte
	counts := map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		articles := tx.Bucket(bucketArticles)
		c := tx.Bucket(bucketByTime).Cursor()
		for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
			v := articles.Get(k[8:])
			if v == nil {
				continue
			}
			origin, err := decodeOrigin(k[8:], v)
			if err != nil {
				return err
			}
			if counts[origin]++; counts[origin] > limit {
				victims = append(victims, bytes.Clone(k))
			}
		}
		return nil
	})
	return victims, counts, err
}

// setSourceCounts makes every stored source's article count the one given.
func setSourceCounts(tx *bolt.Tx, counts map[string]int) error {
	var states []SourceState
	err := tx.Bucket(bucketSources).ForEach(func(k, v []byte) error {
		var st SourceState
		if err := json.Unmarshal(v, &st); err != nil {
			return fmt.Errorf("decode source %q: %w", k, err)
		}
		if st.Articles != counts[st.Name] {
			st.Articles = counts[st.Name]
			states = append(states, st)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, st := range states {
		if err := putSource(tx, st); err != nil {
			return err
		}
	}
	return nil
}

// removeStories removes the stories under the given time index keys, with
// their versions, leaving tombstones, and lowers their sources' article
// counts. A key no longer in the index is skipped. It returns how many
// stories it removed and adds the versions removed to versions.
func (s *Store) removeStories(tx *bolt.Tx, timeKeys [][]byte, versions *int) (int, error) {
	bytime, now := tx.Bucket(bucketByTime), s.now().UTC()
	perSource := map[string]int{}
	removed := 0
	for _, k := range timeKeys {
		if bytime.Get(k) == nil {
			continue
		}
		if err := bytime.Delete(k); err != nil {
			return removed, err
		}
		a, err := getArticle(tx, string(k[8:]))
		if errors.Is(err, ErrNotFound) {
			continue // an index key left behind: nothing else to remove
		}
		if err != nil {
			return removed, err
		}
		n, err := s.removeVersions(tx, a.ID, now)
		*versions += n
		if err != nil {
			return removed, err
		}
		if err := s.removeArticle(tx, &a, now); err != nil {
			return removed, err
		}
		if err := tombstoneKeys(tx, &a, now); err != nil {
			return removed, err
		}
		perSource[cmp.Or(a.Origin, a.Source)]++
		removed++
	}
	if removed == 0 {
		return 0, nil
	}
	if err := lowerSourceCounts(tx, perSource); err != nil {
		return removed, err
	}
	return removed, s.markChanged(tx)
}

// removeVersions removes the other outlets' versions of the story id and
// returns how many.
func (s *Store) removeVersions(tx *bolt.Tx, story string, now time.Time) (int, error) {
	b := tx.Bucket(bucketVersions)
	var keys [][]byte
	c, prefix := b.Cursor(), []byte(story)
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for i, k := range keys {
		if err := b.Delete(k); err != nil {
			return i, err
		}
		v, err := getArticle(tx, string(k[len(prefix):]))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return i, err
		}
		if err := s.removeArticle(tx, &v, now); err != nil {
			return i, err
		}
	}
	return len(keys), nil
}

// removeArticle deletes a's record, topic index keys and archive slots,
// and turns its guids entry into a tombstone.
func (s *Store) removeArticle(tx *bolt.Tx, a *normalize.Article, now time.Time) error {
	if err := s.unindexTopics(tx, a); err != nil {
		return err
	}
	if err := unindexSignature(tx, a); err != nil {
		return err
	}
	if err := unarchive(tx, timeKey(a)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketArticles).Delete([]byte(a.ID)); err != nil {
		return err
	}
	guids := tx.Bucket(bucketGUIDs)
	// Records from before Origin existed name their source in Source. A
	// guids entry found under neither is left as it is: saveArticle takes
	// an entry whose article is gone for a tombstone that never expires.
	for _, source := range []string{a.Origin, a.Source} {
		gk := guidKey(source, a.GUID)
		if v := guids.Get(gk); len(v) > 1 && v[0] != kindTombstone && string(v[1:]) == a.ID {
			return putTombstone(tx, bucketGUIDs, gk, a.ID, now)
		}
	}
	return nil
}

// tombstoneKeys turns the dedupe keys that lead to a into tombstones.
func tombstoneKeys(tx *bolt.Tx, a *normalize.Article, now time.Time) error {
	keys := tx.Bucket(bucketKeys)
	for _, k := range a.DedupeKeys() {
		if string(keys.Get([]byte(k))) == a.ID {
			if err := putTombstone(tx, bucketKeys, []byte(k), a.ID, now); err != nil {
				return err
			}
		}
	}
	return nil
}

// unarchive frees the archive slots of an index key in every topic: the
// page keeps its place but loses the entry, as it does for an article that
// left the topic.
func unarchive(tx *bolt.Tx, key []byte) error {
	root := tx.Bucket(bucketArchives)
	if root == nil {
		return nil
	}
	return root.ForEachBucket(func(name []byte) error {
		seq := newArchiveSeq(root.Bucket(name))
		slot := bytes.Clone(seq.keys.Get(key))
		if slot == nil {
			return nil
		}
		if err := seq.slots.Delete(slot); err != nil {
			return err
		}
		return seq.keys.Delete(key)
	})
}

// lowerSourceCounts lowers each named source's stored article count by the
// stories removed.
func lowerSourceCounts(tx *bolt.Tx, removed map[string]int) error {
	for name, n := range removed {
		st, err := getSource(tx, name)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		st.Articles = max(st.Articles-n, 0)
		if err := putSource(tx, st); err != nil {
			return err
		}
	}
	return nil
}

// putTombstone writes a tombstone for the article id under key in bucket
// (guids or keys), last seen at t, and indexes it by that time.
func putTombstone(tx *bolt.Tx, bucket, key []byte, id string, t time.Time) error {
	tombs, err := tx.CreateBucketIfNotExists(bucketTombstones)
	if err != nil {
		return err
	}
	at := encodeTime(t)
	v := append(append([]byte{kindTombstone}, at...), id...)
	if err := tx.Bucket(bucket).Put(key, v); err != nil {
		return err
	}
	return tombs.Put(tombIndexKey(at, bucket, key), nil)
}

// tombIndexKey is the tombstones bucket key of a tombstone last seen at
// (encoded) under key in bucket.
func tombIndexKey(at, bucket, key []byte) []byte {
	kind := byte('g')
	if bytes.Equal(bucket, bucketKeys) {
		kind = 'k'
	}
	return append(append(bytes.Clone(at), kind), key...)
}

// isTombstone reports whether a guids or keys value is a tombstone. A live
// keys value is a hex article ID, so it cannot start with 't'.
func isTombstone(v []byte) bool {
	return len(v) > 9 && v[0] == kindTombstone
}

// seeTombstone records that a save met the tombstone v under key in bucket
// (guids or keys), refreshing its time when it is older than tombOutdated.
func (s *Store) seeTombstone(tx *bolt.Tx, bucket, key, v []byte) error {
	now := s.now().UTC()
	if now.Sub(decodeTime(v[1:9])) < tombOutdated {
		return nil
	}
	old := tombIndexKey(v[1:9], bucket, key)
	id := string(v[9:])
	if tombs := tx.Bucket(bucketTombstones); tombs != nil {
		if err := tombs.Delete(old); err != nil {
			return err
		}
	}
	return putTombstone(tx, bucket, bytes.Clone(key), id, now)
}

// expireTombstones drops the tombstones last seen before cutoff, in
// transactions of up to chunk, and returns how many it dropped.
func (s *Store) expireTombstones(cutoff time.Time, chunk int) (int, error) {
	expired := 0
	for {
		n, more := 0, false
		err := s.update(func(tx *bolt.Tx) error {
			tombs := tx.Bucket(bucketTombstones)
			if tombs == nil {
				return nil
			}
			var old [][]byte
			c := tombs.Cursor()
			for k, _ := c.First(); k != nil && decodeTime(k).Before(cutoff); k, _ = c.Next() {
				if len(old) == chunk {
					more = true
					break
				}
				old = append(old, bytes.Clone(k))
			}
			for _, k := range old {
				if err := tombs.Delete(k); err != nil {
					return err
				}
				b := tx.Bucket(bucketGUIDs)
				if k[8] == 'k' {
					b = tx.Bucket(bucketKeys)
				}
				// A refreshed tombstone has a newer index entry: keep it.
				if v := b.Get(k[9:]); isTombstone(v) && bytes.Equal(v[1:9], k[:8]) {
					if err := b.Delete(k[9:]); err != nil {
						return err
					}
					n++
				}
			}
			return nil
		})
		if err != nil {
			return expired, err
		}
		if expired += n; !more {
			return expired, nil
		}
	}
}

// gone turns the ErrNotFound of a save that found the article it leads to
// removed (a guids entry or dedupe key that Prune could not turn into a
// tombstone) into Tombstoned.
func gone(o Outcome, err error) (Outcome, error) {
	if errors.Is(err, ErrNotFound) {
		return Tombstoned, nil
	}
	return o, err
}
