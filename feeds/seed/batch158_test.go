package seed

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// Rules found on held-out batch 158-171, each pinned on invented text.

func TestCreditFormsAfterCaption(t *testing.T) {
	t.Parallel()
	tests := []struct{ s, want string }{
		{"A closed boatyard in Dover, in October. One in five yards stands empty. | Jane Roe", "A closed boatyard in Dover, in October. One in five yards stands empty."},
		{"Ann Lee at her home in Dover. The port sued her over a $7,400 bill. John Doe for The Harbour Ledger", "Ann Lee at her home in Dover. The port sued her over a $7,400 bill."},
		{"Pupils at a school in Dover. The trial will cover about 200 schools JOHN DOE FOR THE LEDGER", "Pupils at a school in Dover. The trial will cover about 200 schools"},
	}
	for _, tt := range tests {
		if got, ok := captionWithCredit(tt.s); !ok || got != tt.want {
			t.Errorf("captionWithCredit(%q) = %q, %v; want %q", tt.s, got, ok, tt.want)
		}
	}
	for _, s := range []string{
		"The study was funded by the Science Foundation and the Westmarch Institute for Sustainable Materials.",
		"The quay stood idle for a year.Photograph by Jane Roe for The Ledger",
		"The council will vote on Tuesday. | Advertisement",
	} {
		if got, ok := captionWithCredit(s); ok && got != "The quay stood idle for a year." {
			t.Errorf("captionWithCredit(%q) = %q, want no credit", s, got)
		}
	}
}

func TestBylineNamesWithOutlets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want []string
	}{
		{"by Jane Roe, Harbourwatch, and John Doe, The Dover Ledger", []string{"Jane Roe", "John Doe"}},
		{"By JANE McKAY and JOHN DOE Associated Press", []string{"Jane McKay", "John Doe", "Associated Press"}},
		{"By Jane Roe Staff Reporter", []string{"Jane Roe"}},
	}
	for _, tt := range tests {
		if got, ok := parseByline(tt.s); !ok || !slices.Equal(got, tt.want) {
			t.Errorf("parseByline(%q) = %q, %v; want %q", tt.s, got, ok, tt.want)
		}
	}
}

// A headline in title-case sentences over a two-sentence standfirst and
// the byline; a quoted subhead in title case is kept, and an appeal box
// whose call to action looks like a subhead is not.
func TestTitleCaseSentenceHeadline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-06-27 Skip to content\n"+
		"Harbourwatch\n"+
		"Topics\n"+
		"Ports\n"+
		"Harbours Sued Hundreds of Boat Owners Over Unpaid Fees. Many Should Have Been Exempt.\n"+
		"State law requires public harbours to waive the fees of low-income owners. Our analysis found that two harbours sued more than 300 who appear to have qualified.\n"+
		"by Jane Roe, Harbourwatch, and John Doe, The Dover Ledger\n"+
		"June 27, 2024, 6 a.m. EDT\n"+
		"When Ann Lee's husband fell ill in 2021, the couple lived on his pension and her wages from the fish market, and the mooring fee went unpaid for a year.\n"+
		"Two years later, the harbour sued them for $7,400, and a judge ordered part of her wages to be withheld until the debt was paid.\n"+
		"“I Didn’t Know I Could Ask”\n"+
		"Harbour officials said they screen owners for the waiver and that lawsuits are a last resort, filed only after months of letters and calls.\n"+
		"Help Us Report on Harbour Fees\n"+
		"Have you been sued by a harbour over a mooring fee? We want to hear from you.\n"+
		"Share your story\n"+
		"Both harbours said they had waived thousands of dollars in fees under the state program since it began.\n"+
		"The state attorney general said on Tuesday that her office would review the lawsuits.\n")
	if a.Title != "Harbours Sued Hundreds of Boat Owners Over Unpaid Fees. Many Should Have Been Exempt." || !slices.Equal(a.Authors, []string{"Jane Roe", "John Doe"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	if a.Summary == "" {
		t.Error("no Summary")
	}
	checkText(t, a.Text, want{textStart: "When Ann Lee", textEnd: "review the lawsuits.", paragraphs: 6, excludes: []string{"Share your story", "Help Us", "hear from you"}})
}

// "• " key points under the headline are neither the headline nor its
// standfirst.
func TestBulletKeyPointsUnderHeadline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-01-09 The Harbour Post\n"+
		"Ports\n"+
		"Dover to trial driverless ferries on harbour routes from March\n"+
		"• Two autonomous ferries will carry passengers between the quays during a 12-month trial\n"+
		"• Officials say crew will stay on board for at least the first six months\n"+
		"Jane Roe\n"+
		"Published: 7:30pm, 8 Jan 2025\n"+
		"Dover will begin trialling driverless ferries in March, carrying passengers between the north and south quays, the port said on Wednesday.\n"+
		"Two 12-seat electric ferries will run every 20 minutes between 10am and 4pm on weekdays, the port said.\n")
	if a.Title != "Dover to trial driverless ferries on harbour routes from March" || a.Summary != "" {
		t.Errorf("Title = %q, Summary = %q", a.Title, a.Summary)
	}
}

