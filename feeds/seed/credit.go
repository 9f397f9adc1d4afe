package seed

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// creditWordRE marks the text inside brackets as a photo credit.
var creditWordRE = regexp.MustCompile(`(?i)\b(?:photos?|photograph|image|picture|foto|bild|credit|getty|courtesy|screenshot|flash90|handout|pool|shutterstock|istock|via|file)\b`)

// creditLineREs match a credit that stands alone on its line.
var creditLineREs = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^credit\.\.\.\S`),
	regexp.MustCompile(`(?i)^(?:(?:photo|photograph|picture|image|foto|bild)\s*(?:credit|source)|credit)s?\s*[:,]\s*\S`),
	regexp.MustCompile(`(?i)^(?:photo|photograph|photographer|picture|image|foto|bild)\s*:\s*\S`),
	regexp.MustCompile(`(?i)^(?:photo|photograph|picture)s? by\s+\S`),
	regexp.MustCompile(`(?i)^(?:(?:photo|picture) )?illustrations? by\s+\S`),
	courtesyCreditRE,
	stockCreditRE,
	dashCreditRE,
	slashCreditRE,
	capsCreditRE,
}

// courtesyCreditRE matches a credit naming who lent the picture:
// "Courtesy of the Hale family", "Photo courtesy of City Hall".
var courtesyCreditRE = regexp.MustCompile(`^(?:(?:Photo|Photograph|Picture|Image)s? )?(?i:courtesy)(?: of)?\s+\S.{0,60}$`)

// stockCreditRE matches a picture library's name alone under a caption,
// as contributor pages print it: "getty", "Shutterstock".
var stockCreditRE = regexp.MustCompile(`(?i)^(?:getty(?: images)?|shutterstock|istock(?:photo)?|alamy(?: stock photo)?|adobe stock)$`)

// dashCreditRE and slashCreditRE match the credits printed under a
// caption: "— Name / AFP - Getty Images", "Drew Angerer/Getty Images".
var (
	dashCreditRE = regexp.MustCompile(`^[—–-]\s*[^/]{1,40}/.{1,40}$`)
	// capsCreditRE matches a photographer and outlet in capitals under a
	// caption, as BLOX/TownNews pages print them: "DEREK BEIGH, THE
	// PANTAGRAPH".
	capsCreditRE  = regexp.MustCompile(`^\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){1,3}, \p{Lu}[\p{Lu}\d.&'’-]*(?: \p{Lu}[\p{Lu}\d.&'’-]*){0,4}$`)
	slashCreditRE = regexp.MustCompile(`^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:/| / )\p{Lu}[\p{L}\d.'’-]*(?: [\p{L}\d.'’-]+){0,3}$`)
)

// trailingCreditREs split a caption from the credit glued to its end. The
// first group is the caption.
var trailingCreditREs = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^(.+?)\s*\((?:photo|image|picture|video)?\s*credit\b[^()]*\)$`),
	regexp.MustCompile(`^(.+?)\s*Credit\.\.\.\S.*$`),
	// "… REUTERS/Name", also with a note after it: "REUTERS/Name/File Photo".
	regexp.MustCompile(`^(.+?)\s+(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU|GETTY IMAGES)/\S[^/]{0,40}(?:/[^/]{1,20})?$`),
	regexp.MustCompile(`^(.+?)\s+[—–]\s*[^/—–]{1,40}/[^/]{1,40}$`),
	regexp.MustCompile(`^(.+?[.!?])\s*(?:[—–-]\s*)?(?:Photo|Photograph|Picture|Image|Foto)s? by\s+\S.{0,60}$`),
	// "… on Friday. Photo courtesy of the Hale family".
	regexp.MustCompile(`^(.+?[.!?])\s*(?:(?:Photo|Photograph|Picture|Image)s? )?(?:courtesy|Courtesy) of\s+\S.{0,60}$`),
	regexp.MustCompile(`^(.+?[.!?])\s*Credit:\s*\S.{0,120}$`),

	// "… on May 12, 2021. © Denis Charlet, AFP" (France 24).
	regexp.MustCompile(`^(.+?[.!?])\s*©\s*\p{Lu}[^©]{0,60}$`),
	// "… in January. Dan Peled/AAP" (The Conversation): a photographer and
	// agency, slashed, after the caption's last sentence; also spaced,
	// "… on May 11. JEAN DUPONT / AFP" (Le Monde); glued to the last
	// sentence ("… on Feb. 2.Jane Roe/The Daily Planet"), or with the
	// distributor after the agency ("… NAME/AFP via Getty Images").
	regexp.MustCompile(`^(.+?[.!?])\s*\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3} ?/ ?\p{Lu}[\p{L}\d.'’-]*(?: (?:\p{Lu}[\p{L}\d.'’-]*|and|of|the)){0,4}(?: via \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2})?$`),
	// "… in Lisbon. - Copyright  AP Photo/Name" (Euronews).
	regexp.MustCompile(`^(.+?[.!?])\s+[-–—]\s+(?:(?i:copyright)|©)\s+\S.{0,60}$`),
	// "… Tuas. ST PHOTO: NAME", "… Sh400. Photo credit: File | Group".
	regexp.MustCompile(`^(.+?[.!?])\s+(?:\p{Lu}{2,6}\s+)?(?i:photo|photograph|picture|image)s?(?:\s+credit)?\s*:\s*\S.{0,60}$`),
}

