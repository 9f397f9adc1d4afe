// Package storage keeps tidings' state in one bbolt file: the articles, an
// index by time and one per topic (so the latest entries of a topic are read
// without a scan), the dedupe keys, and each source's fetch state.
//
// Layout (all keys and values are bytes; times are big-endian Unix nanoseconds
// so that byte order is time order):
//
//	meta      "schema" -> version; "changed" -> time of the last change;
//	          "topic:NAME" -> the query the topic's index was built with
//	articles  ID -> record (binary; JSON before schema 4, see record.go)
//	bytime    time(8) ID -> ""            (Published, newest last)
//	topics    NAME -> bucket of time(8) ID -> ""
//	keys      dedupe key -> ID            (canonical URL, body hash; or a
//	          tombstone 't' time(8) ID)
//	guids     source 0x00 GUID -> kind(1) ID   (kind 'a' owns, 'd' duplicate of;
//	          't' time(8) ID: a tombstone, see retention.go; for a source
//	          whose GUIDs are unstable, its link key, see guids.go)
//	sources   name -> JSON SourceState
//	versions  story ID + version ID -> ""  (the other outlets' copies of a story)
//	minhash   band(1) key(4) ID -> ""  (near-duplicates; see neardup.go)
//	archives  NAME -> insertion-ordered slots of the topic, for RFC 5005
//	          archive pages (see archive.go)
//	tombstones time(8) kind(1) key -> ""  (tombstones by last seen, to
//	          expire them; see retention.go)
//
// A Store is safe for concurrent use; bbolt serialises writers.
package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"tidings/normalize"
)

// SchemaVersion is the layout version this package reads and writes.
//
// Version 2 added tombstones ('t' entries in guids and keys): a tidings
// that knows only version 1 would take them for articles, so it must
// refuse the file. Version 1 files need no conversion: the new buckets are
// created on open.
//
// Version 3 replaced the simhash bucket of near-duplicate fingerprints by
// the minhash bucket of signatures (see neardup.go), whose look-ups do not
// grow with the store; the migration builds it from the stored articles.
//
// Version 4 writes article records in a binary form (see record.go) that
// a tidings knowing only JSON records cannot read. It reads the JSON
// records of earlier versions as they are, so there is nothing to migrate.
//
// Version 5 writes the records of articles with enclosures as recordV2
// (see record.go), which a tidings of version 4 would take for malformed.
// Records of version 4 are V1 records, which version 5 reads (with no
// enclosures) and still writes for articles without any: nothing to
// migrate either. An article with enclosures stored before gets them at
// the next fetch that sees it, as its content hash changes.
const SchemaVersion = 5

var (
	// ErrNotFound is returned when an article, source or topic is unknown.
	ErrNotFound = errors.New("not found")
	// ErrLocked is returned by Open when another process holds the database
	// (typically a running `tidings serve`).
	ErrLocked = errors.New("database is in use by another process")
	// ErrSchema is returned by Open for a database written by a newer tidings.
	ErrSchema = errors.New("unsupported database schema")
	// ErrReadOnly is returned by writes to a store opened ReadOnly.
	ErrReadOnly = errors.New("database opened read-only")
)

var (
	bucketMeta     = []byte("meta")
	bucketArticles = []byte("articles")
	bucketByTime   = []byte("bytime")
	bucketTopics   = []byte("topics")
	bucketKeys     = []byte("keys")
	bucketGUIDs    = []byte("guids")
	bucketSources  = []byte("sources")
	bucketVersions = []byte("versions")
	allBuckets     = [][]byte{bucketMeta, bucketArticles, bucketByTime, bucketTopics, bucketKeys, bucketGUIDs, bucketSources, bucketVersions, bucketMinHash}

	keySchema  = []byte("schema")
	keyChanged = []byte("changed")
)

// Options configure Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the
	// file; zero means 1 second. bbolt's own default waits forever, which
	// would hang a cron job behind a running server.
	LockTimeout time.Duration
	// Now returns the current time; nil means time.Now. Tests fix it.
	Now func() time.Time
	// ReadOnly opens an existing file for reading only, sharing bbolt's
	// lock with other readers: for a database on a read-only file system
	// or without write permission. Every write then fails with an error
	// wrapping ErrReadOnly. A file whose buckets are missing (written by
	// an older tidings) must first be opened writable once.
	ReadOnly bool
}

