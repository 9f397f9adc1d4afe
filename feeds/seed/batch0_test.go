package seed

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// The tests below pin the general rules the held-out batch 010-023 asked
// for, each on an invented line.

func TestPossessiveMenuItemIsNoPublisher(t *testing.T) {
	for _, s := range []string{"My News", "Your Account"} {
		if isPublisherName(s) {
			t.Errorf("isPublisherName(%q) = true, want false", s)
		}
	}
	if !isPublisherName("My Modern Met") {
		t.Errorf("isPublisherName(%q) = false, want true", "My Modern Met")
	}
	if !pageNames("Harbour Ledger home", "Harbour Ledger") {
		t.Errorf("the menu's link home does not name the page's publisher")
	}
}

func TestYearGluedToClock(t *testing.T) {
	parts := splitGlued("June 3, 20215:24 PM GMT+1Updated 3 hours ago")
	if want := []string{"June 3, 20215:24 PM GMT+1", "Updated 3 hours ago"}; !slices.Equal(parts, want) {
		t.Fatalf("splitGlued = %q, want %q", parts, want)
	}
	st, ok := parseDateLine(parts[0])
	if want := time.Date(2021, 6, 3, 16, 24, 0, 0, time.UTC); !ok || !st.t.Equal(want) {
		t.Errorf("parseDateLine(%q) = %v, %v; want %v", parts[0], st.t, ok, want)
	}
}

func TestGalleryCounter(t *testing.T) {
	for _, s := range []string{"[1/2] A crane lifts a turbine blade at the port.", "(3 of 12) A crane lifts a turbine blade at the port."} {
		if c, ok := checkCaption(s); !ok || c != "A crane lifts a turbine blade at the port." {
			t.Errorf("checkCaption(%q) = %q, %v", s, c, ok)
		}
	}
}

func TestBylineWithTrailingDate(t *testing.T) {
	parts := splitGlued("By JANE ROE and Courier staff Today, 5:14 pm")
	if want := []string{"By JANE ROE and Courier staff", "Today, 5:14 pm"}; !slices.Equal(parts, want) {
		t.Fatalf("splitGlued = %q, want %q", parts, want)
	}
	parts = splitGlued("By Jane Roe May 12, 2021")
	if want := []string{"By Jane Roe", "May 12, 2021"}; !slices.Equal(parts, want) {
		t.Errorf("splitGlued = %q, want %q", parts, want)
	}
	// A byline alone, or a sentence opening with "By", is left whole.
	for _, s := range []string{"By Jane Roe", "By 2021 the port had doubled its trade."} {
		if parts := splitGlued(s); len(parts) != 1 {
			t.Errorf("splitGlued(%q) = %q, want it whole", s, parts)
		}
	}
}

func TestTagListClosesBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Read more about:\n"+
		"Harbour\n"+
		"Port authority\n"+
		"We’re really pleased that you’ve read 9 Harbour Times articles in the past month, and we hope you keep reading.\n"+
		"For as little as $6 a month you can help support our quality journalism while enjoying an ad-free site.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
}

func TestAppealBoxInsideBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Support local journalism\n"+
		"Our mission is to report on the harbour without fear or favour.\n"+
		"Every contribution counts.\n"+
		"Support us today.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2, excludes: []string{"mission", "contribution"}})
}

// A section under a subhead, closed by a newsletter prompt, is no box:
// its paragraph is long prose and stays, under its subhead.
func TestSectionBeforePromptIsNoBox(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"What happens next\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works, and the ferry will use the east berth.\n"+
		"Sign up for our harbour newsletter.\n"+
		"The authority expects the works to be finished by the end of July, weather permitting.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "weather permitting.", paragraphs: 4})
}

func TestMoreAgenciesAndTheTitle(t *testing.T) {
	if c, ok := captionWithCredit("Residents clear furniture from homes on Mill Lane after the flooding (PA)"); !ok || c != "Residents clear furniture from homes on Mill Lane after the flooding" {
		t.Errorf("captionWithCredit = %q, %v", c, ok)
	}
	ls := []line{{text: "Stay up to date with notifications from The Harbour Times", kind: kindJunk}}
	if got := withThe(ls, "Harbour Times"); got != "The Harbour Times" {
		t.Errorf("withThe = %q", got)
	}
	ls = []line{{text: "Roe covers the port for The Harbour Times Group.", kind: kindText}}
	if got := withThe(ls, "Harbour Times"); got != "Harbour Times" {
		t.Errorf("withThe from prose = %q", got)
	}
}

func TestDeskBeforeByline(t *testing.T) {
	if parts := splitGlued("Harbour Desk / By Jane Roe"); !slices.Equal(parts, []string{"Harbour Desk", "By Jane Roe"}) {
		t.Errorf("splitGlued = %q", parts)
	}
	if parts := splitGlued("Jane Roe / Harbour Times"); len(parts) != 1 {
		t.Errorf("a slashed credit was split: %q", parts)
	}
}

func TestKeyPointsBox(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Key points:\n"+
		"Dredging starts in June and lasts six weeks\n"+
		"Yachts will move to the outer marina\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	checkText(t, a.Text, want{textStart: "Dredging of the inner", textEnd: "the works.", paragraphs: 2})
	// Inside the body, a lead-in's items are the story's own.
	a = parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"By the numbers:\n"+
		"Six weeks of work in the inner basin\n"+
		"Two dredgers and a tug\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 5})
}

func TestZoneNote(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-02 Home | News\n"+
		"Harbour dredging to start in June\n"+
		"By Jane Roe\n"+
		"Posted Wed 2 Jun 2021 at 5:14am\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"AEST = Australian Eastern Standard Time which is 10 hours ahead of GMT (Greenwich Mean Time)\n")
	if want := time.Date(2021, 6, 1, 19, 14, 0, 0, time.UTC); !a.Published.Equal(want) || a.PublishedOffset == nil || *a.PublishedOffset != 36000 {
		t.Errorf("Published = %v, offset %v; want %v at +10:00", a.Published, a.PublishedOffset, want)
	}
}

