package seed

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Prose scores. A text line of the body scoring proseMin or more is kept
// as a paragraph; one scoring proseStrong or more also carries the body on
// past the furniture before it.
const (
	proseMin    = 3
	proseStrong = 4
)

// prose is how much a line reads like a paragraph of running text: a score
// summed from general features of its words, whether any of them is a
// furniture signal (a call to action, an address, a label over a
// headline), and the features for Explain.
type prose struct {
	score     int
	furniture int  // how many furniture signals fired
	repeated  bool // the text occurs elsewhere on the page
	caps      bool // one of them is capitals or every word capitalised
	cta       bool // one of them is a call to action
	reader    bool // one of them is addressing the reader
	// features are recorded only by explainProse, so that Parse
	// allocates nothing for them.
	features []feature
	record   bool
}

// feature is one term of a prose score.
type feature struct {
	points int
	name   string
}

// isProse reports whether the line scores as a paragraph and carries at
// most one furniture signal: two independent ones ("(… this story …)" in
// brackets) mark furniture however long the line.
func (p prose) isProse() bool { return p.score >= proseMin && p.furniture < 2 }

// String renders the score and its features: "prose 6 (+2 sentence-final
// punctuation, …)". Only Explain calls it, so scoring allocates no text.
func (p prose) String() string {
	var b strings.Builder
	b.WriteString("prose score " + strconv.Itoa(p.score) + " (")
	for i, f := range p.features {
		if i > 0 {
			b.WriteString(", ")
		}
		if f.points > 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(f.points) + " " + f.name)
	}
	b.WriteByte(')')
	return b.String()
}

// add adds a feature's points to the score.
func (p *prose) add(points int, name string, furniture bool) {
	p.score += points
	if furniture {
		p.furniture++
	}
	if p.record {
		p.features = append(p.features, feature{points, name})
	}
}

// explainProse scores s as scoreProse does and records the features.
func explainProse(s string, repeated bool) prose {
	return scoreText(s, prose{repeated: repeated, record: true})
}

// scoreProse scores a line of text for prose-likeness. repeated says that
// the same text occurs elsewhere on the page (a teaser or a widget printed
// twice). Nothing in it is an outlet's vocabulary: it looks at length,
// punctuation, case, a finite verb, quotes, and at the shapes furniture
// takes on any site (an imperative addressed to the reader, a "Label:"
// over a headline, an address or handle, capitals, symbols).
func scoreProse(s string, repeated bool) prose {
	return scoreText(s, prose{repeated: repeated})
}

// scoreText scores s into p, which says whether s is repeated and
// whether to record the features.
func scoreText(s string, p prose) prose {
	ws := strings.Fields(s)
	n := len(ws)
	if !hasLetter(s) {
		p.add(-5, "no letters", true)
		return p
	}
	switch {
	case n >= 40:
		p.add(4, "40+ words", false)
	case n >= 20:
		p.add(3, "20+ words", false)
	case n >= 10:
		p.add(2, "10+ words", false)
	case n >= 5:
		p.add(1, "5+ words", false)
	}
	ellipsis := strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")
	terminated := endsSentence(s) && !(ellipsis && n < 8)
	switch {
	case terminated:
		p.add(2, "sentence-final punctuation", false)
	case n < 20:
		p.add(-1, "unterminated", false)
	}
	lower := lowerShare(ws)
	if lower >= 0.4 {
		p.add(1, "lower-case words", false)
		if strings.Contains(s, ", ") {
			p.add(1, "commas", false)
		}
	}
	if strings.ContainsAny(s, "“”\"«»") {
		p.add(1, "quotes", false)
	}
	if hasVerbCue(ws) {
		p.add(1, "finite verb", false)
	} else if n < 20 {
		p.add(-1, "no finite verb", false)
	}
	scoreFurniture(&p, s, ws, terminated, lower)
	if p.repeated {
		p.add(-2, "repeated on the page", true)
	}
	return p
}

