// Package seed reads seed files, plain-text dumps of scraped news pages, into
// normalize.Article values.
//
// # Container
//
// A seed file is UTF-8 text named NNN_<16 hex digits>.txt; the name is an
// opaque id and is used only as the article's GUID. Line 1 is a space,
// the word "date", a space, the capture date (YYYY-MM-DD or YYYY-MM), a
// space and then whatever text came first on the page. Every further line
// holds one block element of the page (heading, paragraph, caption, list
// item). Blank lines are inconsistent, lines may end in CRLF and text may
// contain no-break spaces (U+00A0). SEEDS.md in the shared project notes
// describes what captured pages look like.
//
// # Extraction
//
// Each line is first classified on its own by small predicates, one per line
// kind (junk, end matter, credit, byline, date line, place line, caption,
// navigation, crumb, text); see classify.go. Lines whose element boundary
// was lost are split first ("…proposalpublished at 11:12 …"). A second pass
// uses the neighbouring lines: a line followed by a credit is a caption,
// text repeating a caption is that caption again, a byline split over lines
// is joined, names alone before a date or an affiliation ("BBC News, Cairo")
// are a byline, and headlines after a "Read more" label are teasers.
//
// The headline is then the first sentence-like, unterminated line followed,
// within a few lines, by a standfirst and a metadata line (byline, date,
// caption or credit), unless that metadata is only a day heading over
// another headline (a blog). The body is the text after the headline block,
// from the first paragraph (or the sentence-like lines just before it) up to
// the first end-matter marker, less the author bios that end it. A page
// without a headline takes the first sentence of its body as its title; a
// page without a body paragraph, a server's error page or an encyclopedia
// entry is no article (ErrNoArticle).
//
// Authors are the people the bylines name, or the agencies when they name
// no person, or the people the closing bios are about. The publication
// date is the earliest date of the article's lines that is not labelled as
// an update (an ambiguous 07/09/2022 read the way that falls nearest before
// the capture), else the date above the headline, else the capture date.
// The publisher comes from a navigation row ("Name - Section | …"), an
// aggregator card, the page naming itself (a notification prompt, "Source:",
// a staff byline, the outlet a byline ends with or prints under the name)
// or the copyright line. Explain reports, per line, the
// kind and role decided and the rule behind them.
//
// New outlets are supported by extending the tables and predicates of one
// line kind; the assembly in extract.go need not change.
package seed