func TestTitleOverItsSection(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to main content\n"+
		"The Harbour Morning Times\n"+
		"Harbour\n"+
		"Dredging to start in June\n"+
		"By Jane Roe\n"+
		"June 3, 2021\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Jane Roe is the transport reporter for The Harbour Morning Times.\n")
	if a.Source != "The Harbour Morning Times" {
		t.Errorf("Source = %q, want the title, not its section", a.Source)
	}
}

func TestBlurbAfterSubscriptionBox(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Sign up for our newsletters\n"+
		"Get the best of the Harbour Times delivered to your inbox\n"+
		"Sign up\n"+
		"Stay ahead with our exclusives on the coast; the busiest harbour in the region.\n"+
		"Subscribe now\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
	if !pageNames("Subscribe to read Harbour Times", "Harbour Times") || !pageNames("Get the best of Harbour Times delivered", "Harbour Times") {
		t.Errorf("a subscription prompt does not name the page's publisher")
	}
}

func TestAuthorProfileIsNoArticle(t *testing.T) {
	t.Parallel()
	page := " date 2021-06-03 Skip to main content\n" +
		"Harbour Times\n" +
		"News\n\n" +
		"Jane Roe\n" +
		"Transport Correspondent\n" +
		"Jane Roe is the Harbour Times's transport correspondent, covering the ferries, the port and the coast road.\n" +
		"Follow\n" +
		"@janeroe\n\n" +
		"Latest from Jane Roe\n\n" +
		"Ferry fares to rise in July as fuel costs bite\n" +
		"The operator says fuel costs leave it no choice but to raise fares.\n" +
		"2 June 2021\n\n" +
		"Coast road to close for three weeks of repairs\n" +
		"Works will last three weeks from Monday, the council says.\n" +
		"1 June 2021\n\n" +
		"Harbour dredging to start in June after delays\n" +
		"The port authority says the inner basin will be closed to yachts.\n" +
		"28 May 2021\n\n" +
		"Load more\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("err = %v, want ErrNoArticle for a profile", err)
	}
	x := extraction{
		lines: []line{{text: "Jane Roe", kind: kindCrumb}, {text: "Jane Roe is the Harbour Times's transport correspondent, covering the ferries.", kind: kindText}},
		roles: []string{"", roleBody},
	}
	if err := x.check(); !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "profile") {
		t.Errorf("check = %v, want a profile", err)
	}
	x.lines[0].kind = kindByline
	if err := x.check(); err != nil {
		t.Errorf("check with the name as a byline = %v, want an article", err)
	}
	// A story about a person named in its headline is an article.
	a := parsePage(t, " date 2021-06-03 Skip to main content\n"+
		"Jane Roe named harbour master\n"+
		"By John Doe\n"+
		"June 3, 2021\n"+
		"Jane Roe is the new harbour master of Dover, the port authority said on Wednesday.\n")
	if a.Title != "Jane Roe named harbour master" {
		t.Errorf("Title = %q", a.Title)
	}
}

func TestVideoBlockInsideBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"WATCH | Dredgers arrive in the harbour:\n"+
		"Two dredgers and a tug reach the north quay\n"+
		"2 days ago\n"+
		"Duration 1:45\n"+
		"The port authority's dredgers arrived on Tuesday. Jane Roe reports.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Advertisement\n"+
		"What the works will cost\n"+
		"The authority puts the cost of the works at £4m, most of it paid by the harbour's users through higher berthing fees.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "berthing fees.", paragraphs: 4, excludes: []string{"WATCH", "tug", "reports."}})
	if !strings.Contains(a.Text, "What the works will cost") {
		t.Errorf("the subhead under an advertisement was dropped: %q", a.Text)
	}
}

func TestOutletInMetadataRow(t *testing.T) {
	if got := rowOutlet("Jane Roe · Harbour News · Posted: Jun 03, 2021 4:00 AM ET | Last Updated: June 3, 2021"); got != "Harbour News" {
		t.Errorf("rowOutlet = %q", got)
	}
	for _, s := range []string{"News · Harbour · Sport", "Jane Roe · Harbour News"} {
		if got := rowOutlet(s); got != "" {
			t.Errorf("rowOutlet(%q) = %q, want none", s, got)
		}
	}
}

func TestUKTime(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want time.Time
	}{
		{"Thursday 3 June 2021 10:22, UK", time.Date(2021, 6, 3, 9, 22, 0, 0, time.UTC)},
		{"Thursday 2 December 2021 10:22, UK", time.Date(2021, 12, 2, 10, 22, 0, 0, time.UTC)},
		{"Sunday 28 March 2021 10:22, UK", time.Date(2021, 3, 28, 9, 22, 0, 0, time.UTC)},
		{"Saturday 27 March 2021 10:22, UK", time.Date(2021, 3, 27, 10, 22, 0, 0, time.UTC)},
	} {
		if st, ok := parseDateLine(tt.s); !ok || !st.t.Equal(tt.want) {
			t.Errorf("parseDateLine(%q) = %v, %v; want %v", tt.s, st.t, ok, tt.want)
		}
	}
}

