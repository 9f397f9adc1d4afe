package seed

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"tidings/normalize"
)

// ErrNoArticle means a seed file holds no article: no body paragraph under
// a headline, for example an empty file, a page of navigation only, a
// header over a list of other stories' headlines, or a section front
// page of headlines, teasers and dates. Parse and ParseFile
// wrap it with the file name or path.
var ErrNoArticle = errors.New("no article found")

// ErrInvalidUTF8 means a seed file is not valid UTF-8. Parse and ParseFile
// wrap it with the file name or path and the offset of the first bad byte.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// Parse extracts the article from the contents of one seed file. name is the
// file's base name; it becomes the article's GUID and is used for nothing
// else. Title, Summary, Text, Content, Authors, Captions, Published (UTC; the
// capture date when the page shows none, zero when there is none either),
// Source (empty when the page names no publisher) and Link (the article's
// address when the page shows one) are filled; the caller sets ID, URL and
// Updated and falls back to its configured source name.
//
// A missing or garbled date header is tolerated. Parse returns an error
// wrapping ErrInvalidUTF8 when data is not UTF-8 and ErrNoArticle when no
// headline or body text can be found. It is safe for concurrent use.
func Parse(name string, data []byte) (normalize.Article, error) {
	a, err := parse(name, data)
	if err != nil {
		return normalize.Article{}, fmt.Errorf("seed %s: %w", name, err)
	}
	return a, nil
}

// ParseFile reads the seed file at path and parses it with Parse, using the
// base name of path as the GUID. Errors name the path; they wrap the read
// error, ErrInvalidUTF8 or ErrNoArticle.
func ParseFile(path string) (normalize.Article, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return normalize.Article{}, fmt.Errorf("read seed: %w", err)
	}
	a, err := parse(filepath.Base(path), data)
	if err != nil {
		return normalize.Article{}, fmt.Errorf("seed %s: %w", path, err)
	}
	return a, nil
}

// Files returns the paths of the seed files in dir, sorted by file name: the
// regular files (or links to them) whose names end in ".txt". Hidden files
// and subdirectories are skipped. Errors name dir.
func Files(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list seeds in %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".txt") {
			continue
		}
		path := filepath.Join(dir, name)
		ok, err := isRegular(path, e)
		if err != nil {
			return nil, fmt.Errorf("list seeds in %s: %w", dir, err)
		}
		if ok {
			paths = append(paths, path)
		}
	}
	return paths, nil
}

// isRegular reports whether the entry is a regular file, following a
// symbolic link. A dangling link is skipped rather than reported.
func isRegular(path string, e os.DirEntry) (bool, error) {
	if e.Type().IsRegular() {
		return true, nil
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false, nil
	}
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return fi.Mode().IsRegular(), nil
}

// parse is Parse without the file name in its errors.
func parse(name string, data []byte) (normalize.Article, error) {
	if !utf8.Valid(data) {
		return normalize.Article{}, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(data))
	}
	x := extract(readPage(string(data)))
	if err := x.check(); err != nil {
		return normalize.Article{}, err
	}
	a := x.article
	a.GUID = name
	return a, nil
}

