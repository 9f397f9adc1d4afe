package seed

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Rules of the page header (headline, standfirst, byline, date, the page's own address), each pinned on invented text.

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

// A prompt in title case over the site's menu is the page's, not the
// story's headline: the line under the menu, over its byline, heads the
// story, and is no standfirst.
func TestPromptOverMenuIsNoHeadline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-03-04 Skip to main content\n"+
		"Harbour Stage\n"+
		"Have A Story Idea?\n"+
		"Sign In\n"+
		"Theatre\n"+
		"Music\n"+
		"Festivals\n"+
		"Awards\n"+
		"Tomas Ek Joins ‘Low Water’ Revival At The Quay Playhouse; Run Extended Into Summer Season\n"+
		"By Jane Roe\n"+
		"March 4, 2025 9:10am\n"+
		"Tomas Ek will join the revival of Low Water at the Quay Playhouse, which has extended its run into the summer season after strong sales.\n"+
		"The production opened in January and has sold out most of its dates, the theatre said.\n")
	if a.Title != "Tomas Ek Joins ‘Low Water’ Revival At The Quay Playhouse; Run Extended Into Summer Season" || a.Summary != "" {
		t.Errorf("Title = %q, Summary = %q", a.Title, a.Summary)
	}
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q", a.Authors)
	}
}

// A name, a comma and the desk the reporter writes for is a byline:
// "Jane Roe, Local Democracy Reporting", "John Doe, Washington Bureau".
func TestBylineWithDesk(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want []string
	}{
		{"Jane Roe, Local Democracy Reporting", []string{"Jane Roe"}},
		{"John Doe, Washington Bureau", []string{"John Doe"}},
		{"Ana Ruiz, Metro Desk", []string{"Ana Ruiz"}},
	}
	for _, tt := range tests {
		if got, ok := parseByline(tt.s); !ok || !slices.Equal(got, tt.want) {
			t.Errorf("parseByline(%q) = %q, %v; want %q", tt.s, got, ok, tt.want)
		}
	}
}

// A desk is a role after a name only by its name, in capitals ("John
// Doe, Washington Bureau"): in lower case "desk", "bureau" and
// "reporting" end a clause of prose ("Mary Quinn, who runs the Garissa
// bureau", under her quote), which names no author. A story opening on
// "Desk officers said …" under the byline, and a paragraph "Reporting
// from the bureau in Nairobi, the desk said …", stay in the body.
func TestDeskWordsInProseNameNoAuthor(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Local Democracy Reporting", true},
		{"Washington Bureau", true},
		{"Metro Desk", true},
		{"Staff Writer", true},
		{"who runs the Garissa bureau", false},
		{"from the Nairobi desk", false},
		{"for local democracy reporting", false},
	} {
		if got := isRole(tt.s); got != tt.want {
			t.Errorf("isRole(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	a := parsePage(t, " date 2024-05-02 Home News World Africa Business\n"+
		"Harbour Post\n"+
		"Kenya floods: aid reaches cut-off villages after two weeks\n"+
		"By Jane Roe\n"+
		"May 2, 2024\n"+
		"Desk officers at the Red Cross in Nairobi said the first convoy left Garissa on Tuesday morning and arrived late on Wednesday, after crews cleared two landslides.\n"+
		"More than 20,000 people have been cut off since the flood, the Kenya Red Cross said, and many had been living on rainwater and what they could save from their fields.\n"+
		"“We are reaching people who had nothing left.”\n"+
		"Mary Quinn, who runs the Garissa bureau\n"+
		"Reporting from the bureau in Nairobi, the desk said the road to Garsen would reopen next week.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q, want Jane Roe", a.Authors)
	}
	// The attribution stays in the text as a lone subhead, as any short
	// line between paragraphs does.
	checkText(t, a.Text, want{textStart: "Desk officers at the Red Cross", textEnd: "would reopen next week.", paragraphs: 5})
}

// The standfirst is the one sentence the header's metadata surrounds:
// under the date with the byline still to come, or under the byline and
// over the lead picture when the date is printed above the headline. A
// sentence after both the byline and the date opens the story, a caption
// after it or not.
func TestDeckInsideHeader(t *testing.T) {
	t.Parallel()
	const (
		headline = "Harbour council votes to buy flooded homes for new sea wall\n"
		deck     = "The council will spend $3 million buying 12 homes along the harbour front, most of them empty since the storm.\n"
		caption  = "Flooded homes along the harbour front in March. Photo: Jane Roe\n"
		first    = "Harbour District Council has voted to buy 12 flood-damaged homes to make way for a new sea wall, two years after the storm.\n"
		rest     = "The purchase was approved unanimously at a meeting on Wednesday, the mayor said.\n" +
			"Construction of the wall is expected to start in late 2026, the council said.\n"
	)
	tests := []struct {
		name, page, summary, textStart string
	}{
		{"under the date, over the byline",
			" date 2025-11-26 News\n" + headline + "5:05 pm on 26 November 2025\n" + deck +
				"Share this\nShare on Facebook\n" + "Jane Roe, Harbour Reporter\n" + caption + first + rest,
			deck, first},
		{"under the byline, date above the headline",
			" date 2025-11-26 News\nNovember 26, 2025 | 04:12 pm\n" + headline + "By Jane Roe\n" + deck + caption + first + rest,
			deck, first},
		{"after the byline and the date",
			" date 2025-11-26 News\n" + headline + "By Jane Roe\nNovember 26, 2025\n" + deck + caption + first + rest,
			"", deck},
		{"after the date and the byline",
			" date 2025-11-26 News\n" + headline + "5:05 pm on 26 November 2025\nShare this\n" + "Jane Roe, Harbour Reporter\n" + deck + first + rest,
			"", deck},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := parsePage(t, tt.page)
			if want := strings.TrimSuffix(tt.summary, "\n"); a.Summary != want {
				t.Errorf("Summary = %q, want %q", a.Summary, want)
			}
			if want := strings.TrimSuffix(tt.textStart, "\n"); !strings.HasPrefix(a.Text, want) {
				t.Errorf("Text = %q, want prefix %q", a.Text, want)
			}
		})
	}
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

// A headline ending in a desk's word ("Staff") over a byline is the
// headline: a desk signs alone.
func TestDeskWordHeadlineOverByline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Harbour Courier\n"+
		"Home\nNews\nBusiness\n"+
		"Ferry Operator Cuts Harbour Staff\n"+
		"By Jane Roe\n"+
		"26th Nov 2025\n"+
		"The harbour ferry operator said on Wednesday it would cut 40 jobs at its harbour depot, a fifth of the staff there.\n"+
		"The company blamed falling passenger numbers since the new bridge opened last year.\n")
	if a.Title != "Ferry Operator Cuts Harbour Staff" || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Title = %q, Authors = %q; want the headline and Jane Roe", a.Title, a.Authors)
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
