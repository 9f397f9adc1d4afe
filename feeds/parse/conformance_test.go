package parse_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"tidings/feeds/fetch"
	"tidings/feeds/parse"
	"tidings/normalize"
)

// conformanceDirs are the folders of feedparser's conformance cases whose
// Expect: headers name values our Article and Feed have: dates, links
// (relative ones resolved against xml:base, the document's address or the
// feed's link), titles with entities, authors. The encoding cases are
// fetch's (TestToUTF8Corpus).
var conformanceDirs = []string{
	"entities", "illformed", "legacy-date-2011",
	"wellformed/amp", "wellformed/atom", "wellformed/atom10", "wellformed/base", "wellformed/lang",
	"wellformed/node_precedence", "wellformed/rdf", "wellformed/rss", "wellformed/xml",
}

var (
	expectLine    = regexp.MustCompile(`(?m)^(Header|Expect):\s*(.*?)\s*$`)
	expectClause  = regexp.MustCompile(`((?:entries\[0\]|feed)(?:\[(?:'\w+'|\d+)\])+)\s*==\s*(u?'(?:[^'\\]|\\.)*'|u?"(?:[^"\\]|\\.)*"|\([\d,\s-]+\))`)
	pathSegment   = regexp.MustCompile(`\[(?:'(\w+)'|(\d+))\]`)
	htmlURL       = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	dateFieldName = regexp.MustCompile(`^(published|updated|date|modified|issued|created)_parsed$`)
)

// The categories of expectations compared, in the order of the report.
const (
	catDate     = "entry dates"
	catFeedDate = "feed dates"
	catLink     = "links"
	catHTML     = "links in content"
	catTitle    = "titles and entities"
	catText     = "content text"
	catAuthor   = "authors"
	catGUID     = "ids"
)

var conformanceCategories = []string{catDate, catFeedDate, catLink, catHTML, catTitle, catText, catAuthor, catGUID}

// conformanceCase is one file's reading: our Feed, and gofeed's for the
// feed-level dates, which no Article carries.
type conformanceCase struct {
	feed *parse.Feed
	gf   *gofeed.Feed
}

// TestConformance evaluates the Expect: headers of feedparser's conformance
// cases that map to our fields, clause by clause, and reports the agreement
// per category. A disagreement fails unless conformanceDeviations explains
// it; a listed deviation that has come to agree fails too, so the list
// stays true.
func TestConformance(t *testing.T) {
	t.Parallel()
	root := filepath.Join(corpusDir(t), "conformance", "feedparser")
	tallies := map[string]*tally{}
	for _, c := range conformanceCategories {
		tallies[c] = &tally{}
	}
	excepted, unmapped := map[string]int{}, 0
	seen := map[string]bool{}
	for _, dir := range conformanceDirs {
		files, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(dir), "*.xml"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no conformance files in %s (error %v)", dir, err)
		}
		for _, file := range files {
			name, _ := filepath.Rel(root, file)
			name = filepath.ToSlash(name)
			body, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			docURL, contentType, expect := conformanceHeaders(name, body)
			c := readConformanceCase(body, docURL, contentType)
			for _, m := range expectClause.FindAllStringSubmatch(expect, -1) {
				cat, got, want, ok := c.evaluate(m[1], m[2])
				if !ok {
					unmapped++
					continue
				}
				key := name + " " + m[1]
				seen[key] = true
				tallies[cat].compared++
				reason, deliberate := conformanceDeviations[key]
				switch {
				case got == want && deliberate:
					t.Errorf("%s: agrees now (%q); remove it from conformanceDeviations (%s)", key, got, reason)
				case got == want:
					tallies[cat].agreed++
				case deliberate:
					excepted[cat]++
					t.Logf("%s: deliberate difference: got %q, want %q (%s)", key, got, want, reason)
				default:
					t.Errorf("%s (%s): got %q, want %q", key, cat, got, want)
				}
			}
		}
	}
	for key := range conformanceDeviations {
		if !seen[key] {
			t.Errorf("conformanceDeviations lists %q, which no Expect: clause compares", key)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "agreement with feedparser's conformance expectations:\n%-20s %8s %7s %10s %8s\n", "category", "compared", "agreed", "deliberate", "percent")
	for _, c := range conformanceCategories {
		tl := tallies[c]
		fmt.Fprintf(&b, "%-20s %8d %7d %10d %7.2f%%\n", c, tl.compared, tl.agreed, excepted[c], tl.percent())
	}
	fmt.Fprintf(&b, "(%d clauses name values we do not keep: feed metadata, *_detail, raw date strings, …)", unmapped)
	t.Log(b.String())
}