func TestSkyCaptionsAndQuestionTeasers(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Image: Dredgers at the north quay of the harbour on Tuesday. Pic: PA\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Read more:\n"+
		"Ferries: Who pays for the new berth?\n"+
		"Coast road to close for three weeks of repairs\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
	if !slices.Equal(a.Captions, []string{"Dredgers at the north quay of the harbour on Tuesday."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
}

func TestDWLayout(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to content\n"+
		"Harbour Wave\n"+
		"Germany\n"+
		"States agree on single ticket for harbour ferries\n"+
		"The coastal states have backed a flat-rate monthly pass. Ferry operators welcomed the deal.\n"+
		"Passengers board a ferry at the north quay in Kiel\n"+
		"Image: Jane Doe/dpa/picture alliance\n"+
		"Jane Roe | Tomás Ferreira\n"+
		"03.06.2021\n"+
		"The coastal states agreed on Thursday to introduce a single monthly pass for all harbour ferries from next year.\n"+
		"Who pays?\n"+
		"The states will share the cost of the pass, estimated at €300 million a year, with the federal government.\n"+
		"Related topics\n"+
		"Ferry operators face record compensation claims\n"+
		"Ferry operators face record compensation claims\n"+
		"28.05.2021\n")
	if a.Title != "States agree on single ticket for harbour ferries" || !slices.Equal(a.Authors, []string{"Jane Roe", "Tomás Ferreira"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	if !slices.Equal(a.Captions, []string{"Passengers board a ferry at the north quay in Kiel"}) {
		t.Errorf("Captions = %q, want the lead picture's only", a.Captions)
	}
	checkText(t, a.Text, want{textStart: "The coastal states", textEnd: "federal government.", paragraphs: 3})
}

func TestReviewLayout(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to main content\n"+
		"Harbour Screen\n"+
		"Film Review: ‘The Quay’ Is a Quiet Film About a Loud Harbour\n"+
		"Two dockers and a crane driver spend one long night waiting for a ship that never comes.\n"+
		"Jane Roe\n"+
		"Plus Icon\n"+
		"Jane Roe\n"+
		"Chief Film Critic\n"+
		"June 2, 2021 9:00pm PT\n"+
		"There is a moment, about halfway through the film, when the crane stops and the whole harbour seems to hold its breath; nobody on the quay says a word.\n"+
		"The director has made a film that refuses most of the things harbour films are supposed to do, and it is better for it.\n"+
		"Reviewed at the Harbour Film Festival, June 1, 2021. Running time: 98 MIN.\n"+
		"Production: A Quayside Films release. Producers: John Doe, Mary Major. Executive producer: Sam Poe.\n"+
		"Crew: Director: Ann Lee. Camera: Bo Chan. Editor: Al Ray.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q, want the critic once", a.Authors)
	}
	checkText(t, a.Text, want{textStart: "There is a moment", textEnd: "better for it.", paragraphs: 2})
	// A labelled paragraph alone closing a story is the story's.
	b := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"What's next: The authority will publish the timetable for the works on Friday, along with the new berths.\n")
	checkText(t, b.Text, want{textStart: "Dredging", textEnd: "new berths.", paragraphs: 2})
}

func TestDataPageIsNoArticle(t *testing.T) {
	t.Parallel()
	page := " date 2021-06-03 Markets\n" +
		"Harbour Index Overview\n" +
		"Last Updated: Jun 3, 2021 11:48 a.m. EDT\n" +
		"Harbour 100 4,187.42 -20.70 -0.49%\n" +
		"Harbour 250 13,641.18 -115.15 -0.84%\n" +
		"Ports Index 2,270.06 -12.41 -0.54%\n" +
		"Gold 1,871.30 -37.60 -1.97%\n" +
		"Crude Oil 69.22 +0.39 +0.57%\n" +
		"EUR/USD 1.2131 -0.0078 -0.64%\n" +
		"ZMRC 41.82 +6.11 +17.11%\n" +
		"HLTN 12.04 +1.38 +12.95%\n" +
		"Data provided by Harbour Data. Quotes delayed at least 15 minutes.\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "data page") {
		t.Errorf("err = %v, want a data page", err)
	}
}

// Rules from the held-out batch 030-043.

func TestCopyrightWithYearEndsBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to content\n"+
		"Harbour dredging to start in June\n"+
		"By Jane Roe, Staff Writer\n"+
		"June 3, 2021 5 AM PT\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Copyright © 2021, Harbour Times\n"+
		"More to Read\n"+
		"Ferry fares to rise in July as fuel costs bite\n"+
		"May 28, 2021\n"+
		"Coast road to close for three weeks of repairs\n"+
		"May 10, 2021\n"+
		"You may occasionally receive promotional content from the Harbour Times.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
	if want := time.Date(2021, 6, 3, 12, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v (5 AM PT)", a.Published, want)
	}
}

func TestEuronewsLayout(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to main content\n"+
		"Harbournews\n"+
		"Europe\n"+
		"Europe News\n"+
		"Lisbon to freeze new berth licences in its harbour\n"+
		"City hall says the two-year moratorium will return berths to fishermen\n"+
		"By Léa Fontaine  with AP • Updated: 03/06/2021 - 14:22\n"+
		"Share this article\n"+
		"Comments\n"+
		"Fishermen mend nets on the quay, which has the most leisure berths in Lisbon. - Copyright  AP Photo/Jane Doe\n"+
		"Lisbon city council on Thursday approved a two-year freeze on new licences for leisure berths in the harbour.\n"+
		"The freeze will return about 300 berths to the fishing fleet, the deputy mayor said.\n"+
		"Copyright © harbournews 2021\n")
	if !slices.Equal(a.Authors, []string{"Léa Fontaine"}) || a.Source != "Harbournews" {
		t.Errorf("Authors = %q, Source = %q", a.Authors, a.Source)
	}
	if !slices.Equal(a.Captions, []string{"Fishermen mend nets on the quay, which has the most leisure berths in Lisbon."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
}

func TestMenuListAboveHeadline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour Times\n"+
		"Home\n"+
		"Latest News\n"+
		"India\n"+
		"World\n"+
		"Cities\n"+
		"Harbour dredging to start in June, first berths to close next week\n"+
		"The port authority said the inner basin will close to yachts while two dredgers work\n"+
		"By HT Correspondent, Dover\n"+
		"UPDATED ON JUN 03, 2021 05:42 PM IST\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	if a.Title != "Harbour dredging to start in June, first berths to close next week" || a.Summary == "" {
		t.Errorf("Title = %q, Summary = %q", a.Title, a.Summary)
	}
}

