// Package normalize is the domain root of tidings: the Article model that
// every input is turned into, the text, HTML, URL and date normalisation that
// makes articles from different sources comparable, the dedupe keys, and the
// topic query language. It imports no other package of tidings.
package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is one news item, from a live feed or a seed file, after
// normalisation. The zero value is not useful; build articles with the
// feeds/parse and feeds/seed adapters and finish them with Finish.
type Article struct {
	// ID is stable across runs: a hash of the source name and the GUID
	// (see NewID). It never depends on content, so an edited article keeps it.
	ID string `json:"id"`
	// Source is the configured source name, or for a seed file the publisher
	// found in the page when there is one.
	Source string `json:"source"`
	// Story is the ID of the first-seen version when this article is the
	// same story as one already stored (same canonical URL or body) from
	// another outlet; empty for a story's first version. Every version is
	// kept; topic feeds show a story once unless they ask for duplicates.
	Story string `json:"story,omitempty"`
	// Origin is the name of the configured source the article was read
	// from (Source may instead be the publisher a seed page names). Topics
	// restricted to sources match on it.
	Origin string `json:"origin,omitempty"`
	// SourceTitle and SourceURL describe the feed the article came from, for
	// atom:source. SourceURL is empty for seed files.
	SourceTitle string `json:"source_title,omitempty"`
	SourceURL   string `json:"source_url,omitempty"`
	// URL is the canonical link to the original article (see CanonicalURL);
	// Link is the link as the source gave it, kept for display.
	URL  string `json:"url"`
	Link string `json:"link,omitempty"`
	// GUID identifies the article within its source: the feed's guid or
	// atom:id, a permalink, or for a seed file its file name; for a source
	// that re-issues its GUIDs on every fetch, storage makes it the
	// canonical link (with the link's fragment, if any).
	GUID string `json:"guid"`
	// Title is plain text: entities decoded, tags stripped, whitespace
	// collapsed.
	Title string `json:"title"`
	// Summary is plain text (a standfirst or the feed's description).
	Summary string `json:"summary"`
	// Text is the plain body, paragraphs separated by a blank line.
	Text string `json:"text"`
	// Content is the body as sanitized HTML.
	Content    string   `json:"content"`
	Authors    []string `json:"authors"`
	Categories []string `json:"categories"`
	// Captions are image captions found in a seed page, kept out of Text.
	Captions []string `json:"captions,omitempty"`
	// Enclosures are the media files the article carries (a podcast's
	// audio, a lead image), as the source gave them, cleaned by Finish.
	Enclosures []Enclosure `json:"enclosures,omitempty"`
	// Published and Updated are in UTC. Updated is never before Published.
	Published time.Time `json:"published"`
	Updated   time.Time `json:"updated"`
	// PublishedOffset is the UTC offset, in seconds east, the source wrote
	// Published with, nil when it gave no zone; see PublishedLocal.
	PublishedOffset *int `json:"published_offset,omitempty"`
	// Lang is a BCP 47 language tag when known.
	Lang string `json:"lang,omitempty"`
}

// NewID returns the stable article ID for a GUID within a source: the first
// 16 bytes of SHA-256 over both, in hex. The same pair always gives the same
// ID, across runs and re-imports.
func NewID(source, guid string) string {
	sum := sha256.Sum256([]byte(source + "\x00" + guid))
	return hex.EncodeToString(sum[:16])
}
