package normalize

import (
	"slices"
	"strings"
	"sync"
)

// Near-duplicate detection (issue 5) recognises the same story lightly edited
// by another outlet: a rewritten headline, a cut or added paragraph, a
// "(CNN) —" prefix, other quotes and dashes. It has two stages. The
// Signature, MinHash over the body's word 3-shingles cut into
// SignatureBands bands of two hashes each, finds candidates cheaply:
// storage indexes each band's key, and two bodies whose shingle sets have
// Jaccard similarity J share at least one band with probability
// 1-(1-J²)^12 (0.92 at the J = 0.44 of the weakest copy in testdata/neardup,
// the first half of a story; 0.9999 at the 0.74 of a write-through), while
// unrelated stories almost never share one: a key
// is the pair of minimum shingles under two hash functions, so the index
// entries a look-up reads do not grow with the store (a SimHash band of 16
// bits held n/65,536 unrelated entries). Then SameStory decides on the
// bodies themselves: the shingles of the shorter must be at least
// MinResemblance contained in the other's (see Resemblance). Measured on
// testdata/neardup, the copies resemble their originals at 0.93 and more;
// two templated earthquake briefs, the closest different stories, at 0.70.
const (
	// MinFingerprintWords is the least number of words, outside short
	// and boilerplate paragraphs, that a body needs to get a Signature:
	// shorter bodies (photo items, briefs, extraction failures that left
	// only cookie and newsletter text) are alike across unrelated stories.
	MinFingerprintWords = 60
	// MinResemblance is the least Resemblance of two bodies that are the
	// same story.
	MinResemblance = 0.8
	// SignatureBands is the number of band keys in a Signature.
	SignatureBands = 12
)

// bandRows is the number of MinHash values hashed into one band key. Two
// make a key that only bodies sharing both minimum shingles have; one would
// let a common phrase ("said in a statement") be the key of a share of all
// stories, and that bucket would grow with the store.
const bandRows = 2

// Signature holds the keys of a body's near-duplicate bands: two bodies
// that share a key are candidates, to be confirmed by SameStory.
type Signature [SignatureBands]uint32

// shingleWords is the number of consecutive words hashed as one feature.
// Single words make different stories on one topic look alike; longer
// shingles let every edited word change more features (measured: 3 keeps
// the most distance between the pairs in testdata/neardup).
const shingleWords = 3

// minParagraphWords is the length below which a paragraph is left out of
// the signature: datelines, bylines, "Posted:" stamps, "Advertisement",
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

// Signature returns the MinHash band keys of a's body: the distinct runs of
// three words (after Words folds case, accents, quotes and dashes) are
// hashed, and each band key combines the least hash under two of
// 2×SignatureBands hash functions. Paragraphs shorter than eight words and
// boilerplate paragraphs are left out. ok is false when fewer than
// MinFingerprintWords words remain: such a body cannot be told apart from
// another story's. The title never counts, because outlets rewrite it.
// Analyze(a).Signature() is the same.
func (a *Article) Signature() (sig Signature, ok bool) {
	return Analyze(a).Signature()
}

// SharesBand reports whether two signatures have a band key in common in
// the same band: their bodies are near-duplicate candidates.
func (s Signature) SharesBand(t Signature) bool {
	for i := range s {
		if s[i] == t[i] {
			return true
		}
	}
	return false
}

// Resemblance returns how much of the shorter of two bodies the other one
// contains: the share of its distinct word 3-shingles (as Signature counts
// them) found in the other, from 0 to 1. Containment rather than Jaccard
// similarity, so that a copy trimmed from the bottom, as wire copy is,
// still resembles the full story. It is 0 when either body has no
// Signature.
func Resemblance(a, b *Article) float64 {
	return resemblance(shingleSet(Analyze(a).shingles), shingleSet(Analyze(b).shingles))
}

// NearDuplicate reports whether a and b are the same story as two outlets
// carried it: both have a Signature, the signatures share a band, and
// SameStory holds.
func NearDuplicate(a, b *Article) bool {
	x, y := Analyze(a), Analyze(b)
	sa, ok := x.Signature()
	if !ok {
		return false
	}
	sb, ok := y.Signature()
	return ok && sa.SharesBand(sb) && SameStory(x, y)
}

// SameStory reports whether two analyzed bodies are the same story: their
// Resemblance is at least MinResemblance. Storage asks it of the candidates
// that share a band.
func SameStory(x, y *Analysis) bool {
	return resemblance(shingleSet(x.shingles), shingleSet(y.shingles)) >= MinResemblance
}

// resemblance is Resemblance of two shingle sets (see shingleSet).
func resemblance(sa, sb []uint64) float64 {
	if len(sa) == 0 || len(sb) == 0 {
		return 0
	}
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	shared := 0
	for i, j := 0, 0; i < len(sa) && j < len(sb); {
		switch {
		case sa[i] == sb[j]:
			shared++
			i++
			j++
		case sa[i] < sb[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) / float64(len(sa))
}

// minHash returns the band keys of non-empty shingle hashes (repeats
// change nothing). Hash function i
// is x ↦ mix((x XOR k_i) × φ), with k_i drawn from SplitMix64: the shingle
// hashes are already uniform, so one multiply and shift per function keep
// the minima independent enough (TestSignatureSeeds measures the recall);
// a key hashes the two minima of its band.
func minHash(shingles []uint64, seed uint64) Signature {
	const rows = SignatureBands * bandRows
	var keys, mins [rows]uint64
	state := seed
	for i := range keys {
		state += 0x9e3779b97f4a7c15
		keys[i] = splitMix(state)
		mins[i] = ^uint64(0)
	}
	for _, x := range shingles {
		for i, k := range keys {
			v := (x ^ k) * 0x9e3779b97f4a7c15
			v ^= v >> 29
			mins[i] = min(mins[i], v)
		}
	}
	var sig Signature
	for b := range sig {
		sig[b] = uint32(splitMix(mins[b*bandRows]*0xbf58476d1ce4e5b9^mins[b*bandRows+1]) >> 32)
	}
	return sig
}

// phraseSet is a list of phrases, each a run of words, indexed by the first
// byte of their first word so that most words are rejected with one look-up
// and the others compared with the few phrases that start like them.
type phraseSet struct {
	first [256][][]string
}

// boilerplatePhrases is boilerplate as a phraseSet, built once: it is read
// for every paragraph of every article stored.
var boilerplatePhrases = sync.OnceValue(func() *phraseSet {
	set := &phraseSet{}
	for _, p := range boilerplate() {
		words := strings.Fields(p)
		set.first[words[0][0]] = append(set.first[words[0][0]], words)
	}
	return set
})

// containsPhrase reports whether words contain one of the phrases as a run
// of whole words.
func (set *phraseSet) containsPhrase(words []string) bool {
	for i, w := range words {
		for _, p := range set.first[w[0]] {
			if w == p[0] && len(words)-i >= len(p) && slices.Equal(words[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// shingleHash hashes a run of words with FNV-1a and a SplitMix64 finaliser:
// FNV alone leaves the high bits poorly mixed for short inputs, and the
// MinHash functions order shingles by their high bits. It is fixed, not
// seeded, because signatures are stored; seed is 0 but in tests.
func shingleHash(words []string, seed uint64) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * prime
		}
		h = (h ^ ' ') * prime
	}
	return splitMix(h ^ seed)
}

// splitMix is the SplitMix64 finaliser: every input bit changes about
// half of the output bits.
func splitMix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
