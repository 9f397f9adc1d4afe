package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"slices"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// The simhash bucket indexes the fingerprint of each story's first version
// (issue 5) for near-duplicate look-ups:
//
//	simhash   band(1) value(2) fingerprint(8) ID -> ""
//
// The 64-bit fingerprint is split into four 16-bit bands and stored once
// under each. Two fingerprints at most normalize.MaxNearDistance (11) bits
// apart differ in at most two bits of some band (four bands with three or
// more would make twelve), so probing, in every band, the value itself and
// the 136 values that differ from it in one or two bits finds every
// candidate: 548 seeks, each into about n/65,536 entries, whatever the
// store's size n. The full fingerprint in the key lets candidates be
// verified without reading them. The bucket is created by the first
// indexFingerprint, so databases from before issue 5 open unchanged; their
// stories are simply not candidates.
var bucketSimHash = []byte("simhash")

const (
	simHashBands    = 4
	simHashBandBits = 64 / simHashBands
	// simHashRadius is how many bits of a band are flipped when probing
	// (bandMasks); (simHashRadius+1)*simHashBands-1 must be at least
	// normalize.MaxNearDistance.
	simHashRadius = 2
)

// bandMasks returns the XOR masks of the values probed in a band: zero and
// every 16-bit value with one or two bits set (simHashRadius), 137 in all.
func bandMasks() []uint16 {
	masks := []uint16{0}
	for i := range simHashBandBits {
		masks = append(masks, 1<<i)
		for j := range i {
			masks = append(masks, 1<<i|1<<j)
		}
	}
	return masks
}

// band returns band i (0 to 3, high bits first) of fingerprint f.
func band(f uint64, i int) uint16 {
	return uint16(f >> (64 - simHashBandBits*(i+1)))
}

// simHashKey is the index key of article id with fingerprint f in band i.
func simHashKey(i int, f uint64, id string) []byte {
	k := make([]byte, 0, 11+len(id))
	k = append(k, byte(i))
	k = binary.BigEndian.AppendUint16(k, band(f, i))
	k = binary.BigEndian.AppendUint64(k, f)
	return append(k, id...)
}

// indexFingerprint adds a, a story's first version, with its fingerprint f
// (ok false: it has none, see normalize.Article.Fingerprint) to the
// near-duplicate index; another story's version is not indexed. It must run in a
// writable tx.
func (s *Store) indexFingerprint(tx *bolt.Tx, a *normalize.Article, f uint64, ok bool) error {
	if !ok || a.Story != "" {
		return nil
	}
	return putFingerprint(tx, f, a.ID)
}

// unindexFingerprint removes a's entries from the near-duplicate index, for
// an article that is about to change or be deleted; a is the stored record.
func (s *Store) unindexFingerprint(tx *bolt.Tx, a *normalize.Article) error {
	b := tx.Bucket(bucketSimHash)
	f, ok := a.Fingerprint()
	if b == nil || !ok {
		return nil
	}
	for i := range simHashBands {
		if err := b.Delete(simHashKey(i, f, a.ID)); err != nil {
			return err
		}
	}
	return nil
}

// putFingerprint stores fingerprint f of article id under every band.
func putFingerprint(tx *bolt.Tx, f uint64, id string) error {
	b, err := tx.CreateBucketIfNotExists(bucketSimHash)
	if err != nil {
		return err
	}
	for i := range simHashBands {
		if err := b.Put(simHashKey(i, f, id), nil); err != nil {
			return err
		}
	}
	return nil
}

// nearCandidate is an indexed article whose fingerprint is within
// normalize.MaxNearDistance of the one looked up.
type nearCandidate struct {
	id       string
	distance int
}

// nearDuplicate returns the ID of the indexed story that a, with
// fingerprint f (ok false: none), is a near duplicate of (normalize.SameStory), trying the closest fingerprints
// first; found is false when there is none or a has no fingerprint. Only
// candidates further than normalize.SureNearDistance are read, to compare
// bodies; an entry whose article is gone is skipped. An error is one
// reading or decoding a candidate.
func (s *Store) nearDuplicate(tx *bolt.Tx, a *normalize.Article, f uint64, ok bool) (storyID string, found bool, err error) {
	if !ok {
		return "", false, nil
	}
	for _, c := range nearCandidates(tx, f) {
		if c.id == a.ID {
			continue // a itself, being updated
		}
		if c.distance <= normalize.SureNearDistance {
			if tx.Bucket(bucketArticles).Get([]byte(c.id)) == nil {
				continue // an entry left by a removed article
			}
			return c.id, true, nil
		}
		story, err := getArticle(tx, c.id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return "", false, err
		}
		if normalize.SameStory(c.distance, a, &story) {
			return c.id, true, nil
		}
	}
	return "", false, nil
}

// nearCandidates returns the indexed articles whose fingerprints are at
// most normalize.MaxNearDistance bits from f, closest first (then by ID),
// each once.
func nearCandidates(tx *bolt.Tx, f uint64) []nearCandidate {
	b := tx.Bucket(bucketSimHash)
	if b == nil {
		return nil
	}
	seen := map[string]int{}
	c := b.Cursor()
	prefix := make([]byte, 3)
	masks := bandMasks()
	for i := range simHashBands {
		prefix[0] = byte(i)
		for _, m := range masks {
			binary.BigEndian.PutUint16(prefix[1:], band(f, i)^m)
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				if len(k) < 11 {
					continue
				}
				d := normalize.Distance(f, binary.BigEndian.Uint64(k[3:11]))
				if d <= normalize.MaxNearDistance {
					seen[string(k[11:])] = d
				}
			}
		}
	}
	out := make([]nearCandidate, 0, len(seen))
	for id, d := range seen {
		out = append(out, nearCandidate{id, d})
	}
	slices.SortFunc(out, func(x, y nearCandidate) int {
		return cmp.Or(cmp.Compare(x.distance, y.distance), cmp.Compare(x.id, y.id))
	})
	return out
}
