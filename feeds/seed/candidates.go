package seed

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A naming is one place where the page names a publisher: a line of its
// own above the headline, the answer of firstPublisher's rules, the
// copyright holder, or the page speaking of the name ("Get the X app", "a
// reporter at X", "Photo by … / X").
type naming struct {
	name    string
	key     []string // the name's words, normalised by nameKey
	line    int      // index of the line, -1 for a rule's answer
	signal  string   // what named it, for Explain
	company bool     // a copyright holder written as a company ("X Media, LLC")
}

// companyWords end a company's name rather than a publication's: the
// holder "Newsweek Digital LLC" names the publication "Newsweek".
var companyWords = setOf("ltd", "ltd.", "limited", "inc", "inc.", "llc", "pvt",
	"pte", "plc", "co", "co.", "corp", "corp.", "corporation", "media",
	"group", "digital", "publishing", "publications", "company", "holdings",
	"newspaper", "newspapers", "dac", "gmbh", "ag", "sa", "s.a.", "srl",
	"s.r.l.", "fc", "afc", "ab", "bv", "nv", "pty", "sas", "oy", "asa", "kg")

// nameKey returns the words that identify a publisher's name across its
// spellings: lower case, without a leading "The", a web domain's ending or
// trailing company words, a run-together name split ("TheAtlantic.com" and
// "The Atlantic Monthly Group" give "atlantic" and "atlantic monthly"). It
// also reports whether company words were dropped.
func nameKey(name string) (key []string, company bool) {
	name = domainSuffixRE.ReplaceAllString(name, "")
	for _, w := range strings.Fields(splitCamel(name)) {
		w = strings.ToLower(strings.Trim(w, ",;:"))
		if w != "" {
			key = append(key, w)
		}
	}
	if len(key) > 1 && key[0] == "the" {
		key = key[1:]
	}
	for len(key) > 1 && companyWords[key[len(key)-1]] {
		key, company = key[:len(key)-1], true
	}
	if n := len(key); n > 0 {
		key[n-1] = domainSuffixRE.ReplaceAllString(key[n-1], "") // "EURACTIV.COM PLC"
	}
	// A sports club's legal form: "Rovers Football Club" is "Rovers FC".
	if n := len(key); n > 2 && key[n-2] == "football" && key[n-1] == "club" {
		key, company = key[:n-2], true
	}
	return key, company
}