// conformanceHeaders returns a case's document address (its
// Content-Location header, else where feedparser's test server serves it),
// its Content-Type header and its Expect: expression.
func conformanceHeaders(name string, body []byte) (docURL, contentType, expect string) {
	docURL = "http://127.0.0.1:8097/tests/" + name
	head := bytes.ReplaceAll(body[:min(len(body), 4096)], []byte{0}, nil)
	for _, m := range expectLine.FindAllSubmatch(head, -1) {
		value := string(m[2])
		if string(m[1]) == "Expect" {
			expect = value
			continue
		}
		header, v, _ := strings.Cut(value, ":")
		switch strings.ToLower(strings.TrimSpace(header)) {
		case "content-location":
			docURL = normalize.ResolveURL(docURL, strings.TrimSpace(v))
		case "content-type":
			contentType = strings.TrimSpace(v)
		}
	}
	return docURL, contentType, expect
}

// readConformanceCase reads a case as ingest reads a fetched feed.
func readConformanceCase(body []byte, docURL, contentType string) conformanceCase {
	utf8Body := fetch.ToUTF8(body, contentType)
	var c conformanceCase
	c.feed, _ = parse.Parse(utf8Body, parse.Options{Source: "conformance", URL: docURL, Now: fidelityNow})
	p := gofeed.NewParser()
	c.gf, _ = p.Parse(bytes.NewReader(utf8Body))
	return c
}

// evaluate maps the Expect: clause path == literal to our reading. ok is
// false for a path that names nothing we keep.
func (c conformanceCase) evaluate(path, literal string) (cat, got, want string, ok bool) {
	var keys []string
	for _, m := range pathSegment.FindAllStringSubmatch(path, -1) {
		keys = append(keys, m[1]+m[2])
	}
	entry := strings.HasPrefix(path, "entries")
	if entry {
		keys = keys[1:] // the [0]
	}
	if strings.HasPrefix(literal, "(") {
		if len(keys) != 1 || !dateFieldName.MatchString(keys[0]) {
			return "", "", "", false
		}
		cat := catFeedDate // our reader of an entry's date, on the feed's
		if entry {
			cat = catDate
		}
		return cat, c.date(entry, keys[0]), pythonTime(literal), true
	}
	want, err := pythonString(literal)
	if err != nil {
		return "", "", "", false
	}
	field := strings.Join(keys, ".")
	var a *normalize.Article
	if c.feed != nil && len(c.feed.Articles) > 0 {
		a = &c.feed.Articles[0]
	}
	switch {
	case !entry && (field == "title" || field == "title_detail.value"):
		return catTitle, c.feedTitle(), normalize.PlainText(want), true
	case !entry && (field == "link" || field == "links.0.href"):
		if c.feed == nil {
			return catLink, "(no feed)", want, true
		}
		return catLink, c.feed.Link, want, true
	case !entry:
		return "", "", "", false
	case a == nil:
		switch field {
		case "title", "title_detail.value", "link", "id", "author_detail.name", "summary", "description", "content.0.value":
			return categoryOf(field, want), "(no entry)", want, true
		}
		return "", "", "", false
	case field == "title" || field == "title_detail.value":
		return catTitle, a.Title, normalize.PlainText(want), true
	case field == "link":
		return catLink, a.Link, want, true
	case field == "id":
		return catGUID, a.GUID, want, true
	case field == "author_detail.name":
		return catAuthor, strings.Join(a.Authors, ", "), want, true
	case field == "summary" || field == "description" || field == "content.0.value" || field == "summary_detail.value":
		if urls := htmlURL.FindAllStringSubmatch(want, -1); len(urls) > 0 {
			return catHTML, strings.Join(contentURLs(a.Summary+" "+a.Content), " "), strings.Join(submatches(urls), " "), true
		}
		return catText, c.text(a, field), strings.Join(strings.Fields(normalize.PlainText(want)), " "), true
	}
	return "", "", "", false
}