// pipeTailRE and agencyTailRE find a credit set off by a bar ("… on
// Wednesday. | KYODO") or an agency's name alone, or after a dash, after
// the caption's last sentence ("… on Friday. AFP", "… on Friday. — AFP").
var (
	pipeTailRE   = regexp.MustCompile(`^(.+?)\s+\|\s+(\S.{0,40})$`)
	agencyTailRE = regexp.MustCompile(`^(.+?[.!?])\s+(\S.{0,30})$`)
)

// bracketTailRE and labelTailRE find a credit in round or square brackets,
// or after a "Photo:" style label, at the end of a line.
var (
	bracketTailRE = regexp.MustCompile(`^(.+?)\s*(?:\(([^()]+)\)|\[([^\[\]]+)\])$`)
	labelTailRE   = regexp.MustCompile(`^(.+?)\s*(?:(?i:file) )?(?:Photographer|Photograph|Photo|Picture|Pic|Image|Foto|Bild|Credit|photo)\s*:\s*([^:]{1,60})$`)
)

// isCreditText reports whether s, taken from brackets or after a label,
// reads as a photo credit: short, and with a slash, a credit word or an
// agency name.
func isCreditText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || wordCount(s) > 8 {
		return false
	}
	return strings.Contains(s, "/") || creditWordRE.MatchString(s) || agencyName(s) != ""
}

