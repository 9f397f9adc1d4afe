package seed

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

var (
	// bylineRE matches "By …", "BY: …", "Posted By: By …", "avatar by …".
	// "Von …" (German), "Par …" (French), "Por …" (Spanish) and "Door …"
	// (Dutch) are the same.
	bylineRE = regexp.MustCompile(`(?i)^(?:(?:posted|written|reported)\s+by\s*:?\s*(?:by\s+)?|(?:avatar\s+)?(?:by|von|par|por|door|de|di|av)\s*:?\s+)(\S.*)$`)
	// gluedBylineRE matches a byline whose label lost its space: "ByJohn
	// Parkinson" (ABC News).
	gluedBylineRE = regexp.MustCompile(`^By(\p{Lu}\p{Ll}.*)$`)
	// editorRE matches "Edited by …": header metadata naming no author.
	editorRE = regexp.MustCompile(`(?i)^(?:edited|compiled|produced)\s+by\s+\S`)
	// deskRE matches a desk or the staff signing for the outlet, without
	// "By": "Political Desk", "Harbour Times’s Web Desk", "Herald Staff".
	//
	// Desk words live in three lists that do not mean the same, so each
	// keeps its own. deskRE (with deskWords) reads a line that signs alone,
	// no person named: Desk, Staff, Bureau, Newsroom; not Reporting,
	// since "Investigative Reporting" alone is a section's label.
	// deskRoleRE reads the desk after a person's name, which makes the
	// line a byline: Desk, Bureau, Reporting ("Jane Roe, Local Democracy
	// Reporting"). isStaffName rules a "By" line's item out as a person,
	// in any case and anywhere in the item, so its list is wider (staff,
	// desk, bureau, newsroom, agencies, correspondent, editorial board …).
	// Both capitalised patterns share their shape; sharing the words too
	// (Staff and Newsroom after a name, Reporting alone) changes no page
	// of the test set but would change what the rules read elsewhere.
	deskRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}\p{N}.&'’-]*\s+){1,4}(?:Desk|DESK|Staff|STAFF|Bureau|BUREAU|Newsroom|NEWSROOM)$`)
	// bylineClockRE matches the time a blog post was posted, at the end of
	// its byline: "Posted by X at 9:14 PM".
	bylineClockRE = regexp.MustCompile(`(?i)\s+at\s+(\d{1,2}):(\d{2})\s*([ap])\.?m\.?$`)
	// bylineBioRE finds the bio after a byline's names, set off by a
	// comma and an article: "By Jane Roe, a reporter covering health.
	// She …". The first group is the comma.
	bylineBioRE = regexp.MustCompile(`^(?i:by)\s+[^,.]{3,60}(,)\s+(?:a|an)\s+\p{Ll}`)
	// roleRE matches a job title after a name: "Maria Lopez, Staff Writer",
	// "Jane Roe, senior reporter". The desk a reporter writes for is a
	// role too, but only by its name (deskRoleRE): see isRole.
	roleRE = regexp.MustCompile(`(?i)^(?:[\p{L} ]{0,30}\s)?(?:staff writer|writer|author|reporter|correspondent|editor|columnist|contributor|photographer|journalist|critic|reviewer|producer|presenter|anchor|host|commentator|blogger|cartoonist|illustrator|videographer|engineer|developer|designer|scientist|researcher|analyst|president|director|manager|officer|founder|chair|chairman|chairwoman|spokesperson|spokesman|spokeswoman|(?:president|director|manager|officer|chair)\s+of\s+[\p{L} &]{1,40})$`)
	// deskRoleRE matches the name of the desk a reporter writes for, after
	// the reporter's name: "Jane Roe, Local Democracy Reporting", "Jane
	// Roe, Washington Bureau", "Ana Ruiz, Metro Desk". A desk's name is
	// capitalised; in lower case the words end a clause of prose ("Mary
	// Quinn, who runs the Garissa bureau", "…from the Nairobi desk").
	deskRoleRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}\p{N}.&'’-]*\s+){1,4}(?:Reporting|REPORTING|Desk|DESK|Bureau|BUREAU)$`)
	// authorRE matches "Author: …" with the names on the same line.
	// DW leaves the colon out: "Author Jane Schmidt".
	authorRE = regexp.MustCompile(`(?i)^(?:authors?|writer|reporter)(?:\s*:\s*|\s+)(\S.*)$`)
	// viaRE matches agency-only bylines such as "Via AP news wire".
	viaRE = regexp.MustCompile(`(?i)^via\s+(\S.*)$`)
	// fromRE matches CNN live-post bylines: "From CNN's A and B".
	fromRE = regexp.MustCompile(`^From (\S+?)(?:'s|’s)\s+(\S.*)$`)
	// authorLabelRE matches a byline label whose names follow on the next line.
	authorLabelRE = regexp.MustCompile(`(?i)^(?:author of the article|authors?|written by|posted by|by)\s*:?$`)
	// forOutletRE matches names followed by the outlet they wrote for:
	// "Jane Doe for The Guardian", "JAMES ROBINSON FOR MAILONLINE".
	forOutletRE = regexp.MustCompile(`^(.+?)\s+(?i:for)\s+((?:(?i:the)\s+)?\p{Lu}[\p{L}\d.&'’-]*(?:\s+\p{Lu}[\p{L}\d.&'’-]*){0,3})$`)
	// nameSepRE separates the names of a byline.
	nameSepRE = regexp.MustCompile(`(?i)\s*(?:,|;|&|\band\b|\bund\b)\s*`)
)

