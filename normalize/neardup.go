package normalize

import (
	"math/bits"
	"strings"
)

// Near-duplicate detection (issue 5) recognises the same story lightly edited
// by another outlet: a rewritten headline, a cut or added paragraph, a
// "(CNN) —" prefix, other quotes and dashes. It has two stages. The
// Fingerprint, a 64-bit SimHash of the body's word 3-shingles, finds
// candidates cheaply: storage indexes it so that every stored fingerprint
// within MaxNearDistance bits is found without a scan. Then NearDuplicate
// decides: a distance of at most SureNearDistance is the same story; a
// larger one is confirmed only when the bodies' shingles overlap (see
// Resemblance), because a SimHash distance is a noisy estimate. Measured on
// testdata/neardup over 1,000 hash seeds (TestNearDuplicateSeeds), a wire
// story and its copy with a paragraph cut are within 3 bits in only 2% of
// seeds and within 11 in 85%, while two templated earthquake briefs come
// within 11 bits in 9%; only the shingle overlap (0.70 against 0.93 and
// more for the copies) tells those apart.
const (
	// MinFingerprintWords is the least number of words, outside short
	// and boilerplate paragraphs, that a body needs to be fingerprinted:
	// shorter bodies (photo items, briefs, extraction failures that left
	// only cookie and newsletter text) are alike across unrelated stories.
	MinFingerprintWords = 60
	// SureNearDistance is the largest Hamming distance between
	// fingerprints that counts as the same story without comparing texts.
	SureNearDistance = 3
	// MaxNearDistance is the largest Hamming distance at which two
	// fingerprints may be the same story, subject to Resemblance.
	MaxNearDistance = 11
	// MinResemblance is the least Resemblance of a near-duplicate whose
	// fingerprint lies further than SureNearDistance.
	MinResemblance = 0.8
)

// shingleWords is the number of consecutive words hashed as one feature.
// Single words make different stories on one topic look alike; longer
// shingles let every edited word change more features (measured: 3 keeps
// the most distance between the pairs in testdata/neardup).
const shingleWords = 3

// minParagraphWords is the length below which a paragraph is left out of
// the fingerprint: datelines, bylines, "Posted:" stamps, "Advertisement",
// "Related:" links and photo credits differ between outlets carrying the
// same story and say nothing about it.
const minParagraphWords = 8

// boilerplate returns the word sequences (as Words gives them) that mark a
// paragraph as outlet furniture rather than story: copyright and wire
// footers, cookie and newsletter prompts.
func boilerplate() []string {
	return []string{
		"all rights reserved",
		"may not be published broadcast rewritten or redistributed",
		"contributed to this report",
		"reporting by",
		"editing by",
		"trust principles",
		"use cookies",
		"of cookies",
		"our newsletter",
		"sign up",
		"unsubscribe",
		"scroll to continue",
		"click here",
	}
}

// Fingerprint returns a 64-bit SimHash of a's body: each distinct run of
// three words (after Words folds case, accents, quotes and dashes) votes on
// every bit, so bodies that share most of their shingles get fingerprints
// a few bits apart (see Distance). Paragraphs shorter than eight words and
// boilerplate paragraphs are left out. ok is false when fewer than
// MinFingerprintWords words remain: such a body cannot be told apart from
// another story's. The title never counts, because outlets rewrite it.
func (a *Article) Fingerprint() (fingerprint uint64, ok bool) {
	shingles := a.shingles()
	if shingles == nil {
		return 0, false
	}
	return simHash(shingles), true
}

// Distance returns the Hamming distance between two fingerprints: the
// number of bits, 0 to 64, in which they differ.
func Distance(f, g uint64) int {
	return bits.OnesCount64(f ^ g)
}

// Resemblance returns how much of the shorter of two bodies the other one
// contains: the share of its distinct word 3-shingles (as Fingerprint
// counts them) found in the other, from 0 to 1. Containment rather than
// Jaccard similarity, so that a copy trimmed from the bottom, as wire copy
// is, still resembles the full story. It is 0 when either body cannot be
// fingerprinted.
func Resemblance(a, b *Article) float64 {
	sa, sb := a.shingles(), b.shingles()
	if sa == nil || sb == nil {
		return 0
	}
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	shared := 0
	for h := range sa {
		if _, ok := sb[h]; ok {
			shared++
		}
	}
	return float64(shared) / float64(len(sa))
}

// NearDuplicate reports whether a and b are the same story as two outlets
// carried it: both have a fingerprint, and the fingerprints are at most
// SureNearDistance apart, or at most MaxNearDistance apart with a
// Resemblance of at least MinResemblance.
func NearDuplicate(a, b *Article) bool {
	fa, ok := a.Fingerprint()
	if !ok {
		return false
	}
	fb, ok := b.Fingerprint()
	if !ok {
		return false
	}
	return SameStory(Distance(fa, fb), a, b)
}

// SameStory is NearDuplicate for two articles whose fingerprints are known
// to be d bits apart; it reads the bodies only when d is above
// SureNearDistance and at most MaxNearDistance.
func SameStory(d int, a, b *Article) bool {
	switch {
	case d <= SureNearDistance:
		return true
	case d <= MaxNearDistance:
		return Resemblance(a, b) >= MinResemblance
	}
	return false
}

// shingles returns the set of hashed word 3-shingles of a's fingerprinted
// words, or nil when there are fewer than MinFingerprintWords of them.
func (a *Article) shingles() map[uint64]struct{} {
	return a.seededShingles(0)
}

// seededShingles is shingles with the hash seeded, so that tests can measure
// how a distance varies with the hash function rather than trust one draw.
func (a *Article) seededShingles(seed uint64) map[uint64]struct{} {
	words := fingerprintWords(a.Text)
	if len(words) < MinFingerprintWords {
		return nil
	}
	set := make(map[uint64]struct{}, len(words))
	for i := 0; i+shingleWords <= len(words); i++ {
		set[shingleHash(words[i:i+shingleWords], seed)] = struct{}{}
	}
	return set
}

// fingerprintWords returns the Words of text's paragraphs (lines) that are
// at least minParagraphWords long and not boilerplate.
func fingerprintWords(text string) []string {
	var out []string
	phrases := boilerplate()
	for p := range strings.SplitSeq(text, "\n") {
		w := Words(p)
		if len(w) >= minParagraphWords && !containsPhrase(w, phrases) {
			out = append(out, w...)
		}
	}
	return out
}

// containsPhrase reports whether words contain one of phrases as a run of
// whole words.
func containsPhrase(words, phrases []string) bool {
	s := " " + strings.Join(words, " ") + " "
	for _, p := range phrases {
		if strings.Contains(s, " "+p+" ") {
			return true
		}
	}
	return false
}

// simHash folds a set of feature hashes into one: bit i is set when more
// features have bit i set than not.
func simHash(features map[uint64]struct{}) uint64 {
	var votes [64]int
	for h := range features {
		for i := range votes {
			votes[i] += int(h>>i&1)*2 - 1
		}
	}
	var f uint64
	for i, v := range votes {
		if v > 0 {
			f |= 1 << i
		}
	}
	return f
}

// shingleHash hashes a run of words with FNV-1a and a SplitMix64 finaliser:
// FNV alone leaves the high bits poorly mixed for short inputs, and every bit
// votes in the SimHash. It is fixed, not seeded, because fingerprints are
// stored; seed is 0 but in tests.
func shingleHash(words []string, seed uint64) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * prime
		}
		h = (h ^ ' ') * prime
	}
	h ^= seed
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
