package seed

import (
	"slices"
	"strings"
	"unicode"
)

// A page that names its own publisher in the body's voice is speaking of
// itself, not telling the story: "Join ST's Telegram channel", "Support
// PREMIUM TIMES' journalism", "Paul Best is a reporter for Fox News
// Digital", "This column does not necessarily reflect the opinion of …
// Bloomberg LP". Stories name their publisher too, but as a party to the
// reporting ("told Reuters", "seen by The Telegraph", "Newsweek reached
// out to …", a dateline's "(Reuters) -"). Once the publisher is known,
// the first kind of line marks furniture on any outlet, whatever its
// vocabulary; this is the one signal that uses a page-level agreement (the
// publisher scorer's answer) to judge single lines.

// ownNames returns the spellings by which a page names its publisher:
// the name as chosen, without a leading "The", in capitals, as a web
// domain ("foxnews.com"), and its initials when it has three words or more
// ("SCMP"). Names are matched as written, so "The Local" does not match
// "the local council".
func ownNames(source string) []string {
	source = strings.TrimSpace(source)
	if len([]rune(source)) < 3 {
		return nil
	}
	bare := strings.TrimPrefix(source, "The ")
	names := []string{source, strings.ToUpper(source)}
	if bare != source && len([]rune(bare)) >= 3 {
		names = append(names, bare, strings.ToUpper(bare))
	}
	var initials, domain strings.Builder
	words := 0
	for _, w := range strings.Fields(bare) {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			continue // "of", "and"
		}
		words++
		initials.WriteRune(r[0])
		for _, c := range w {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				domain.WriteRune(unicode.ToLower(c))
			}
		}
	}
	if words >= 3 {
		names = append(names, initials.String())
	}
	if domain.Len() >= 3 {
		names = append(names, domain.String()+".com")
	}
	return names
}

// frameBefore and frameAfter are the words around a publisher's name that
// make it a party to the reporting rather than the page's own voice.
var (
	frameBefore = []string{"told ", "tells ", "telling ", "seen by ", "obtained by ",
		"reviewed by ", "compiled by ", "commissioned by ", "conducted by ",
		"analysed by ", "analyzed by ", "verified by ", "gathered by ",
		"according to ", "statement to ", "speaking to ", "spoke to ",
		"talking to ", "talked to ", "confirmed to ", "email to ", "e-mail to ",
		"comments to ", "interview with ", "spoke with ", "speaking with ",
		"talked with ", "said to ", "wrote to ", "explained to ", "("}
	frameAfter = []string{" reported", " reports", " first reported",
		" previously reported", " has learned", " has reported", " reached out",
		" contacted", " asked", " obtained", " reviewed", " revealed", " found",
		" understands", " said", " says", " announced", " analysis", " survey",
		" poll", "'s analysis", "’s analysis", "'s review", "’s review",
		"'s request", "’s request", "'s questions", "’s questions",
		" contributed", ")"}
)

// selfNaming reports whether s names the publisher, one of names, in the
// page's own voice: outside quotes and outside a reporting frame. A
// correction names the publisher to own its error and stays with the
// story it corrects.
func selfNaming(s string, names []string) bool {
	own, _ := publisherNamings(s, names)
	return own
}

// publisherNamings reports whether s names the publisher in the page's own voice
// (own) and whether it names it as a party to the reporting (framed).
func publisherNamings(s string, names []string) (own, framed bool) {
	if len(names) == 0 || strings.HasPrefix(s, "Correction") || strings.HasPrefix(s, "Clarification") {
		return false, false
	}
	s = unquoted(s)
	low := strings.ToLower(s)
	if strings.Contains(low, "contributed to this report") {
		return false, true
	}
	titled := capitalisedShare(s) >= 0.5
	for k, name := range names {
		text := s
		if k == len(names)-1 && strings.HasSuffix(name, ".com") {
			text = low
		}
		if titled && !strings.Contains(name, " ") && !isAllCaps(name) {
			continue // "What the Harbour Is Owed": in title case a one-word name is any word
		}
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			i += off
			j := i + len(name)
			off = j
			switch {
			case !wordEdge(text, i, j):
			case inFrame(low[:i], low[j:]):
				framed = true
			default:
				own = true
			}
		}
	}
	return own, framed
}

// inFrame reports whether the words before and after a publisher's name
// make it a party to the reporting.
func inFrame(before, after string) bool {
	for _, w := range frameBefore {
		if strings.HasSuffix(before, w) || strings.HasSuffix(before, w+"the ") {
			return true
		}
	}
	for _, w := range frameAfter {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// maxSelfTail bounds the lines at the end of the body searched for the
// page speaking of itself: an appeal, a disclaimer, a bio and a prompt.
const maxSelfTail = 4

// cutSelfNaming drops the body's lines in which the page names its
// publisher in its own voice: such a line that is not a strong paragraph,
// or that stands over a button, wherever it stands, and the end of the body from the first such line
// among its last maxSelfTail lines, or from a line just after one left
// out of the body already (an appeal's heading), when what follows is
// the page's voice too: it names the publisher only in its own voice and
// ends on such a line, or holds no strong paragraph that does not speak
// to the reader. At least two lines of the body stay.
func cutSelfNaming(ls []line, body []int, names []string) (kept, cut []int) {
	if len(names) == 0 || len(body) < 3 {
		return body, nil
	}
	own := make([]bool, len(body))
	framed := make([]bool, len(body))
	for k, i := range body {
		own[k], framed[k] = publisherNamings(ls[i].text, names)
	}
	from := len(body)
	for k := max(2, len(body)-maxSelfTail); k < len(body) && from == len(body); k++ {
		if slices.Contains(framed[k:], true) {
			continue // the story names its publisher as a party below
		}
		last := own[len(own)-1]
		switch {
		case own[k] && (last || pageVoice(ls, body[k+1:])):
			from = k
		case len(body)-k <= 3 && namedBefore(ls, body[k-1], body[k], names) && (last || pageVoice(ls, body[k:])):
			from = k
		}
	}
	for k, i := range body {
		switch {
		case k >= from:
			cut = append(cut, i)
		case own[k] && (!strongProse(ls[i].text) || overButton(ls, i)):
			cut = append(cut, i)
		default:
			kept = append(kept, i)
		}
	}
	return kept, cut
}

// overButton reports whether the line after i is a button calling to
// action ("Support Us"): the line is an appeal's.
func overButton(ls []line, i int) bool {
	return i+1 < len(ls) && ls[i+1].kind == kindJunk && callsToAction(ls[i+1].text)
}

// namedBefore reports whether a line between the body lines a and b, left
// out of the body already, names the publisher in the page's own voice.
func namedBefore(ls []line, a, b int, names []string) bool {
	for j := a + 1; j < b; j++ {
		if selfNaming(ls[j].text, names) {
			return true
		}
	}
	return false
}

// pageVoice reports whether none of the lines rest is a strong paragraph
// that does not speak to the reader or of the page.
func pageVoice(ls []line, rest []int) bool {
	for _, i := range rest {
		if strongProse(ls[i].text) {
			if reader, own := addressWords(ls[i].text); !reader && !own {
				return false
			}
		}
	}
	return true
}

// strongProse reports whether s is a strong paragraph: a score of
// proseStrong or more and no furniture signal.
func strongProse(s string) bool {
	p := scoreProse(s, false)
	return p.score >= proseStrong && p.furniture == 0
}
