package seed

import (
	"slices"
	"strings"
	"testing"
)

// Rules found on the misses of 088, 092, 148 and 163, each pinned on
// invented text.

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

// A science site's header: a menu, a path of sections in it ("Oceans /
// Coasts" under a menu holding "Oceans"), a date in capitals, the
// headline and an institution's press office as the byline.
func TestSectionPathAndInstitutionByline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2023-07-04 Lab Wire\n"+
		"Space\n"+
		"Oceans\n"+
		"Health\n"+
		"Earth Sciences\n\n"+
		"Oceans  /  Coasts\n"+
		"JULY 3, 2023\n"+
		"Cold currents slow the spread of coral bleaching on northern reefs\n"+
		"by Harbour University\n"+
		"Divers survey a reef off the north cape. Credit: Jane Roe\n"+
		"Reefs bathed by cold currents bleached half as often as reefs in warmer water during last summer's heatwave, a survey of 60 reefs has found.\n"+
		"The researchers say the currents could shelter corals for decades as the ocean warms, though not on every reef.\n")
	if a.Title != "Cold currents slow the spread of coral bleaching on northern reefs" || len(a.Authors) > 0 {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	if got, ok := parseByline("By the Institute of Marine Science"); !ok || len(got) > 0 {
		t.Errorf("parseByline(institution) = %q, %v; want no authors, true", got, ok)
	}
	checkText(t, a.Text, want{textStart: "Reefs bathed", textEnd: "not on every reef.", paragraphs: 2})
}

// A science site prints the page's own address only in the citation it
// asks readers to use; a citation of another story gives no address.
func TestCitedOwnAddress(t *testing.T) {
	t.Parallel()
	page := " date 2023-07-05 Lab Wire\n" +
		"Cold currents slow the spread of coral bleaching\n" +
		"by Harbour University\n" +
		"Divers survey a reef off the north cape. Credit: Jane Roe\n" +
		"Reefs bathed by cold currents bleached half as often as reefs in warmer water during last summer's heatwave, a survey of 60 reefs has found.\n" +
		"The researchers say the currents could shelter corals for decades as the ocean warms, though not on every reef.\n" +
		"%s\n" +
		"Feedback to editors\n"
	tests := []struct {
		citation, want string
	}{
		{"Cite this story: Cold currents slow the spread of coral bleaching (2023, July 4) Retrieved 5 July 2023, from https://labwire.example/news/2023-07-cold-currents-coral.html", "https://labwire.example/news/2023-07-cold-currents-coral.html"},
		{"Citation: Warm seas strip the kelp from southern coasts (2023, June 1) retrieved 5 July 2023 from https://labwire.example/news/2023-06-warm-seas-kelp.html", ""},
	}
	for _, tt := range tests {
		a := parsePage(t, strings.Replace(page, "%s", tt.citation, 1))
		if a.Link != tt.want {
			t.Errorf("Link = %q, want %q (citation %q)", a.Link, tt.want, tt.citation)
		}
	}
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

// A tabloid's header: a headline of forty words, one sentence without a
// full stop, over summary bullets and the byline; the bullets are neither
// standfirst nor body.
func TestLongHeadlineOverBullets(t *testing.T) {
	t.Parallel()
	title := "Grandfather, 71, who was stranded on a sandbank for six hours when the tide came in as he walked his dog says he 'thought it was the end' - as coastguard warns walkers to check tide times before setting out"
	a := parsePage(t, " date 2024-08-20 Home\n"+
		"News\n"+
		"Sport\n"+
		"\n"+
		title+"\n"+
		"Peter Hale, 71, from Barrow, had set out for his usual morning walk across the bay with his spaniel\n"+
		"He climbed onto a sandbank as the water rose around him and called for help on his mobile phone\n"+
		"The coastguard says it has been called to the bay 40 times this summer\n"+
		"By JANE ROE\n"+
		"Published: 09:10 BST, 20 August 2024\n"+
		"A grandfather was stranded on a sandbank for six hours after the tide came in while he was walking his dog across the bay.\n"+
		"Peter Hale, 71, said the water rose faster than he had ever seen it, and he was forced to climb onto the highest patch of sand he could find.\n"+
		"A lifeboat crew reached him shortly after noon and brought him and his spaniel back to shore, the coastguard said.\n")
	if a.Title != title || a.Summary != "" {
		t.Errorf("Title = %q, Summary = %q", a.Title, a.Summary)
	}
	checkText(t, a.Text, want{textStart: "A grandfather was stranded", textEnd: "the coastguard said.", paragraphs: 3})
}

// An unterminated sentence under the byline, its date and a share row
// (counters and buttons), over the first paragraph, is the lead
// picture's caption.
func TestLeadCaptionUnderShareRow(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-08-20 Harbour Post\n"+
		"Lifeboat crew rescues walker stranded by the tide\n"+
		"The coastguard has been called to the bay 40 times this summer.\n"+
		"By Jane Roe\n"+
		"August 20, 2024\n"+
		"Share\n"+
		"125\n"+
		"View comments\n"+
		"Peter Hale, 71, was stranded on a sandbank for six hours with his spaniel\n"+
		"A grandfather was stranded on a sandbank for six hours after the tide came in while he was walking his dog across the bay.\n"+
		"A lifeboat crew reached him shortly after noon and brought him and his spaniel back to shore, the coastguard said.\n")
	if len(a.Captions) != 1 || a.Captions[0] != "Peter Hale, 71, was stranded on a sandbank for six hours with his spaniel" {
		t.Errorf("Captions = %q", a.Captions)
	}
	checkText(t, a.Text, want{textStart: "A grandfather was stranded", textEnd: "the coastguard said.", paragraphs: 2})
}

// Pictures set one after another between paragraphs, each under its
// caption: an unterminated sentence over another caption is a caption
// too, not a paragraph.
func TestCaptionOverCaption(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-08-20 Harbour Post\n"+
		"Lifeboat crew rescues walker stranded by the tide\n"+
		"The coastguard has been called to the bay 40 times this summer.\n"+
		"By Jane Roe\n"+
		"August 20, 2024\n"+
		"A grandfather was stranded on a sandbank for six hours after the tide came in while he was walking his dog across the bay.\n"+
		"Peter Hale, 71, said the water rose faster than he had ever seen it, and he was forced to climb onto the highest patch of sand he could find.\n"+
		"The lifeboat, which was launched from the north pier, reached him shortly after noon\n"+
		"Mr Hale posted a picture of the rising water to warn other walkers\n"+
		"Mr Hale posted a picture of the rising water to warn other walkers\n"+
		"View gallery\n"+
		"The crew brought him and his spaniel back to shore, where paramedics checked him over, the coastguard said.\n")
	wantCaptions := []string{"The lifeboat, which was launched from the north pier, reached him shortly after noon", "Mr Hale posted a picture of the rising water to warn other walkers"}
	if !slices.Equal(a.Captions, wantCaptions) {
		t.Errorf("Captions = %q, want %q", a.Captions, wantCaptions)
	}
	checkText(t, a.Text, want{textStart: "A grandfather was stranded", textEnd: "the coastguard said.", paragraphs: 3})
}
