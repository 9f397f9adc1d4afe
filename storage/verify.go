package storage

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// ErrInconsistent is returned by Verify when the database breaks bbolt's
// page structure or one of tidings' own invariants.
var ErrInconsistent = errors.New("database is inconsistent")

// Verification is what Verify counted. The Dangling and Miscounted figures
// are references the store tolerates by design, so they are not errors:
// Prune leaves a guids entry or dedupe key of an edited article that leads
// nowhere (saving meets it as a tombstone), and a database written before
// article counts existed may miscount. A store that never pruned has none.
type Verification struct {
	Articles int // every record: stories and versions
	Stories  int // first versions, in the time index
	Versions int // other outlets' copies of a story
	Sources  int

	DanglingGUIDs        int // guids entries whose article is gone
	DanglingKeys         int // dedupe keys whose article is gone
	DanglingFingerprints int // near-duplicate index entries whose article is gone
	MiscountedSources    int // sources whose article count is not their stories'
}

// Clean reports whether v found no dangling reference and no miscount.
func (v Verification) Clean() bool {
	return v.DanglingGUIDs+v.DanglingKeys+v.DanglingFingerprints+v.MiscountedSources == 0
}

// maxProblems bounds how many problems Verify lists in its error.
const maxProblems = 10

// verifier collects the problems found in one read transaction.
type verifier struct {
	tx       *bolt.Tx
	v        Verification
	problems []string
	extra    int // problems beyond maxProblems
	stories  map[string]int
}

func (vr *verifier) fail(format string, args ...any) {
	if len(vr.problems) == maxProblems {
		vr.extra++
		return
	}
	vr.problems = append(vr.problems, fmt.Sprintf(format, args...))
}

// Verify checks the whole database in one read transaction: bbolt's page
// structure (Tx.Check), then that every article is reachable and every
// index entry leads to the article it names. Each story has its key in the
// time index and each version its entry under its story; each article is
// the one its source's guids entry names, so no source+GUID is stored
// twice; topic, time, version, fingerprint and archive entries lead to
// existing articles with the same published time; every source state
// decodes. It returns what it counted, and an error wrapping
// ErrInconsistent that lists the first problems when there are any. It
// reads every record, so it takes as long as a full scan.
func (s *Store) Verify() (Verification, error) {
	var vr verifier
	err := s.db.View(func(tx *bolt.Tx) error {
		vr = verifier{tx: tx, stories: map[string]int{}}
		for err := range tx.Check() {
			vr.fail("bbolt: %v", err)
		}
		if len(vr.problems) > 0 {
			return nil // the pages themselves are broken: reading them may panic
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				vr.fail("bucket %s missing", name)
			}
		}
		if len(vr.problems) > 0 {
			return nil
		}
		steps := []func() error{vr.articles, vr.byTime, vr.topics, vr.versions, vr.guids, vr.keys, vr.minHash, vr.archives, vr.sources}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return vr.v, fmt.Errorf("verify %s: %w", s.db.Path(), err)
	}
	if len(vr.problems) > 0 {
		more := ""
		if vr.extra > 0 {
			more = fmt.Sprintf("; and %d more", vr.extra)
		}
		return vr.v, fmt.Errorf("verify %s: %w: %s%s", s.db.Path(), ErrInconsistent, strings.Join(vr.problems, "; "), more)
	}
	return vr.v, nil
}

// articles checks each record against its key, the time index or its
// story, and its source's guids entry.
func (vr *verifier) articles() error {
	tx := vr.tx
	return tx.Bucket(bucketArticles).ForEach(func(k, v []byte) error {
		a, err := decodeArticle(k, v)
		if err != nil {
			vr.fail("%v", err)
			return nil
		}
		vr.v.Articles++
		if a.ID != string(k) {
			vr.fail("article %s: record says id %s", k, a.ID)
		}
		if a.Origin != "" {
			if id := normalize.NewID(a.Origin, a.GUID); id != a.ID {
				vr.fail("article %s: source %q and guid %q make id %s", k, a.Origin, a.GUID, id)
			}
			if g := tx.Bucket(bucketGUIDs).Get(guidKey(a.Origin, a.GUID)); !bytes.Equal(g, append([]byte{'a'}, a.ID...)) {
				vr.fail("article %s: guids entry of source %q guid %q is %q", k, a.Origin, a.GUID, g)
			}
		}
		if a.Story == "" {
			vr.v.Stories++
			vr.stories[a.Origin]++
			if tx.Bucket(bucketByTime).Get(timeKey(&a)) == nil {
				vr.fail("story %s: not in the time index", k)
			}
			return nil
		}
		vr.v.Versions++
		if tx.Bucket(bucketVersions).Get([]byte(a.Story+a.ID)) == nil {
			vr.fail("version %s: not listed under its story %s", k, a.Story)
		}
		return nil
	})
}

// indexed checks that an index key (time(8) ID) leads to an article
// published at that time and returns it.
func (vr *verifier) indexed(index string, k []byte) (normalize.Article, bool) {
	if len(k) <= 8 {
		vr.fail("%s: short key %x", index, k)
		return normalize.Article{}, false
	}
	a, err := getArticle(vr.tx, string(k[8:]))
	if err != nil {
		vr.fail("%s: %v", index, err)
		return a, false
	}
	if !bytes.Equal(timeKey(&a), k) {
		vr.fail("%s: key of article %s has time %v, the article %v", index, a.ID, decodeTime(k), a.Published)
		return a, false
	}
	return a, true
}

