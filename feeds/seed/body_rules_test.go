package seed

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Rules of the body (where it starts and ends, the boxes and notes inside it), each pinned on invented text.

// A fact-check's header: a box of key points that the story restates,
// closed by a prompt ("See the sources for this check"), then the story
// with a subhead, a paragraph ending in a link's aside, and a summary
// card restating the claim under a label after the ruling.
const factCheckPage = " date 2023-03-10 Check the claim\n" +
	"Harbour Checks\n" +
	"stated on March 8, 2023 in a video post:\n" +
	"Says the harbour bridge will close to cars for ten years from April.\n" +
	"By Jane Roe\n" +
	"March 10, 2023\n" +
	"No, the harbour bridge is not closing to cars for ten years\n" +
	"Fast facts\n" +
	"The harbour bridge will close to cars for eight weeks of repairs in April.\n" +
	"The council has not planned any ten-year closure of the harbour bridge.\n" +
	"See the sources for this check\n" +
	"A video shared on social media claims that the harbour bridge will close to cars for ten years from April, while the council builds a tram line.\n" +
	"The video has been viewed more than 40,000 times since March 8, and several readers asked us whether the claim was true.\n" +
	"The post was flagged as part of the platform's work against false claims on its video feed. (Read more about our partnership with the platform.)\n" +
	"The council's works plan shows eight weeks of repairs to the bridge deck from April, during which cars will use the ring road, a spokesperson said.\n" +
	"Our ruling\n" +
	"The council said no tram line is planned on the bridge and that the deck will reopen to cars at the end of May, as the works plan shows.\n" +
	"We rate this claim False.\n" +
	"Share the check\n" +
	"Harbour Checks\n" +
	"Claim: Says the harbour bridge will close to cars for ten years from April.\n" +
	"Rating: False\n"

func TestFactCheckBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, factCheckPage)
	checkText(t, a.Text, want{
		textStart:  "A video shared",
		textEnd:    "We rate this claim False.",
		excludes:   []string{"See the sources", "Claim:"},
		paragraphs: 7,
	})
	if !strings.Contains(a.Text, "(Read more about our partnership with the platform.)") {
		t.Errorf("Text = %q, want the paragraph with a link's closing aside", a.Text)
	}
}

// A rights notice in the page's own voice closes a story even without
// "All rights reserved" or a ©.
func TestRightsNoticeInPageVoice(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2023-05-02 Lab News\n"+
		"Tiny snails shrug off a warmer bay\n"+
		"May 2, 2023\n"+
		"By Jane Roe\n"+
		"Snails in the northern bay survived three summers of record heat with no fall in their numbers, a study of the bay's shallows has found.\n"+
		"The researchers counted snails at 30 sites every spring from 2019 and found the densest beds where the water was warmest, they said.\n"+
		"The material on this page is subject to copyright. No part of it may be reproduced without the written permission of the publisher.\n"+
		"Feedback to the desk\n")
	checkText(t, a.Text, want{
		textStart:  "Snails in the northern bay",
		textEnd:    "they said.",
		paragraphs: 2,
	})
}

// A pull quote printed before its paragraph: the quote, its speaker's
// name alone, then the same words as the paragraph the story goes on
// from. The box is dropped; the paragraph stays once, and no caption.
func TestPullQuoteBeforeItsParagraph(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2023-04-12 Harbour Weekly\n"+
		"Ferry fares rise for the second time this year\n"+
		"Commuters say the new prices will push them back into their cars.\n"+
		"By Jane Roe\n"+
		"April 12, 2023\n"+
		"Passengers queue for the morning ferry at the north pier. Photo: John Doe\n"+
		"Ferry fares across the harbour will rise by 8 percent from May, the transport board said on Tuesday, the second increase since January.\n"+
		"The board said fuel and wages had risen faster than expected, and that without the rise it would have to cut the late services on weekdays.\n"+
		"We were promised cheaper fares. Instead we keep paying more for fewer boats.\n"+
		"— Councillor Maria Lopez\n"+
		"We were promised cheaper fares. Instead we keep paying more for fewer boats.\n"+
		"That was how Councillor Maria Lopez, whose ward includes the north pier, put it at Tuesday's meeting, where she asked the board to freeze fares for pensioners.\n"+
		"The board will publish the new fares next week, a spokesperson said, and monthly passes will rise by less than single tickets.\n")
	if len(a.Captions) != 1 || a.Captions[0] != "Passengers queue for the morning ferry at the north pier." {
		t.Errorf("Captions = %q", a.Captions)
	}
	checkText(t, a.Text, want{
		textStart:  "Ferry fares across",
		textEnd:    "single tickets.",
		excludes:   []string{"— Councillor"},
		paragraphs: 5,
	})
	if n := strings.Count(a.Text, "We were promised cheaper fares."); n != 1 {
		t.Errorf("Text holds the pull quote %d times, want 1: %q", n, a.Text)
	}
}

