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

// The minhash bucket indexes the signature of each story's first version
// (issue 5) for near-duplicate look-ups:
//
//	minhash   band(1) key(4) ID -> ""
//
// Each of the normalize.SignatureBands band keys of a signature is one
// entry. A look-up reads, in every band, the entries under the article's
// own key: the stories that share that band. Unrelated stories almost never
// share a key (see normalize.Signature), so a look-up costs twelve seeks
// into a bucket that is nearly empty under each key, whatever the store's
// size. It replaced schema 2's simhash bucket, whose 548 probes each read
// n/65,536 entries; migrate builds it from the stored articles.
var bucketMinHash = []byte("minhash")

// bucketSimHash is schema 2's near-duplicate index, deleted by the
// migration to schema 3.
var bucketSimHash = []byte("simhash")

// minHashKey is the index key of article id with key k in band i.
func minHashKey(i int, k uint32, id string) []byte {
	key := make([]byte, 0, 5+len(id))
	key = append(key, byte(i))
	key = binary.BigEndian.AppendUint32(key, k)
	return append(key, id...)
}

// indexSignature adds a, a story's first version, with its signature sig
// (ok false: it has none, see normalize.Article.Signature) to the
// near-duplicate index; another story's version is not indexed. It must run
// in a writable tx.
func indexSignature(tx *bolt.Tx, a *normalize.Article, sig normalize.Signature, ok bool) error {
	if !ok || a.Story != "" {
		return nil
	}
	b := tx.Bucket(bucketMinHash)
	for i, k := range sig {
		if err := b.Put(minHashKey(i, k, a.ID), nil); err != nil {
			return err
		}
	}
	return nil
}

// unindexSignature removes a's entries from the near-duplicate index, for
// an article that is about to change or be deleted; a is the stored record.
func unindexSignature(tx *bolt.Tx, a *normalize.Article) error {
	sig, ok := a.Signature()
	if !ok {
		return nil
	}
	b := tx.Bucket(bucketMinHash)
	for i, k := range sig {
		if err := b.Delete(minHashKey(i, k, a.ID)); err != nil {
			return err
		}
	}
	return nil
}

// nearCandidate is an indexed story that shares bands with the signature
// looked up.
type nearCandidate struct {
	id     string
	shared int // bands
}

// nearDuplicate returns the ID of the indexed story that x, the analysis of
// an article with signature sig (ok false: none), is a near duplicate of
// (normalize.SameStory), trying the stories that share the most bands
// first; found is false when there is none or x has no signature. An entry
// whose article is gone is skipped. An error is one reading or decoding a
// candidate.
func nearDuplicate(tx *bolt.Tx, x *normalize.Analysis, id string, sig normalize.Signature, ok bool) (storyID string, found bool, err error) {
	if !ok {
		return "", false, nil
	}
	for _, c := range nearCandidates(tx, sig) {
		if c.id == id {
			continue // the article itself, being updated
		}
		story, err := getArticle(tx, c.id)
		if errors.Is(err, ErrNotFound) {
			continue // an entry left by a removed article
		}
		if err != nil {
			return "", false, err
		}
		if sameFeed(x.Article(), &story) {
			continue
		}
		if normalize.SameStory(x, normalize.Analyze(&story)) {
			return c.id, true, nil
		}
	}
	return "", false, nil
}

// sameFeed reports whether a and b are entries of the same configured feed.
// Near-duplicate detection joins what different outlets made of one story;
// within one feed, two entries with different GUIDs and links are two
// items, however alike their words: on the real-world corpus every such
// merge was wrong (release notes for rc1 and rc2, OSM changesets with one
// comment, a catalogue of templated product pages, two stories sharing
// their background paragraphs). A feed sending one story again under a new
// GUID is caught by the exact keys (link, body) and by the GUID-instability
// check. Seed files are one source of many outlets' pages, so they are
// not held apart.
func sameFeed(a, b *normalize.Article) bool {
	return a.SourceURL != "" && b.SourceURL != "" && a.Origin == b.Origin
}

// nearCandidates returns the indexed stories that share at least one band
// with sig, those sharing the most first (then by ID), each once.
func nearCandidates(tx *bolt.Tx, sig normalize.Signature) []nearCandidate {
	var out []nearCandidate
	c := tx.Bucket(bucketMinHash).Cursor()
	prefix := make([]byte, 5)
	for i, k := range sig {
		prefix[0] = byte(i)
		binary.BigEndian.PutUint32(prefix[1:], k)
		for key, _ := c.Seek(prefix); key != nil && bytes.HasPrefix(key, prefix); key, _ = c.Next() {
			id := string(key[len(prefix):])
			if j := slices.IndexFunc(out, func(c nearCandidate) bool { return c.id == id }); j >= 0 {
				out[j].shared++
			} else {
				out = append(out, nearCandidate{id, 1})
			}
		}
	}
	slices.SortFunc(out, func(x, y nearCandidate) int {
		return cmp.Or(cmp.Compare(y.shared, x.shared), cmp.Compare(x.id, y.id))
	})
	return out
}

// migrateSignatures replaces schema 2's simhash bucket by the minhash index
// of every stored story's first version. It reads every article once, so a
// large store takes a while to open the first time after the upgrade.
func migrateSignatures(tx *bolt.Tx) error {
	if tx.Bucket(bucketSimHash) != nil {
		if err := tx.DeleteBucket(bucketSimHash); err != nil {
			return err
		}
	}
	c := tx.Bucket(bucketArticles).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		a, err := decodeArticle(k, v)
		if err != nil {
			return err
		}
		sig, ok := a.Signature()
		if err := indexSignature(tx, &a, sig, ok); err != nil {
			return err
		}
	}
	return nil
}
