package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"unicode/utf8"
)

// Analysis is an article's body tokenized once, for everything that reads
// its words when the article is stored: the dedupe keys, the near-duplicate
// Signature and the Document that topics match. Tokenizing was the costliest
// part of saving an article, and each of the three did it again. An
// Analysis belongs to the article it was made from at the time it was made;
// it is immutable and safe for concurrent use.
type Analysis struct {
	a *Article
	// words are the Words of a.Text; lines[i] is the index in words of the
	// first word of the text's line i (a paragraph), len(lines) lines.
	words []string
	lines []int
	// shingles are the hashes of the body's word 3-shingles, in text
	// order with repeats (see shingleSet), nil when the body is too short:
	// MinHash needs no set, and most articles are never compared.
	shingles []uint64
}

// Analyze tokenizes a's Text. a must not be nil nor change while the
// Analysis is used.
func Analyze(a *Article) *Analysis {
	x := &Analysis{a: a}
	x.words, x.lines = splitLines(fold(a.Text))
	x.shingles = shingleHashes(x.fingerprintWords(), 0)
	return x
}

// Article returns the analyzed article.
func (x *Analysis) Article() *Article {
	return x.a
}

// DedupeKeys is a.DedupeKeys for the analyzed article.
func (x *Analysis) DedupeKeys() []string {
	var keys []string
	if x.a.URL != "" {
		keys = append(keys, "url:"+x.a.URL)
	}
	if len(x.words) >= MinBodyWords {
		// The hash of the words joined by spaces, in one allocation.
		n := len(x.words) - 1
		for _, w := range x.words {
			n += len(w)
		}
		joined := make([]byte, 0, n)
		for i, w := range x.words {
			if i > 0 {
				joined = append(joined, ' ')
			}
			joined = append(joined, w...)
		}
		sum := sha256.Sum256(joined)
		keys = append(keys, "body:"+hex.EncodeToString(sum[:]))
	}
	return keys
}

// Document is NewDocument for the analyzed article.
func (x *Analysis) Document() *Document {
	return newDocument(x.a, x.words)
}

// Signature is a.Signature for the analyzed article.
func (x *Analysis) Signature() (Signature, bool) {
	if x.shingles == nil {
		return Signature{}, false
	}
	return minHash(x.shingles, 0), true
}

// line returns the words of line i.
func (x *Analysis) line(i int) []string {
	end := len(x.words)
	if i+1 < len(x.lines) {
		end = x.lines[i+1]
	}
	return x.words[x.lines[i]:end]
}

// fingerprintWords returns the words of the lines that are at least
// minParagraphWords long and not boilerplate, or nil when there are fewer
// than MinFingerprintWords of them.
func (x *Analysis) fingerprintWords() []string {
	out := make([]string, 0, len(x.words))
	phrases := boilerplatePhrases()
	for i := range x.lines {
		w := x.line(i)
		if len(w) >= minParagraphWords && !phrases.containsPhrase(w) {
			out = append(out, w...)
		}
	}
	if len(out) < MinFingerprintWords {
		return nil
	}
	return out
}

// splitLines splits folded text (see fold) into words, as Words does, and
// returns with them the index of the first word of each line: a line break
// is a separator, so the words are those of the whole text.
func splitLines(f string) (words []string, lines []int) {
	// English words average five letters and a separator.
	words = make([]string, 0, len(f)/6+1)
	lines = append(make([]int, 0, strings.Count(f, "\n")+1), 0)
	start := -1
	for i := 0; i < len(f); {
		c, size := rune(f[i]), 1
		var sep bool
		if c < utf8.RuneSelf {
			sep = isASCIISeparator(c)
		} else {
			c, size = utf8.DecodeRuneInString(f[i:])
			sep = isSeparator(c)
		}
		if sep {
			if start >= 0 {
				words = append(words, f[start:i])
				start = -1
			}
			if c == '\n' {
				lines = append(lines, len(words))
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		words = append(words, f[start:])
	}
	return words, lines
}

// shingleHashes returns the hashes of the word 3-shingles of words, in
// order, nil when words is nil.
func shingleHashes(words []string, seed uint64) []uint64 {
	if words == nil {
		return nil
	}
	hashes := make([]uint64, 0, max(len(words)-shingleWords+1, 0))
	// Each word is the third of one shingle, the second of the next and
	// the first of the one after: the three FNV-1a states are fed its
	// bytes together, three independent chains of multiplications that
	// the processor overlaps, where shingleHash, one shingle after the
	// other, waits for each multiplication (FuzzShingleHashes).
	const offset, prime = 14695981039346656037, 1099511628211
	h0, h1, h2 := uint64(offset), uint64(offset), uint64(offset)
	for i, w := range words {
		for j := 0; j < len(w); j++ {
			c := uint64(w[j])
			h0 = (h0 ^ c) * prime
			h1 = (h1 ^ c) * prime
			h2 = (h2 ^ c) * prime
		}
		h0 = (h0 ^ ' ') * prime
		h1 = (h1 ^ ' ') * prime
		h2 = (h2 ^ ' ') * prime
		if i >= shingleWords-1 {
			// h0 has had the words i-2, i-1 and i: shingle i-2 is done.
			hashes = append(hashes, splitMix(h0^seed))
		}
		h0, h1, h2 = h1, h2, offset
	}
	return hashes
}

// shingleSet returns the distinct hashes of shingleHashes, sorted.
func shingleSet(hashes []uint64) []uint64 {
	set := slices.Clone(hashes)
	slices.Sort(set)
	return slices.Compact(set)
}