func TestKeyPointsRestatedBelow(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour Insider logo\n"+
		"Harbour dredging to start in June as berth fees rise\n"+
		"Jane Roe\n"+
		"Senior Reporter\n"+
		"Jun 3, 2021, 5:14 AM\n"+
		"Berth fees at the harbour rose 7.8% this year, the port authority says.\n"+
		"Two dredgers will work in the inner basin for six weeks.\n"+
		"Visit Harbour Insider's homepage for more stories.\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, with two dredgers working in the basin, the port authority said.\n"+
		"The authority also said berth fees rose 7.8% this year, the steepest increase since the harbour reopened.\n"+
		"Read the original article on Harbour Insider\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "reopened.", paragraphs: 2})
	if a.Source != "Harbour Insider" {
		t.Errorf("Source = %q, want the logo's name", a.Source)
	}
	// Short opening paragraphs the story goes on from are the story's.
	b := parsePage(t, harbourHeader+
		"Police arrested two men at the harbour on Monday.\n"+
		"The men were charged with theft of diesel from fishing boats.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	checkText(t, b.Text, want{textStart: "Police", textEnd: "the works.", paragraphs: 3})
}

func TestSponsorTemplate(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour Public Radio\n"+
		"Support for Harbour Public Radio comes from Dover Marine Supplies, open seven days a week.\n"+
		"Harbour dredging to start in June\n"+
		"By Jane Roe • Jun 3, 2021\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Support for Harbour Public Radio comes from the Harbour Credit Union.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Support for Harbour Public Radio comes from the Coast Botanical Garden.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2, excludes: []string{"Support for"}})
}

func TestEventsCalendarIsNoArticle(t *testing.T) {
	t.Parallel()
	page := " date 2021-06-03 Things To Do\n" +
		"Harbour Times\n" +
		"Events Calendar\n" +
		"Thu, Jun 3\n" +
		"Sunset Concert: The Quay Band\n" +
		"6:30 PM – 8:30 PM\n" +
		"Harbour Bandstand, 1 Quay Road\n" +
		"Free. Bring a blanket or a chair; food stalls on the quay.\n" +
		"Add to calendar\n" +
		"Fri, Jun 4\n" +
		"Night Market\n" +
		"7:00 PM – 11:00 PM\n" +
		"Add to calendar\n" +
		"Sat, Jun 5\n" +
		"Sunrise Bird Walk on the Breakwater\n" +
		"6:00 AM – 8:00 AM\n" +
		"Add to calendar\n" +
		"Sun, Jun 6\n" +
		"Makers Fair: Local Artists and Vintage Vendors\n" +
		"4:00 PM – 9:00 PM\n" +
		"Add to calendar\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "schedule") {
		t.Errorf("err = %v, want a schedule", err)
	}
}

func TestTelegraphAndEconomistForms(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 News\n"+
		"The Harbour Review\n"+
		"Harbour dredging to start in June\n"+
		"By Jane Roe, Political Editor\n"+
		"3 June 2021 • 10:22pm\n"+
		"Dredgers moored at the north quay ahead of the works Credit: John Doe/PA\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Subscribe to The Harbour Review today\n"+
		"Copyright © The Harbour Review Newspaper Limited 2021. All rights reserved.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Source != "The Harbour Review" {
		t.Errorf("Authors = %q, Source = %q", a.Authors, a.Source)
	}
	if !slices.Equal(a.Captions, []string{"Dredgers moored at the north quay ahead of the works"}) {
		t.Errorf("Captions = %q", a.Captions)
	}
}

func TestNameCommaOutletForms(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 MULTIMEDIA\n"+
		"NEWS\n"+
		"HARBOUR PATROL\n"+
		"Harbour News\n"+
		"News\n"+
		"Port: Dredging to start in June in the inner harbour next week\n"+
		"Jane Roe, Harbour News\n"+
		"Posted at Jun 03 2021 05:14 PM\n"+
		"Dredgers wait at the north quay on June 1, 2021. John Doe, Harbour News\n"+
		"DOVER — Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Egypt\n"+
		"Ports\n"+
		"Dredging\n"+
		"Harbour News propels independent and unrivalled coverage of the coast; republish our stories under our licence.\n")
	if a.Title != "Port: Dredging to start in June in the inner harbour next week" || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	if !slices.Equal(a.Captions, []string{"Dredgers wait at the north quay on June 1, 2021."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
	checkText(t, a.Text, want{textStart: "DOVER", textEnd: "the works.", paragraphs: 2})
}

func TestEditionAndLegalForm(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 The Harbour Germany\n"+
		"Join The Harbour\n"+
		"Harbour dredging to start in June\n"+
		"Published: 3 June 2021 14:22 CEST\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"© Copyright The Harbour Europe AB\n")
	if a.Source != "The Harbour" {
		t.Errorf("Source = %q, want the publication without its edition and legal form", a.Source)
	}
}

func TestEmbeddedPostAndRelativeDateByline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour Blog\n"+
		"Tech\n"+
		"A Smart Buoy Update Locked Skippers Out of Their Own Weather Data\n"+
		"The maker says a bug in its firmware is to blame, and a fix is coming.\n"+
		"Jane Roe\n"+
		"Published 2 hours ago\n"+
		"Skippers in Dover found on Wednesday that their buoys asked them to subscribe before showing the wind speed.\n"+
		"My buoy is now asking me to subscribe to the wind. I would like to speak to whoever approved this. pic.twitter.com/xQ4vR7\n"+
		"— John Doe (@johndoe) June 2, 2021\n"+
		"The maker said in a statement that the error was caused by a bug and that nobody would be asked to pay.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q", a.Authors)
	}
	checkText(t, a.Text, want{textStart: "Skippers", textEnd: "asked to pay.", paragraphs: 2, excludes: []string{"pic.twitter", "@johndoe"}})
}

