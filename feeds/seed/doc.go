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
// text repeating a caption is that caption again, an unterminated sentence
// between a paragraph and a caption is a caption too (but a paragraph
// run on from another and ending on a bare name, a quote's speaker or a
// letter's signature, is no caption credited to its photographer when it
// reads as prose: speech, two sentences, "I" or "we", 25 words or more),
// a line printed twice around its speaker's name is a pull quote over the
// paragraph it was pulled from, a byline split over lines is joined, names
// alone before a date or an affiliation ("BBC News, Cairo") or stacked two
// or more on lines of their own under the date (NPR) are a byline, and
// headlines after a "Read more" label are teasers.
//
// The headline is then the first sentence-like, unterminated line followed,
// within a few lines, by a standfirst and a metadata line (byline, date,
// caption or credit), unless that metadata is only a day heading over
// another headline (a blog). The body is the text after the headline block,
// from the first paragraph that carries no furniture signal (or the
// sentence-like lines just before it, up to a block of furniture) up to the
// first end-matter marker or thread of reader comments (short names over
// full dates over text, after two paragraphs of a story that printed no
// date, each date stamped to the minute or beside a "Reply"; a timeline's
// events are dated by the day, and their heads are no authors), less the
// author bios that end it. A page without a headline
// takes the first sentence of its body as its title. A page without a
// body paragraph, an index page (the publisher's name for a headline over
// one short paragraph), a server's error page, an encyclopedia entry, a
// section front (every paragraph a teaser between another story's
// headline and its date), a notice to the reader (a consent wall:
// unsigned, undated, the headline and every paragraph speaking to the
// reader or as "we"; a sign-in wall: unsigned, undated, a password field
// under the headline and only lines speaking to the reader between them)
// or a schedule (four or more bare times of day over short items, no line
// of ten words) is no article (ErrNoArticle).
//
// # Prose score
//
// The vocabularies of junk and end matter know the furniture of the
// outlets seen so far; every new outlet brings its own. So the body's text
// lines are also scored for prose-likeness from general features (see
// prose.go and density.go), and the score, not the vocabulary, decides
// what stays. Points are added for length (5, 10, 20, 40 words),
// sentence-final punctuation (a short line ending in an ellipsis is a
// placeholder, not a sentence), lower-case words, commas among them,
// quotes and a finite verb (an auxiliary, also of the main European
// languages, a reporting verb or a lower-case "-ed" form); an
// unterminated or verbless line of under 20 words loses one. Furniture
// signals subtract: a line in capitals or with every word capitalised
// (also five or more with a full stop), "Label: headline" ("More: …", "Go
// deeper: …"), a web or e-mail address or handle, symbols (© ™ or two
// " | "), a line wholly in brackets, a sentence opening with an
// imperative to the reader ("Sign up", "Subscribe", "Click", "Follow us",
// "Get the latest", "Thanks for reading", a sentence ending on a link's
// "here"), which weighs less in a bracketed aside closing a long
// paragraph, addressing the reader ("you"), the page speaking of itself
// ("this story", "our newsletter", "Comments are closed."), and text
// repeated elsewhere on the page (also under a short label, "Claim: …").
// What people say inside quotes does not count as the page's own voice.
//
// A line scoring 3 or more with at most one furniture signal is prose and
// kept ("He declined to comment." scores 4). A line below that is kept
// only as a lead-in ending in a colon ("By the numbers:") or an item of
// the list under it or under a paragraph ending in a colon (names and
// places in capitals included), as a live post's heading over its byline or date, or
// as a lone subhead in
// sentence case, free of furniture signals, set directly between kept
// lines; anything else is dropped (teasers, prompts, tag rows). Dropped
// lines interrupt the body only when a strong paragraph (score 4 or more,
// free of furniture signals, or only addressing the reader when the
// story's paragraphs before did) follows them; a short imperative heading
// between paragraphs that speak to the reader (a how-to) is a subhead;
// a short statement to the reader between the last strong paragraph and
// furniture is the author's sign-off and closes the body, and a question
// to the reader after it ends the body; after the last one the first dropped line ends the body,
// and a labelled row of tags ("Filed under: A, B, C") or two or more
// headline-and-paragraph teasers under a box's label end it wherever they
// are. The vocabularies still run first: what they recognise never
// reaches the score. Explain reports each body line's score, its
// features and the verdict.
//
// Boxes set inside or around the body are recognised by their shape, not
// their words: a label, short or self-speaking lines and a call to action
// (an appeal); unterminated lines or short sentences under a label ending
// in a colon before the first paragraph (key points); a labelled running
// time with the video's title above and description below; a run of
// labelled lines closing the body, one with three labels or more (a
// review's credits); a tag label over labels one per line, which closes
// the body. A news picture's uncredited caption is read by its grammar:
// one sentence in the present tense, with no auxiliary or past form,
// ending on the day ("Demonstrators march in Bogotá on Friday."). A
// donation box (labels, a third of them amounts of money) parts two
// sections of a story without ending it, and a box of key points opening
// the body, closed by a junk line (or, under a label of its own, by a
// caption), restates the story below it. An author's profile (the only
// paragraphs are the bio of a name printed alone above them), a page of
// figures (eight lines mostly of numbers, and no paragraph of twenty
// words, or only one paragraph and no byline: a results table under a
// note on reading it), an offers page (three prices per period, no
// byline) and an events calendar (time spans) are no article either. The
// publication date is looked for between the headline and the body
// first: dates after the story's opening may be teasers'.
//
// Authors are the people the bylines name (a letter's signature, a name
// over a place, is one), or the agencies when they name no person (unless
// the wire's "(Reporting by …)" line names its reporters), or the people
// the closing bios are about. The publication date is the earliest date of
// the article's lines that is not labelled as an update (an ambiguous
// 07/09/2022 read the way that falls nearest before the capture; a bare
// day yields to a timed line of the same day), else the date above the headline, else the capture date.
// The publisher is chosen by a candidate scorer (candidates.go). Every
// naming of a publisher on the page is gathered: the answer of the rules
// that read a navigation row ("Name - Section | …"), an aggregator card,
// the page naming itself (a notification prompt, "Source:", a staff
// byline, the outlet a byline ends with or prints under the name, an app
// prompt), the issuer a press release's lead names or a portal's provider
// line; the name lines above the headline and the name opening line 1's
// menu; a blog's name over its tagline; the outlet under a byline or named
// by the author's bio ("a staff writer at X"); a print-edition note
// ("Published in X, <date>"); the copyright holder; and the page naming
// any of these in passing ("Get the X app", "Follow X", "a reporter at
// X", "told X", "X's request for comment", "Photo by … / X"). Spellings
// share a key (case, "The", domain endings, company words such as Ltd,
// LLC, Media, Group, Digital, Publishing), and a longer name counts for a
// shorter one it opens with (a sub-brand, a company named after its
// title). The candidate that most lines support wins, a copyright holder
// known only in company form ranking below a publication; ties go to
// the rules' answer. A name alone is a candidate too when it heads the
// menu, no menu item before it and three or more after it: a section is
// known by its place in the menu, not by its words. Explain reports,
// per line, the kind and role decided and the rule behind them, and on
// the first line naming the publisher which candidate won and why, and
// the two best it beat.
//
// # The page naming itself
//
// Once the publisher is known, a line naming it in the page's own voice
// is furniture on any outlet, whatever its wording (self.go): "Join ST's
// Telegram channel", "Support PREMIUM TIMES' journalism", "X is a
// reporter for Fox News", a disclaimer naming the owner. A story names its
// publisher too, but as a party to the reporting ("told Reuters", "seen
// by The Telegraph", "(Reuters) -"), which does not count. Such lines are
// dropped when weak or over a button, and end the body when they open its
// last lines. The publisher's name in the byline is cut from the last
// author's ("Jane Roe Global News").
//
// # Header shapes
//
// Besides the headline over its metadata: a headline in title-case
// sentences over a standfirst and a byline, or in two short sentences
// over a longer standfirst and a byline; a name alone between the
// headline and the date, when the header has no byline (an opinion page);
// as a last resort, the headline-like line under a byline and its date (a
// fact-check). A name the headline holds is the story's subject, not its
// author. A tabloid's headline may run to sixty words when it is one
// unterminated sentence over two to five summary bullets and the byline
// or date; the bullets are the header's. A slashed path whose first part
// is an item of the menu ("Earth / Environment") is no credit, and "by"
// an institution ("by University of Tasmania") is a byline naming no
// author. Key points under a headline ("• …"), widget labels ending in a
// colon and a crumb opening a menu are passed over; a line holding a date
// and a time heads no story. A one-sentence opening the story restates
// nine words in ten is the standfirst, and so is the one sentence the
// header's metadata surrounds (under the date with the byline to come,
// or under the byline over the lead picture when the date is printed
// above the headline); the story opens after both. A box of related
// stories inside the body, followed by two strong paragraphs, does not
// end the body; a feature's subheads in title case, two or more, are
// kept, and so are the heads of a story's sections under the same marker
// line ("Title icon"), three or more, the first heading its opening.
//
// New outlets should need nothing: the prose score keeps unknown furniture
// out of the body. Where it cannot (furniture in full, plain sentences),
// extend the tables and predicates of one line kind; the assembly in
// extract.go need not change.
package seed