// scoreFurniture subtracts the signals of page furniture from p.
func scoreFurniture(p *prose, s string, ws []string, terminated bool, lower float64) {
	n := len(ws)
	switch {
	case n >= 2 && isAllCaps(s):
		p.add(-3, "all capitals", true)
		p.caps = true
	case n >= 3 && !terminated && lower < 0.25, n >= 5 && lower == 0:
		p.add(-2, "every word capitalised", true) // a headline, with or without a full stop
		p.caps = true
	}
	if hasLabelOverHeadline(s) {
		p.add(-3, "label: headline", true)
	}
	if isLinkLike(s) {
		p.add(-4, "address, link or handle", true)
	}
	if noteLabelRE.MatchString(s) {
		p.add(-1, "a note to the reader", true)
	}
	if strings.ContainsAny(s, "™©®") || strings.Count(s, " | ") >= 2 {
		p.add(-3, "symbols or separators", true)
	}
	if strings.HasPrefix(s, "(") && strings.HasSuffix(strings.TrimSuffix(s, "."), ")") {
		p.add(-2, "wholly in brackets", true)
	}
	own := unquoted(s)
	if isCallToAction(own) {
		if before, ok := closingAside(own); ok && !isCallToAction(before) {
			p.add(-2, "call to action in a closing aside", true)
		} else {
			p.add(-5, "call to action", true)
		}
		p.cta = true
	}
	if pointsHere(own) {
		p.add(-3, "points to a link (… can be found here)", true)
	}
	reader, self := addressWords(own)
	if reader {
		p.add(-2, "addresses the reader", true)
		p.reader = true
	}
	if self {
		p.add(-3, "speaks of the page itself", true)
	}
}

// closingAside returns the text of s before a closing aside in brackets
// ("… News Feed. (Read more about our partnership with Facebook.)") when a
// sentence of ten words or more stands before it. A link's aside ending
// a paragraph is weaker evidence of furniture than a line that is all
// prompt: the paragraph is the story's.
func closingAside(s string) (string, bool) {
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, ").") {
		return "", false
	}
	i := strings.LastIndex(s, " (")
	if i < 0 || strings.Contains(s[i+2:], "(") {
		return "", false
	}
	before := strings.TrimSpace(s[:i])
	return before, endsSentence(before) && wordCount(before) >= 10
}

// lowerShare is the share of the words after the first that start with a
// lower-case letter, among those that have a letter.
func lowerShare(ws []string) float64 {
	lower, words := 0, 0
	for _, w := range ws[min(1, len(ws)):] {
		for _, r := range w {
			if unicode.IsLetter(r) {
				words++
				if unicode.IsLower(r) {
					lower++
				}
				break
			}
		}
	}
	if words == 0 {
		return 0
	}
	return float64(lower) / float64(words)
}

// verbCues are the auxiliaries, modals and reporting verbs that nearly
// every English sentence of news has one of.
var verbCues = setOf("is", "are", "was", "were", "be", "been", "being", "has",
	"have", "had", "will", "would", "can", "could", "may", "might", "must",
	"should", "shall", "do", "does", "did", "said", "says", "told", "say",
	"it's", "isn't", "wasn't", "don't", "didn't", "won't", "can't",
	// Auxiliaries of French, German, Spanish, Portuguese and Italian that
	// are no English word or zone ("est", "war", "hat", "son", "era" are
	// left out).
	"sont", "ont", "était", "été", "sera", "ist", "sind", "haben", "wurde",
	"wird", "werden", "es", "fue", "será", "é", "foi", "tem", "è", "sono",
	"stato")

// hasVerbCue reports whether a word of ws is a verb cue or a lower-case
// past form in "-ed".
func hasVerbCue(ws []string) bool {
	for _, w := range ws {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
		w = strings.ReplaceAll(w, "’", "'")
		if verbCues[strings.ToLower(w)] {
			return true
		}
		if len(w) >= 5 && strings.HasSuffix(w, "ed") && startsLower(w) {
			return true
		}
	}
	return false
}