// A story told in sections, each head under the same marker line (an
// icon's text), keeps its heads, the first one over its opening too, and
// the sections are no list of teasers.
func TestSectionHeadsUnderMarker(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-05-08 Harbour Brief\n"+
		"Ferry operators draft a fallback plan if the fares deal collapses\n"+
		"By Jane Roe\n"+
		"May 8, 2025\n"+
		"Section glyph\n"+
		"The Story\n"+
		"Two ferry operators are drafting a one-year fallback that would keep fares frozen if the council's deal collapses, three people involved in the talks said.\n"+
		"Section glyph\n"+
		"Why It Matters\n"+
		"The harbour's ferries carry 9,000 commuters a day, and the deal has been stalled since March over the cost of two new boats.\n"+
		"Section glyph\n"+
		"The Skeptics\n"+
		"Council members argue a fallback would let the operators avoid a vote on the boats entirely, one of them said on Thursday.\n"+
		"Section glyph\n"+
		"Room for Doubt\n"+
		"Passenger groups say a freeze would only delay the fare rise to next year, when the new boats arrive.\n"+
		"© 2025 Harbour Brief\n")
	checkText(t, a.Text, want{textStart: "The Story\n\nTwo ferry", textEnd: "new boats arrive.", paragraphs: 8})
	// Teaser cards after a story, each under the same marker, are no
	// sections: the marker does not head the story's opening.
	b := parsePage(t, " date 2025-05-08 Harbour Brief\n"+
		"Ferry operators draft a fallback plan if the fares deal collapses\n"+
		"By Jane Roe\n"+
		"May 8, 2025\n"+
		"Two ferry operators are drafting a one-year fallback that would keep fares frozen if the council's deal collapses, three people involved in the talks said.\n"+
		"The harbour's ferries carry 9,000 commuters a day, and the deal has been stalled since March over the cost of two new boats.\n"+
		"More from the Brief\n"+
		"Card image\n"+
		"Council delays harbour wall vote\n"+
		"The vote was moved to June after engineers asked for more time to study the damage.\n"+
		"Card image\n"+
		"Fishing fleet returns early\n"+
		"Skippers said the forecast left them no choice but to head home two days early.\n"+
		"Card image\n"+
		"Lighthouse museum to reopen\n"+
		"The museum will open its doors again in July with a new gallery on the keepers.\n")
	checkText(t, b.Text, want{textStart: "Two ferry", textEnd: "two new boats.", paragraphs: 2})
}

// The comments widget's notes after a box of other stories are the
// page's, not the story's: a sentence opening on the page's comments
// speaks of the page itself. A story's "Comments by …" reports a speaker.
func TestCommentsWidgetNotes(t *testing.T) {
	t.Parallel()
	if _, self := addressWords("Comments are closed. We recommend reading our community guidelines first."); !self {
		t.Error("Comments are closed: not read as the page speaking of itself")
	}
	if _, self := addressWords("Comments by the harbour master drew criticism from the ferry operators."); self {
		t.Error("Comments by …: read as the page speaking of itself")
	}
	if _, self := addressWords("Comments submitted to the harbour board were overwhelmingly negative, the clerk said."); self {
		t.Error("Comments submitted …, news of a consultation: read as the page speaking of itself")
	}
	a := parsePage(t, " date 2025-05-08 Harbour Ledger\n"+
		"Ferry fares to rise in June under the council's transport plan\n"+
		"By Jane Roe\n"+
		"May 8, 2025\n"+
		"Ferry fares will rise by 40 pence in June, the council said on Thursday, the first increase in four years.\n"+
		"The council said the money would pay for two new boats, which are due to enter service in the spring.\n"+
		"Get our morning briefing\n"+
		"Sign up\n"+
		"Please choose at least one briefing.\n"+
		"Related Stories\n"+
		"Council delays vote on harbour wall repairs\n"+
		"Fishing fleet returns early as storms close the bay\n"+
		"Comments taking long to appear? They are checked by an editor before they go live on the site.\n"+
		"Comments are moderated. All comments must follow our house rules.\n"+
		"Most Read\n"+
		"Lighthouse museum to reopen after a two-year refit\n")
	checkText(t, a.Text, want{textStart: "Ferry fares", textEnd: "in the spring.", paragraphs: 2})
}