// Rules from the held-out batch 050-063.

func TestGuardianAndReviewSubheads(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour Weekly\n"+
		"Harbour dredging to start in June\n"+
		"The authority says the inner basin will close to yachts\n"+
		"Jane Roe Environment correspondent\n"+
		"@janeroe\n"+
		"Thu 3 Jun 2021 05.14 BST\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Sign up to receive an email with the top stories from the Harbour Weekly\n"+
		"Exemptions under scrutiny\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works, if you own one.\n"+
		"The authority said the exemptions granted to the ferry company would be reviewed before the works begin.\n"+
		"Should you worry?\n"+
		"If you keep a boat in the basin, you will get a letter from the authority with a new berth before the works begin.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q", a.Authors)
	}
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "works begin.", paragraphs: 6})
}

func TestAhramLayout(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour Online\n"+
		"Thursday, 03 June 2021\n"+
		"Home\n"+
		"Egypt\n"+
		"Arts & Culture\n"+
		"Sports\n"+
		"Egypt > Ports\n"+
		"Dover to open three new berths on the north quay by the end of 2021\n"+
		"Harbour Online , Thursday 3 Jun 2021\n"+
		"Views: 1,148\n"+
		"File photo of the north quay (Photo: Harbour)\n"+
		"The berths will add room for 40 fishing boats a day, the port authority said on Thursday\n"+
		"Each berth will cost about £2 million and take a year to build, the authority said in a statement.\n"+
		"Work will start in July, once the dredging of the inner harbour is finished.\n")
	if a.Title != "Dover to open three new berths on the north quay by the end of 2021" || a.Summary != "The berths will add room for 40 fishing boats a day, the port authority said on Thursday" {
		t.Errorf("Title = %q, Summary = %q", a.Title, a.Summary)
	}
	checkText(t, a.Text, want{textStart: "Each berth", textEnd: "is finished.", paragraphs: 2})
}

func TestJakartaPostLayout(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 The Harbour Post\n"+
		"Premium\n"+
		"Dredging boom strains the harbour's power grid\n"+
		"Rapid growth of dredging has outpaced the expansion of the grid, leaving nearby towns with rolling blackouts.\n"+
		"Jane Roe (The Harbour Post)\n"+
		"Dover ● Thu, June 3, 2021\n"+
		"Share this article\n"+
		"Change Size\n"+
		"Residents of Dover have had rolling blackouts every evening since the dredgers began work on Monday.\n"+
		"The port authority said the grid would be upgraded by the end of the year.\n"+
		"© 2021 PT Harbour Media Tenggara\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Source != "The Harbour Post" {
		t.Errorf("Authors = %q, Source = %q", a.Authors, a.Source)
	}
	if want := time.Date(2021, 6, 3, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v", a.Published)
	}
}

func TestLongBioUnderAuthorBox(t *testing.T) {
	t.Parallel()
	bio := "Jane Roe is an investigative reporter at the Harbour Times focusing on the port, the ferries and the coast road, and on how the authority spends the money it raises from berth fees; before joining she worked for ten years at a regional paper in the north, where she covered local government and the courts."
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Follow the Harbour Times on Twitter\n"+
		"Jane Roe\n"+
		"Follow\n"+
		bio+"\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
}

func TestUSATodayLayout(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to main content\n"+
		"HEALTH\n"+
		"Harbour clinics are closing their night wards. Some sailors now wait until morning.\n"+
		"Jane Roe\n"+
		"HARBOUR TODAY\n"+
		"Published 5:14 a.m. ET June 3, 2021 | Updated 9:40 a.m. ET June 3, 2021\n"+
		"Show Caption\n"+
		"Hide Caption\n"+
		"A nurse checks on a patient at the harbour clinic in Dover on May 26, 2021. Jane Doe, HARBOUR TODAY\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"The shuttered night ward of the north quay clinic in Dover. Getty Images\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	if a.Title != "Harbour clinics are closing their night wards. Some sailors now wait until morning." || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	if len(a.Captions) != 2 || a.Captions[1] != "The shuttered night ward of the north quay clinic in Dover." {
		t.Errorf("Captions = %q", a.Captions)
	}
}

func TestVoxLayout(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour homepage\n"+
		"Give\n"+
		"Give\n"+
		"Explainers\n"+
		"Why your berth fee is about to go up, explained\n"+
		"Harbours across the country are running out of time to replace their quays.\n"+
		"By Jane Roe@janeroe Jun 3, 2021, 7:00am EDT\n"+
		"Share this story\n"+
		"Harbour authorities have put off repairs to their quays for decades, and now the bill is coming due for everyone who keeps a boat.\n"+
		"Engineers expect a well-built quay to last between 75 and 100 years, and many are far older than that now.\n"+
		"Will you support Harbour's explanatory journalism?\n"+
		"Millions turn to Harbour to understand what is happening on the coast. Our mission has never been more vital than it is in this moment.\n"+
		"One-Time\n"+
		"Monthly\n"+
		"$95/year\n"+
		"$120/year\n"+
		"Other\n"+
		"Yes, I'll give $120/year\n"+
		"Who ends up paying\n"+
		"Because harbours are mostly funded by fees, the cost of new quays lands on the people who keep boats there.\n"+
		"Federal money has helped at the margins, but the amounts involved are small compared with the repairs needed.\n"+
		"None of that will stop fees from rising, though it may decide who pays the most.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Source != "Harbour" {
		t.Errorf("Authors = %q, Source = %q", a.Authors, a.Source)
	}
	checkText(t, a.Text, want{textStart: "Harbour authorities", textEnd: "pays the most.", paragraphs: 5, excludes: []string{"support", "$", "Millions turn to Harbour"}})
}