// hasLabelOverHeadline reports whether s is a short label and a colon
// before an unterminated headline: "More: East side residents pack
// meeting", "FILED UNDER: Congress, Airlines", also set off by a bar
// ("See also | Court rules on …"). A label before a sentence ("Why it
// matters: Car prices …") is a body's lead-in.
func hasLabelOverHeadline(s string) bool {
	label, rest, ok := strings.Cut(s, ": ")
	if !ok {
		label, rest, ok = strings.Cut(s, " | ")
	}
	if !ok || wordCount(label) > 4 || !startsUpper(label) || strings.ContainsFunc(label, unicode.IsDigit) {
		return false
	}
	// A headline opens on a capital; "The fix: coalesce requests in
	// flight" is a subhead running on in lower case.
	return wordCount(rest) >= 2 && !endsSentence(rest) && !startsLower(rest)
}

// noteLabelRE matches the label of a note to the reader about the page
// itself: "Note: …", "Editor's note: …", "Correction, May 3, 2022: …".
// With an imperative to the
// reader ("Please check the audio before quoting it") it is furniture;
// alone it is one signal and a long note stays.
var noteLabelRE = regexp.MustCompile(`^(?i:(?:editor'?s |editors’ |editor’s )?note|correction|clarification)(?:, [^:]{1,30})?:\s`)

// isLinkLike reports whether s holds a web address, an e-mail address or
// a social-media handle.
func isLinkLike(s string) bool {
	low := strings.ToLower(s)
	if strings.Contains(low, "http://") || strings.Contains(low, "https://") || strings.Contains(low, "www.") {
		return true
	}
	for _, w := range strings.Fields(low) {
		w = strings.TrimRight(w, ".,;:!?)\"”")
		if at := strings.IndexByte(w, '@'); at >= 0 && (at == 0 && len(w) > 2 || strings.Contains(w[at:], ".")) {
			return true
		}
		if dot := strings.LastIndexByte(w, '.'); dot > 0 && webSuffixes[w[dot+1:]] && hasLetter(w[:dot]) {
			return true
		}
	}
	return false
}

// webSuffixes are the domain endings that make a word an address
// ("Foxnews.com", "NDTV.com").
var webSuffixes = setOf("com", "org", "net", "gov", "edu", "io", "tv", "news", "info", "uk", "au", "in", "ca")