// check returns ErrNoArticle, saying what is missing, unless the
// extraction has a title and a body with at least one paragraph.
func (x extraction) check() error {
	for _, l := range x.lines {
		if errorPageLines[key(l.text)] {
			return fmt.Errorf("%w: an error page (%q)", ErrNoArticle, l.text)
		}
		if referencePageRE.MatchString(l.text) {
			return fmt.Errorf("%w: a reference page (%q)", ErrNoArticle, l.text)
		}
		if isParagraph(l) {
			break
		}
	}
	if x.snippets > 0 {
		return fmt.Errorf("%w: a list of results (%d paragraphs, each a snippet cut short by an ellipsis)", ErrNoArticle, x.snippets)
	}
	if x.teasers > 0 {
		return fmt.Errorf("%w: a section front (%d stories, each a headline, a teaser and a date)", ErrNoArticle, x.teasers)
	}
	if x.isNotice() {
		return fmt.Errorf("%w: a notice to the reader (%q), undated and unsigned, every paragraph addressing the reader", ErrNoArticle, x.article.Title)
	}
	if x.isIndexPage() {
		return fmt.Errorf("%w: an index page (the headline is the publisher's name %q, over one short paragraph)", ErrNoArticle, x.article.Title)
	}
	if x.isSignInWall() {
		return fmt.Errorf("%w: a sign-in wall (a password field under %q), undated and unsigned", ErrNoArticle, x.article.Title)
	}
	if name := x.profileOf(); name != "" {
		return fmt.Errorf("%w: %s's profile (the only paragraphs are a bio of the name printed alone above them)", ErrNoArticle, name)
	}
	if n := x.priceLines(); n > 0 {
		return fmt.Errorf("%w: an offers page (%d prices per period, no byline)", ErrNoArticle, n)
	}
	if n := x.datedEntries(); n > 0 {
		return fmt.Errorf("%w: a list of dated entries (%d paragraphs, each under its own date, no byline)", ErrNoArticle, n)
	}
	if button, n := x.repeatedButton(); n > 0 {
		return fmt.Errorf("%w: a listing (%d items, each with %q, no byline, no paragraph of 25 words)", ErrNoArticle, n, button)
	}
	if n := x.galleryPictures(); n > 0 {
		return fmt.Errorf("%w: a photo gallery (%d pictures, each under its counter, no byline)", ErrNoArticle, n)
	}
	if n := x.videoClips(); n > 0 {
		return fmt.Errorf("%w: a list of videos (%d clips, each a title over its running time, no byline)", ErrNoArticle, n)
	}
	if n := x.figureLines(); n > 0 {
		return fmt.Errorf("%w: a data page (%d lines of figures, no paragraph of twenty words or only an unsigned note)", ErrNoArticle, n)
	}
	if n := x.scheduleTimes(); n > 0 {
		return fmt.Errorf("%w: a schedule (%d times of day, each over a short item, no paragraph of ten words)", ErrNoArticle, n)
	}
	for _, i := range x.bodyIndexes() {
		if isParagraph(x.lines[i]) {
			return nil
		}
	}
	if x.article.Title == "" {
		return fmt.Errorf("%w: no headline or body text (navigation, furniture or empty)", ErrNoArticle)
	}
	return fmt.Errorf("%w: %q is followed by no body paragraph", ErrNoArticle, x.article.Title)
}

// priceRE finds a price per period: "$9.99/month", "$ 29 for your first
// year", "£1 a week".
var priceRE = regexp.MustCompile(`(?i)[$£€]\s?\d[\d.,]*\s*(?:/\s*|per |an? |for (?:\d+ |your first |the first )?)(?:months?|years?|weeks?|mo\b|yr\b|day)`)

// priceLines returns how many lines of a subscription offers page quote
// a price per period, or 0: three or more such lines, and no byline. A
// story about prices names its author.
func (x extraction) priceLines() int {
	n := 0
	for _, l := range x.lines {
		if l.kind == kindByline {
			return 0
		}
		if strings.ContainsAny(l.text, "$£€") && priceRE.MatchString(l.text) {
			n++
		}
	}
	if n < 3 {
		return 0
	}
	return n
}

// datedEntries returns how many paragraphs of a list of dated entries (a
// corrections index, a list of briefs) the page holds, or 0: four or more
// body paragraphs, four in five of them directly under a full date of
// their own, and no byline. A live page dates its posts by the time of day.
func (x extraction) datedEntries() int {
	for _, l := range x.lines {
		if l.kind == kindByline {
			return 0
		}
	}
	body := x.bodyIndexes()
	dated := 0
	for _, i := range body {
		if p := prevPastJunk(x.lines, i); p >= 0 && x.lines[p].kind == kindDate && !x.lines[p].date.t.IsZero() {
			dated++
		}
	}
	if dated < 4 || 5*dated < 4*len(body) {
		return 0
	}
	return dated
}

// pictureCounterRE matches a gallery's counter alone on its line: "3 of
// 20", "3/20".
var pictureCounterRE = regexp.MustCompile(`^\d{1,3}(?: of |/| / )\d{1,3}$`)

// galleryPictures returns how many pictures a photo gallery shows, or 0:
// four counters or more ("1 of 20") each followed by a caption or text,
// more pictures than body paragraphs, and no byline in the article.
func (x extraction) galleryPictures() int {
	if x.signed() {
		return 0
	}
	n := 0
	for i, l := range x.lines {
		if i+1 < len(x.lines) && pictureCounterRE.MatchString(l.text) && (x.lines[i+1].kind == kindCaption || x.lines[i+1].kind == kindText) {
			n++
		}
	}
	if n < 4 || n <= len(x.bodyIndexes()) {
		return 0
	}
	return n
}

// videoClips returns how many clips a page of videos lists, or 0: four
// or more titles each directly over a bare running time ("02:41"), more
// clips than body paragraphs, and no byline. A story closing on a box of
// videos has a byline and its paragraphs.
func (x extraction) videoClips() int {
	if x.signed() {
		return 0
	}
	n := 0
	for i, l := range x.lines {
		if i > 0 && bareDurationRE.MatchString(l.text) && isHeadlineLike(x.lines[i-1]) {
			n++
		}
	}
	if n < 4 || n <= len(x.bodyIndexes()) {
		return 0
	}
	return n
}

