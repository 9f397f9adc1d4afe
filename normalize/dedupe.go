package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// MinBodyWords is the shortest body, in words, that gets a body dedupe key.
// Short bodies ("Live updates", "Photo gallery") repeat across unrelated
// stories; only a real body identifies one.
const MinBodyWords = 25

// DedupeKeys returns the keys under which a's story is recognised from any
// source: "url:" + the canonical link, and "body:" + a hash of the body's
// analyzed words (case, accents, punctuation and quote style folded, so the
// same wire copy matches across outlets). The source is never part of a key.
// Storage enforces the keys in the same transaction as the write.
func (a *Article) DedupeKeys() []string {
	x := &Analysis{a: a}
	x.words, x.lines = splitLines(fold(a.Text))
	return x.DedupeKeys()
}

// ContentHash fingerprints what a reader sees of an article (title, link,
// summary, content, authors, categories, enclosures), so that an update is
// recorded only when one of them changed, not when a feed merely re-stamps
// a date. An article without enclosures hashes as it did before they
// were part of it.
func (a *Article) ContentHash() string {
	parts := []string{a.Title, a.Link, a.Summary, a.Content, strings.Join(a.Authors, "\x1f"), strings.Join(a.Categories, "\x1f")}
	if len(a.Enclosures) > 0 {
		encs := make([]string, len(a.Enclosures))
		for i, e := range a.Enclosures {
			encs[i] = e.URL + "\x1d" + e.Type + "\x1d" + strconv.FormatInt(e.Length, 10)
		}
		parts = append(parts, strings.Join(encs, "\x1f"))
	}
	return hash(strings.Join(parts, "\x1e"))
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