// gluedBrandRE matches an outlet's brand written as one word, capitals
// run into a capitalised word: "FOXBusiness", "CNNMoney". A name's own
// capitals ("McDonald", "DeSantis") follow a lower-case letter.
var gluedBrandRE = regexp.MustCompile(`^\p{Lu}{3,}\p{Ll}+$`)

// notNames are words that follow "By" in prose and would otherwise pass for
// a one-word name.
var notNames = setOf(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "today",
	"tomorrow", "yesterday", "then", "now", "the", "this", "that", "these",
	"those", "its", "his", "her", "their", "our", "my", "your", "late",
	"early", "midnight", "noon", "contrast", "comparison", "far", "law",
	"verified", "contact", "about", "more", "watch", "follow", "latest",
	// The first words of places, which a bar may set after a name: "By
	// Jane Roe | New Delhi".
	"new", "los", "las", "fort", "port", "north", "south", "east", "west", "greater",
	// The verbs of a page's controls: "Change Size", "Show Caption".
	"show", "hide", "change", "load", "print", "copy", "open", "close",
	"toggle", "share", "save", "view", "play", "next", "previous",
	// Buttons and sections the menu sets on lines of their own: "Read
	// Later", "Front Page", "Latin America", "Top Stories".
	"read", "front", "latin", "top", "home", "world", "breaking", "local",
	"trending", "popular", "related", "sign", "log",
)

// parseBylineClock is parseByline that also reads a posting time at the end
// of the byline, returned as minutes after midnight plus one (0: none).
func parseBylineClock(s string) ([]string, int, bool) {
	clock := 0
	if m := bylineClockRE.FindStringSubmatchIndex(s); m != nil && bylineRE.MatchString(s) {
		h, _ := strconv.Atoi(s[m[2]:m[3]])
		mi, _ := strconv.Atoi(s[m[4]:m[5]])
		if h = to24(h, strings.ToLower(s[m[6]:m[7]])); h < 24 && mi < 60 {
			clock = h*60 + mi + 1
			s = s[:m[0]]
		}
	}
	names, ok := parseByline(s)
	return names, clock, ok
}

// institutionWords name the institutions whose press offices sign a
// release with the institution's name: "by University of Tasmania".
var institutionWords = setOf("university", "universität", "université",
	"universidad", "institute", "institut", "college", "laboratory",
	"observatory", "hospital", "museum", "foundation", "society", "academy")

// isInstitution reports whether s, of eight words or fewer, names an
// institution by a word of institutionWords.
func isInstitution(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	if len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		if institutionWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// parseByline reads a byline line into authors: people's names title-cased
// when written in capitals, agencies expanded to their full names. A byline
// naming only staff or a desk has no authors but still reports true.
func parseByline(s string) ([]string, bool) {
	if m := bylineBioRE.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[2]] // "By Jane Roe, a senior reporter covering …": the bio is no name
	}
	if wordCount(s) > 24 {
		return nil, false
	}
	if m := fromRE.FindStringSubmatch(s); m != nil && agencyName(m[1]) != "" {
		return parseNames(m[2])
	}
	if inner, ok := wrapped(s); ok {
		if ags := creditedAgencies(inner); len(ags) > 0 {
			return ags, true
		}
	}
	if m := viaRE.FindStringSubmatch(s); m != nil {
		if ag := agencyName(m[1]); ag != "" {
			return []string{ag}, true
		}
		return nil, false
	}
	if m := bylineRE.FindStringSubmatch(s); m != nil {
		if ags := creditedAgencies(m[1]); len(ags) > 0 {
			return ags, true // "By Euronews with AFP"
		}
		if isInstitution(m[1]) {
			return nil, true // "by University of Tasmania": a press office's release, no person
		}
		return parseNames(m[1])
	}
	if m := gluedBylineRE.FindStringSubmatch(s); m != nil {
		return parseNames(m[1])
	}
	if editorRE.MatchString(s) || isDeskSignature(s) {
		return nil, true
	}
	if ag := agencyName(s); ag != "" {
		return []string{ag}, true
	}
	if name, role, ok := strings.Cut(s, ", "); ok && isRole(role) {
		if n, ok := personName(name); ok && wordCount(name) >= 2 {
			return []string{n}, true
		}
	}
	if m := authorRE.FindStringSubmatch(s); m != nil {
		return parseNames(m[1])
	}
	return nil, false
}

