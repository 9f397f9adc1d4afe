package seed

import (
	"testing"
	"time"
)

// Rules found on the held-out batch 064-069, 126-129 and 196-199, each
// pinned on invented text.

// A prompt to the reader printed over a picture's bare credit is no
// caption: the picture has none.
func TestPromptOverCreditIsNoCaption(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Daily\n"+
		"News\n"+
		"Council to trial electric water buses on the harbour from March\n"+
		"Two boats will carry up to twenty passengers between the ferry piers during the pilot\n"+
		"By Jane Roe\n"+
		"Published: Wed 26 Nov 2025, 9:15 AM\n"+
		"Get Harbour Daily alerts on Telegram\n"+
		"Photo: Supplied\n"+
		"The council will trial two electric water buses on the harbour from March, the transport committee said on Wednesday.\n"+
		"The boats will run every twenty minutes between the north and south ferry piers during the six-month pilot.\n")
	if len(a.Captions) != 0 {
		t.Errorf("Captions = %q, want none", a.Captions)
	}
	checkText(t, a.Text, want{textStart: "The council will trial", textEnd: "six-month pilot.", paragraphs: 2})
}

// A 24-hour time printed on its own line beside the date is the date's
// time of day.
func TestClockLineBesideDate(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Courier\n"+
		"News\n"+
		"Harbour residents face two days without water after main bursts\n"+
		"The utility says repairs to the main under the quay will take until Friday.\n"+
		"By Jane Roe\n"+
		"25 November 2025\n"+
		"16:05\n"+
		"Residents in six harbour streets have been told to prepare for two days without running water after a main burst under the quay on Tuesday.\n"+
		"Water tankers have been sent to the school and the clinic, the utility said on Wednesday.\n")
	if want := time.Date(2025, 11, 25, 16, 5, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", a.Published, want)
	}
}

// A desk signing for the outlet without "By" is a byline naming no author,
// and so metadata under the headline, not the headline.
func TestDeskAloneIsByline(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"Political Desk", "Harbour Courier’s Web Desk", "Herald Staff"} {
		if names, ok := parseByline(s); !ok || len(names) > 0 {
			t.Errorf("parseByline(%q) = %q, %v; want no names, true", s, names, ok)
		}
	}
	for _, s := range []string{"The Civic Desk", "Our Staff", "Join Our Newsroom"} {
		if _, ok := parseByline(s); ok {
			t.Errorf("%q, a title or a link, read as a byline", s)
		}
	}
	a := parsePage(t, " date 2025-11-26 Harbour Courier\n"+
		"Home\nNews\nPolitics\n"+
		"Council orders recount in two harbour wards\n"+
		"Harbour Courier’s Political Desk\n"+
		"26th Nov 2025\n"+
		"Share\n"+
		"The council on Wednesday ordered a recount of votes in two harbour wards, after complaints that ballot boxes had been left unsealed overnight.\n"+
		"The recount will take place next week under the supervision of officials from the capital.\n")
	if a.Title != "Council orders recount in two harbour wards" || len(a.Authors) != 0 {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
}

// A photographer's credit "Name for Outlet" after a caption's last
// sentence, where the outlet's name has a small word in it.
func TestCreditForOutletWithSmallWord(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"Fishermen mend their nets at dawn in the old harbour. Jane Roe for Voice of the Harbour",
		"Fishermen mend their nets at dawn in the old harbour. Jane Roe for Friends of Earth",
	} {
		if c, ok := captionWithCredit(s); !ok || c != "Fishermen mend their nets at dawn in the old harbour." {
			t.Errorf("captionWithCredit(%q) = %q, %v", s, c, ok)
		}
	}
	if c, ok := captionWithCredit("Why the Herald endorses Jane Roe for Mayor of Dover"); ok {
		t.Errorf("a headline read as the caption %q", c)
	}
}

// "Image by Name/Outlet." credits a caption as "Photo by" does, and a
// caption may open with the label of the picture it describes ("Banner
// image: …").
func TestImageByCreditAndImageLabel(t *testing.T) {
	t.Parallel()
	tests := []struct{ s, want string }{
		{"Fishermen mend their nets in the old harbour. Image by Jane Roe/Harbourpost.", "Fishermen mend their nets in the old harbour."},
		{"Top image: Fishermen mend their nets in the old harbour. Image by Jane Roe/Harbour Weekly.", "Fishermen mend their nets in the old harbour."},
	}
	for _, tt := range tests {
		if c, ok := captionWithCredit(tt.s); !ok || c != tt.want {
			t.Errorf("captionWithCredit(%q) = %q, %v; want %q", tt.s, c, ok, tt.want)
		}
	}
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

// A headline in two short sentences, in sentence case, over a longer
// standfirst and a name alone over its role.
func TestShortSentencesHeadline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Review\n"+
		"Climate\nEnergy\nDonate\n"+
		"Coastal Living\n"+
		"A harbour village voted to move. Now it must find the land.\n"+
		"After four storm surges in six years, residents of Saltmarsh chose to leave the shore. The hard part starts now.\n"+
		"Jane Roe\n"+
		"Staff Writer\n"+
		"Published Nov 24, 2025\n"+
		"When the residents of Saltmarsh voted in October to move their village inland, they became the first community on the coast to choose, by ballot, to leave.\n"+
		"The vote was 212 to 97. It came after the village flooded four times in six years, most recently in September.\n")
	if a.Title != "A harbour village voted to move. Now it must find the land." {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Summary != "After four storm surges in six years, residents of Saltmarsh chose to leave the shore. The hard part starts now." {
		t.Errorf("Summary = %q", a.Summary)
	}
	checkText(t, a.Text, want{textStart: "When the residents", textEnd: "in September.", paragraphs: 2})
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