func TestLocalTVAndWireCredits(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 78°\n"+
		"Dover, KT\n"+
		"KHAR\n"+
		"News\n"+
		"Weather\n"+
		"Menu\n"+
		"Dover council votes to cap harbour speeds at 5 knots\n"+
		"by Jane Roe\n"+
		"Thu, June 3rd 2021, 5:14 PM CDT\n"+
		"Loading ...\n"+
		"A row of rental boats moored along the north quay in Dover. (KHAR)\n"+
		"DOVER (KHAR) — Boats in the inner harbour will be held to 5 knots under a rule the council passed on Thursday.\n"+
		"The new rule requires the operators to fit speed limiters by August, the council said.\n"+
		"WATCH | Councilors debate harbour rules:\n"+
		"Dover councilors debate harbour speed limits\n"+
		"Loading ...\n"+
		"\"Nobody is trying to ban boats from the harbour,\" said councilor Ann Lee, who sponsored the rule.\n"+
		"Ferries wait at the east berth on Tuesday. / Yonhap\n"+
		"Two councilors voted against the rule, saying the limit was too low for the ferries.\n")
	if a.Source == "78°" {
		t.Errorf("Source = %q, a weather widget", a.Source)
	}
	if !slices.Equal(a.Captions, []string{"A row of rental boats moored along the north quay in Dover.", "Ferries wait at the east berth on Tuesday."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
	checkText(t, a.Text, want{textStart: "DOVER", textEnd: "for the ferries.", paragraphs: 4, excludes: []string{"WATCH", "debate"}})
}

// Rules from the held-out batch 070-083.

func TestHillAndMalayMailForms(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Skip to content\n"+
		"The Harbour\n"+
		"Opinion > Ports\n"+
		"Harbour clinics cannot survive on telehealth promises alone\n"+
		"BY JANE ROE, OPINION CONTRIBUTOR - 06/03/21 05:14 PM EDT\n"+
		"The views expressed by contributors are their own and not the view of The Harbour\n"+
		"© Getty Images\n"+
		"When the pandemic closed waiting rooms, the harbour's clinics learned to see sailors through a screen almost overnight.\n"+
		"Congress rewarded that effort by paying for video visits, but that money runs out at the end of the year.\n")
	if a.Title != "Harbour clinics cannot survive on telehealth promises alone" || !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Source != "The Harbour" || len(a.Captions) != 0 {
		t.Errorf("Title = %q, Authors = %q, Source = %q, Captions = %q", a.Title, a.Authors, a.Source, a.Captions)
	}
	st, ok := parseDateLine("Published 3 hours ago on 03 June 2021")
	if want := time.Date(2021, 6, 3, 0, 0, 0, 0, time.UTC); !ok || !st.t.Equal(want) {
		t.Errorf("parseDateLine = %v, %v", st.t, ok)
	}
	if c, ok := captionWithCredit("Commuters board a bus at the Weld Quay terminal on June 2, 2021. — Picture by Jane Doe"); !ok || c != "Commuters board a bus at the Weld Quay terminal on June 2, 2021." {
		t.Errorf("captionWithCredit = %q, %v", c, ok)
	}
}

func TestBuzzFeedAndIrishForms(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour News Home\n"+
		"Irish News\n"+
		"Harbour Lawmakers Quietly Approved A Plan To Sell Off Three Quays\n"+
		"The deal was added to a budget bill in the final hours of the session.\n"+
		"Jane Roe\n"+
		"Harbour News Reporter\n"+
		"Posted on June 3, 2021, at 5:14 p.m. ET\n"+
		"Harbour lawmakers approved a plan to sell three small quays to private developers in the last hours of the session.\n"+
		"Conservation groups say they plan to sue to stop the sale before the end of the year.\n"+
		"More on this\n"+
		"Quay sale draws protest\n"+
		"John Doe · April 12, 2021\n")
	if a.Source != "Harbour News" {
		t.Errorf("Source = %q", a.Source)
	}
	if want := time.Date(2021, 6, 3, 21, 14, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v: the header's date, not a teaser's", a.Published, want)
	}
}

func TestSiblingImperativeSubheads(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Last summer I spent eleven weeks on the harbour walls counting barnacles, and I made most of the mistakes a first field season can hold.\n"+
		"Decide your sampling rules before you see the site\n"+
		"On my first morning I placed quadrats wherever the barnacles looked thickest, which made my counts useless for comparing sites.\n"+
		"Talk to the people who use the harbour\n"+
		"The most useful thing I learned all summer came from a fisherman who told me a storm had scoured one of my sites two winters earlier.\n"+
		"Keep a log of anything you skip and why\n"+
		"Some days the tide did not go out far enough, so now I write down every skipped quadrat with a reason.\n")
	checkText(t, a.Text, want{textStart: "Last summer", textEnd: "with a reason.", paragraphs: 7})
}

