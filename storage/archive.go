package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// Archive sequences: the order in which each topic took its articles, from
// which the server cuts RFC 5005 archive pages.
//
// A topic's index is ordered by published time, so an article published
// last month but fetched today lands in its middle, and pages cut from the
// index would shift under readers who already have them. Each topic
// therefore also numbers its articles in the order it took them: the first
// time an article enters the topic's index it gets the next slot, and
// keeps it for good. Slots are only ever appended, so the slots of a page
// never change once the page is full.
//
//	archives  NAME -> slots: slot(8, big-endian) -> time(8) ID (the index key)
//	               -> keys:  time(8) ID -> slot(8)
//
// An article that leaves the topic (edited so that it no longer matches,
// or after the query changed) keeps its slot, which the readers below skip:
// a page can lose entries but they never move to another page. Should the
// article match again, it is back in its old slot. Reindexing therefore
// does not renumber anything: it only appends the articles that are new to
// the topic, oldest first.
var (
	bucketArchives = []byte("archives")
	bucketSlots    = []byte("slots")
	bucketSlotKeys = []byte("keys")
)

// archiveSeq is one topic's archive sequence within a transaction.
type archiveSeq struct {
	slots *bolt.Bucket // slot -> index key; its Sequence is the slot count
	keys  *bolt.Bucket // index key -> slot
}

// appendArchive gives each of keys (keys of the topic's index: time(8) ID)
// that has no slot in the topic's archive sequence the next one, in the
// order given; a key that has one keeps it. It must run in the transaction
// that puts the keys into the topic's index. A topic without a sequence
// yet (a new topic, or a database from before archives) first gets one
// holding its whole index, oldest first, so that nothing it held before is
// left out of its archive.
func appendArchive(tx *bolt.Tx, topic string, keys ...[]byte) error {
	seq, err := openArchive(tx, topic)
	if err != nil {
		return fmt.Errorf("archive of topic %q: %w", topic, err)
	}
	for _, k := range keys {
		if err := seq.add(k); err != nil {
			return fmt.Errorf("archive of topic %q: %w", topic, err)
		}
	}
	return nil
}

// dropArchive deletes the topic's archive sequence, for a topic that is no
// longer configured, so that it leaves nothing behind; configured again, it
// starts a new sequence from its rebuilt index.
func dropArchive(tx *bolt.Tx, topic string) error {
	root := tx.Bucket(bucketArchives)
	if root == nil || root.Bucket([]byte(topic)) == nil {
		return nil
	}
	if err := root.DeleteBucket([]byte(topic)); err != nil {
		return fmt.Errorf("drop archive of topic %q: %w", topic, err)
	}
	return nil
}

// openArchive returns the topic's sequence for writing, creating it (filled
// from the topic's index) when there is none.
func openArchive(tx *bolt.Tx, topic string) (*archiveSeq, error) {
	root, err := tx.CreateBucketIfNotExists(bucketArchives)
	if err != nil {
		return nil, err
	}
	if b := root.Bucket([]byte(topic)); b != nil {
		return newArchiveSeq(b), nil
	}
	b, err := root.CreateBucket([]byte(topic))
	if err != nil {
		return nil, err
	}
	for _, name := range [][]byte{bucketSlots, bucketSlotKeys} {
		if _, err := b.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	seq := newArchiveSeq(b)
	index := tx.Bucket(bucketTopics).Bucket([]byte(topic))
	if index == nil {
		return seq, nil
	}
	// Copied out first: the keys ForEach hands out point into pages that
	// the writes below may change.
	var existing [][]byte
	_ = index.ForEach(func(k, _ []byte) error { // the callback returns nil
		existing = append(existing, bytes.Clone(k))
		return nil
	})
	for _, k := range existing {
		if err := seq.add(k); err != nil {
			return nil, err
		}
	}
	return seq, nil
}

func newArchiveSeq(b *bolt.Bucket) *archiveSeq {
	seq := &archiveSeq{slots: b.Bucket(bucketSlots), keys: b.Bucket(bucketSlotKeys)}
	// Slots only grow at the end, so their pages may be filled fully, as
	// fillIndex does for a rebuilt index.
	seq.slots.FillPercent = 1
	return seq
}

// add gives key the next slot unless it has one.
func (seq *archiveSeq) add(key []byte) error {
	if seq.keys.Get(key) != nil {
		return nil
	}
	n, err := seq.slots.NextSequence()
	if err != nil {
		return err
	}
	key = bytes.Clone(key) // bbolt keeps it until the transaction ends
	slot := binary.BigEndian.AppendUint64(nil, n-1)
	if err := seq.slots.Put(slot, key); err != nil {
		return err
	}
	return seq.keys.Put(key, slot)
}

// ArchiveLen returns how many slots the named topic's archive sequence
// has handed out; they are numbered from 0. A topic indexed before
// archives existed has no sequence, and 0 slots, until its next new
// article. It returns an error wrapping ErrNotFound when the topic has no
// index (SyncTopics not run).
func (s *Store) ArchiveLen(name string) (int, error) {
	var n int
	err := s.viewArchive(name, func(_ *bolt.Tx, _ *bolt.Bucket, seq *archiveSeq) error {
		if seq != nil {
			n = int(seq.slots.Sequence())
		}
		return nil
	})
	return n, err
}

// ArchiveSlots returns the articles the named topic holds in the slots
// from up to but not including to of its archive sequence, in slot order,
// and how many slots the sequence has handed out. Slots never change once
// handed out, so neither does the result, except that articles that left
// the topic drop out. It returns an error wrapping ErrNotFound when the
// topic has no index, or when the range is empty or reaches slots not
// handed out yet.
func (s *Store) ArchiveSlots(name string, from, to int) (articles []normalize.Article, slots int, err error) {
	err = s.viewArchive(name, func(tx *bolt.Tx, index *bolt.Bucket, seq *archiveSeq) error {
		if seq != nil {
			slots = int(seq.slots.Sequence())
		}
		if from < 0 || from >= to || to > slots {
			return fmt.Errorf("archive slots %d to %d of topic %q (%d handed out): %w", from, to, name, slots, ErrNotFound)
		}
		var err error
		articles, err = archived(tx, index, seq, uint64(from), uint64(to))
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return articles, slots, nil
}

// viewArchive runs fn in a read transaction with the named topic's index
// and its archive sequence, nil when it has none.
func (s *Store) viewArchive(name string, fn func(*bolt.Tx, *bolt.Bucket, *archiveSeq) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		index := tx.Bucket(bucketTopics).Bucket([]byte(name))
		if index == nil {
			return fmt.Errorf("topic %q: %w", name, ErrNotFound)
		}
		var seq *archiveSeq
		if root := tx.Bucket(bucketArchives); root != nil {
			if b := root.Bucket([]byte(name)); b != nil {
				seq = &archiveSeq{slots: b.Bucket(bucketSlots), keys: b.Bucket(bucketSlotKeys)}
			}
		}
		return fn(tx, index, seq)
	})
}

// archived loads the articles in slots from up to to that index still
// holds, in slot order.
func archived(tx *bolt.Tx, index *bolt.Bucket, seq *archiveSeq, from, to uint64) ([]normalize.Article, error) {
	out := []normalize.Article{}
	c := seq.slots.Cursor()
	for k, key := c.Seek(binary.BigEndian.AppendUint64(nil, from)); k != nil && binary.BigEndian.Uint64(k) < to; k, key = c.Next() {
		if index.Get(key) == nil {
			continue // left the topic
		}
		a, err := getArticle(tx, string(key[8:]))
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