// repeatedButton returns the button a listing repeats after each of its
// items and how many times, or 0: a short label ("Sign up", "Play")
// printed three times or more from the body's first line to just past
// its last,
// a body of short lines only (none of 25 words), and no byline. A story
// with an advertisement label between paragraphs has long paragraphs.
func (x extraction) repeatedButton() (string, int) {
	body := x.bodyIndexes()
	if len(body) == 0 {
		return "", 0
	}
	for _, i := range body {
		if wordCount(x.lines[i].text) >= 25 {
			return "", 0
		}
	}
	from := body[0]
	if h := slices.Index(x.roles, roleHeadline); h >= 0 && h < from {
		from = h // a listing whose items the body search passed over
	} else if len(body) < 2 {
		return "", 0
	}
	counts := make(map[string]int)
	for _, l := range x.lines {
		if l.kind == kindByline {
			return "", 0
		}
	}
	best, n := "", 0
	for _, l := range x.lines[from:min(len(x.lines), body[len(body)-1]+4)] { // the last item's button too
		if (l.kind == kindJunk || l.kind == kindCrumb || l.kind == kindText && isButton(l)) && wordCount(l.text) <= 4 && hasLetter(l.text) {
			k := key(l.text)
			if counts[k]++; counts[k] > n {
				best, n = l.text, counts[k]
			}
		}
	}
	if n < 3 {
		return "", 0
	}
	return best, n
}

// minFigureLines is how many lines of figures make a page a table of data
// when no paragraph tells a story.
const minFigureLines = 8

// figureLines returns the number of lines of figures on a page of data (a
// market overview, a results table), or 0: the body holds no paragraph of
// twenty words, or only one paragraph and no byline (a note on how to
// read the figures), and eight lines or more are mostly numbers ("Gold
// 1,871.30 -37.60 -1.97%").
func (x extraction) figureLines() int {
	body := x.bodyIndexes()
	if len(body) != 1 || x.signed() {
		for _, i := range body {
			if wordCount(x.lines[i].text) >= 20 {
				return 0
			}
		}
	}
	n := 0
	for _, l := range x.lines {
		if isFigureLine(l.text) {
			n++
		}
	}
	if n < minFigureLines {
		return 0
	}
	return n
}

// signed reports whether a line of the article is a byline; one outside
// the article (the footer's "More From X") does not count.
func (x extraction) signed() bool {
	for i, l := range x.lines {
		if l.kind == kindByline && x.roles[i] != roleOutside {
			return true
		}
	}
	return false
}

// isFigureLine reports whether half or more of the words of s are
// numbers, signed numbers or percentages.
func isFigureLine(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	ws := strings.Fields(s)
	nums := 0
	for _, w := range ws {
		w = strings.TrimLeft(w, "+-−$€£")
		if w != "" && w[0] >= '0' && w[0] <= '9' {
			nums++
		}
	}
	return len(ws) > 0 && 2*nums >= len(ws)
}

// profileOf returns the person an author's profile page is about, or "":
// every body paragraph is a bio of one person ("Jane Roe is the
// Courier's transport correspondent …") whose name stands alone on a
// line above it that is no byline. An article about a person names them
// in a headline and tells more than who they are.
func (x extraction) profileOf() string {
	body := x.bodyIndexes()
	if len(body) == 0 || len(body) > 2 {
		return ""
	}
	name := ""
	for _, i := range body {
		m := bioRE.FindStringSubmatch(x.lines[i].text)
		if m == nil || name != "" && m[1] != name {
			return ""
		}
		name = m[1]
	}
	for _, l := range x.lines[:body[0]] {
		if l.text == name && l.kind != kindByline {
			return name
		}
	}
	return ""
}

// isNotice reports whether the page is a notice to the reader rather
// than an article (a consent wall, a paywall's dialog): no line carries
// a byline or a date, and the headline and every body paragraph speak to
// the reader or as the page ("we") outside quotes. Articles that address
// their readers still do so in some paragraphs only, and are signed or
// dated.
func (x extraction) isNotice() bool {
	body := x.bodyIndexes()
	if len(body) == 0 || !speaksToReader(x.article.Title) || !x.unsignedUndated() {
		return false
	}
	for _, i := range body {
		if !speaksToReader(x.lines[i].text) {
			return false
		}
	}
	return true
}

// isIndexPage reports whether the page is an outlet's index (an
// e-edition's, a section's landing page) rather than an article: the
// headline found is only the publisher's name (the masthead, taken for
// want of a story's headline), and the body is at most one paragraph,
// none of its lines of twenty words. A story has a headline of its own,
// and a page without one that tells a story runs to more than a line.
func (x extraction) isIndexPage() bool {
	if x.article.Source == "" || x.article.Title == "" {
		return false
	}
	title, _ := nameKey(x.article.Title)
	source, _ := nameKey(x.article.Source)
	if !slices.Equal(title, source) {
		return false
	}
	paras := 0
	for _, i := range x.bodyIndexes() {
		if wordCount(x.lines[i].text) >= 20 {
			return false
		}
		if isParagraph(x.lines[i]) {
			paras++
		}
	}
	return paras <= 1
}

