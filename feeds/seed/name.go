package seed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// particles are the lower-case words inside names: "Nidal al-Mughrabi",
// "Ursula von der Leyen".
var particles = setOf(
	"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "del", "della",
	"der", "den", "van", "von", "la", "le", "dos", "das", "do", "ter", "ten",
	"y", "e", "zu", "af", "av",
)

// romanNumerals stay in capitals: "John Smith III".
var romanNumerals = setOf("ii", "iii", "iv", "vi", "vii", "viii")

// titleCaseName cases a name written in capitals: "LAHAV HARKOV" becomes
// "Lahav Harkov", "BEN-DAVID" "Ben-David", "MIKULIĆ" "Mikulić",
// "O'BRIEN" "O'Brien" and "NIDAL AL-MUGHRABI" "Nidal al-Mughrabi".
func titleCaseName(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = caseNameWord(w, i == 0)
	}
	return strings.Join(ws, " ")
}

// caseNameWord cases one word of a name, segment by segment across hyphens.
func caseNameWord(w string, first bool) string {
	lw := strings.ToLower(w)
	if romanNumerals[lw] {
		return w
	}
	segs := strings.Split(lw, "-")
	for j, seg := range segs {
		if !first && j == 0 && particles[seg] {
			continue
		}
		segs[j] = caseApostrophes(seg)
	}
	return strings.Join(segs, "-")
}

// caseApostrophes capitalises each part of "o'brien" or "d’angelo".
func caseApostrophes(seg string) string {
	parts := strings.FieldsFunc(seg, func(r rune) bool { return r == '\'' || r == '’' })
	if len(parts) == 0 {
		return seg
	}
	var b strings.Builder
	rest := seg
	for _, p := range parts {
		i := strings.Index(rest, p)
		b.WriteString(rest[:i])
		b.WriteString(capitalize(p))
		rest = rest[i+len(p):]
	}
	b.WriteString(rest)
	return b.String()
}

// capitalize upper-cases the first letter of a lower-case word, and the
// letter after a "Mc" prefix.
func capitalize(w string) string {
	if len(w) > 3 && strings.HasPrefix(w, "mc") {
		return "Mc" + capitalize(w[2:])
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToTitle(r)) + w[n:]
}