// isDeskSignature reports whether s is a desk or the staff signing for the
// outlet (deskRE), not a publication's title ("The Civic Desk") or a menu's
// link ("Our Staff", "Join Our Newsroom").
func isDeskSignature(s string) bool {
	if !deskWords[s[strings.LastIndexByte(s, ' ')+1:]] {
		return false // most lines: parseByline tries every text line
	}
	return deskRE.MatchString(s) && !notNames[strings.ToLower(strings.Fields(s)[0])] && !isCallToAction(s)
}

// isRole reports whether s is a job title (roleRE) or the name of the
// desk a reporter writes for (deskRoleRE).
func isRole(s string) bool {
	return roleRE.MatchString(s) || deskRoleRE.MatchString(s)
}

// deskWords are the last words deskRE accepts, looked up before the
// pattern runs.
var deskWords = setOf("Desk", "DESK", "Staff", "STAFF", "Bureau", "BUREAU", "Newsroom", "NEWSROOM")

// isAuthorLabel reports whether s is a byline label alone on its line.
func isAuthorLabel(s string) bool {
	return authorLabelRE.MatchString(s)
}

// parseNames reads the names after "By": a list separated by commas, "and"
// or "&", optionally followed by "| Agency". It fails when any item is not
// name-like, which keeps prose such as "By Monday, officials said" out.
func parseNames(s string) ([]string, bool) {
	if m := forOutletRE.FindStringSubmatch(s); m != nil {
		s = m[1] // "JAMES ROBINSON FOR MAILONLINE": the outlet is no author
	}
	parts := strings.Split(strings.TrimRight(s, " ,;|•&"), "|")
	names, ok := splitNames(parts[0])
	if !ok {
		return nil, false
	}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if ag := agencyName(p); ag != "" {
			names = appendNew(names, ag)
		} else if len(names) > 0 && isCoAuthor(p) {
			n, _ := personName(p)
			names = appendNew(names, n) // "By Jana Kessler | Tomás Ferreira"
		}
	}
	return names, true
}