func categoryOf(field, want string) string {
	switch field {
	case "title", "title_detail.value":
		return catTitle
	case "link":
		return catLink
	case "id":
		return catGUID
	case "author_detail.name":
		return catAuthor
	}
	if htmlURL.MatchString(want) {
		return catHTML
	}
	return catText
}

func (c conformanceCase) feedTitle() string {
	if c.feed == nil {
		return "(no feed)"
	}
	return c.feed.Title
}

// text is the plain text of an entry's summary (its Summary, or its body
// when the feed's description became the content) or content.
func (c conformanceCase) text(a *normalize.Article, field string) string {
	if field != "content.0.value" && a.Summary != "" {
		return a.Summary
	}
	return strings.Join(strings.Fields(a.Text), " ")
}

// date is our reading of a date: an entry's from its Article (published,
// issued and created are Published; the others Updated), a feed's by the
// same reader as an entry's, from gofeed's fields. It is "undated" when
// there is none.
func (c conformanceCase) date(entry bool, key string) string {
	published := key == "published_parsed" || key == "issued_parsed" || key == "created_parsed"
	var t time.Time
	switch {
	case entry && (c.feed == nil || len(c.feed.Articles) == 0):
		return "(no entry)"
	case entry && published:
		t = c.feed.Articles[0].Published
	case entry:
		t = c.feed.Articles[0].Updated
	case c.gf == nil:
		return "(no feed)"
	default:
		first, second := parse.ItemDate(c.gf.UpdatedParsed, c.gf.Updated, c.gf.Language), parse.ItemDate(c.gf.PublishedParsed, c.gf.Published, c.gf.Language)
		if published {
			first, second = second, first
		}
		t = first
		if t.IsZero() {
			t = second
		}
	}
	if t.IsZero() || t.Equal(fidelityNow) {
		return "undated"
	}
	return t.UTC().Format(time.DateTime)
}

// pythonTime renders a time.struct_time tuple (UTC) as date does.
func pythonTime(tuple string) string {
	var n []int
	for f := range strings.SplitSeq(strings.Trim(tuple, "()"), ",") {
		v, _ := strconv.Atoi(strings.TrimSpace(f))
		n = append(n, v)
	}
	if len(n) < 6 {
		return "bad tuple " + tuple
	}
	return time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, time.UTC).Format(time.DateTime)
}

// pythonString decodes a Python string literal, quoted with ' or ", with
// an optional u prefix.
func pythonString(lit string) (string, error) {
	lit = strings.TrimPrefix(lit, "u")
	body := lit[1 : len(lit)-1]
	body = strings.NewReplacer(`\x`, `\u00`, `\'`, `'`, `"`, `\"`, `\"`, `\"`).Replace(body)
	return strconv.Unquote(`"` + body + `"`)
}

// contentURLs returns the link and image addresses in sanitized HTML.
func contentURLs(html string) []string {
	return submatches(htmlURL.FindAllStringSubmatch(html, -1))
}