func (vr *verifier) byTime() error {
	return vr.tx.Bucket(bucketByTime).ForEach(func(k, _ []byte) error {
		if a, ok := vr.indexed("time index", k); ok && a.Story != "" {
			vr.fail("time index: article %s is a version of %s", a.ID, a.Story)
		}
		return nil
	})
}

func (vr *verifier) topics() error {
	root := vr.tx.Bucket(bucketTopics)
	return root.ForEachBucket(func(name []byte) error {
		index := "topic " + string(name)
		return root.Bucket(name).ForEach(func(k, _ []byte) error {
			vr.indexed(index, k)
			return nil
		})
	})
}

// versions checks that each entry (story ID, version ID) names a story
// and a version of it.
func (vr *verifier) versions() error {
	return vr.tx.Bucket(bucketVersions).ForEach(func(k, _ []byte) error {
		if len(k)%2 != 0 {
			vr.fail("versions: key %q is not two IDs", k)
			return nil
		}
		story, version := string(k[:len(k)/2]), string(k[len(k)/2:])
		if a, err := getArticle(vr.tx, story); err != nil || a.Story != "" {
			vr.fail("versions: story %s of version %s is not a stored story", story, version)
		}
		if a, err := getArticle(vr.tx, version); err != nil || a.Story != story {
			vr.fail("versions: version %s of story %s is not stored as its version", version, story)
		}
		return nil
	})
}

// guids checks that each entry is a tombstone or leads to the article of
// that source and GUID, or of that source and link.
func (vr *verifier) guids() error {
	return vr.tx.Bucket(bucketGUIDs).ForEach(func(k, v []byte) error {
		source, guid, ok := bytes.Cut(k, []byte{0})
		switch {
		case !ok || len(v) < 2:
			vr.fail("guids: bad entry %q -> %q", k, v)
		case isTombstone(v):
		case v[0] != 'a' && v[0] != 'd':
			vr.fail("guids: entry %q has kind %q", k, v[0])
		default:
			a, err := getArticle(vr.tx, string(v[1:]))
			if errors.Is(err, ErrNotFound) {
				vr.v.DanglingGUIDs++
				return nil
			}
			if err != nil {
				vr.fail("guids: %v", err)
				return nil
			}
			// An entry under an article's link, not its GUID, is how a
			// source that re-issues GUIDs finds it (see saveByLink).
			alias := string(guid) == linkKey(&a)
			if v[0] == 'a' && ((a.GUID != string(guid) && !alias) || (a.Origin != "" && a.Origin != string(source))) {
				vr.fail("guids: entry of source %q guid %q leads to article %s of %q guid %q", source, guid, a.ID, a.Origin, a.GUID)
			}
		}
		return nil
	})
}

func (vr *verifier) keys() error {
	articles := vr.tx.Bucket(bucketArticles)
	return vr.tx.Bucket(bucketKeys).ForEach(func(k, v []byte) error {
		switch {
		case isTombstone(v):
		case len(v) == 0:
			vr.fail("keys: %q leads to an empty id", k)
		case articles.Get(v) == nil:
			vr.v.DanglingKeys++
		}
		return nil
	})
}

// minHash checks that each near-duplicate index entry leads to a stored
// story's first version (the index holds no versions). Schema 2's simhash
// bucket is gone after the migration, so it is not checked.
func (vr *verifier) minHash() error {
	b := vr.tx.Bucket(bucketMinHash)
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, _ []byte) error {
		if len(k) <= 5 {
			vr.fail("minhash: short key %x", k)
			return nil
		}
		a, err := getArticle(vr.tx, string(k[5:]))
		switch {
		case errors.Is(err, ErrNotFound):
			vr.v.DanglingFingerprints++
		case err != nil:
			vr.fail("minhash: %v", err)
		case a.Story != "":
			vr.fail("minhash: article %s is a version of %s", a.ID, a.Story)
		}
		return nil
	})
}

// archives checks that each topic's slots and their reverse map agree.
func (vr *verifier) archives() error {
	root := vr.tx.Bucket(bucketArchives)
	if root == nil {
		return nil
	}
	return root.ForEachBucket(func(name []byte) error {
		seq := &archiveSeq{slots: root.Bucket(name).Bucket(bucketSlots), keys: root.Bucket(name).Bucket(bucketSlotKeys)}
		if seq.slots == nil || seq.keys == nil {
			vr.fail("archive of topic %q: slots or keys missing", name)
			return nil
		}
		return seq.slots.ForEach(func(slot, key []byte) error {
			if !bytes.Equal(seq.keys.Get(key), slot) {
				vr.fail("archive of topic %q: slot %x holds %x, which has slot %x", name, slot, key, seq.keys.Get(key))
			}
			return nil
		})
	})
}

// sources checks that each state decodes under its own name and counts
// its source's stories.
func (vr *verifier) sources() error {
	return vr.tx.Bucket(bucketSources).ForEach(func(k, v []byte) error {
		st, err := getSource(vr.tx, string(k))
		if err != nil {
			vr.fail("%v", err)
			return nil
		}
		vr.v.Sources++
		switch {
		case st.Name != string(k):
			vr.fail("source %q: state names %q", k, st.Name)
		case st.Status != "" && st.Status != StatusOK && st.Status != StatusError && st.Status != StatusDisabled:
			vr.fail("source %q: status %q", k, st.Status)
		case st.Articles != vr.stories[st.Name]:
			vr.v.MiscountedSources++
		}
		return nil
	})
}