// cutSlashRole returns the name before a slash when a role follows it
// ("Jane Roe / Staff reporter", "Jane Roe/Gleaner Writer"), else s.
func cutSlashRole(s string) string {
	if i := strings.IndexByte(s, '/'); i > 0 && isRole(strings.TrimSpace(s[i+1:])) {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// splitNames splits a list of names and checks each one.
func splitNames(s string) ([]string, bool) {
	s = cutAffiliation(s)
	items := nameSepRE.Split(s, -1)
	if len(items) > 10 {
		return nil, false
	}
	var names []string
	for k, it := range items {
		it = cutPlace(strings.TrimSpace(it))
		if ws := strings.Fields(it); len(ws) >= 4 && ws[len(ws)-1] == "Staff" {
			it = strings.Join(ws[:len(ws)-2], " ") // "Maria Castellano Globe Staff": the outlet's staff
		}
		if name, ok := cutRole(it); ok {
			it = name // "Jane Roe Staff Reporter": the role run on without a comma
		}
		it = cutSlashRole(it)
		if rest, ok := strings.CutPrefix(it, "with "); ok && k > 0 && (agencyName(rest) != "" || isAllCaps(rest) || isMasthead(rest)) {
			continue // "…, with CNA": the agency's copy the reporter used
		}
		if i := strings.Index(it, " - "); i > 0 && roleWords[strings.ToLower(strings.Fields(it[i+3:] + " x")[0])] {
			it = it[:i] // "Jane Roe - Reporter / @handle"
		}
		if i := strings.LastIndexByte(it, ' '); i > 0 && gluedBrandRE.MatchString(it[i+1:]) {
			it = it[:i] // "Daniel Okoye FOXBusiness": the outlet's brand after the name
		}
		if isStaffName(it) && k == 0 {
			break // "HT Correspondent, New Delhi": a desk and its place
		}
		if k > 0 && (isRole(it) || stampLabelRE.MatchString(strings.Fields(it + " x")[0])) {
			break // "By Jane Roe, Senior Editor, Europe": the role, then its beat; "…, Updated June 3"
		}
		if it == "" || isStaffName(it) {
			continue
		}
		if _, person := personName(it); k > 0 && len(names) > 0 && (isMasthead(it) && !person || wordCount(it) == 1 && isPublisherName(it) && agencyName(it) == "") {
			continue // "By A, ProPublica, and B, The Ledger": each name's outlet
		}
		got, ok := itemNames(it)
		if !ok {
			return nil, false
		}
		for _, n := range got {
			names = appendNew(names, n)
		}
	}
	return names, true
}

// cutAffiliation drops a trailing " from NYT Opinion" or " for The Times".
func cutAffiliation(s string) string {
	for _, sep := range []string{" from ", " for "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// placeRE matches where a reporter filed from: " in Jerusalem".
var placeRE = regexp.MustCompile(`\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$`)

// cutPlace drops the place after a name: "Peter Beaumont in Jerusalem".
func cutPlace(s string) string {
	return placeRE.ReplaceAllString(s, "")
}

// itemNames reads one item of a byline list: an agency, a person, or a
// person followed by an agency ("ANDREW BROOKS Associated Press").
func itemNames(it string) ([]string, bool) {
	if ag := agencyName(it); ag != "" {
		return []string{ag}, true
	}
	ws := strings.Fields(it)
	if ag := agencyName(ws[0]); ag != "" && len(ws) <= 3 {
		return []string{ag}, true // a desk: "CNN Business", "Reuters Health"
	}
	for k := 1; k <= 3 && k <= len(ws)-2; k++ {
		ag := agencyName(strings.Join(ws[len(ws)-k:], " "))
		if ag == "" {
			continue
		}
		if n, ok := personName(strings.Join(ws[:len(ws)-k], " ")); ok {
			return []string{n, ag}, true
		}
	}
	if n, ok := nameBeforeMasthead(ws); ok {
		return []string{n}, true
	}
	n, ok := personName(it)
	if !ok {
		return nil, false
	}
	return []string{n}, true
}

// nameBeforeMasthead reads a person's name followed, with no separator,
// by the outlet's masthead of two words or more ("By Jane Doe Daily
// Herald", as Arc XP pages print it): the masthead is no part of the name.
func nameBeforeMasthead(ws []string) (string, bool) {
	for k := min(4, len(ws)-2); k >= 2; k-- {
		if !isMasthead(strings.Join(ws[len(ws)-k:], " ")) {
			continue
		}
		if n, ok := personName(strings.Join(ws[:len(ws)-k], " ")); ok {
			return n, true
		}
	}
	return "", false
}

// isStaffName reports whether a byline item names staff or a desk rather
// than a person: "JPost.com Staff", "News Desk", "agencies". Its words
// are looked for in any case, inside the item: wider than deskRE's and
// deskRoleRE's, which read a capitalised desk's name (see deskRE).
func isStaffName(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"staff", "desk", "agencies", "editorial board", "wire services", "editors", "correspondent", "bureau", "newsroom", "web team", "news team"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// personName checks that s looks like a person's name (one to five
// capitalised words, particles allowed) and returns it cased.
func personName(s string) (string, bool) {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 5 || notNames[strings.ToLower(ws[0])] {
		return "", false
	}
	for i, w := range ws {
		if !isNameWord(w, i == 0) {
			return "", false
		}
	}
	if isAllCaps(s) || isAllCaps(strings.ReplaceAll(s, "Mc", "MC")) {
		return titleCaseName(s), true // "DANIEL McGRATH" is set in capitals too
	}
	return s, true
}

// isNameWord reports whether w can be a word of a name: letters, marks,
// periods, hyphens and apostrophes, capitalised unless it is a particle
// after the first word ("al-Mughrabi", "van").
func isNameWord(w string, first bool) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune(".-'’", r) {
			return false
		}
	}
	if !hasLetter(w) {
		return false
	}
	if startsUpper(w) {
		return true
	}
	head, _, _ := strings.Cut(w, "-")
	return !first && particles[strings.ToLower(head)]
}

// appendNew appends s to list unless it is already there.
func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// withRE separates the outlets of a closing credit: "FRANCE 24 with AFP".
var withRE = regexp.MustCompile(`(?i)\s+(?:with|and)\s+|\s*/\s*`)

// creditedAgencies returns the agencies of a bracketed closing credit such
// as "(FRANCE 24 with AFP)" or "(With Reuters)", in which every item is an
// agency or an outlet's name; nil when it names no agency or names people.
func creditedAgencies(inner string) []string {
	var ags []string
	for _, it := range creditItems(inner) {
		if ag := agencyName(it); ag != "" {
			ags = appendNew(ags, ag)
		} else if !isPublisherName(it) || !isAllCaps(it) && !isMasthead(it) && wordCount(it) > 1 {
			return nil
		}
	}
	return ags
}

// creditItems splits a closing credit into its outlets: "FRANCE 24 with
// AFP", "With Reuters".
func creditItems(s string) []string {
	s = strings.TrimSpace(s)
	if low := strings.ToLower(s); strings.HasPrefix(low, "with ") {
		s = s[len("with "):]
	}
	return withRE.Split(s, -1)
}