func submatches(ms [][]string) []string {
	var out []string
	for _, m := range ms {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// conformanceDeviations are the clauses we disagree with on purpose, keyed
// by file and clause path, each with the reason.
var conformanceDeviations = map[string]string{
	"legacy-date-2011/channel_dcterms_modified_w3dtf_utc_map_date.xml feed['date_parsed']":             feedDates,
	"legacy-date-2011/channel_pubDate_disney.xml feed['date_parsed']":                                  zoneNames,
	"legacy-date-2011/channel_pubDate_disney_at.xml feed['date_parsed']":                               zoneNames,
	"legacy-date-2011/channel_pubDate_disney_ct.xml feed['date_parsed']":                               zoneNames,
	"legacy-date-2011/channel_pubDate_disney_mt.xml feed['date_parsed']":                               zoneNames,
	"legacy-date-2011/channel_pubDate_disney_pt.xml feed['date_parsed']":                               zoneNames,
	"legacy-date-2011/channel_pubDate_greek_1.xml feed['date_parsed']":                                 localNames,
	"legacy-date-2011/channel_pubDate_hungarian_1.xml feed['date_parsed']":                             localNames,
	"legacy-date-2011/channel_pubDate_iso8601_ym.xml feed['date_parsed']":                              truncatedISO,
	"legacy-date-2011/channel_pubDate_iso8601_ym_2.xml feed['date_parsed']":                            truncatedISO,
	"legacy-date-2011/channel_pubDate_iso8601_ymd.xml feed['date_parsed']":                             truncatedISO,
	"legacy-date-2011/channel_pubDate_iso8601_ymd_2.xml feed['date_parsed']":                           truncatedISO,
	"legacy-date-2011/channel_pubDate_iso8601_yo_2.xml feed['date_parsed']":                            truncatedISO,
	"legacy-date-2011/channel_pubDate_korean_nate.xml feed['date_parsed']":                             localNames,
	"legacy-date-2011/channel_pubDate_mssql.xml feed['date_parsed']":                                   mssqlKorea,
	"legacy-date-2011/channel_pubDate_mssql_nofraction.xml feed['date_parsed']":                        mssqlKorea,
	"legacy-date-2011/channel_pubDate_rfc2822_rollover_june_31.xml feed['date_parsed']":                rollover,
	"legacy-date-2011/channel_pubDate_w3dtf_rollover_25h.xml feed['date_parsed']":                      rollover,
	"legacy-date-2011/channel_pubDate_w3dtf_rollover_61m.xml feed['date_parsed']":                      rollover,
	"legacy-date-2011/channel_pubDate_w3dtf_rollover_61s.xml feed['date_parsed']":                      rollover,
	"legacy-date-2011/channel_pubDate_w3dtf_y.xml feed['date_parsed']":                                 noDay,
	"legacy-date-2011/channel_pubDate_w3dtf_ym.xml feed['date_parsed']":                                noDay,
	"legacy-date-2011/channel_pubDate_w3dtf_ymd_2.xml feed['date_parsed']":                             basicISO,
	"legacy-date-2011/entry_created_w3dtf_fractional_second.xml entries[0]['created_parsed']":          atomCreated,
	"legacy-date-2011/feed_modified_disney.xml feed['date_parsed']":                                    zoneNames,
	"legacy-date-2011/feed_modified_disney_at.xml feed['date_parsed']":                                 zoneNames,
	"legacy-date-2011/feed_modified_disney_ct.xml feed['date_parsed']":                                 zoneNames,
	"legacy-date-2011/feed_modified_disney_mt.xml feed['date_parsed']":                                 zoneNames,
	"legacy-date-2011/feed_modified_disney_pt.xml feed['date_parsed']":                                 zoneNames,
	"legacy-date-2011/feed_modified_google.xml feed['modified_parsed']":                                malformedDate,
	"legacy-date-2011/feed_modified_iso8601_ym.xml feed['modified_parsed']":                            truncatedISO,
	"legacy-date-2011/feed_modified_iso8601_ym_2.xml feed['modified_parsed']":                          truncatedISO,
	"legacy-date-2011/feed_modified_iso8601_ymd.xml feed['modified_parsed']":                           truncatedISO,
	"legacy-date-2011/feed_modified_iso8601_ymd_2.xml feed['modified_parsed']":                         truncatedISO,
	"legacy-date-2011/feed_modified_iso8601_yo_2.xml feed['modified_parsed']":                          truncatedISO,
	"legacy-date-2011/feed_modified_rfc2822_rollover_june_31.xml feed['modified_parsed']":              rollover,
	"legacy-date-2011/feed_modified_w3dtf_y.xml feed['modified_parsed']":                               noDay,
	"legacy-date-2011/feed_modified_w3dtf_ym.xml feed['modified_parsed']":                              noDay,
	"legacy-date-2011/feed_modified_w3dtf_ymd_2.xml feed['modified_parsed']":                           basicISO,
	"legacy-date-2011/item_pubDate_euc-kr.xml entries[0]['modified_parsed']":                           localNames,
	"legacy-date-2011/item_pubDate_perforce.xml entries[0]['date_parsed']":                             perforce,
	"wellformed/atom/atom_namespace_4.xml feed['title']":                                               echo,
	"wellformed/atom/entry_created_multiple_values.xml entries[0]['created_parsed']":                   atomCreated,
	"wellformed/atom/entry_created_parsed.xml entries[0]['created_parsed']":                            atomCreated,
	"wellformed/atom10/entry_id_no_normalization_4.xml entries[0]['id']":                               idScheme,
	"wellformed/base/http_entry_content_base64_base_docuri.xml entries[0]['content'][0]['value']":      base64,
	"wellformed/base/http_entry_id_base_docuri.xml entries[0]['id']":                                   idAsGiven,
	"wellformed/base/http_entry_summary_base64_base_content_location.xml entries[0]['summary']":        base64,
	"wellformed/base/http_entry_title_base64_base_content_location.xml entries[0]['title']":            base64,
	"wellformed/base/http_feed_title_base64_base_content_location.xml feed['title']":                   base64,
	"wellformed/base/http_item_body_base_content_location.xml entries[0]['content'][0]['value']":       xhtmlBody,
	"wellformed/base/http_item_fullitem_base_content_location.xml entries[0]['content'][0]['value']":   xhtmlBody,
	"wellformed/base/http_item_xhtml_body_base_content_location.xml entries[0]['content'][0]['value']": xhtmlBody,
	"wellformed/rdf/rdf_item_rdf_about.xml entries[0]['id']":                                           rdfAbout,
	"wellformed/rss/channel_dcterms_created_parsed.xml feed['created_parsed']":                         feedDates,
	"wellformed/rss/channel_dcterms_issued_parsed.xml feed['published_parsed']":                        feedDates,
	"wellformed/rss/channel_dcterms_modified_parsed.xml feed['updated_parsed']":                        feedDates,
	"wellformed/rss/item_description_and_summary.xml entries[0]['content'][0]['value']":                rssSummary,
	"wellformed/rss/item_fullitem.xml entries[0]['content'][0]['value']":                               xhtmlBody,
	"wellformed/rss/item_xhtml_body.xml entries[0]['content'][0]['value']":                             xhtmlBody,
}

// The reasons for conformanceDeviations.
const (
	zoneNames = "\"ET\", \"CT\", \"MT\", \"PT\", \"AT\" name no single offset (standard or daylight time?); " +
		"feedparser takes standard time for one publisher's feeds; unread, the entry is dated when first seen"
	localNames = "month and day names in Greek, Hungarian or Korean: feedparser carries a parser per language; " +
		"gofeed reads English names only, and these forms are rare; unread, the entry is dated when first seen"
	truncatedISO = "ISO 8601:1988's truncated forms with two-digit or implied years (03-12-31, 031231, -03-12, 03335) " +
		"are not W3C-DTF, which feeds use, and \"03-12-31\" is as much a day-month-year date; unread"
	basicISO = "ISO 8601's basic format (20031231) is in no feed format's date profile; unread"
	noDay    = "a W3C-DTF date without a day (2003, 2003-12) cannot order news; the entry is dated when first seen " +
		"rather than put at the start of the year or month"
	mssqlKorea = "a date without a zone is UTC (as feedparser takes W3C-DTF dates without one); feedparser reads " +
		"MSSQL's 2004-07-08 23:56:58.0 as Korean time because its sample came from a Korean site"
	rollover = "an impossible date (31 June, hour 25, minute 61) is unreadable, not carried into the next " +
		"day or hour as feedparser does: the entry is dated when first seen"
	malformedDate = "a three-digit month (2003-012-31) is malformed; unread"
	perforce      = "\"Fri, 2006/09/15 08:19:53 EDT\" (one tool's form) mixes RFC 822 with slashes; unread"
	feedDates     = "a feed's own dates are not kept (only its articles'); dcterms dates of items are read"
	atomCreated   = "Atom 0.3's <created> is the draft's creation time, which gofeed drops; an entry's dates " +
		"are its issued/published and modified/updated"
	base64    = "Atom 0.3 base64 mode: gofeed leaves the text encoded; no feed of today uses it"
	xhtmlBody = "<body xmlns=\"http://www.w3.org/1999/xhtml\"> and <fullitem> in RSS items are obsolete " +
		"extensions that gofeed drops; the item's description is its content"
	echo     = "a feed in the 2003 pre-Atom \"echo\" namespace is not recognised as a feed"
	idScheme = "gofeed reads atom:id as a URL against xml:base, which lower-cases its scheme; the GUID " +
		"is as stable as the feed's own"
	idAsGiven = "a GUID is an identifier, kept as given: resolving a relative one against the document's " +
		"address would change every ID when a feed moves"
	rdfAbout = "gofeed drops rdf:about; an RSS 1.0 item is identified by its link (which rdf:about " +
		"names, in feeds), and this item has none"
	rssSummary = "<summary> is no RSS element; feedparser takes it for the content, we take description"
)