// An embedded video known by its credit line: the bare running time over
// it, its title and its one-sentence description go.
func TestVideoBlockByCredit(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-09-18 News\n"+
		"Hail destroys grapes across Dover's vineyards\n"+
		"By: Jane Roe\n"+
		"Issued on: 18/09/2024 - 15:42\n"+
		"Hail the size of walnuts battered vineyards around Dover for nearly 20 minutes late on Tuesday, destroying most of the grapes in some plots.\n"+
		"The growers' federation said it was too early to put a figure on the damage but that some estates had lost half their crop.\n"+
		"01:58\n"+
		"Video by: John Doe\n"+
		"Dover growers count the cost of overnight hail\n"+
		"Growers walk through their plots the morning after the storm, assessing the damage to grapes due to be picked next week.\n"+
		"The agriculture ministry said it would consider declaring a disaster in the worst-hit villages, which would allow growers to claim compensation.\n"+
		"Meteorologists say hailstorms in late summer have become more frequent in the region over the past decade.\n")
	checkText(t, a.Text, want{textStart: "Hail the size", textEnd: "past decade.", paragraphs: 4, excludes: []string{"Video by", "assessing", "01:58"}})
}

// A date line signed by the outlet ("…, The Times") is a date line.
func TestDateLineSignedByOutlet(t *testing.T) {
	t.Parallel()
	st, ok := parseDateLine("Thursday June 05 2025, 12.01am BST, The Harbour Times")
	if !ok || !st.t.Equal(time.Date(2025, 6, 4, 23, 1, 0, 0, time.UTC)) {
		t.Errorf("parseDateLine = %v, %v", st.t, ok)
	}
}

// A sentence ending on a link's pointer ("… can be viewed here.") is the
// page's furniture.
func TestPointsHere(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"Comments are subject to our community guidelines, which can be viewed here.": true,
		"The full report is available here.":                                          true,
		"“If it comes next year, I don't know if I'm still here.”":                    false,
		"The quay has stood here since 1911.":                                         false,
	} {
		if got := pointsHere(s); got != want {
			t.Errorf("pointsHere(%q) = %v, want %v", s, got, want)
		}
	}
}

// A box of key points restated by the story, closed by a player's
// prompt, is no part of the body; nor is the prompt over the player's
// times, which is no live post's heading.
func TestKeyPointsClosedByPlayer(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-04-24 News\n"+
		"Dover to replace 5,000 lead water lines this year with federal money\n"+
		"Jane Roe\n"+
		"Published 5:02 a.m. ET April 24, 2024\n"+
		"Key Points\n"+
		"Dover will replace about 5,000 lead service lines this year, more than double last year's total.\n"+
		"The work will be paid for with $90 million in federal infrastructure money.\n"+
		"Listen to this article with a free account\n"+
		"00:00\n"+
		"04:12\n"+
		"Dover will replace about 5,000 lead water service lines this year, more than double the number it replaced last year, using $90 million in federal infrastructure money, officials said.\n"+
		"The work will focus first on neighborhoods with the most children under 6, said the director of the water department.\n"+
		"Residents will not be charged for the work, and crews will replace the full line from the main to the meter.\n")
	checkText(t, a.Text, want{textStart: "Dover will replace about 5,000 lead water", textEnd: "to the meter.", paragraphs: 3, excludes: []string{"Listen"}})
}