// isCredit reports whether s is a photo credit alone on its line:
// "(photo credit: REUTERS/NAME)", "(AP Photo/Name)", "[Name/Agency]",
// "Credit: Name", "Image source, EPA", "Photo: Twitter/Screenshot.".
func isCredit(s string) bool {
	if wordCount(s) > 12 || len(s) > 2 && (s[0] == 'B' || s[0] == 'b') && bylineRE.MatchString(s) {
		return false // "BY NAME, OPINION CONTRIBUTOR" is a byline
	}
	if cutSlashRole(s) != s && !strings.Contains(strings.ToLower(s), "photo") && !strings.Contains(strings.ToLower(s), "video") {
		return false // "Jane Roe/Gleaner Writer": a writer's byline, not a photographer's credit
	}
	if inner, ok := wrapped(s); ok {
		return isCreditText(inner)
	}
	for _, re := range creditLineREs {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// isTrailingCredit reports whether s is a credit of the kinds printed after
// the caption they belong to: bracketed, "Name/Agency", or labelled.
func isTrailingCredit(s string) bool {
	if _, ok := wrapped(s); ok {
		return isCredit(s)
	}
	return slashCreditRE.MatchString(s) || dashCreditRE.MatchString(s) || labelCreditRE.MatchString(s) || capsCreditRE.MatchString(s) || courtesyCreditRE.MatchString(s) ||
		stockCreditRE.MatchString(s)
}

// labelCreditRE matches a labelled credit printed under its caption:
// "Photograph: Amir Cohen/Reuters", "Credit: Name", "Bild: dpa".
// "Photo by Name / Outlet" is one too.
var labelCreditRE = regexp.MustCompile(`(?i)^(?:(?:(?:photographer|photograph|photo|picture|pic|image|foto|bild)(?:\s+credit)?|credit)s?\s*:\s*\S|(?:photo|photograph|picture)s? by [^/]{2,40} ?/ ?\S)`)

// wrapped returns the text inside s when s is wholly in round or square
// brackets.
func wrapped(s string) (string, bool) {
	if len(s) < 2 {
		return "", false
	}
	open, end := s[0], s[len(s)-1]
	if (open != '(' || end != ')') && (open != '[' || end != ']') {
		return "", false
	}
	inner := s[1 : len(s)-1]
	if strings.ContainsAny(inner, "()[]") {
		return "", false
	}
	return inner, true
}

// sitterCaption reads a portrait's caption that is only the sitter's name,
// glued to the photographer's slashed credit: "Jane Roe John Doe/Getty
// Images" is two names of two words each before the slash, the first the
// person pictured, the second the photographer. A credit names one
// photographer.
func sitterCaption(s string) (string, bool) {
	name, _, ok := strings.Cut(s, "/")
	if !ok || !slashCreditRE.MatchString(s) {
		return "", false
	}
	ws := strings.Fields(name)
	if len(ws) != 4 {
		return "", false
	}
	sitter := ws[0] + " " + ws[1]
	if !isCoAuthor(sitter) || !isCoAuthor(ws[2]+" "+ws[3]) {
		return "", false
	}
	return sitter, true
}

// captionWithCredit splits a line into its caption and a credit at its end,
// or reads a BBC "Image caption, …" line. It reports false when s carries no
// credit. A photographer's name alone after the last sentence is no
// credit on its own (namedCreditTail).
func captionWithCredit(s string) (string, bool) {
	if strings.Contains(s, "|") {
		if m := pipeTailRE.FindStringSubmatch(s); m != nil && (isCreditText(m[2]) || endsSentence(m[1]) && isPhotographer(m[2])) {
			return checkCaption(withoutPhotoNote(m[1])) // "… in October. | Jane Roe"
		}
	}
	if strings.Contains(s, " for ") || strings.Contains(s, " FOR ") {
		if m := forOutletTailRE.FindStringSubmatch(s); m != nil && isPhotographer(m[2]) && wordCount(m[1]) >= 4 && !hasSuffixFold(m[1], "by") && (m[3] == "" || endsSentence(m[1])) {
			return checkCaption(m[1]) // "… her husband's surgery. Jane Roe for The Ledger"
		}
	}
	tail := s[max(0, len(s)-48):] // every form below ends the line: look there first
	if hasSuffixFold(tail, "service") || hasSuffixFold(tail, "office") || hasSuffixFold(tail, "handout") || endsUpper(s) && isAllCaps(s[strings.LastIndexAny(s, ".!?")+1:]) {
		for _, re := range bareCreditTailREs {
			if m := re.FindStringSubmatch(s); m != nil {
				return checkCaption(m[1])
			}
		}
	}
	if strings.Contains(tail, "/") {
		if m := nameRoleTailRE.FindStringSubmatch(s); m != nil && isPhotographer(m[2]) {
			return checkCaption(m[1]) // "… on Wednesday. - Jane Roe/Photographer"
		}
	}
	if strings.Contains(tail, " /") {
		if m := slashAgencyTailRE.FindStringSubmatch(s); m != nil && (agencyName(m[2]) != "" || isCreditText(m[2])) {
			return checkCaption(m[1]) // "… near Seoul Station, Tuesday. / Yonhap"
		}
		if m := outletSlashNameTailRE.FindStringSubmatch(s); m != nil && isPhotographer(m[3]) {
			return checkCaption(m[1]) // "… on Thursday. The STAR / Jane Roe"
		}
	}
	if strings.Contains(tail, "etty") || strings.Contains(tail, "tock") || strings.Contains(tail, "lamy") || strings.Contains(tail, "ETTY") || strings.Contains(tail, "TOCK") {
		if m := agencyTailRE.FindStringSubmatch(s); m != nil && stockCreditRE.MatchString(strings.TrimSpace(m[2])) {
			return checkCaption(m[1]) // "… in Ava, Missouri. Getty Images"
		}
	}
	if endsWithAgency(s) {
		if m := agencyTailRE.FindStringSubmatch(s); m != nil && agencyName(strings.TrimLeft(m[2], "—– ")) != "" {
			return checkCaption(m[1])
		}
	}
	if strings.Contains(tail, ", ") && strings.Contains(s, ". ") {
		if m := nameOutletTailRE.FindStringSubmatch(s); m != nil && (isMasthead(m[3]) || agencyName(m[3]) != "") {
			if _, ok := personName(m[2]); ok {
				return checkCaption(m[1])
			}
		}
	}
	// Every other credit form has a bracket, a slash, a colon, "Credit",
	// "by" or "caption,"; most lines have none of them.
	if !strings.ContainsAny(s, "([/:©") && !strings.Contains(s, "Credit") && !strings.Contains(s, " by ") && !strings.Contains(s, "caption,") && !strings.Contains(s, "ourtesy of") {
		return "", false
	}
	if c, ok := cutCaptionLabel(s); ok {
		return c, true
	}
	for _, re := range trailingCreditREs {
		if m := re.FindStringSubmatch(s); m != nil {
			return checkCaption(m[1])
		}
	}
	if m := bracketTailRE.FindStringSubmatch(s); m != nil && (isCreditText(m[2]+m[3]) || isSourceCredit(m[1], m[2]+m[3])) {
		return checkCaption(m[1])
	}
	if m := labelTailRE.FindStringSubmatch(s); m != nil && (isCreditText(m[2]) || wordCount(m[2]) <= 4) {
		return checkCaption(m[1])
	}
	return "", false
}

// maxCaptionWords bounds the words of a caption read by the name of its
// photographer alone after it.
const maxCaptionWords = 50

// namedCreditTail splits a caption from its photographer's name printed
// alone after the last sentence, the two elements' boundary lost ("… from
// November.  Jane Roe"): prose mostly ends on a sentence, not on a bare
// name of two or three words; where it does (a quote's speaker, a
// letter's signature), unmarkNamedParagraphs reads it as the paragraph it
// is. The caption is a sentence of five words or more
// ending on a lower-case word or a number, not an abbreviation ("U.S.")
// or a name ("Ministry of Health."); the name's words are not in
// capitals (menus, and bareCreditTailREs' credits). It reports false
// otherwise.
func namedCreditTail(s string) (string, bool) {
	i := strings.LastIndexAny(s, ".!?")
	if i <= 0 || i+2 >= len(s) || s[i+1] != ' ' {
		return "", false
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); !unicode.IsLower(r) && !unicode.IsDigit(r) {
		return "", false
	}
	caption, name := s[:i+1], s[i+2:]
	for _, w := range strings.Fields(name) {
		if !hasLower(w) {
			return "", false
		}
	}
	if !isPhotographer(name) {
		return "", false
	}
	if n := wordCount(caption); n < 5 || n > maxCaptionWords {
		return "", false
	}
	return checkCaption(caption)
}

// bareCreditTailREs split a caption from a credit after its last sentence
// that no bracket, slash or label sets off: the photographer in capitals
// ("… Madrid on Thursday. CLAUDIO ÁLVAREZ"), a press office ("… region.
// Sibirsky Metall Press Service"). Prose ends on neither.
var bareCreditTailREs = []*regexp.Regexp{
	regexp.MustCompile(`^(.+?[.!?])\s+(?:[—–-]\s*)?\p{Lu}[\p{Lu}'’.-]+(?: \p{Lu}[\p{Lu}'’.-]+){1,3}$`),
	regexp.MustCompile(`^(.+?[.!?])\s+(?:\p{Lu}\S* ){0,4}(?i:press service|press office|handout)$`),
}

// nameRoleTailRE finds a photographer and the role after a caption's last
// sentence, set off by a dash: "… on Wednesday. - Jane Roe/Photographer".
var nameRoleTailRE = regexp.MustCompile(`^(.+?[.!?])\s+[-–—]\s*(\p{Lu}[^/]{2,40}?)\s*/\s*(?i:(?:staff |freelance |contributing )?photographer|contributor)$`)

// outletSlashNameTailRE finds the outlet and its photographer after a
// caption's last sentence: "… on Thursday. The STAR / Jane Roe".
var outletSlashNameTailRE = regexp.MustCompile(`^(.+?[.!?])\s+((?:The |THE )?\p{Lu}[\p{L}.&-]*(?: \p{Lu}[\p{L}.&-]*){0,2}) / (\p{Lu}[\p{L}'’.-]+(?: \p{L}[\p{L}'’.-]*){1,3})$`)

// forOutletTailRE finds a photographer working for an outlet after a
// caption: "… on Thursday. Jane Roe for The Ledger", "… in about 200
// schools JANE ROE FOR THE LEDGER", "… Jane Roe for Voice of the Harbour".
// Prose does not end on a name and "for" a capitalised name of at most four
// words. An outlet with small words (the third group, "of") follows only
// a caption's full stop: "… Jane Roe for Mayor of Dover" is a headline.
var forOutletTailRE = regexp.MustCompile(`^(.+?[\p{Ll}\d.!?’”)])\s+(\p{Lu}[\p{L}'’-]*\.?(?: \p{Lu}[\p{L}'’-]+){1,2}) (?:for|FOR) (?:[Tt]he |THE )?\p{Lu}[\p{L}\d.&'’-]*(?: (?:((?:of|of the|on|de|and|OF|ON|AND)) )?\p{Lu}[\p{L}\d.&'’-]*){0,3}[^.]$`)

// isPhotographer reports whether s, after a caption, is a person's name
// alone: two or three words, in capitals or not.
func isPhotographer(s string) bool {
	n := wordCount(s)
	return n >= 2 && n <= 3 && isCoAuthor(strings.TrimSpace(s))
}

// slashAgencyTailRE finds a credit set off by a slash after the caption's
// last sentence: "… Tuesday. / Yonhap".
var slashAgencyTailRE = regexp.MustCompile(`^(.+?[.!?])\s+/\s*(\S.{0,40})$`)

// nameOutletTailRE finds a photographer and the outlet after a caption's
// last sentence: "… on June 1, 2021. Jane Roe, ABS-CBN News".
var nameOutletTailRE = regexp.MustCompile(`^(.+?[.!?])\s+(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,2}), (\S.{1,40})$`)

// photoNoteRE finds a one-word note after a caption's last sentence,
// set before the credit's bar: "… in 2021. File | Photo Credit: Agency".
var photoNoteRE = regexp.MustCompile(`^(.+[.!?])\s+\p{Lu}\p{Ll}+$`)

// withoutPhotoNote returns a caption without a one-word note after its
// last sentence.
func withoutPhotoNote(s string) string {
	if m := photoNoteRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

// maxAgencyWords bounds the words of an agency's name with a suffix
// ("Press Trust of India news wire").
const maxAgencyWords = 6

// endsWithAgency reports whether the last words of s name an agency, which
// agencyTailRE's credit needs: a cheap test before the regexp, which
// most lines fail.
func endsWithAgency(s string) bool {
	end := len(s)
	for range maxAgencyWords {
		i := strings.LastIndexAny(s[:end], " \t")
		if i < 0 {
			return false
		}
		if agencyName(s[i+1:]) != "" {
			return true
		}
		end = i
	}
	return false
}

// cutCaptionLabel reads "Image caption, …" and "Media caption, …" lines.
func cutCaptionLabel(s string) (string, bool) {
	for _, p := range []string{"Image caption,", "Media caption,", "Caption:"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return checkCaption(rest)
		}
	}
	return "", false
}

// hasSuffixFold reports whether s ends with suffix, ignoring case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// endsUpper reports whether s ends with a capital letter.
func endsUpper(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsUpper(r)
}

// galleryCounterRE matches the counter of a picture gallery opening a
// caption: "[1/2] ", "(3 of 12) ", "3/12 ".
var galleryCounterRE = regexp.MustCompile(`^[\[(]?\d{1,3}(?:/| of )\d{1,3}[\])]? +`)

// imageLabelRE matches the label of the picture a caption describes:
// "Image: ", "Banner image: ", "Top photo: ".
var imageLabelRE = regexp.MustCompile(`^(?:Image|\p{Lu}\p{Ll}+ (?:image|photo|picture)): `)

// checkCaption trims a caption and accepts it when it has two or more words.
func checkCaption(c string) (string, bool) {
	c = strings.TrimSpace(strings.TrimRight(c, " -—–|,;:"))
	if label, rest, ok := strings.Cut(c, " / "); ok && !strings.Contains(label, " ") && startsUpper(label) && startsUpper(rest) {
		c = rest // an image viewer's button glued before the caption: "Enlarge / …"
	}
	if m := imageLabelRE.FindString(c); m != "" && wordCount(c[len(m):]) >= 4 && startsUpper(c[len(m):]) {
		c = c[len(m):] // the viewer's label over a caption: "Image: Crowds on the prom. Pic: PA", "Banner image: …"
	}
	if m := galleryCounterRE.FindString(c); m != "" {
		c = c[len(m):] // a gallery's counter: "[1/2] A logo …", "3 of 12 …"
	}
	if i := strings.LastIndex(c, " ("); i > 0 && strings.HasSuffix(c, ")") && isAllCaps(c[i+2:len(c)-1]) && wordCount(c[i+2:len(c)-1]) >= 2 {
		c = c[:i] // an agency's note: "… in Seoul. (PHOTO NOT FOR SALE)"
	}
	if wordCount(c) < 2 {
		return "", false
	}
	return c, true
}

// callSignRE matches a US broadcaster's call sign: "KTUL", "WXYZ-TV".
var callSignRE = regexp.MustCompile(`^[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?$`)

// isSourceCredit reports whether inner, in round brackets after the
// sentence caption, is the name of the body that supplied the picture:
// "… off Cocoa Beach. (Brevard County Sheriff's Office)". It is two to six
// capitalised words without digits, which prose rarely ends a paragraph
// with.
func isSourceCredit(caption, inner string) bool {
	if !endsSentence(caption) || strings.ContainsAny(inner, "0123456789") {
		return false
	}
	if callSignRE.MatchString(inner) {
		return true // a US station's call sign: "… in downtown Tulsa. (KTUL)"
	}
	ws := strings.Fields(inner)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		if !startsUpper(w) && !minorWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
