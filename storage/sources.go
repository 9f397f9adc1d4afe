package storage

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Source statuses, as `tidings sources` shows them. A source never
// fetched is "ok" with a zero LastAttempt: nothing has gone wrong yet.
const (
	StatusOK       = "ok"
	StatusError    = "error"
	StatusDisabled = "disabled"
)

// SourceState is what tidings remembers about a source between runs.
type SourceState struct {
	Name string `json:"name"`
	// URL is the feed URL fetched, or the seed folder for a seed source.
	// After a permanent redirect it is the new address.
	URL string `json:"url"`
	// ConfigURL is the URL as configured when URL was set; when the
	// configuration changes, the configured URL wins again.
	ConfigURL string `json:"config_url,omitempty"`
	// ETag and LastModified are the validators of the last 200 response,
	// sent back on the next request so an unchanged feed costs a 304.
	ETag              string    `json:"etag,omitempty"`
	LastModified      string    `json:"last_modified,omitempty"`
	Status            string    `json:"status"`
	LastAttempt       time.Time `json:"last_attempt"`
	LastSuccess       time.Time `json:"last_success"`
	LastError         string    `json:"last_error"`
	ConsecutiveErrors int       `json:"consecutive_errors"`
	// FailingSince is the first failure of the current error streak.
	FailingSince time.Time `json:"failing_since"`
	NextDue      time.Time `json:"next_due"`
	// Articles counts the articles stored from this source.
	Articles int `json:"articles"`
	// UnstableGUIDs says that the source's feed was seen re-issuing its
	// items' GUIDs while their links stayed the same, so its articles are
	// identified by canonical link instead (see reissuesGUIDs). Set by
	// SaveBatches, never cleared: link identity serves a feed whose GUIDs
	// become stable again just as well.
	UnstableGUIDs bool `json:"unstable_guids,omitempty"`
}

// UnhealthyAfter is how long a source may fail without a success before
// it is reported as unhealthy.
const UnhealthyAfter = 24 * time.Hour

// Unhealthy reports whether the source has failed, without a success, for
// longer than UnhealthyAfter at time now.
func (st SourceState) Unhealthy(now time.Time) bool {
	return st.ConsecutiveErrors > 0 && !st.FailingSince.IsZero() && now.Sub(st.FailingSince) > UnhealthyAfter
}

// Source returns the stored state of the named source, or an error wrapping
// ErrNotFound for a source never fetched.
func (s *Store) Source(name string) (SourceState, error) {
	var st SourceState
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		st, err = getSource(tx, name)
		return err
	})
	return st, err
}

// Sources returns the state of every source ever fetched, sorted by name.
func (s *Store) Sources() ([]SourceState, error) {
	out := []SourceState{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSources).ForEach(func(k, v []byte) error {
			var st SourceState
			if err := json.Unmarshal(v, &st); err != nil {
				return fmt.Errorf("decode source %q: %w", k, err)
			}
			out = append(out, st)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// PutSource stores a source's state without touching its articles (a
// failed or unchanged fetch). The stored article count is kept.
func (s *Store) PutSource(state SourceState) error {
	_, err := s.SaveBatches([]Batch{{State: state, StateOnly: true}})
	return err
}

func getSource(tx *bolt.Tx, name string) (SourceState, error) {
	var st SourceState
	v := tx.Bucket(bucketSources).Get([]byte(name))
	if v == nil {
		return st, fmt.Errorf("source %q: %w", name, ErrNotFound)
	}
	if err := json.Unmarshal(v, &st); err != nil {
		return st, fmt.Errorf("decode source %q: %w", name, err)
	}
	return st, nil
}

func putSource(tx *bolt.Tx, st SourceState) error {
	v, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketSources).Put([]byte(st.Name), v)
}