// A box of key points opening the body, its label the body's first line
// and its items short sentences, is neither the standfirst nor the
// story; items under a lead-in after the first paragraph stay.
func TestKeyPointSentences(t *testing.T) {
	t.Parallel()
	// A label of two words stands above the body, one of five opens it.
	for _, label := range []string{"Key takeaways:", "What you need to know:"} {
		a := parsePage(t, " date 2024-09-20 News\n"+
			"Harbour ferries halted as weed chokes the north quay\n"+
			"By Jane Roe\n"+
			"September 20, 2024\n"+
			label+"\n"+
			"Ferry owners say they have lost £40,000 in a week.\n"+
			"The council says a cutting boat will arrive on Monday.\n"+
			"Ferries at the north quay have been stuck for a week after a thick mat of weed drifted into the harbour, trapping boats at the moorings.\n"+
			"Owners say they cannot push through the weed, which now stretches half a mile from the quay, and that the few who tried have damaged their engines.\n"+
			"The council said it had hired a cutting boat, which would arrive on Monday.\n")
		if a.Summary != "" {
			t.Errorf("%s: Summary = %q, want none", label, a.Summary)
		}
		checkText(t, a.Text, want{textStart: "Ferries at the north quay", textEnd: "arrive on Monday.", excludes: []string{"£40,000"}, paragraphs: 3})
	}

	b := parsePage(t, " date 2024-09-20 News\n"+
		"Harbour ferries halted as weed chokes the north quay\n"+
		"By Jane Roe\n"+
		"September 20, 2024\n"+
		"Ferries at the north quay have been stuck for a week after a thick mat of weed drifted into the harbour, trapping boats at the moorings.\n"+
		"What we know so far:\n"+
		"Ferry owners say they have lost £40,000 in a week.\n"+
		"The council says a cutting boat will arrive on Monday.\n"+
		"Owners say they cannot push through the weed, which now stretches half a mile from the quay, and that the few who tried have damaged their engines.\n")
	checkText(t, b.Text, want{textStart: "Ferries at the north quay", textEnd: "damaged their engines.", paragraphs: 5})
}

// A player's prompt naming the video in quotes ("Click to play video:
// 'Title'"), its running time and the title repeated under it are no
// part of the story.
func TestPlayVideoBlock(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 News\n"+
		"Harbour to require ferry operators to post fares at every pier\n"+
		"By Jane Roe\n"+
		"November 26, 2025\n"+
		"Ferry operators will have to post their fares at every pier by next summer under new rules the harbour board approved on Wednesday.\n"+
		"Board chair John Doe said passengers had complained for years that fares changed without notice.\n"+
		"Tap to play video: ‘Passengers say ferry fares keep rising’\n"+
		"1:48\n"+
		"Passengers say ferry fares keep rising\n"+
		"The rules apply to the four operators on the harbour, which carry about 9,000 passengers a day between them.\n"+
		"Operators said they supported the change but asked for more time.\n")
	checkText(t, a.Text, want{textStart: "Ferry operators will", textEnd: "more time.", excludes: []string{"keep rising"}, paragraphs: 4})
}

// A "Categories:" row labels the story's tags as "Tags:" does: it closes
// the body, and the dated lines after it are not the story's.
func TestCategoriesRowEndsBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Post\n"+
		"Wednesday, November 26th 2025 - 09:14 UTC\n"+
		"Harbour board approves tax break for electric ferries\n"+
		"The harbour board approved on Tuesday a tax break for electric ferries, in a 7-2 vote after a short debate.\n"+
		"The break will run for five years and cost about £2 million, the board said.\n"+
		"Categories: Economy, Harbour.\n"+
		"Jane Roe\n"+
		"Nov 26th, 2025 - 11:02 am\n"+
		"Good news for the harbour. Now do the same for the buses.\n")
	checkText(t, a.Text, want{textStart: "The harbour board", textEnd: "the board said.", paragraphs: 2})
	if want := time.Date(2025, 11, 26, 9, 14, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", a.Published, want)
	}
}