// isSignInWall reports whether the page is a registration or sign-in
// wall: no line carries a byline or a date, and a form's password field
// stands under the headline with only lines speaking to the reader
// ("You've reached your limit of free articles.") among the paragraphs
// between them. The form's hints ("Must be at least 8 characters.") read
// as paragraphs. An article's page may hold a sign-in box too, but after
// paragraphs that tell its story.
func (x extraction) isSignInWall() bool {
	h := slices.Index(x.roles, roleHeadline)
	if h < 0 || !x.unsignedUndated() {
		return false
	}
	for _, l := range x.lines[h+1:] {
		if passwordFieldRE.MatchString(l.text) {
			return true
		}
		if isParagraph(l) && !speaksToReader(l.text) {
			return false
		}
	}
	return false
}

// unsignedUndated reports whether no line of the page is a byline or a
// date, as on a notice or a wall rather than a story.
func (x extraction) unsignedUndated() bool {
	for _, l := range x.lines {
		if l.kind == kindByline || l.kind == kindDate {
			return false
		}
	}
	return true
}

// passwordFieldRE matches a form's password field: "Password", "Create a
// password".
var passwordFieldRE = regexp.MustCompile(`^(?i:(?:(?:create|choose|enter|confirm)(?: a| your)? )?password\*?:?)$`)

// speaksToReader reports whether s, outside quotes, addresses the reader,
// speaks of the page itself or as "we", or calls to action.
func speaksToReader(s string) bool {
	own := unquoted(s)
	reader, self := addressWords(own)
	return reader || self || isCallToAction(own) || weVoiceRE.MatchString(own)
}

// weVoiceRE finds the page speaking as "we".
var weVoiceRE = regexp.MustCompile(`(?i)\b(?:we|our|us)\b`)

// errorPageLines are the headings, by key, of a server's error page.
var errorPageLines = setOf("page not found", "404", "404 not found", "error 404",
	"404 error", "not found", "page introuvable", "seite nicht gefunden",
	"página no encontrada", "this page doesn't exist", "this page does not exist")

// referencePageRE matches the tagline of an encyclopedia or wiki entry
// ("From Wikipedia, the free encyclopedia"): prose, but no news article.
var referencePageRE = regexp.MustCompile(`(?i)^from [\p{L}\d .'’-]{2,40}, the free (?:encyclopedia|dictionary)$`)

// bodyIndexes returns the indexes of the lines the body was made of.
func (x extraction) bodyIndexes() []int {
	var out []int
	for i, r := range x.roles {
		if r == roleBody {
			out = append(out, i)
		}
	}
	return out
}

// firstInvalid returns the offset of the first byte that is not part of a
// valid UTF-8 sequence, or len(data).
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// minScheduleTimes is how many bare times of day make a page a schedule.
const minScheduleTimes = 4

// scheduleTimes returns how many bare times of day ("4:30 AM") or spans
// ("6:30 PM – 8:30 PM") the page holds when it is a schedule (TV
// listings, a programme, an events calendar): minScheduleTimes or more
// such lines, and no body line of ten words or more, or, when the times
// are spans, which no live page prints, of fifteen. A live page sets its
// times over paragraphs. It returns 0 otherwise.
func (x extraction) scheduleTimes() int {
	longest := 0
	for _, i := range x.bodyIndexes() {
		longest = max(longest, wordCount(x.lines[i].text))
	}
	times, spans := 0, 0
	for _, l := range x.lines {
		if l.kind != kindDate || !l.date.t.IsZero() || wordCount(l.text) > 7 {
			continue
		}
		switch {
		case clockOnlyRE.MatchString(l.text):
			times++
		case clockSpanRE.MatchString(l.text):
			spans++
		}
	}
	if longest < 10 && times+spans >= minScheduleTimes || longest < 15 && spans >= minScheduleTimes {
		return times + spans
	}
	return 0
}

// clockSpanRE matches a line that is only a span of time: "6:30 PM – 8:30
// PM", "10:00-12:00".
var clockSpanRE = regexp.MustCompile(`(?i)^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*[–—-]\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?$`)

// clockOnlyRE matches a line that is only a time of day: "4:30 AM",
// "19.45", "7:00 p.m. ET".
var clockOnlyRE = regexp.MustCompile(`(?i)^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\p{Lu}{1,4})?$`)