// An appeal with no label, closed by its button, and a link's teaser
// speaking to the reader ("Here’s how …") are no part of the story (a
// paragraph speaking to the reader over a "Follow me" button, naming
// neither the page nor journalism, is no appeal: 603).
func TestButtonAppealAndHeresHow(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-11-20 News\n"+
		"Dover pays families to take over empty harbour cottages\n"+
		"By Jane Roe\n"+
		"Nov 20, 2024\n"+
		"Dover will pay families up to £30,000 to buy and restore empty cottages on the harbour, in one of the most generous offers yet by a coastal town.\n"+
		"The council said on Wednesday that households moving from outside the county will also pay no council tax for five years.\n"+
		"In a time of both misinformation and too much information, quality journalism is more crucial than ever.\n"+
		"By subscribing, you can help us get the story right.\n"+
		"SUBSCRIBE NOW\n"+
		"According to a council survey, 212 of the harbour's 1,100 cottages are empty, most of them left by owners who moved inland.\n"+
		"Early voting on the scheme opens next week. Here’s how to vote by mail where you live.\n"+
		"The first keys will be handed over in the spring, the council said, once the buyers' restoration plans are approved.\n"+
		"Follow me on Twitter.\n")
	checkText(t, a.Text, want{textStart: "Dover will pay", textEnd: "plans are approved.", paragraphs: 4, excludes: []string{"subscribing", "journalism", "Here’s how"}})
}

// A page of videos, each a title over its running time, holds no
// article, even with a byline-like "More From X" in its footer.
func TestVideoListRejected(t *testing.T) {
	t.Parallel()
	page := " date 2025-08-20 Harbour TV\nLatest Videos\nNow Playing\n" +
		"Flash floods sweep through Dover harbour, forcing evacuations\n02:41\n" +
		"Heavy rain sent a wall of water through the harbour on Wednesday, washing boats onto the quay and forcing dozens of families from their homes.\n" +
		"Aug. 20, 2025\nUP NEXT\n" +
		"Council committee advances plan to dredge the inner harbour\n01:58\nAug. 20, 2025\n" +
		"Ferry passengers stranded after computer outage grounds sailings\n03:12\nAug. 20, 2025\n" +
		"Inside the race to save the harbour's oyster beds from record heat\n05:47\nAug. 19, 2025\n" +
		"Meet the 92-year-old who just swam the harbour for the first time\n02:33\nAug. 19, 2025\n" +
		"More From Harbour TV\nWatch Harbour TV NOW\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "videos") {
		t.Errorf("err = %v, want a list of videos", err)
	}
}

// A link's label over the page's short address names nobody and gives the
// canonical link; the headline printed again under the picture is no
// standfirst; a headline under a "Sponsored" label is a paid link.
func TestShortURLLabelAndSponsoredTeaser(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour News\n"+
		"Business\n"+
		"Dover harbour fees jump 31% in first quarter as ferry traffic recovers\n"+
		"Short Url\n"+
		"https://harbour.news/9x4mq\n"+
		"June 03, 2021 17:24\n"+
		"Jane Roe\n"+
		"June 03, 2021 17:24\n"+
		"Boats are moored at the north quay on June 2, 2021. (AFP)\n"+
		"Dover harbour fees jump 31% in first quarter as ferry traffic recovers\n"+
		"DOVER: The harbour authority said on Thursday that fee income rose 31 percent in the first quarter of the year.\n"+
		"Sponsored\n"+
		"The surprising reason sailors are switching insurers this summer\n"+
		"The value of fees, including mooring and pilotage, reached £6.4 million between January and March, the authority said.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Link != "https://harbour.news/9x4mq" || a.Summary != "" {
		t.Errorf("Authors = %q, Link = %q, Summary = %q", a.Authors, a.Link, a.Summary)
	}
	checkText(t, a.Text, want{textStart: "DOVER: The harbour", textEnd: "the authority said.", paragraphs: 2})
}

// When appeals and boxes over the story read as paragraphs, the headline
// is the headline-like line under the byline and its date.
func TestHeadlineUnderBylineAndDate(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Stand up for the facts!\n"+
		"Our only agenda is to publish the truth so you can be an informed participant in democracy. We need your help.\n"+
		"Harbour Check\n"+
		"stated on June 1, 2021 in a Facebook post:\n"+
		"Says the harbour authority reported 12,000 sunken boats in May 2021.\n"+
		"The claim was shared more than 9,000 times since June 1 by accounts in three countries.\n"+
		"By Jane Roe\n"+
		"June 3, 2021\n"+
		"No, the harbour did not confirm 12,000 sunken boats in May\n"+
		"A post circulating on Facebook claims that harbour officials quietly admitted that storms sank thousands of boats last month.\n"+
		"The number appears to come from a database of insurance claims, which anyone can file and which are not verified.\n")
	if a.Title != "No, the harbour did not confirm 12,000 sunken boats in May" || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
}