func TestOffersPageIsNoArticle(t *testing.T) {
	t.Parallel()
	page := " date 2021-06-03 Skip to main content\n" +
		"The Harbour Times\n" +
		"Get unlimited access to The Harbour Times\n" +
		"Local journalism you can trust, on any device. Cancel anytime.\n" +
		"Digital Basic\n" +
		"$1 for 6 months\n" +
		"Then $9.99/month. Billed monthly.\n" +
		"Start now\n" +
		"Digital Premium\n" +
		"Then $119/year. Billed annually.\n" +
		"Start now\n" +
		"Print + Digital\n" +
		"$4.99/week for 12 weeks\n" +
		"Frequently asked questions\n" +
		"Can I cancel at any time?\n" +
		"Yes. You can cancel your subscription online or by calling customer service, and your access continues until the end of your billing period.\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), "offers") {
		t.Errorf("err = %v, want an offers page", err)
	}
}

func TestFoxAndTradeForms(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 HARBOUR Business\n"+
		"Markets\n"+
		"Economy\n"+
		"MARKETS\n"+
		"Published June 3, 2021 5:14pm EDT\n"+
		"Ferry maker Harbourline soars after surprise profit, while rival sinks\n"+
		"Harbourline posted its first quarterly profit as passengers returned after lockdowns\n"+
		"By Jane Roe HARBOURBusiness\n"+
		"Shares of ferry maker Harbourline jumped 18% on Thursday after the company reported its first quarterly profit.\n"+
		"Ticker Security Last Change Change %\n"+
		"HRBL HARBOURLINE INC. 23.41 +3.62 +18.29%\n"+
		"Rival Quayside Holdings moved the other way, falling 6% after it cut its forecast for the year.\n"+
		"CLICK HERE TO READ MORE ON HARBOUR BUSINESS\n"+
		"Quotes displayed in real-time or delayed by at least 15 minutes. Market data provided by Factset.\n")
	if a.Title != "Ferry maker Harbourline soars after surprise profit, while rival sinks" || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	checkText(t, a.Text, want{textStart: "Shares", textEnd: "for the year.", paragraphs: 2})
	if got, ok := splitNames("Jane Roe, Senior Editor, Europe"); !ok || !slices.Equal(got, []string{"Jane Roe"}) {
		t.Errorf("splitNames = %q, %v", got, ok)
	}
	if got, ok := splitNames("Ronald McDonald"); !ok || !slices.Equal(got, []string{"Ronald McDonald"}) {
		t.Errorf("splitNames = %q, %v", got, ok)
	}
}

// Rules from the held-out batch 084-097.

func TestMoreCaptionForms(t *testing.T) {
	for _, tt := range []struct{ s, want string }{
		{"Nathan Road, Mong Kok. File photo: GovHK.", "Nathan Road, Mong Kok."},
		{"Seagrass at a survey site. Credit: Hallett et al., Global Change Biology (2021). DOI: 10.1111/gcb.15703", "Seagrass at a survey site."},
		{"Deputies vote in the Congress in Madrid on Thursday. CLAUDIO ÁLVAREZ", "Deputies vote in the Congress in Madrid on Thursday."},
		{"Aluminum ingots at a plant in the Irkutsk region. Sibirsky Metall Press Service", "Aluminum ingots at a plant in the Irkutsk region."},
	} {
		if c, ok := captionWithCredit(tt.s); !ok || c != tt.want {
			t.Errorf("captionWithCredit(%q) = %q, %v", tt.s, c, ok)
		}
	}
	if !isTrailingCredit("Image Credit: Supplied") {
		t.Error("Image Credit: Supplied is no credit")
	}
	for _, s := range []string{"Rendering of the planned storage facility on the north quay.", "Officials inspecting a bakery in Agege, Lagos."} {
		if !verblessCaption(s) {
			t.Errorf("verblessCaption(%q) = false", s)
		}
	}
	for _, s := range []string{"Officials are inspecting bakeries across Lagos.", "The council closed 14 bakeries in Agege."} {
		if verblessCaption(s) {
			t.Errorf("verblessCaption(%q) = true", s)
		}
	}
}