// splitCamel puts a space where a lower-case letter meets a capital in a
// run-together name: "TheAtlantic" becomes "The Atlantic".
func splitCamel(s string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// supports reports whether a naming keyed by s counts for the candidate
// keyed by c: the same name, or a longer name that opens with it and goes
// on in words, not a number ("CNA Insider" and "Haaretz Daily Newspaper"
// count for "CNA" and "Haaretz", a sub-brand and a company named after
// the publication; "France 24" is not "France").
func supports(s, c []string) bool {
	if len(s) < len(c) || !slices.Equal(s[:len(c)], c) {
		return false
	}
	for _, w := range s[len(c):] {
		if w[0] >= '0' && w[0] <= '9' {
			return false
		}
	}
	return true
}

// maxCandidates bounds the name lines above the headline that become
// candidates, so a page of long menus costs no more than a few lines of
// scoring per line.
const maxCandidates = 40

// The signals of namings.
const (
	signalRule     = "rule"
	signalOutlet   = "outlet under a byline"
	signalMasthead = "masthead"
	signalHeader   = "line above the headline"
	signalHolder   = "copyright holder"
	signalPage     = "named by the page"
)

// weights are the signals' scores. A rule's answer (a navigation row, a
// staff byline's outlet, the page's own prompt) counts twice; it supports
// only its own name, not a shorter one.
var weights = map[string]int{signalRule: 2, signalOutlet: 2, signalMasthead: 1, signalHeader: 1, signalHolder: 1, signalPage: 1}

// priority breaks ties between candidates of equal score.
var priority = map[string]int{signalOutlet: 5, signalRule: 4, signalMasthead: 3, signalHolder: 2, signalHeader: 1}

// publisher returns the publisher's name and, for Explain, why it won:
// the candidate with the highest score, the weights of the namings that
// support it, one per line. A candidate is eligible when a rule names it,
// when it is the copyright holder, when two namings or more support it,
// or, when the holder is only a company ("Vox Media, LLC", "THG
// Publishing Pvt Ltd"), when it is the first name above the headline: the
// publication the company owns; a name heading the menu (menuHead) is
// eligible too. Among eligible candidates a company-form
// holder ranks last; ties go to a rule's answer, then the masthead line,
// the holder, the earliest line. It also returns the index of the first
// line that names the winner, -1 when only a rule does. The bylines after
// end, the article's end (a guest book, comments), name no publisher.
func publisher(ls []line, head, end int) (name, why string, at int) {
	ns := namings(ls, head, end)
	// "Crossroads Asia | Politics" names a blog the menu lists among
	// others: the rule that read the row took a section for the outlet.
	if len(ns) > 0 && ns[0].signal == signalRule && isMenuItem(ls, ns, ns[0]) {
		ns = ns[1:]
	}
	top := menuHead(ls, head)
	firstHeader := slices.IndexFunc(ns, func(n naming) bool { return n.signal == signalHeader || n.signal == signalMasthead })
	companyHolder := slices.ContainsFunc(ns, func(n naming) bool { return n.company })
	best := -1
	var bestRank [3]int
	type ranked struct {
		i    int
		rank [3]int
	}
	var eligibles []ranked // for Explain: the candidates the winner beat
	for i, c := range ns {
		if c.signal == signalPage {
			continue // a mention supports its candidate; it is none itself
		}
		if c.signal == signalHeader && head-c.line <= 2 && wordCount(c.name) == 1 && slices.IndexFunc(ns, func(n naming) bool { return n.signal == signalHeader }) != i {
			continue // "Education" over the headline: the story's section crumb
		}
		score, companyOnly, count := support(ns, c)
		eligible := c.signal == signalRule || c.signal == signalOutlet || c.signal == signalMasthead || c.signal == signalHolder || count >= 2 || i == firstHeader && companyHolder ||
			c.signal == signalHeader && c.line == top
		if !eligible {
			continue
		}
		rank := [3]int{1, score, priority[c.signal]}
		if companyOnly {
			rank[0] = 0
		}
		if c.company {
			rank[2] = 0 // the same name spelled elsewhere without company words
		}
		eligibles = append(eligibles, ranked{i, rank})
		if best < 0 || slices.Compare(rank[:], bestRank[:]) > 0 {
			best, bestRank = i, rank
		}
	}
	if best < 0 {
		return "", "", -1
	}
	best = fullerSpelling(ns, best)
	best = ownTitle(ns, best)
	best = titleOverSection(ns, best)
	best = plainTitle(ls, ns, best)
	_, _, count := support(ns, ns[best])
	at = -1
	var whys []string
	for _, s := range ns {
		if supportsNaming(s, ns[best]) {
			whys = append(whys, s.signal)
			if s.line >= 0 && (at < 0 || s.line < at) {
				at = s.line
			}
		}
	}
	why = fmt.Sprintf("source %q won with score %d from %d naming(s): %s", ns[best].name, bestRank[1], count, strings.Join(whys, ", "))
	// The runners-up, best first, one per name: where to look when the
	// source comes out wrong.
	slices.SortStableFunc(eligibles, func(a, b ranked) int { return slices.Compare(b.rank[:], a.rank[:]) })
	var beaten []string
	seen := [][]string{ns[best].key}
	for _, e := range eligibles {
		if len(beaten) == 2 {
			break
		}
		if c := ns[e.i]; !slices.ContainsFunc(seen, func(k []string) bool { return slices.Equal(k, c.key) }) {
			seen = append(seen, c.key)
			beaten = append(beaten, fmt.Sprintf("%q (%s, score %d)", c.name, c.signal, e.rank[1]))
		}
	}
	if len(beaten) > 0 {
		why += "; beaten: " + strings.Join(beaten, ", ")
	}
	return withoutEdition(ls, withThe(ls, withoutHome(ns[best].name))), why, at
}

// isMenuItem reports whether c is named by a line of the menu above the
// headline that sits after two other items, with more of the menu after
// it: a section's or a blog's name, not the publisher's, which heads its
// menu.
func isMenuItem(ls []line, ns []naming, c naming) bool {
	for _, s := range ns {
		if s.signal == signalHeader && s.line > 1 && slices.Equal(s.key, c.key) && ls[s.line].kind == kindCrumb && ls[s.line-1].kind == kindCrumb && ls[s.line-2].kind == kindCrumb &&
			s.line+1 < len(ls) && (ls[s.line+1].kind == kindCrumb || ls[s.line+1].kind == kindNav) {
			return true
		}
	}
	return false
}

// menuItems is how many menu items must follow a name for the name to
// head the menu.
const menuItems = 3

// menuHead returns the index of the line above the headline that heads
// the page's menu: a name line, with no menu item before it (skip links
// and prompts may be, "Home" may not), followed by
// menu items, three or more (junk between them aside). It is the
// masthead whose sections the items are ("Harbour Times" / "Politics" /
// "Business" / "Sport" / …), told from a section by its place, not its
// words; a section the story sits in is printed again, over the
// headline. It returns -1 when there is none.
func menuHead(ls []line, head int) int {
	for i := range min(max(head, 0), len(ls)) {
		if ls[i].kind != kindCrumb && ls[i].kind != kindNav && !isSectionLabel(ls[i].text) {
			continue // skip links, a date, an appeal
		}
		if !isHeaderName(ls[i]) {
			return -1 // "Home", "Portada": the menu opens with a section
		}
		if slices.ContainsFunc(ls[i+1:head], func(l line) bool { return l.text == ls[i].text }) {
			return -1 // a section, printed again over the headline
		}
		n := 0
		for _, l := range ls[i+1 : head] {
			if l.kind == kindJunk {
				continue
			}
			if l.kind != kindCrumb && l.kind != kindNav {
				break
			}
			if n++; n == menuItems {
				return i
			}
		}
		return -1
	}
	return -1
}

// withoutHome returns a masthead's name without the "Home" of the logo's
// link ("BuzzFeed News" for "BuzzFeed News Home"), else name.
func withoutHome(name string) string {
	if rest, ok := strings.CutSuffix(name, " Home"); ok && isMasthead(rest) {
		return rest
	}
	return name
}

// editionWords end the name of a publication's regional edition: "The
// Local Europe", "Harbour Times International".
var editionWords = setOf("europe", "asia", "africa", "americas", "america",
	"oceania", "international", "global", "uk", "us", "usa")

// withoutEdition returns the publication's name without its edition
// ("The Local" for "The Local Europe") when the page's own prompt names
// the publication so ("Join The Local"), else name. A staff byline
// ("Nikkei staff writer") is no such prompt: "Nikkei Asia" is a title.
func withoutEdition(ls []line, name string) string {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 || !editionWords[strings.ToLower(name[i+1:])] || wordCount(name[:i]) < 1 {
		return name
	}
	short := name[:i]
	if k, _ := nameKey(short); len(k) == 0 || k[0] == "the" {
		return name
	}
	for _, l := range ls {
		low := strings.ToLower(l.text)
		for _, p := range []string{"join ", "subscribe to ", "support ", "follow "} {
			if strings.HasPrefix(low, p) && strings.TrimSpace(l.text[len(p):]) == short {
				return short
			}
		}
	}
	return name
}

// withThe returns name with the "The" of its title when the page's own
// furniture prints it so ("Stay up to date with notifications from The
// Independent" under an "Independent" masthead), else name. A copyright
// line names the holder ("© The Harbour Review"), not the title, and
// does not count.
func withThe(ls []line, name string) string {
	if strings.HasPrefix(name, "The ") {
		return name
	}
	full := "The " + name
	for _, l := range ls {
		if l.kind != kindJunk || copyrightHolder(l.text) != "" {
			continue // prose writes "The" before names that go without it: "told The Associated Press"
		}
		if i := strings.Index(l.text, full); i >= 0 && wordEdge(l.text, i, i+len(full)) && !startsUpper(strings.TrimSpace(l.text[i+len(full):])) {
			return full
		}
	}
	return name
}

// supportsNaming reports whether naming s supports candidate c.
func supportsNaming(s, c naming) bool {
	if s.signal == signalRule {
		return slices.Equal(s.key, c.key)
	}
	return supports(s.key, c.key)
}

// support returns the score of candidate c (the weights of the namings
// that support it, one per line), whether all of them are company-form
// copyright holders, and how many lines support it.
func support(ns []naming, c naming) (score int, companyOnly bool, count int) {
	var seen []int
	companyOnly = true
	for _, s := range ns {
		if !supportsNaming(s, c) || slices.Contains(seen, s.line) {
			continue
		}
		seen = append(seen, s.line)
		score += weights[s.signal]
		count++
		companyOnly = companyOnly && s.company
	}
	return score, companyOnly, count
}

// namings gathers the page's namings of publishers: the first rule's
// answer, the lines above the headline that are names (a name repeated
// in the menu once), the copyright holder, and the page speaking of any
// of these names elsewhere.
func namings(ls []line, head, end int) []naming {
	var ns []naming
	add := func(name string, i int, signal string) {
		key, _ := nameKey(name)
		if len(key) == 0 || signal == signalHeader && slices.ContainsFunc(ns, func(n naming) bool { return n.line >= 0 && slices.Equal(n.key, key) }) {
			return
		}
		ns = append(ns, naming{name: name, key: key, line: i, signal: signal})
	}
	name, stage := firstPublisher(ls, head)
	if name != "" && stage != signalHolder && !outletAfter(ls, name, end) {
		add(name, -1, stage)
	}
	if head > 0 {
		// Line 1 holding the page's title: "The Independent Uganda: You
		// get the Truth we Pay the Price", the name and its tagline. A
		// colon spaced like a bar ("Harbour Watch : The latest …") sets
		// off a title, not a label, whatever its words.
		if name, _, ok := strings.Cut(ls[0].text, ": "); ok && wordCount(name) <= 5 && isPublisherName(name) && (strings.HasPrefix(name, "The ") || isMasthead(name) || strings.HasSuffix(name, " ")) {
			add(strings.TrimSpace(name), 0, signalHeader)
		}
	}
	for i, l := range ls[:min(max(head, 0), len(ls))] {
		if len(ns) >= maxCandidates {
			break // a menu of hundreds of names: the masthead leads it
		}
		if isHeaderName(l) {
			name := l.text
			if a, _, ok := strings.Cut(name, ". "); ok && !strings.Contains(a, " ") && len(a) >= 4 {
				name = a // "MercoPress. South Atlantic News Agency": the name and its tagline
			} else if ok && isTwoNames(a, name[len(a)+2:]) {
				name = a // "Ministry of Health. Manatū Hauora": the name in two languages
			}
			add(spelledPublisher(name), i, signalHeader)
		}
		if m := logoRE.FindStringSubmatch(l.text); m != nil && isPublisherName(m[1]) && (m[2] == "" || isMasthead(m[1])) {
			add(m[1], i, signalMasthead) // the masthead's image, by its alternative text
		}
	}
	for i, l := range ls[:min(end, len(ls))] {
		if l.why == whyOutlet && isPublisherName(l.text) {
			add(l.text, i, signalOutlet)
		}
		if (l.kind == kindDate || l.kind == kindByline) && strings.ContainsAny(l.text, "·|•") {
			if name := rowOutlet(l.text); name != "" {
				add(name, i, signalOutlet)
			}
		}
		if l.kind == kindByline {
			if m := nameOutletBracketRE.FindStringSubmatch(l.text); m != nil && isPublisherName(m[2]) {
				add(m[2], i, signalOutlet) // "Jane Roe (The Jakarta Post)"
			}
			if _, outlet, ok := strings.Cut(l.text, " - "); ok && isMasthead(strings.TrimSpace(outlet)) {
				add(strings.TrimSpace(outlet), i, signalOutlet) // "Jane Roe - The Philippine Star"
			}
		}
	}
	for i := max(head, 0); i < len(ls); i++ {
		// "Published in", "Printed in", "Appeared in": checked cheaply first.
		if strings.Contains(ls[i].text, "ed in ") {
			if m := printEditionRE.FindStringSubmatch(ls[i].text); m != nil && isPublisherName(m[1]) {
				add(m[1], i, signalRule)
			}
		}
		if name := bioOutlet(ls, ls[i].text); name != "" {
			add(name, i, signalOutlet)
		}
	}
	for i := len(ls) - 1; i >= 0; i-- {
		holder := copyrightHolder(ls[i].text)
		if holder == "" {
			holder = casedHolder(ls[i].text, ls)
		} else if isAllCaps(holder) && utf8.RuneCountInString(holder) > 4 {
			holder = cmp.Or(mixedSpelling(ls, holder), holder) // "© THE INTERCEPT" under "The Intercept"
		}
		if holder != "" {
			add(shortName(holder, ls[:min(max(head, 1), len(ls))]), i, signalHolder)
			// A holder opening with "The" is a publication's title, and
			// one the page prints on a line of its own is the name it
			// goes by ("Nation Media Group" under a byline).
			ns[len(ns)-1].company = isCompanyForm(rawHolder(ls[i].text), ls[i].text) && !strings.HasPrefix(holder, "The ") &&
				!slices.ContainsFunc(ls, func(l line) bool { return l.text == holder })
			break
		}
	}
	if len(ls) > 0 && head > 0 {
		if name := navLead(ls[0]); name != "" {
			add(name, 0, signalHeader)
		}
		if isTitleOverTagline(ls, head) {
			add(ls[0].text, 0, signalMasthead)
		}
	}
	n := len(ns)
	for _, c := range ns[:n] {
		short := shortForm(c.name)
		for j, l := range ls {
			if j != c.line && (pageNames(l.text, c.name) || short != "" && pageNames(l.text, short) || isAllCaps(l.text) && pageNames(l.text, strings.ToUpper(c.name))) {
				ns = append(ns, naming{name: c.name, key: c.key, line: j, signal: signalPage})
			}
		}
	}
	return ns
}

// isTwoNames reports whether a and b, the halves of a line split at a
// full stop, are names of two words or more each: a masthead in two
// languages, the name first. An abbreviation's full stop ("Washington
// D.C. News") splits a name, not two.
func isTwoNames(a, b string) bool {
	return wordCount(a) >= 2 && wordCount(b) >= 2 && !strings.Contains(a, ".") && isPublisherName(a) && isPublisherName(b)
}

// logoRE reads the alternative text of a site's logo: "Business Insider
// logo", "The Daily Lamp logo The words …", "Vox homepage", "BuzzFeed
// News Home" (the logo's link; "Home" only after a masthead's words, as
// "Hartwell & Sons Funeral Home" is a name).
var logoRE = regexp.MustCompile(`^(\p{Lu}[\p{L}\d&'’.-]*(?: [\p{L}\d&'’.-]+){0,4}) (?:[Ll]ogo\b|[Hh]omepage$|[Hh]ome page$|(Home)$)`)

// rowSepRE splits a row of metadata into its segments.
var rowSepRE = regexp.MustCompile(`\s+[·|•]\s+`)

// rowOutlet returns the outlet a metadata row prints after the author's
// name and before the date, "Jane Roe · CBC News · Posted: Jun 03, 2021
// 4:00 AM ET", or "".
func rowOutlet(s string) string {
	segs := rowSepRE.Split(s, -1)
	if len(segs) < 3 || wordCount(segs[1]) > 4 || !isPublisherName(segs[1]) || segs[0] == segs[1] {
		return ""
	}
	if _, ok := personName(segs[0]); !ok || !strings.ContainsAny(strings.Join(segs[2:], " "), "0123456789") {
		return ""
	}
	return segs[1]
}

// printEditionRE reads the note of the print edition a story ran in,
// after the story: "Published in The Courier, March 4th, 2022". The page
// names its own paper, as a rule's answer does.
var printEditionRE = regexp.MustCompile(`^(?:Published|Printed|Appeared) in (\p{Lu}[\p{L}'’.&-]*(?: \p{Lu}[\p{L}'’.&-]*){0,4}),? (?:on )?(?:\p{Lu}\p{Ll}+ \d|\d)`)

// bioOutletRE reads the outlet an author's bio says the author works at:
// "Jane Roe is a staff writer at The Courier covering …".
var bioOutletRE = regexp.MustCompile(`^(\p{Lu}\S*(?: \p{Lu}\S*){1,3}) is (?:a|an|the) [\p{Ll} -]{2,40} (?:at|for) ((?:The )?\p{Lu}[\p{L}\d&'’.-]*(?: \p{Lu}[\p{L}\d&'’.-]*){0,3})(?:[ ,.]|$)`)

// bioOutlet returns the outlet named by s when s is the bio of a person a
// byline of the page names, which says where the author works as the
// outlet under a byline does, or "".
func bioOutlet(ls []line, s string) string {
	if !strings.Contains(s, " is a") && !strings.Contains(s, " is the ") {
		return ""
	}
	m := bioOutletRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	if m[2] = strings.TrimRight(m[2], "."); !isPublisherName(m[2]) {
		return ""
	}
	for _, l := range ls {
		if l.kind == kindByline && slices.Contains(l.names, m[1]) {
			return m[2]
		}
	}
	return ""
}

// outletAfter reports whether name is printed as the outlet under a byline
// only after end, in the comments or a guest book under the article.
func outletAfter(ls []line, name string, end int) bool {
	after := false
	for i, l := range ls {
		if l.why == whyOutlet && l.text == name {
			if i < end {
				return false
			}
			after = true
		}
	}
	return after
}

// casedHolder returns the holder of a copyright line written in lower
// case ("Copyright © euronews 2021") as the page spells it elsewhere
// ("Euronews" above the headline, "About Euronews"), or "".
func casedHolder(s string, ls []line) string {
	low := strings.ToLower(s)
	if !strings.HasPrefix(low, "©") && !strings.HasPrefix(low, "copyright") {
		return ""
	}
	m := copyrightRE.FindStringSubmatch(s)
	if m == nil || wordCount(m[1]) > 3 || strings.ToLower(m[1]) != m[1] {
		return ""
	}
	return mixedSpelling(ls, m[1])
}

// mixedSpelling returns the first spelling of name, a name set all in
// lower case or in capitals, that the page prints in mixed case as a
// whole word, capitalised: the name as its outlet writes it. It returns
// "" when there is none.
func mixedSpelling(ls []line, name string) string {
	low := strings.ToLower(name)
	for _, l := range ls {
		text := l.text
		lt := strings.ToLower(text)
		if len(lt) != len(text) {
			continue // a case change that moves bytes: offsets would not match
		}
		for off := 0; off < len(lt); {
			i := strings.Index(lt[off:], low)
			if i < 0 {
				break
			}
			i += off
			j := i + len(low)
			off = j
			if sp := text[i:j]; wordEdge(text, i, j) && startsUpper(sp) && !isAllCaps(sp) && isPublisherName(sp) {
				return sp
			}
		}
	}
	return ""
}

// rawHolder returns the copyright holder as the line writes it, company
// words included, or "".
func rawHolder(s string) string {
	m := copyrightRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

// isCompanyForm reports whether a holder is written as a company: its name
// ends in company words ("THG Publishing Pvt Ltd", "Vox Media, LLC"), or
// the copyright line s sets a legal form after it ("Acme, Inc.").
func isCompanyForm(raw, s string) bool {
	if _, company := nameKey(raw); company {
		return true
	}
	_, tail, ok := strings.Cut(s, raw)
	return ok && legalTailRE.MatchString(tail)
}

// legalTailRE matches a company's legal form set off after its name.
var legalTailRE = regexp.MustCompile(`^,?\s+(?:Inc|LLC|Ltd|Limited|Corp|Pvt|Pte|GmbH|plc|PLC|SRL|S\.A)\b`)

// isHeaderName reports whether l, above the headline, is a publisher-like
// name on a line of its own: capitalised words, not a menu or section
// label, not a prompt.
func isHeaderName(l line) bool {
	if l.kind != kindText && l.kind != kindCrumb && l.kind != kindNav {
		return false
	}
	if wordCount(l.text) > 5 || !isPublisherName(l.text) || isCallToAction(l.text) || sectionPlaces[strings.ToLower(l.text)] {
		return false // "India", "Hong Kong": a section
	}
	first, _, _ := strings.Cut(strings.ToLower(l.text), " ")
	if ctaVerbs[first] || first == "sign" || first == "log" {
		return false
	}
	ws := strings.Fields(strings.ToLower(l.text))
	if len(ws) > 1 && ws[0] == "the" {
		return true // a title: a section label has no article ("The National", not "National")
	}
	for _, w := range ws {
		if !genericWords[w] {
			return true
		}
	}
	return false
}

// namingBefore are the words after which a page names itself: "Follow
// X", "Get the X app", "a reporter at X", "Thank you for supporting X",
// "Thanks for reading X" (a newsletter's sign-off),
// "Photo by Jane Doe / X", "Source: X", "the minister told X" (a
// reporter's own outlet).
var namingBefore = []string{"follow ", "subscribe to ", "support ", "supporting ",
	"get the ", "download the ", "download ", " at ", " for ", "/ ", "/", "source: ", "channel ",
	"about ", "join ", "told ", "best of ", "read ", "reading ", "article on ", "view of ",
	"more on "}

// namingAfter are the words after which a name is the page's own: "X
// app", "X home" (the menu's link home), "X homepage", "X reporter", "X readers", "X is a …",
// "did not respond to X's request for comment" (the reporter's outlet).
var namingAfter = []string{" app", " home", " homepage", " reporter", " correspondent",
	" staff", " writer", " editor", " readers", " podcast", " newsletter",
	" is ", " has ", " reached out", "'s request", "’s request", "'s questions", "’s questions"}

// pageNames reports whether text names name the way a page names itself:
// as a whole word, after or before a word of namingBefore or namingAfter.
func pageNames(text, name string) bool {
	if len(text) < len(name) || len(name) < 2 {
		return false
	}
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(name)
		off = j
		if !wordEdge(text, i, j) {
			continue
		}
		before, after := strings.ToLower(text[:i]), strings.ToLower(text[j:])
		for _, w := range namingBefore {
			if strings.HasSuffix(before, w) || i == 0 && strings.TrimSpace(w) == "" {
				return true
			}
		}
		for _, w := range namingAfter {
			if strings.HasPrefix(after, w) {
				return true
			}
		}
	}
}

// wordEdge reports whether text[i:j] starts and ends at word boundaries.
func wordEdge(text string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// navLead returns the name that opens a navigation row on the page's
// first line, the capitalised words before the first section word
// ("Daily Mirror" in "Daily Mirror News Politics Football …"), or "".
func navLead(l line) string {
	ws := strings.Fields(l.text)
	if len(ws) < 4 || l.kind != kindNav && l.kind != kindText {
		return ""
	}
	for n := 2; n <= 3 && n < len(ws); n++ {
		if genericWords[strings.ToLower(ws[n])] && !genericWords[strings.ToLower(ws[n-1])] {
			if name := strings.Join(ws[:n], " "); isPublisherName(name) {
				return name
			}
		}
	}
	return ""
}

// shortForm returns a name without the generic word it opens with, the
// form a page uses of itself in passing ("Mirror" for "Daily Mirror"), or
// "".
func shortForm(name string) string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || !genericWords[strings.ToLower(first)] || !isPublisherName(rest) {
		return ""
	}
	return rest
}

// ownTitle returns the name line above the headline that extends the
// winner when the winner is a copyright holder in company form: the
// publication the company puts out under its own name ("Acme
// Engineering" over "© Acme, Inc."), else best.
func ownTitle(ns []naming, best int) int {
	if ns[best].signal != signalHolder || !ns[best].company {
		return best
	}
	k := ns[best].key
	for i, n := range ns {
		if n.signal == signalHeader && len(n.key) > len(k) && slices.Equal(n.key[:len(k)], k) {
			return i
		}
	}
	return best
}

// titleOverSection returns the longer name that opens with the winner's
// when the page names the winner alone only once, on a line above the
// headline, and the longer name on two lines or more: "Sydney", a
// section under "The Sydney Morning Herald", which a bio names too. A
// brand the page prints alone again and again ("CNA" over "CNA
// Insider") keeps its win. Else best.
func titleOverSection(ns []naming, best int) int {
	if ns[best].signal != signalHeader || exactLines(ns, ns[best].key) > 1 {
		return best
	}
	k := ns[best].key
	for i, n := range ns {
		if n.signal != signalPage && len(n.key) > len(k) && slices.Equal(n.key[:len(k)], k) && exactLines(ns, n.key) >= 2 {
			return i
		}
	}
	return best
}

// plainTitle returns the masthead's spelling of a copyright holder that
// carries company words ("The Economist" for "The Economist Newspaper
// Limited"): the page's own title line names the publication, the holder
// the company, unless the page prints the holder's name on a line of its
// own ("Nation Media Group" under a byline). Else best.
func plainTitle(ls []line, ns []naming, best int) int {
	h := ns[best]
	if h.signal != signalHolder || len(strings.Fields(h.name)) <= len(h.key)+btoi(strings.HasPrefix(h.name, "The ")) ||
		slices.ContainsFunc(ls, func(l line) bool { return l.text == h.name }) {
		return best
	}
	for i, n := range ns {
		if (n.signal == signalHeader || n.signal == signalMasthead) && slices.Equal(n.key, ns[best].key) {
			return i
		}
	}
	return best
}

// exactLines counts the lines whose namings spell key exactly.
func exactLines(ns []naming, key []string) int {
	var lines []int
	for _, n := range ns {
		if slices.Equal(n.key, key) && !slices.Contains(lines, n.line) {
			lines = append(lines, n.line)
		}
	}
	return len(lines)
}

// fullerSpelling returns the naming that spells out the winner's name when
// the winner, not itself a rule's answer, abbreviates it and a byline's
// outlet, a rule or the copyright holder names it ("Radio New Zealand"
// for "RNZ", "Indianapolis Star" for "IndyStar"), or spells the same name
// as the outlet under a byline ("Nation Media Group" for "Nation"), else
// best.
func fullerSpelling(ns []naming, best int) int {
	if ns[best].signal == signalRule || ns[best].signal == signalOutlet {
		return best
	}
	for i, n := range ns {
		if n.signal == signalOutlet && slices.Equal(n.key, ns[best].key) {
			return i
		}
		if (n.signal == signalOutlet || n.signal == signalRule || n.signal == signalHolder) && abbreviates(ns[best].key, n.key) {
			return i
		}
	}
	return best
}

// abbreviates reports whether the key a abbreviates the key b: a single
// word of b's initials ("rnz" for "radio new zealand") or, word for word,
// beginnings of b's words ("indy star" for "indianapolis star").
func abbreviates(a, b []string) bool {
	if slices.Equal(a, b) {
		return false
	}
	if len(a) == 1 && len(b) >= 2 && len(a[0]) == len(b) {
		for i, w := range b {
			if w[0] != a[0][i] {
				return false
			}
		}
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.HasPrefix(b[i], a[i]) {
			return false
		}
	}
	return true
}

// taglineWords are the small words a title-cased name may hold beyond
// minorWords: "Notes from a Small Garden".
var taglineWords = setOf("from", "in", "on", "at", "to", "a", "an", "with")

// isTitleOverTagline reports whether the page opens with a title-cased
// name over a tagline (a sentence-like line, unterminated), above the
// headline: a blog's name and its motto, which findHeadline passed over
// for the post under the day's date.
func isTitleOverTagline(ls []line, head int) bool {
	if head < 3 || len(ls) < 2 || ls[0].kind != kindText || ls[1].kind != kindText {
		return false
	}
	ws := strings.Fields(ls[0].text)
	if len(ws) < 2 || len(ws) > 6 || strings.ContainsAny(ls[0].text, ",;:!?\"“”()") {
		return false
	}
	for _, w := range ws {
		lw := strings.ToLower(w)
		if !startsUpper(w) && !minorWords[lw] && !taglineWords[lw] {
			return false
		}
	}
	tag := ls[1].text
	return wordCount(tag) >= 5 && !endsSentence(tag) && hasLowerWords(tag)
}

// hasLowerWords reports whether more than half the words of s after the
// first start in lower case, as a sentence's do and a title's do not.
func hasLowerWords(s string) bool {
	ws := strings.Fields(s)
	lower := 0
	for _, w := range ws[1:] {
		if !startsUpper(w) {
			lower++
		}
	}
	return 2*lower > len(ws)-1
}