// A date glued to its reading time is a date line; an author's bio ending
// on a handle is no caption.
func TestDateGluedToReadTimeAndBioNoCaption(t *testing.T) {
	t.Parallel()
	st, ok := parseDateLine("Thu., June 3, 2021timer3 min. read")
	if !ok || !st.t.Equal(time.Date(2021, 6, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("parseDateLine = %v, %v", st.t, ok)
	}
	a := parsePage(t, " date 2021-06-03 News\n"+
		"Harbour bike lanes one step closer to becoming permanent\n"+
		"By Jane Roe Staff Reporter\n"+
		"Thu., June 3, 2021timer3 min. read\n"+
		"Updated June 3, 2021 at 6:02 p.m.\n"+
		"Dover's plan to turn the harbour road into a permanent complete street with wider sidewalks cleared its first hurdle on Thursday.\n"+
		"If council approves the plan, work on new curbs and planters would begin next spring and cost about $7.8 million.\n"+
		"Jane Roe is a Dover-based reporter covering city hall for the Ledger. Follow her on Twitter: @janeroe\n"+
		"Conversations are opinions of our readers and are subject to the Code of Conduct.\n")
	if len(a.Captions) > 0 || !a.Published.Equal(time.Date(2021, 6, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Captions = %q, Published = %v", a.Captions, a.Published)
	}
	checkText(t, a.Text, want{textStart: "Dover's plan", textEnd: "$7.8 million.", paragraphs: 2})
}

// A columnist's name alone between the headline and the date is the
// byline (a name the headline holds, alone over the date, is the story's
// subject: a company's release), and a
// bio after the columnist's role closes the body.
func TestNameUnderHeadlineAndRoleBio(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Opinion\n"+
		"The harbour toll isn’t a fee. It’s a wall\n"+
		"Jane Roe\n"+
		"A charge sold as paying for upkeep has become a barrier to the town’s own fishermen\n"+
		"Thu 3 Jun 2021 11.14 EDT\n"+
		"For most of the past decade, Dover has been told that the harbour toll pays for the quays and keeps the harbour open to all.\n"+
		"What the toll actually does is simpler: it keeps the smallest boats out, and with them the town's last fishermen.\n"+
		"Guest columnist Jane Roe is a retired harbour pilot who worked for the port authority for 30 years.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q", a.Authors)
	}
	checkText(t, a.Text, want{textStart: "For most", textEnd: "last fishermen.", paragraphs: 2})
	b := parsePage(t, " date 2021-06-03 Press releases\n"+
		"Harbour Robotics raises $40 million to expand its quay cranes\n"+
		"Harbour Robotics\n"+
		"Jun 03, 2021, 09:00 ET\n"+
		"DOVER, June 3, 2021 – Harbour Robotics, which builds autonomous quay cranes, said on Thursday it had raised $40 million.\n"+
		"The company will use the money to open a second plant in Calais, it said.\n")
	if len(b.Authors) > 0 {
		t.Errorf("Authors = %q, want none", b.Authors)
	}
}

// A crumb row opening with a blog's name that the menu lists among
// others names a section, not the publisher; a sign-up box headed by its
// prompt, with a form's junk between its lines, is no part of the body.
func TestMenuBlogRowAndSignUpBox(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Subscribe\n"+
		"The Harbour Review\n"+
		"North Sea\n"+
		"Baltic\n"+
		"The Quay\n"+
		"Tide Tables\n"+
		"Port Power\n"+
		"Crossroads Harbour\n"+
		"Crossroads Harbour | Politics | North Sea\n"+
		"Dover Closes the Door on Foreign Ownership of Moorings\n"+
		"By Jane Roe\n"+
		"June 03, 2021\n"+
		"Sign up for the Harbour Daily Brief\n"+
		"Our free, fast and fun briefing, delivered every weekday morning.\n"+
		"Enter your email\n"+
		"Sign me up\n"+
		"Dover's council on Wednesday approved a ban on the sale or long lease of harbour moorings to foreign owners.\n"+
		"The ban, which the mayor is expected to sign within days, also bars companies with foreign partners from holding moorings.\n"+
		"© 2021 Harbour Review Media Inc. All Rights Reserved.\n")
	if a.Source != "The Harbour Review" {
		t.Errorf("Source = %q", a.Source)
	}
	checkText(t, a.Text, want{textStart: "Dover's council", textEnd: "holding moorings.", paragraphs: 2})
}