func TestCaptionOverAgencyAndTimeLine(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour\n"+
		"Harbour shuts 14 bakeries over unsanitary conditions\n"+
		"By Jane Roe\n"+
		"On 6:42 am\n"+
		"June 3, 2021\n"+
		"Kindly Share This Story:\n"+
		"Officials inspecting a bakery on the north quay.\n"+
		"The harbour authority shut 14 bakeries on Wednesday after inspectors found rats in their stores.\n"+
		"Residents gather on the quay after the closures.\n"+
		"AP\n"+
		"The bakeries may reopen once they pass a second inspection, the authority said.\n"+
		"This report by The Harbour Press was first published June 3, 2021.\n"+
		"Comments expressed here do not reflect the opinions of the Harbour newspapers.\n")
	if want := time.Date(2021, 6, 3, 6, 42, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", a.Published, want)
	}
	if !slices.Equal(a.Captions, []string{"Officials inspecting a bakery on the north quay.", "Residents gather on the quay after the closures."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
	checkText(t, a.Text, want{textStart: "The harbour authority", textEnd: "the authority said.", paragraphs: 2})
}

func TestHolderHouseAndFollowPrompt(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Suscríbete\n"+
		"EL PUERTO\n"+
		"English\n"+
		"Harbour to open three new berths by September\n"+
		"Jane Roe | Madrid\n"+
		"Jun 03, 2021 - 17:24 CEST\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"© EDICIONES EL PUERTO S.L.\n")
	if a.Source != "EL PUERTO" {
		t.Errorf("Source = %q", a.Source)
	}
	b := parsePage(t, " date 2021-06-03 Skip to content\n"+
		"Harbour\n"+
		"Harbour dredging to start in June\n"+
		"By Jane Roe\n"+
		"Published: June 03, 2021 17:24\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Follow Harbour News on Google News\n")
	if b.Source != "Harbour News" {
		t.Errorf("Source = %q", b.Source)
	}
}

func TestCorporateRoleInByline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Newsroom\n"+
		"Press Releases\n"+
		"Harbourline to build a 120 MW battery at the north quay\n"+
		"June 3, 2021\n"+
		"By Jane Roe, Vice President of Project Development\n"+
		"Share\n"+
		"Rendering of the planned battery on the north quay.\n"+
		"Harbourline said on Thursday it would build a 120-megawatt battery on the north quay, its largest yet.\n"+
		"Construction will start in the autumn and take about a year, the company said.\n")
	if a.Title != "Harbourline to build a 120 MW battery at the north quay" || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	if !slices.Equal(a.Captions, []string{"Rendering of the planned battery on the north quay."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
}

// Rules from the held-out batch 130-143.

func TestSecondsStaffAndSlashRows(t *testing.T) {
	st, ok := parseDateLine("Updated: June 3, 2021 5:14:22 pm")
	if want := time.Date(2021, 6, 3, 17, 14, 22, 0, time.UTC); !ok || !st.t.Equal(want) {
		t.Errorf("parseDateLine = %v, %v; want %v", st.t, ok, want)
	}
	for s, want := range map[string][]string{
		"By Jane Roe Globe Staff, Updated June 3, 2021, 5:14 p.m.": {"Jane Roe"},
		"By: Jane Roe - Reporter / @janeroe":                       {"Jane Roe"},
		"Written by Jane Roe | New Delhi |":                        {"Jane Roe"},
	} {
		if got, ok := parseByline(s); !ok || !slices.Equal(got, want) {
			t.Errorf("parseByline(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	if st, ok := parseDateLine("Harbour Daily Inquirer / 05:14 AM June 03, 2021"); !ok || !st.t.Equal(time.Date(2021, 6, 3, 5, 14, 0, 0, time.UTC)) {
		t.Errorf("a slashed row: %v, %v", st.t, ok)
	}
	if c, ok := captionWithCredit("DIGGING IN Workers at the quay site on Wednesday. —JOHN C. DOE"); !ok || c != "DIGGING IN Workers at the quay site on Wednesday." {
		t.Errorf("captionWithCredit = %q, %v", c, ok)
	}
}

func TestPlaceSectionAndPvtHolder(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 The Harbour Express\n"+
		"Hong Kong\n"+
		"India\n"+
		"Hong Kong\n"+
		"Harbour dredging to start in June\n"+
		"By Jane Roe\n"+
		"June 3, 2021\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"© 2021 The Harbour Express Pvt Ltd\n")
	if a.Source != "The Harbour Express" {
		t.Errorf("Source = %q", a.Source)
	}
}

func TestDirectoryAndDatedListAreNoArticles(t *testing.T) {
	t.Parallel()
	directory := " date 2021-06-03 Harbour Times\n" +
		"Newsletters\n" +
		"Today's Headlines\n" +
		"Start your day with the stories everyone on the coast is talking about.\n" +
		"Daily\n" +
		"Sign up\n" +
		"Ferry Watch\n" +
		"Every change to the timetable, the day it is announced.\n" +
		"Weekly\n" +
		"Sign up\n" +
		"Harbour Food\n" +
		"Where to eat on the quay, and what to order when you get there.\n" +
		"Weekly\n" +
		"Sign up\n" +
		"Tide Tables\n" +
		"High and low water for the week ahead, every Monday morning.\n" +
		"Weekly\n" +
		"Sign up\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(directory)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("directory: err = %v, want ErrNoArticle", err)
	}
	corrections := " date 2021-06-03 Harbour Times\n" +
		"Corrections and clarifications\n" +
		"The Harbour Times is committed to accuracy. When we make a mistake, we correct it here.\n" +
		"June 3, 2021\n" +
		"A story on Wednesday about the ferry timetable gave the wrong time for the first sailing; it leaves at 6:40 a.m.\n" +
		"June 2, 2021\n" +
		"A caption on Tuesday misidentified the harbour master. She is Jane Roe, not Jane Doe, the authority said.\n" +
		"June 1, 2021\n" +
		"An article on Monday about the dredging misstated its cost. The works will cost £4 million, not £40 million.\n" +
		"May 31, 2021\n" +
		"A headline on Sunday misspelled the name of the north quay's new café, which is called The Galley.\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(corrections)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("corrections: err = %v, want ErrNoArticle", err)
	}
}

func TestReachHeader(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Harbour Evening News\n"+
		"650 homes at derelict harbour mill approved despite hundreds of objections\n"+
		"Neighbours say the road into the site is already gridlocked at rush hour\n"+
		"Bookmark\n"+
		"Share\n"+
		"Comments\n"+
		"News\n"+
		"By\n"+
		"Jane Roe Senior Reporter\n"+
		"17:14, 3 JUN 2021\n"+
		"Updated 18:02, 3 JUN 2021\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	if a.Title != "650 homes at derelict harbour mill approved despite hundreds of objections" || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Title = %q, Authors = %q", a.Title, a.Authors)
	}
	if want := time.Date(2021, 6, 3, 17, 14, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v", a.Published)
	}
}

func TestSquareBracketSourceCredit(t *testing.T) {
	if c, ok := captionWithCredit("Fishermen mend nets on the north quay on Wednesday. [John Doe, Standard]"); !ok || c != "Fishermen mend nets on the north quay on Wednesday." {
		t.Errorf("captionWithCredit = %q, %v", c, ok)
	}
}

func TestRelatedLinksAndPrintEditionNote(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Related Links\n"+
		"Ferry fares to rise in July as fuel costs bite\n"+
		"Coast road to close for three weeks of repairs\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Published in the print edition of the June 7, 2021, issue, with the headline “Dredging Days.”\n"+
		"Jane Roe is a contributing writer at the Harbour Times, where she covers the coast.\n"+
		"The secret lives of lighthouse keepers.\n"+
		"What happens when a town votes to disappear?\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
}
