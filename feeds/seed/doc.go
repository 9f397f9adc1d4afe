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
// navigation, crumb, text); see classify.go. A second pass uses the
// neighbouring lines: a line followed by a parenthesised credit is a caption,
// text repeating a caption is that caption again, and a byline split over
// lines is joined. The headline is then the first sentence-like,
// unterminated line followed, within a few lines, by a standfirst and a
// metadata line (byline, date, caption or credit). The body is the text
// after the headline block, up to the first end-matter marker.
//
// New outlets are supported by extending the tables and predicates of one
// line kind; the assembly in extract.go need not change.
package seed