// "Posted by NAME on DATE" under the headline is the byline and the date.
func TestPostedByNameOnDate(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to primary navigation\n"+
		"The Dover Courier\n"+
		"Serving Dover and the harbour since 1897\n"+
		"Home\nLocal News\nSports\n"+
		"Village board OKs $2.3 million quay repair\n"+
		"Posted by Jane Roe on June 3, 2021\n"+
		"Leave a Comment\n"+
		"The village board voted 4-1 Tuesday night to move ahead with a $2.3 million project to repair the north quay.\n"+
		"The project will be paid for with a state loan, the village treasurer told the board.\n")
	if a.Title != "Village board OKs $2.3 million quay repair" || !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Source != "The Dover Courier" {
		t.Errorf("Title = %q, Authors = %q, Source = %q", a.Title, a.Authors, a.Source)
	}
	if !a.Published.Equal(time.Date(2021, 6, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Published = %v", a.Published)
	}
}

// A photo gallery (pictures under their counters) and a listing whose
// repeated button sits between the headline and a one-line body hold no
// article.
func TestGalleryAndListingRejected(t *testing.T) {
	t.Parallel()
	gallery := " date 2021-06-03 Harbour Wire\nPictures\nPhotos of the week\nOur top photos from the past week.\nJun 3, 2021\n"
	for k, c := range []string{"A man cools off in a fountain on the quay as temperatures reach 34 degrees, May 29, 2021.", "Supporters of a candidate rally on the harbour front, May 31, 2021.", "A firefighter battles a fire on a fishing boat, June 1, 2021.", "Students attend a graduation held on a ferry, June 1, 2021.", "Children play in the flooded streets of the old town after heavy rain, June 2, 2021."} {
		gallery += fmt.Sprintf("%d of 20\n%s REUTERS/Jane Roe\nNext\n", k+1, c)
	}
	listing := " date 2021-06-03 Menu\nThe Dover Ledger\nPuzzles\nToday's puzzle\nQuick Crossword No. 15,982\nThursday June 3, 2021\nPlay now\n" +
		"Cryptic Crossword\nNo. 29,441 set by Halcyon\nThursday June 3, 2021\nPlay now\n" +
		"Word Search\nTheme: Things you find in a boat shed\nThursday June 3, 2021\nPlay now\n" +
		"Subscribe to unlock every puzzle\nSubscribers get unlimited access to every puzzle, with hints and solutions.\nSubscribe now\n"
	for name, page := range map[string]string{"gallery": gallery, "listing": listing} {
		if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) {
			t.Errorf("%s: err = %v, want ErrNoArticle", name, err)
		}
	}
}

// A copyright line with a year range and a policy link after the holder,
// and a holder spelled as a domain in capitals, share the masthead's key.
func TestHolderWithDomainAndYears(t *testing.T) {
	t.Parallel()
	if got := copyrightHolder("© HARBOURWIRE.COM PLC 1999-2021 | Content and Trademarks Policy"); got != "HARBOURWIRE.COM" {
		t.Errorf("copyrightHolder = %q", got)
	}
	if k, _ := nameKey("HARBOURWIRE.COM PLC"); !slices.Equal(k, []string{"harbourwire"}) {
		t.Errorf("nameKey = %q", k)
	}
}

// A box of related stories inside the body (its heading, controls and
// snippets) does not end the story when two paragraphs follow it.
func TestRelatedBoxInsideBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-08-15 News\n"+
		"Harbour ferry recalled after engine fire\n"+
		"By Jane Roe\n"+
		"Published: 14:22 BST, 14 August 2024\n"+
		"A harbour ferry was withdrawn from service on Wednesday after a fire broke out in its engine room during a crossing.\n"+
		"All 40 passengers were taken off safely at the north quay, the operator said.\n"+
		"RELATED ARTICLES\n"+
		"Previous\n1\nNext\n"+
		"Urgent recall of popular life jackets over buckle fears as...\n"+
		"Thousands of boat chargers pulled from shelves after...\n"+
		"Share this article\n"+
		"The ferry, built in 1998, had passed its annual inspection in March, the harbour authority said.\n"+
		"Investigators from the marine accident branch are expected to arrive on Thursday.\n"+
		"Comments\n"+
		"I was on that ferry last week and the engine sounded awful, to be honest.\n")
	checkText(t, a.Text, want{textStart: "A harbour ferry", textEnd: "arrive on Thursday.", paragraphs: 4, excludes: []string{"recall", "I was on"}})
}