// Reader comments after a story that printed no date of its own in the
// body, each a short name over a full date over the comment, end the
// body whatever heads them, and their dates are not the story's.
func TestCommentThreadEndsBody(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Harbourwatcher", "Jane Roe"} {
		a := parsePage(t, " date 2025-11-26 Harbour Post\n"+
			"Wednesday, November 26th 2025 - 09:14 UTC\n"+
			"Harbour board approves tax break for electric ferries\n"+
			"By John Doe\n"+
			"The harbour board approved on Tuesday a tax break for electric ferries, in a 7-2 vote after a short debate.\n"+
			"The break will run for five years and cost about £2 million, the board said.\n"+
			"What readers say\n"+
			name+"\n"+
			"Nov 26th, 2025 - 11:02 am\n"+
			"Good news for the harbour. Now do the same for the buses.\n"+
			"2 Quaysider\n"+
			"Nov 26th, 2025 - 01:37 pm\n"+
			"Electric ferries, foreign batteries. Who really benefits from this?\n")
		checkText(t, a.Text, want{textStart: "The harbour board", textEnd: "the board said.", paragraphs: 2})
		if want := time.Date(2025, 11, 26, 9, 14, 0, 0, time.UTC); !a.Published.Equal(want) || !slices.Equal(a.Authors, []string{"John Doe"}) {
			t.Errorf("%s: Published = %v, Authors = %q; want %v, John Doe", name, a.Published, a.Authors, want)
		}
	}
}

// A timeline inside a story, each event a short capitalised head over
// its day over a sentence, is shaped like a thread of reader comments
// after two undated paragraphs; but a comment is stamped to the minute or
// beside its controls, and an event by the day alone. The story goes on
// past the timeline, and the events' heads ("National Lockdown") name no
// author. Reader comments stamped by the day beside "Reply" still end
// the body.
func TestTimelineIsNoCommentThread(t *testing.T) {
	t.Parallel()
	const header = " date 2024-03-20 Home News World Business Sport Opinion\n" +
		"Harbour Post\n" +
		"Four years on, the city counts the cost of its first lockdown\n" +
		"By Jane Roe\n" +
		"March 20, 2024\n" +
		"The city council published on Tuesday its review of the first months of the pandemic, four years after the first two cases were confirmed at the port hospital.\n" +
		"The review found that the council's emergency plan had not been updated since 2011 and that care homes were told of the lockdown a day after schools, the authors said.\n"
	const timeline = "Key dates\n" +
		"First Cases\n" +
		"January 31, 2020\n" +
		"Two crew members of a cargo ship are confirmed as the city's first cases and taken to the port hospital.\n" +
		"National Lockdown\n" +
		"March 23, 2020\n" +
		"The prime minister orders people to stay at home, and the city's schools, pubs and shops close the same evening.\n" +
		"Schools Reopen\n" +
		"June 1, 2020\n" +
		"Primary schools reopen to some year groups, with classes of no more than 15 pupils.\n"
	const rest = "The review's authors said the council had acted quickly once the lockdown was ordered, but that its planning before then had been poor.\n" +
		"Opposition councillors called for a public inquiry, saying the review had not heard from the families of care home residents.\n"
	const comments = "What readers say\n" +
		"Harbourwatcher\n" +
		"March 20, 2024 - Reply\n" +
		"Four years late and still no inquiry. The families deserve better than this.\n" +
		"Jane Quay\n" +
		"March 20, 2024 - Reply\n" +
		"The council did its best with what it knew at the time.\n"
	tests := []struct {
		name, page string
		want       want
	}{
		{"timeline inside the story", header + timeline + rest, want{textStart: "The city council", textEnd: "care home residents.", excludes: []string{"First Cases", "National Lockdown"}, paragraphs: 7}},
		{"timeline closing the story", header + timeline, want{textStart: "The city council", textEnd: "no more than 15 pupils.", paragraphs: 5}},
		{"comments stamped by the day", header + rest + comments, want{textStart: "The city council", textEnd: "care home residents.", excludes: []string{"Harbourwatcher"}, paragraphs: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := parsePage(t, tt.page)
			checkText(t, a.Text, tt.want)
			if !slices.Equal(a.Authors, []string{"Jane Roe"}) || !a.Published.Equal(day(2024, time.March, 20)) {
				t.Errorf("Authors = %q, Published = %v; want Jane Roe, 2024-03-20", a.Authors, a.Published)
			}
		})
	}
}

// A live page's posts, a heading over a full date over text, are no
// comment thread.
func TestLivePostsAreNoComments(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Post\n"+
		"Harbour storm live: ferries halted as winds reach 80mph\n"+
		"By John Doe\n"+
		"The storm closed the harbour on Wednesday morning, and all ferries were halted until further notice, the harbour master said.\n"+
		"Winds of up to 80mph were recorded at the pier, the weather service said, and more are expected overnight.\n"+
		"Roads closed\n"+
		"Nov 26th, 2025 - 11:02 am\n"+
		"Police have closed the coast road between the pier and the lighthouse after waves flooded it.\n"+
		"Power cut\n"+
		"Nov 26th, 2025 - 10:37 am\n"+
		"About 2,000 homes near the harbour lost power this morning, the network operator said.\n")
	checkText(t, a.Text, want{textStart: "The storm closed", textEnd: "operator said.", paragraphs: 4})
}