// unquoted returns s without its quoted passages, so that what the people
// quoted say is not taken for the page's own voice. An unclosed quote runs
// to the end of the line.
func unquoted(s string) string {
	if !strings.ContainsAny(s, "“\"«") {
		return s
	}
	var b strings.Builder
	var closer rune
	for _, r := range s {
		switch {
		case closer != 0:
			if r == closer {
				closer = 0
			}
		case r == '“':
			closer = '”'
		case r == '"':
			closer = '"'
		case r == '«':
			closer = '»'
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ctaVerbs open a call to action whatever follows them; ctaObjectVerbs
// only when the next word is one of ctaObjects ("Follow us", "Get the
// latest", "Read more"), since "Support for the bill grew" is prose.
var (
	ctaVerbs = setOf("subscribe", "click", "tap", "download", "donate",
		"register", "republish", "upgrade", "unlock", "bookmark", "install",
		"please", "join", "get", "follow", "sign", "watch", "listen", "scroll")
	ctaObjectVerbs = setOf("read", "share", "support", "become", "help",
		"check", "track", "type", "enter", "visit", "contact", "reach",
		"email", "send", "submit", "log", "write", "explore", "discover",
		"learn", "find", "see", "try",
		"start", "claim", "tell", "give", "save", "comment", "view", "browse",
		"continue",
		"stay", "keep", "shop", "order", "go", "make", "like")
	ctaObjects = setOf("us", "our", "your", "me", "here", "now", "out", "up",
		"in", "more", "free", "tuned", "informed", "updated", "reading",
		"deeper", "today", "on", "the", "a", "an", "this", "to", "below",
		"down")
)

// openers are the words that open a sentence before "our" or "your"
// without being a verb: prepositions, conjunctions, quantifiers,
// pronouns, auxiliaries and sentence adverbs (and any word in "-ly").
var openers = setOf("about", "above", "across", "after", "against", "along",
	"among", "around", "at", "before", "behind", "below", "beneath",
	"beside", "between", "beyond", "by", "despite", "during", "except",
	"for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto",
	"outside", "over", "past", "since", "through", "throughout", "to",
	"toward", "towards", "under", "until", "unlike", "upon", "with",
	"within", "without", "and", "but", "or", "so", "yet", "if", "when",
	"while", "because", "as", "like", "all", "both", "half", "then", "now",
	"today", "here", "there", "once", "unless", "whether", "where", "how",
	"what", "why", "who", "in", "whatever", "whoever", "even", "only",
	"also", "not", "nor", "than", "that", "this", "these", "those", "one",
	"none", "most", "many", "some", "each", "every", "any", "either",
	"neither", "the", "a", "an", "let", "help", "thank", "thanks", "is", "are", "was",
	"were", "do", "does", "did", "will", "would", "can", "could", "should",
	"may", "might", "must", "have", "has", "had", "meanwhile", "still",
	"however", "instead", "indeed", "yesterday", "tonight", "tomorrow",
	"perhaps", "maybe", "together", "soon", "later", "first", "again",
	"i", "we", "they", "he", "she", "it", "you")

// isCallToAction reports whether a sentence of s starts with an
// imperative addressed to the reader: "Sign up for …", "Subscribe …",
// "Click here", "Follow us …", "Thanks for reading …", "Don't miss …",
// or any verb straight before "your", "our" or "us" ("Access your …").
func isCallToAction(s string) bool {
	ws := strings.Fields(s)
	for i, w := range ws {
		if i > 0 && !endsClause(ws[i-1]) {
			continue
		}
		first := strings.ToLower(strings.Trim(w, "([\"'“‘"))
		next := ""
		if i+1 < len(ws) {
			next = strings.ToLower(strings.Trim(ws[i+1], ",.:;!?\"”"))
		}
		// After a spaced dash the imperative runs on in lower case:
		// "We're hiring — see our open roles."
		dashed := i > 0 && (ws[i-1] == "—" || ws[i-1] == "–")
		if !startsUpper(w) && !dashed {
			continue
		}
		switch {
		case ctaVerbs[first]:
			return true
		case ctaObjectVerbs[first] && ctaObjects[next] && (first != "like" || next == "us" || next == "our"):
			return true
		case ctaObjectVerbs[first] && endsWithHere(ws[i:]):
			return true // "Send it to the newsdesk here.": a link's anchor
		case (first == "here's" || first == "here’s") && (next == "how" || next == "what" || next == "where") && addressesReader(ws[i:]):
			return true // "Here’s how to vote by mail where you live.": a link's teaser
		case (first == "thanks" || first == "thank") && (next == "for" || next == "you"):
			return true
		case (first == "don't" || first == "don’t" || first == "never") && (next == "miss" || next == "forget"):
			return true
		case (first == "will" || first == "would") && next == "you" && i+2 < len(ws) && (ctaVerbs[strings.ToLower(ws[i+2])] || ctaObjectVerbs[strings.ToLower(ws[i+2])] || strings.EqualFold(ws[i+2], "consider")):
			return true // "Will you support our journalism?"
		case (next == "your" || next == "our" || i+1 < len(ws) && ws[i+1] == "us") && !openers[first] && !strings.HasSuffix(first, "ly") && !strings.ContainsAny(w, ",;"):
			return true // "Access your favourite topics …", "Protect our …"
		}
	}
	return false
}

// endsWithHere reports whether the sentence opening ws ends in "here", the
// anchor of a link.
func endsWithHere(ws []string) bool {
	for _, w := range ws {
		if endsClause(w) {
			return strings.EqualFold(strings.TrimRight(w, ".!?:\"'”’)"), "here")
		}
	}
	return false
}

// addressesReader reports whether the words ws say "you" or "your".
func addressesReader(ws []string) bool {
	reader, _ := addressWords(strings.Join(ws, " "))
	return reader
}

// hereParticiples are the words before a link's "here" at the end of a
// sentence pointing to it: "… which can be viewed here."
var hereParticiples = setOf("viewed", "found", "read", "seen", "accessed",
	"downloaded", "available", "listed", "registered")

// pointsHere reports whether s ends on a pointer to a link: "Our
// guidelines can be viewed here.", "The full report is available here."
func pointsHere(s string) bool {
	ws := strings.Fields(strings.TrimRight(s, ".!\"”’ "))
	n := len(ws)
	return n >= 3 && strings.EqualFold(ws[n-1], "here") && hereParticiples[strings.ToLower(ws[n-2])]
}

// endsClause reports whether a word ends a sentence or a label, so that
// the next word opens one.
func endsClause(w string) bool {
	w = strings.TrimRight(w, "\"'”’)")
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, ":") || strings.HasSuffix(w, "–") || strings.HasSuffix(w, "—")
}

// selfNouns are what a page calls itself and its service: "this
// article", "our newsletter".
var selfNouns = setOf("article", "articles", "story", "stories", "newsletter",
	"newsletters", "page", "post", "site", "website", "podcast", "episode",
	"journalism", "reporting", "newsroom", "app", "coverage", "readers",
	"subscribers", "content", "inbox", "mission", "journalists", "comments",
	"guidelines")

// addressWords reports whether s, outside quotes, speaks to the reader
// ("you", "your") or speaks of the page itself ("this article", "our
// newsletter", "the full article", a short unterminated "Story continues below",
// a sentence opening on its comments: "Comments are moderated."). The outlet's "we" alone is no signal: opinion pieces and
// blogs speak as "we" in their text.
func addressWords(s string) (reader, self bool) {
	ws := strings.Fields(s)
	for i, w := range ws {
		w = strings.ReplaceAll(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }), "’", "'")
		lw := strings.ToLower(w)
		switch lw {
		case "you", "your", "you're", "you'll", "you've", "yours":
			reader = true
		}
		// "this article", "our newsletter", "the full article" (a
		// summary's pointer to the story it stands in for).
		full := lw == "full" && i > 0 && strings.EqualFold(ws[i-1], "the")
		if (lw == "this" || lw == "our" || full) && i+1 < len(ws) && selfNouns[strings.ToLower(strings.Trim(ws[i+1], ".,;:!?"))] {
			self = true
		}
		if i == 0 && len(ws) > 1 && len(ws) <= 8 && selfNouns[lw] && startsLower(ws[1]) && !endsSentence(s) {
			self = true // "Story continues below advertisement"
		}
		if (lw == "comments" || lw == "commenting") && w[0] == 'C' && (i == 0 || endsClause(ws[i-1])) && i+1 < len(ws) &&
			!commentAuthorWords[strings.ToLower(ws[i+1])] && sentenceWords(ws[i:]) <= maxWidgetNote {
			self = true // the page's comments widget: "Comments not loading?", "Comments are closed."
		}
	}
	return reader, self
}

// maxWidgetNote is the most words a comments widget's note runs to
// ("Comments are moderated before they appear."); a sentence of news
// opening on "Comments" runs on ("Comments submitted to the board were
// overwhelmingly negative.").
const maxWidgetNote = 6

// sentenceWords returns how many of ws make the sentence they open: up to
// the first word ending one, or all of them.
func sentenceWords(ws []string) int {
	for i, w := range ws {
		if endsSentence(w) {
			return i + 1
		}
	}
	return len(ws)
}

// commentAuthorWords follow "Comments" opening a sentence of news, which
// then reports what someone said ("Comments by the minister …"), not the
// page's comments widget.
var commentAuthorWords = setOf("by", "from", "made", "attributed")