// A publication named under "Published in" is no author: the name alone
// under the headline is; and "Label: lower-case words" is a subhead, not
// a label over a headline.
func TestPublishedInAndLowerCaseLabelSubhead(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Open in app\n"+
		"Sign up\n"+
		"Harbour Engineering\n"+
		"How we cut our quay crane stalls to zero with request coalescing\n"+
		"A small change to our crane gateway stopped thousands of duplicate commands a day.\n"+
		"Jane Roe\n"+
		"Follow\n"+
		"Published in\n"+
		"Harbour Engineering\n"+
		"·\n"+
		"6 min read\n"+
		"Jun 3, 2021\n"+
		"Every morning at 8 a.m., when the first ferries dock, our gateway used to send the same command to the cranes hundreds of times, and the cranes stalled.\n"+
		"The fix: coalesce requests in flight\n"+
		"The idea is simple. If a command for a crane is already being sent, later requests wait for it instead of sending their own.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q", a.Authors)
	}
	checkText(t, a.Text, want{textStart: "Every morning", textEnd: "their own.", paragraphs: 3})
	if hasLabelOverHeadline("The fix: coalesce requests in flight") || !hasLabelOverHeadline("More: East side residents pack meeting over potholes") {
		t.Error("hasLabelOverHeadline")
	}
}

// A channel prompt between paragraphs, unterminated, is no caption.
func TestPromptIsNoCaption(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 News\n"+
		"Harbour board to install 12 water kiosks on the quays\n"+
		"By Jane Roe\n"+
		"June 3, 2021\n"+
		"The harbour board will install 12 drinking-water kiosks on the quays by the end of the month, officials said on Thursday.\n"+
		"Fishermen welcomed the move but said it could not replace a permanent supply on the boats.\n"+
		"📣 The Harbour Ledger is now on Telegram. Click here to join our channel (@harbourledger) and stay updated with the latest headlines\n"+
		"For all the latest harbour news, download the Harbour Ledger App.\n")
	if len(a.Captions) > 0 {
		t.Errorf("Captions = %q", a.Captions)
	}
}

// A feature's subheads in title case come in a series between long
// paragraphs and are kept; one such label alone is not.
func TestTitleCaseSubheadSeries(t *testing.T) {
	t.Parallel()
	para := func(s string) string {
		return s + " The harbour commission met on Tuesday to weigh the dredging contract, and its members said they had heard enough promises from the company over the past six years.\n"
	}
	page := " date 2021-06-03 Harbour\nThe Quay That Bet Its Future on a Hole in the Water\nBy Jane Roe\nJune 3, 2021\n" +
		para("On a cold morning in March, the harbour master drove me to the end of the quay.") +
		"The Promise\n" +
		para("The dredging was supposed to be the first of six projects.") +
		"What the Harbour Is Owed\n" +
		para("The question that now occupies the commission is what the company owes.")
	a := parsePage(t, page)
	checkText(t, a.Text, want{textStart: "On a cold", paragraphs: 5})
	b := parsePage(t, strings.Replace(page, "What the Harbour Is Owed\n", "", 1))
	checkText(t, b.Text, want{textStart: "On a cold", paragraphs: 3, excludes: []string{"The Promise"}})
}

// A masthead word alone ("Magazine") is a section of the menu, not the
// publisher's masthead.
func TestLoneMastheadWordIsNoMasthead(t *testing.T) {
	t.Parallel()
	if isMasthead("Magazine") || isMasthead("News") || !isMasthead("Harbour Magazine") {
		t.Error("isMasthead")
	}
	a := parsePage(t, " date 2024-09-20 Skip to Main Content\nHARBOURWIRE\nCongress\nPolitics\nMagazine\nNewsletters\nLog In\n"+
		"Dover appropriators strike deal to keep quay staffing money in stopgap\n"+
		"By Jane Roe\n"+
		"09/19/2024 05:31 PM EDT\n"+
		"Dover's appropriators reached an agreement on Thursday to carry $4 million in quay staffing money into the stopgap bill.\n"+
		"The deal removes one of the last sticking points before next week's deadline, aides said.\n"+
		"© 2024 HARBOURWIRE LLC\n")
	if a.Source == "Magazine" {
		t.Errorf("Source = %q", a.Source)
	}
}
