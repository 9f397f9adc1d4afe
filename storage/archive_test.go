package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

var archiveDay = time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)

// saveStories stores one article per title, each an hour after the one
// before from archiveDay plus hour, all from source A.
func saveStories(t *testing.T, s *Store, hour int, titles ...string) {
	t.Helper()
	var batch []normalize.Article
	for i, title := range titles {
		batch = append(batch, article("A", title, title, "https://e.com/"+strings.ReplaceAll(title, " ", "-"),
			body(title+" story"), archiveDay.Add(time.Duration(hour+i)*time.Hour)))
	}
	if _, err := s.Save("A", batch, SourceState{Name: "A"}); err != nil {
		t.Fatal(err)
	}
}

// pagesOf renders the topic's archive cut into pages of size: each
// complete page's titles in slot order, then those of the slots after
// them, as "p0 | p1 | ... / rest".
func pagesOf(t *testing.T, s *Store, topic string, size int) string {
	t.Helper()
	n, err := s.ArchiveLen(topic)
	if err != nil {
		t.Fatal(err)
	}
	slots := func(from, to int) string {
		t.Helper()
		if from == to {
			return ""
		}
		articles, handedOut, err := s.ArchiveSlots(topic, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if handedOut != n {
			t.Errorf("ArchiveSlots(%d, %d): %d slots, ArchiveLen said %d", from, to, handedOut, n)
		}
		return titlesOf(articles)
	}
	out, from := "", 0
	for ; from+size <= n; from += size {
		out += slots(from, from+size) + " | "
	}
	return out + "/ " + slots(from, n)
}

func syncTopics(t *testing.T, s *Store, topics ...*normalize.Topic) {
	t.Helper()
	if _, err := s.SyncTopics(t.Context(), topics); err != nil {
		t.Fatal(err)
	}
}

func TestArchiveSequence(t *testing.T) {
	s := openTest(t)
	syncTopics(t, s, topic(t, "gaza", "gaza"))
	saveStories(t, s, 10, "gaza 1", "gaza 2", "other 3", "gaza 4")
	if got, want := pagesOf(t, s, "gaza", 2), "gaza 1|gaza 2 | / gaza 4"; got != want {
		t.Errorf("after the first save: got %q, want %q", got, want)
	}

	// An article published before all the others but fetched now goes to
	// the end of the sequence: the complete page keeps its entries.
	saveStories(t, s, 0, "gaza 0")
	if got, want := pagesOf(t, s, "gaza", 2), "gaza 1|gaza 2 | gaza 4|gaza 0 | / "; got != want {
		t.Errorf("after a late old-dated article: got %q, want %q", got, want)
	}
	latest, err := s.TopicArticles("gaza", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := titlesOf(latest), "gaza 4|gaza 2|gaza 1|gaza 0"; got != want {
		t.Errorf("topic index: got %s, want %s (published order)", got, want)
	}

	for _, r := range [][2]int{{-1, 1}, {0, 6}, {5, 6}, {2, 2}, {3, 2}} {
		if _, _, err := s.ArchiveSlots("gaza", r[0], r[1]); !errors.Is(err, ErrNotFound) {
			t.Errorf("slots %d to %d of 5: got %v, want ErrNotFound", r[0], r[1], err)
		}
	}
	for _, name := range []string{"nope"} {
		if _, err := s.ArchiveLen(name); !errors.Is(err, ErrNotFound) {
			t.Errorf("ArchiveLen of an unknown topic: got %v, want ErrNotFound", err)
		}
		if _, _, err := s.ArchiveSlots(name, 0, 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("ArchiveSlots of an unknown topic: got %v, want ErrNotFound", err)
		}
	}
}

// TestArchiveEdits: an article that leaves the topic drops out of its page
// without moving the others, and gets its old slot back when it matches
// again; the same article saved again takes no second slot.
func TestArchiveEdits(t *testing.T) {
	s := openTest(t)
	syncTopics(t, s, topic(t, "gaza", "gaza"))
	saveStories(t, s, 0, "gaza 1", "gaza 2", "gaza 3")
	edit := func(title, text string) {
		t.Helper()
		a := article("A", "gaza 2", title, "https://e.com/gaza-2", body(text), archiveDay.Add(time.Hour))
		if c, err := s.Save("A", []normalize.Article{a}, SourceState{Name: "A"}); err != nil || c.Updated != 1 {
			t.Fatalf("edit: got %+v, %v; want one update", c, err)
		}
	}
	edit("Edited", "nothing to see")
	if got, want := pagesOf(t, s, "gaza", 2), "gaza 1 | / gaza 3"; got != want {
		t.Errorf("after the edit out of the topic: got %q, want %q", got, want)
	}
	edit("gaza 2 again", "gaza again")
	if got, want := pagesOf(t, s, "gaza", 2), "gaza 1|gaza 2 again | / gaza 3"; got != want {
		t.Errorf("after the edit back: got %q, want %q", got, want)
	}
	edit("gaza 2 once more", "gaza once more")
	if got := slotCount(t, s, "gaza"); got != 3 {
		t.Errorf("slots after three edits of one article: got %d, want 3", got)
	}
}

// TestArchiveReindex: rebuilding a topic's index, with the same query or a
// changed one, renumbers nothing: slots stay, articles the topic no longer
// holds drop out, and the articles new to it are appended oldest first.
func TestArchiveReindex(t *testing.T) {
	s := openTest(t)
	syncTopics(t, s, topic(t, "gaza", "gaza"))
	saveStories(t, s, 0, "gaza 1", "ball 2", "gaza 3", "ball 4", "gaza 5")
	before := pagesOf(t, s, "gaza", 2)
	if want := "gaza 1|gaza 3 | / gaza 5"; before != want {
		t.Fatalf("before: got %q, want %q", before, want)
	}
	if _, err := s.ReindexTopics(t.Context(), []*normalize.Topic{topic(t, "gaza", "gaza")}); err != nil {
		t.Fatal(err)
	}
	if got := pagesOf(t, s, "gaza", 2); got != before {
		t.Errorf("after reindexing the same query: got %q, want %q as before", got, before)
	}
	syncTopics(t, s, topic(t, "gaza", "gaza OR ball"))
	if got, want := pagesOf(t, s, "gaza", 2), "gaza 1|gaza 3 | gaza 5|ball 2 | / ball 4"; got != want {
		t.Errorf("after widening the query: got %q, want %q", got, want)
	}
	if _, err := s.ReindexTopics(t.Context(), []*normalize.Topic{topic(t, "gaza", "ball")}); err != nil {
		t.Fatal(err)
	}
	if got, want := pagesOf(t, s, "gaza", 2), " | ball 2 | / ball 4"; got != want {
		t.Errorf("after narrowing the query: got %q, want %q", got, want)
	}
}

// TestArchiveTopicLifecycle: a new topic's sequence holds its index oldest
// first; a removed topic's sequence goes with it; a database from before
// archives gets its sequence, from the index, at the topic's next article.
func TestArchiveTopicLifecycle(t *testing.T) {
	s := openTest(t)
	syncTopics(t, s, topic(t, "gaza", "gaza"))
	saveStories(t, s, 0, "gaza 1", "gaza 2", "gaza 3")
	syncTopics(t, s, topic(t, "gaza", "gaza"), topic(t, "all", "story"))
	if got, want := pagesOf(t, s, "all", 2), "gaza 1|gaza 2 | / gaza 3"; got != want {
		t.Errorf("new topic: got %q, want %q", got, want)
	}

	syncTopics(t, s, topic(t, "gaza", "gaza"))
	err := s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketArchives).Bucket([]byte("all")) != nil {
			return errors.New("the archive of removed topic all is still stored")
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}

	// As a database written before archives: no sequence at all.
	err = s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketArchives) })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pagesOf(t, s, "gaza", 2), "/ "; got != want {
		t.Errorf("without a sequence: got %q, want %q", got, want)
	}
	saveStories(t, s, -1, "gaza 0")
	if got, want := pagesOf(t, s, "gaza", 2), "gaza 0|gaza 1 | gaza 2|gaza 3 | / "; got != want {
		t.Errorf("after the next article: got %q, want %q", got, want)
	}
}

// slotCount returns how many slots the topic's sequence has handed out,
// checking that both of its buckets agree.
func slotCount(t *testing.T, s *Store, topic string) int {
	t.Helper()
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArchives).Bucket([]byte(topic))
		slots, keys := b.Bucket(bucketSlots), b.Bucket(bucketSlotKeys)
		n = int(slots.Sequence())
		if got, gotKeys := slots.Stats().KeyN, keys.Stats().KeyN; got != n || gotKeys != n {
			return fmt.Errorf("sequence %d, %d slots, %d keys; want all equal", n, got, gotKeys)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