// initialMmapSize returns the address space mapped for the file when it
// opens. bbolt otherwise maps 32 KB and doubles the mapping as the file
// grows, and every remap in a write copies the transaction's pending nodes
// to the heap (a twentieth of the ingest's writing time on the real
// corpus). It is address space, not memory: only the pages read are
// resident. Not on Windows, where bbolt grows the file to the mapping's
// size, nor on 32-bit systems, whose address space is scarce.
func initialMmapSize() int {
	if runtime.GOOS == "windows" || strconv.IntSize < 64 {
		return 0
	}
	return 1 << 30
}

// Store is the bbolt-backed store. Create it with Open and Close it when done.
type Store struct {
	db       *bolt.DB
	now      func() time.Time
	readOnly bool

	mu     sync.RWMutex
	topics []*normalize.Topic // set by SyncTopics; used to index new articles

	changed atomic.Value // time.Time of the last change; see Changed
}

// Open opens or creates the database at path, creating its folder, and
// checks the schema version. It returns an error wrapping ErrLocked when
// another process holds the file and ErrSchema for a newer schema.
func Open(path string, opts Options) (*Store, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if !opts.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.LockTimeout, ReadOnly: opts.ReadOnly, InitialMmapSize: initialMmapSize()})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open database %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, now: opts.Now, readOnly: opts.ReadOnly}
	init := db.Update
	if opts.ReadOnly {
		init = db.View
	}
	if err := init(s.initSchema); err != nil {
		_ = db.Close() // the schema error is the one to report
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// initSchema creates the buckets of a new database and refuses a newer
// one; in a read-only tx it only checks them.
func (s *Store) initSchema(tx *bolt.Tx) error {
	for _, name := range allBuckets {
		if !tx.Writable() {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("bucket %s missing: open the database writable once to create it: %w", name, ErrReadOnly)
			}
			continue
		}
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	meta := tx.Bucket(bucketMeta)
	v := meta.Get(keySchema)
	s.changed.Store(decodeTime(meta.Get(keyChanged)))
	if v == nil && tx.Writable() {
		return meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	}
	n, err := strconv.Atoi(string(v))
	if err != nil || n > SchemaVersion {
		return fmt.Errorf("%w: version %q, this tidings reads up to %d", ErrSchema, v, SchemaVersion)
	}
	if n < SchemaVersion && tx.Writable() { // migrate, in this same transaction
		if n < 3 {
			if err := migrateSignatures(tx); err != nil {
				return fmt.Errorf("migrate to schema 3: %w", err)
			}
		}
		return meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	}
	return nil
}

// ReadOnly reports whether the store was opened ReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// update runs fn in a write transaction, or fails with ErrReadOnly.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s: %w", s.db.Path(), ErrReadOnly)
	}
	return s.db.Update(fn)
}

// Close closes the database file.
func (s *Store) Close() error {
	return s.db.Close()
}

// Path returns the database file's path.
func (s *Store) Path() string {
	return s.db.Path()
}

// Check runs bbolt's consistency check over the whole file and returns the
// first problem found, or nil.
func (s *Store) Check() error {
	return s.db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
}

// Changed returns the time of the last write that changed articles or
// topics, or the zero time for an empty database. Servers call it on every
// request to invalidate cached feeds, so it reads memory, not the file: the
// Store holds bbolt's exclusive lock, so every write passes through it.
func (s *Store) Changed() time.Time {
	t, _ := s.changed.Load().(time.Time)
	return t
}

// markChanged records that tx changes articles or topic membership; the
// in-memory copy follows when tx commits.
func (s *Store) markChanged(tx *bolt.Tx) error {
	t := s.now().UTC()
	tx.OnCommit(func() { s.changed.Store(t) })
	return tx.Bucket(bucketMeta).Put(keyChanged, encodeTime(t))
}

// signBit flips the sign of Unix nanoseconds so that dates before 1970 sort
// before later ones as unsigned bytes.
const signBit = 1 << 63

// encodeTime returns t as 8 big-endian bytes of Unix nanoseconds, so that
// byte order is time order for any date from 1678 to 2262.
func encodeTime(t time.Time) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())^signBit)
}

func decodeTime(b []byte) time.Time {
	if len(b) < 8 {
		return time.Time{}
	}
	return time.Unix(0, int64(binary.BigEndian.Uint64(b)^signBit)).UTC()
}

// timeKey is the index key of an article: its published time, then its ID.
func timeKey(a *normalize.Article) []byte {
	return append(encodeTime(a.Published), a.ID...)
}