// A newsletter's blurb inside a box of junk (a disclaimer, the sign-up
// prompt, its button) is no part of the story, and the author's bio
// above it then closes the body.
func TestBlurbInsideSignUpBox(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Ledger\n"+
		"Opinion\n"+
		"Harbour start-ups keep building for a buyer who has gone\n"+
		"By Jane Roe\n"+
		"26 November 2025\n"+
		"For most of the decade, the pitch of a harbour logistics start-up was simple: the incumbents are slow, and we will be faster.\n"+
		"That pitch is not working any more. Shipping firms now want fewer vendors, not more features, and they say so in every meeting.\n"+
		"Jane Roe is a partner at Quay Capital, an early-stage fund.\n"+
		"Opinions expressed in this article are the author's own.\n"+
		"Sign up to our logistics newsletter\n"+
		"Every Monday, the week's news from the docks.\n"+
		"Sign up\n"+
		"© 2025 Harbour Ledger\n")
	checkText(t, a.Text, want{textStart: "For most of the decade", textEnd: "in every meeting.", paragraphs: 2})
}

// A science story's "Citations:" heading ends the body: the study's
// reference under it is no part of the story.
func TestCitationsEndBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Science\n"+
		"Warmer winters are thinning the harbour's seagrass, study finds\n"+
		"By Jane Roe on 25 November 2025\n"+
		"Seagrass meadows in the harbour have shrunk by a third since 2010 as winters have warmed, according to a new study.\n"+
		"The researchers compared aerial photographs taken every five years and found the losses were greatest in shallow bays.\n"+
		"Citations:\n"+
		"Roe, J., & Doe, J. (2025). Winter warming and seagrass loss in a temperate harbour. Marine Ecology, 12(3), 45-60.\n")
	checkText(t, a.Text, want{textStart: "Seagrass meadows", textEnd: "shallow bays.", paragraphs: 2})
}

// A labelled box of key points under the header, closed by the lead
// picture's caption, restates the story below it and is no part of it.
func TestLabelledKeyPointsOverCaption(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Review\n"+
		"Fishermen on the north quay are building their own auction app\n"+
		"A cooperative has signed up 120 boats by charging a flat fee instead of a commission.\n"+
		"By Jane Roe\n"+
		"25 November 2025\n"+
		"Highlights\n"+
		"A cooperative auction app on the north quay charges boats a flat monthly fee.\n"+
		"Fishermen say they keep more of each sale, but buyers are still few.\n"+
		"Boats unload the morning catch on the north quay. Photo by John Doe for Harbour Review\n"+
		"On a cold morning on the north quay, fishermen unload their catch and post it for sale on an app they partly own, instead of the old auction hall.\n"+
		"The cooperative charges each boat a flat monthly fee of 40 pounds, and fishermen say they keep more of each sale than at the hall.\n"+
		"Buyers are still few, the cooperative's chair said, but the app has signed up 120 boats since March.\n")
	checkText(t, a.Text, want{textStart: "On a cold morning", textEnd: "since March.", paragraphs: 3})
	if len(a.Captions) != 1 {
		t.Errorf("Captions = %q, want one", a.Captions)
	}
}

// Unlabelled highlights opening the body, closed by a note on the page,
// restate the story below them though one of them paraphrases it.
func TestParaphrasedHighlights(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Nature\n"+
		"Trawling scars are spreading across the bay's seagrass, survey finds\n"+
		"by Jane Roe on 24 November 2025\n"+
		"Divers mapped more than 300 trawl scars in the bay's seagrass meadows between 2015 and 2025, most of them near the harbour mouth.\n"+
		"Broken meadows shelter fewer juvenile fish, leaving nurseries exposed to storms and predators.\n"+
		"The authors call for trawling to be banned over seagrass and for scarred meadows to be replanted.\n"+
		"This article was updated on 25 November 2025.\n"+
		"Trawl nets dragged across the seabed have left more than 300 scars in the seagrass meadows of the bay, according to a survey published on Monday.\n"+
		"Divers mapped the scars between 2015 and 2025 and found that most lay near the harbour mouth, where the trawlers turn.\n"+
		"Seagrass meadows are nurseries for juvenile fish, and scarred meadows held a third fewer of them, the authors said.\n"+
		"They call for trawling to be banned over seagrass and for the scarred meadows to be replanted by hand.\n")
	checkText(t, a.Text, want{textStart: "Trawl nets dragged", textEnd: "replanted by hand.", paragraphs: 4})
}
