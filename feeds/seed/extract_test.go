package seed

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/normalize"
)

// want lists the fields a page test checks: Text by its start, end,
// paragraph count and strings it must not contain, the rest exactly (an
// empty want means the field must be empty).
type want struct {
	title, summary, source string
	authors, captions      []string
	published              time.Time
	textStart, textEnd     string
	excludes               []string
	paragraphs             int
}

func TestParsePages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		page string
		want want
	}{
		{
			name: "nav line, headline, standfirst, byline with and",
			page: " date 2022-03-01 The Daily Planet - Metropolis News World Business Sport Opinion Sport\n" +
				"World\n" +
				"Mayor opens new bridge over the river\n\n" +
				"The crossing took six years to build and cost far more than planned.\n" +
				"By Lois Lane and Jimmy Olsen\n" +
				"The mayor cut the ribbon on Tuesday morning in front of a large crowd.\n" +
				"Traffic is expected to ease across the city centre.\n",
			want: want{
				title:      "Mayor opens new bridge over the river",
				summary:    "The crossing took six years to build and cost far more than planned.",
				source:     "The Daily Planet",
				authors:    []string{"Lois Lane", "Jimmy Olsen"},
				published:  day(2022, 3, 1),
				textStart:  "The mayor cut the ribbon",
				textEnd:    "across the city centre.",
				excludes:   []string{"World", "Daily Planet", "By Lois"},
				paragraphs: 2,
			},
		},
		{
			name: "by A | Reuters and day-first date with zone: the agency only when no person is named",
			page: " date 2021-05-14 \n" +
				"Skip to main content\n" +
				"Gaza militants fire rockets as Israel strikes back\n" +
				"By Nidal al-Mughrabi | Reuters\n" +
				"Friday, 14 May 2021 19:18 GMT\n" +
				"GAZA, May 14 (Reuters) - Militants fired rockets at Israel on Friday.\n" +
				"Advertisement\n" +
				"Israel said its strikes targeted militant infrastructure.\n" +
				"Read more: Why the fighting flared\n" +
				"Related Articles\n" +
				"Another story entirely about something else.\n",
			want: want{
				title:      "Gaza militants fire rockets as Israel strikes back",
				authors:    []string{"Nidal al-Mughrabi"},
				published:  time.Date(2021, 5, 14, 19, 18, 0, 0, time.UTC),
				textStart:  "GAZA, May 14 (Reuters)",
				textEnd:    "targeted militant infrastructure.",
				excludes:   []string{"Advertisement", "Read more", "Related", "Another story", "Skip to"},
				paragraphs: 2,
			},
		},
		{
			name: "via AP news wire, local date with US zone",
			page: " date 2021-03-21 Stay up to date with notifications from The Independent\n" +
				"Notifications can be managed in browser preferences.\n" +
				"Storm knocks out power to thousands in Texas\n" +
				"Via AP news wire\n" +
				"Sunday 21 March 2021 14:04 EDT\n" +
				"A powerful storm knocked out power to thousands of homes on Sunday.\n" +
				"Share\n" +
				"Crews worked through the night to restore service.\n" +
				"Copyright 2021 The Associated Press. All rights reserved.\n",
			want: want{
				title:      "Storm knocks out power to thousands in Texas",
				source:     "The Independent",
				authors:    []string{"Associated Press"},
				published:  time.Date(2021, 3, 21, 18, 4, 0, 0, time.UTC),
				textStart:  "A powerful storm",
				textEnd:    "restore service.",
				excludes:   []string{"Share", "Copyright", "notifications"},
				paragraphs: 2,
			},
		},
		{
			name: "published and updated glued, first published wins",
			page: " date 2022-05-04 Opinion\n" +
				"Why the city needs more trees\n" +
				"By Jane Doe, John Roe\n" +
				"Published May 3, 2022Updated May 4, 2022\n" +
				"Trees cool streets and clean the air, research shows.\n" +
				"Newsletter\n" +
				"Sign up for our morning briefing newsletter\n" +
				"They also make neighbourhoods nicer places to live.\n",
			want: want{
				title:      "Why the city needs more trees",
				authors:    []string{"Jane Doe", "John Roe"},
				published:  day(2022, 5, 3),
				textStart:  "Trees cool streets",
				textEnd:    "nicer places to live.",
				excludes:   []string{"Published", "Sign up", "Newsletter"},
				paragraphs: 2,
			},
		},
		{
			name: "caption three times, CRLF and NBSP, ALL CAPS byline with particles",
			page: " date 2021-05-12 Jerusalem Gazette - Israel News ISRAEL NEWS WORLD NEWS Opinion\r\n" +
				"Israel and Hamas trade fire for a third day\r\n\r\n" +
				"The fighting is the worst since 2014, officials said.\r\n\r\n" +
				"By NIDAL AL-MUGHRABI, DANA BEN-DAVID, ANA MIKULIĆ, SEAN O'BRIEN \u00a0 \r\n" +
				"MAY 12, 2021 18:58\r\n" +
				"Smoke rises over Gaza City, May 12, 2021 (photo credit: REUTERS/MOHAMMED SALEM)\r\n" +
				"Smoke rises over Gaza City, May 12, 2021\r\n" +
				"(photo credit: REUTERS/MOHAMMED SALEM)\r\n" +
				"\u00a0 Rockets were fired from Gaza\u00a0overnight, the army said.\r\n" +
				"Sirens sounded in several towns in the south.\r\n\r\n",
			want: want{
				title:      "Israel and Hamas trade fire for a third day",
				summary:    "The fighting is the worst since 2014, officials said.",
				source:     "Jerusalem Gazette",
				authors:    []string{"Nidal al-Mughrabi", "Dana Ben-David", "Ana Mikulić", "Sean O'Brien"},
				captions:   []string{"Smoke rises over Gaza City, May 12, 2021"},
				published:  time.Date(2021, 5, 12, 18, 58, 0, 0, time.UTC),
				textStart:  "Rockets were fired from Gaza overnight, the army said.",
				textEnd:    "several towns in the south.",
				excludes:   []string{"\r", "\u00a0", "Smoke rises", "photo credit", "MAY 12"},
				paragraphs: 2,
			},
		},
		{
			name: "AP Photo credit, bracketed credit and glued Credit...",
			page: " date 2021-05-13 world\n" +
				"Crowds gather as leaders meet in Cairo\n" +
				"By Samy Magdy\n" +
				"12 May 2021\n" +
				"People wave flags in Tahrir Square on Tuesday. (AP Photo/Amr Nabil)\n" +
				"Egyptian officials hosted the talks at a palace in the capital.\n" +
				"Demonstrators gather outside the palace [Raneen Sawafta/Reuters]\n" +
				"Mediators said progress had been slow but steady.\n" +
				"The foreign minister speaks to reporters on Monday.Credit...Khaled Elfiqi\n" +
				"More talks are planned for next week.\n",
			want: want{
				title:   "Crowds gather as leaders meet in Cairo",
				authors: []string{"Samy Magdy"},
				captions: []string{
					"People wave flags in Tahrir Square on Tuesday.",
					"Demonstrators gather outside the palace",
					"The foreign minister speaks to reporters on Monday.",
				},
				published:  day(2021, 5, 12),
				textStart:  "Egyptian officials hosted",
				textEnd:    "planned for next week.",
				excludes:   []string{"AP Photo", "Raneen", "Credit", "Tahrir", "Demonstrators", "foreign minister"},
				paragraphs: 3,
			},
		},
		{
			name: "missing header, headline first, no meta",
			page: "Scientists find water on distant moon\n" +
				"Researchers using a space telescope found signs of water vapour on the moon.\n" +
				"The finding raises hopes that life could exist there.\n",
			want: want{
				title:      "Scientists find water on distant moon",
				textStart:  "Researchers using",
				textEnd:    "life could exist there.",
				paragraphs: 2,
			},
		},
		{
			name: "month-only capture date, body paragraph on line 1",
			page: " date 2021-01 The council voted on Monday to close the old library building.\n" +
				"Residents protested outside the town hall for several hours.\n",
			want: want{
				title:      "The council voted on Monday to close the old library building.",
				published:  day(2021, 1, 1),
				textStart:  "The council voted",
				textEnd:    "for several hours.",
				paragraphs: 2,
			},
		},
		{
			name: "byline split over lines, posted-by label and time before date",
			page: " date 2020-05-12 Clear\n" +
				"SEVERE WX : 2 Alerts View Alerts\n" +
				"Governors weigh how fast to reopen states\n" +
				"Posted By: By A Martínez,\n" +
				"Tim Mak\n" +
				"Updated 4:00 p.m. ET, May 12, 2020\n" +
				"(CNN) Governors across the country are weighing how quickly to reopen.\n" +
				"Some states have already lifted stay-at-home orders.\n",
			want: want{
				title:      "Governors weigh how fast to reopen states",
				authors:    []string{"A Martínez", "Tim Mak"},
				published:  time.Date(2020, 5, 12, 20, 0, 0, 0, time.UTC),
				textStart:  "(CNN) Governors",
				excludes:   []string{"Tim Mak", "Updated", "SEVERE"},
				paragraphs: 2,
			},
		},
		{
			name: "identical uncredited caption twice, headline twice",
			page: " date 2021-05-12 news\n" +
				"Rockets hit Tel Aviv for the first time in years\n" +
				"Rockets hit Tel Aviv for the first time in years\n" +
				"By Staff Writer\n" +
				"Israeli soldiers stand guard near the border fence\n" +
				"Israeli soldiers stand guard near the border fence\n" +
				"Air raid sirens wailed across Tel Aviv late on Tuesday night.\n" +
				"Residents rushed to shelters as interceptors streaked overhead.\n",
			want: want{
				title:      "Rockets hit Tel Aviv for the first time in years",
				captions:   []string{"Israeli soldiers stand guard near the border fence"},
				published:  day(2021, 5, 12),
				textStart:  "Air raid sirens",
				excludes:   []string{"Rockets hit", "soldiers stand", "Staff"},
				paragraphs: 2,
			},
		},
		{
			name: "future masthead date ignored, author label",
			page: " date 2021-09-29 Sunday, December 21, 2025\n" +
				"Pipeline deal signed after months of talks\n" +
				"Author of the article:\n" +
				"Jesse Snyder\n" +
				"Sep 29, 2021  •  6 minutes ago  •  < 1 minute read  •  Join the conversation\n" +
				"Article content\n" +
				"The federal government signed the pipeline deal on Wednesday.\n" +
				"Article content\n" +
				"Construction is expected to begin next spring.\n",
			want: want{
				title:      "Pipeline deal signed after months of talks",
				authors:    []string{"Jesse Snyder"},
				published:  day(2021, 9, 29),
				textStart:  "The federal government",
				textEnd:    "begin next spring.",
				excludes:   []string{"Article content", "Jesse", "minute read"},
				paragraphs: 2,
			},
		},
		{
			name: "masthead date, teaser list and newsletter before the article",
			page: " date 2021-05-11 Tuesday, May 11th | 1 Sivan 5781\n" +
				"Search\n" +
				"Get our newsletter for the latest news\n" +
				"Trending\n" +
				"Hamas fires rockets at Jerusalem\n" +
				"Markets slide on inflation fears\n" +
				"Israel launches strikes on Gaza after rocket barrage\n" +
				"avatar by JNS.org\n" +
				"Israel's military said it struck targets in Gaza on Monday night.\n" +
				"Email ThisBlogThis!Share to Twitter\n" +
				"The strikes followed rocket fire on Jerusalem.\n" +
				"No comments:\n" +
				"Great article, thanks for sharing it with us.\n",
			want: want{
				title:      "Israel launches strikes on Gaza after rocket barrage",
				authors:    []string{"Jewish News Syndicate"},
				published:  day(2021, 5, 11),
				textStart:  "Israel's military said",
				textEnd:    "rocket fire on Jerusalem.",
				excludes:   []string{"Markets", "Great article", "BlogThis", "Sivan"},
				paragraphs: 2,
			},
		},
		{
			name: "no headline, body from line 1, Reuters reporting line",
			page: " date 2021-05-12 JERUSALEM (Reuters) - Israel pounded Gaza with air strikes on Wednesday and militants fired rockets at Tel Aviv.\n" +
				"The violence is the worst in years.\n" +
				"(Reporting by Jane Doe; Editing by John Roe)\n" +
				"Our Standards: The Thomson Reuters Trust Principles.\n",
			want: want{
				title:      "JERUSALEM (Reuters) - Israel pounded Gaza with air strikes on Wednesday and militants fired rockets at Tel Aviv.",
				published:  day(2021, 5, 12),
				textStart:  "JERUSALEM (Reuters) - Israel pounded Gaza",
				textEnd:    "worst in years.",
				excludes:   []string{"Reporting by", "Standards"},
				paragraphs: 2,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse("100_0123456789abcdef.txt", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			w := tt.want
			if a.Title != w.title {
				t.Errorf("Title = %q, want %q", a.Title, w.title)
			}
			if a.Summary != w.summary {
				t.Errorf("Summary = %q, want %q", a.Summary, w.summary)
			}
			if a.Source != w.source {
				t.Errorf("Source = %q, want %q", a.Source, w.source)
			}
			if !slices.Equal(a.Authors, w.authors) {
				t.Errorf("Authors = %q, want %q", a.Authors, w.authors)
			}
			if !slices.Equal(a.Captions, w.captions) {
				t.Errorf("Captions = %q, want %q", a.Captions, w.captions)
			}
			if !a.Published.Equal(w.published) {
				t.Errorf("Published = %v, want %v", a.Published, w.published)
			}
			if a.GUID != "100_0123456789abcdef.txt" {
				t.Errorf("GUID = %q", a.GUID)
			}
			checkText(t, a.Text, w)
			if n := strings.Count(a.Content, "<p>"); n != w.paragraphs {
				t.Errorf("Content has %d paragraphs, want %d:\n%s", n, w.paragraphs, a.Content)
			}
		})
	}
}

// checkText checks the body text against a want.
func checkText(t *testing.T, text string, w want) {
	t.Helper()
	if !strings.HasPrefix(text, w.textStart) {
		t.Errorf("Text = %q, want prefix %q", text, w.textStart)
	}
	if !strings.HasSuffix(text, w.textEnd) {
		t.Errorf("Text = %q, want suffix %q", text, w.textEnd)
	}
	for _, s := range w.excludes {
		if strings.Contains(text, s) {
			t.Errorf("Text = %q, contains %q", text, s)
		}
	}
	if n := len(strings.Split(text, "\n\n")); text != "" && n != w.paragraphs {
		t.Errorf("Text has %d paragraphs, want %d: %q", n, w.paragraphs, text)
	}
}

// day returns midnight UTC of a date.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestAggregatorCardIsNotAByline(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-17 Open in App\n" +
		"School board approves budget for new year\n" +
		"Valley Daily Eagle\n" +
		"May 12, 2021\n" +
		"The school board on Monday approved a budget for the coming school year.\n"
	a := parsePage(t, page)
	if len(a.Authors) != 0 || a.Source != "Valley Daily Eagle" {
		t.Errorf("Authors = %q, Source = %q; want none and the publisher", a.Authors, a.Source)
	}
}

func TestShortTitleCaseHeadlineOverDate(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-12 Home | News | World | Sport\n" +
		"World\n" +
		"Biden Visits Israel\n" +
		"May 12, 2021\n" +
		"The president arrived in Tel Aviv on Wednesday for a two-day visit.\n"
	a := parsePage(t, page)
	if a.Title != "Biden Visits Israel" || len(a.Authors) != 0 {
		t.Errorf("Title = %q, Authors = %q; want the headline and no authors", a.Title, a.Authors)
	}
}

func TestBylineAboveHeadline(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-12 Home | News | World | Sport\n" +
		"By Jane Doe\n" +
		"May 12, 2021\n" +
		"Council votes to close the old library\n" +
		"The council voted on Monday to close the library at the end of the year.\n"
	a := parsePage(t, page)
	if a.Title != "Council votes to close the old library" || !slices.Equal(a.Authors, []string{"Jane Doe"}) {
		t.Errorf("Title = %q, Authors = %q; want the headline and Jane Doe", a.Title, a.Authors)
	}
}

// TestOutletUnderName checks Gannett's header, a reporter's name, then the
// outlet, then the date: the name is the byline and the outlet the
// publisher, whether the outlet is a masthead or a camel-case short name.
func TestOutletUnderName(t *testing.T) {
	t.Parallel()
	for _, outlet := range []string{"Indianapolis Star", "IndyStar"} {
		t.Run(outlet, func(t *testing.T) {
			t.Parallel()
			page := " date 2021-05-13 Skip to main content\n" +
				"NEWS\n" +
				"City council approves plan to repave east side streets\n" +
				"Kayla Dwyer\n" +
				outlet + "\n" +
				"Published 6:20 a.m. ET May 12, 2021\n" +
				"The council voted on Tuesday night to spend $12 million repaving streets on the east side.\n"
			a := parsePage(t, page)
			if !slices.Equal(a.Authors, []string{"Kayla Dwyer"}) {
				t.Errorf("Authors = %q, want [Kayla Dwyer]", a.Authors)
			}
			if a.Source != outlet {
				t.Errorf("Source = %q, want %q", a.Source, outlet)
			}
		})
	}
}

// TestBylineRow checks a CBC byline row, "Name · Outlet ·", over the date:
// the name is the author and the outlet the publisher.
func TestBylineRow(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-13 CBC\n" +
		"Ottawa\n" +
		"Ottawa council approves new bike lanes on Bank Street\n" +
		"City council voted 18-6 on Wednesday to add protected bike lanes to a stretch of Bank Street.\n" +
		"Jane Roberts · CBC News · \n" +
		"Posted: May 12, 2021 6:20 PM ET | Last Updated: May 13, 2021\n" +
		"Ottawa city council has approved protected bike lanes on Bank Street, despite objections from some business owners.\n" +
		"©2021 CBC/Radio-Canada. All rights reserved.\n"
	a := parsePage(t, page)
	if a.Title != "Ottawa council approves new bike lanes on Bank Street" || !slices.Equal(a.Authors, []string{"Jane Roberts"}) || a.Source != "CBC News" {
		t.Errorf("Title = %q, Authors = %q, Source = %q; want the headline, Jane Roberts, CBC News", a.Title, a.Authors, a.Source)
	}
}

// TestBylineAndDateOnOneRow checks The Hill's "BY NAME - 05/12/21 6:20 PM
// ET": the row is split into a byline and a date, the two-digit year read
// month first (the day-first reading is after the capture) in EDT.
func TestBylineAndDateOnOneRow(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-13 The Hill\n" +
		"Energy & Environment\n" +
		"EPA proposes stricter limits on power plant emissions\n" +
		"BY RACHEL FRAZIN - 05/12/21 6:20 PM ET\n" +
		"The Environmental Protection Agency on Wednesday proposed new limits on emissions from power plants.\n"
	a := parsePage(t, page)
	want := time.Date(2021, 5, 12, 22, 20, 0, 0, time.UTC)
	if !slices.Equal(a.Authors, []string{"Rachel Frazin"}) || !a.Published.Equal(want) || a.PublishedOffset == nil || *a.PublishedOffset != -4*3600 {
		t.Errorf("Authors = %q, Published = %v (offset %v); want Rachel Frazin, %v at -04:00", a.Authors, a.Published, a.PublishedOffset, want)
	}
}

// TestAgencySiteMasthead checks a Reuters page: the agency's name over the
// navigation is the masthead, not the byline of the tagline above it, and
// "UTCUpdated 2 hours ago" is split off the date.
func TestAgencySiteMasthead(t *testing.T) {
	t.Parallel()
	page := " date 2023-03-16 Skip to main content\n" +
		"Exclusive news, data and analytics for financial market professionals\n" +
		"Reuters\n" +
		"World\n" +
		"Business\n" +
		"French unions call new strike day as pension vote nears\n" +
		"By Jane Doe and Richard Roe\n" +
		"March 15, 20236:20 PM UTCUpdated 2 hours ago\n" +
		"PARIS, March 15 (Reuters) - French unions called a new nationwide day of strikes for next week.\n"
	a := parsePage(t, page)
	want := time.Date(2023, 3, 15, 18, 20, 0, 0, time.UTC)
	if a.Title != "French unions call new strike day as pension vote nears" || a.Source != "Reuters" || !a.Published.Equal(want) {
		t.Errorf("Title = %q, Source = %q, Published = %v; want the headline, Reuters, %v", a.Title, a.Source, a.Published, want)
	}
}

// TestRoleWithHandle checks Sky News's name over "Business reporter
// @handle" over the date: the name is the byline.
func TestRoleWithHandle(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-13 Sky News\n" +
		"UK economy grew 2.1% in March as shops reopened\n" +
		"Jane Doe\n" +
		"Business reporter @janedoe\n" +
		"Thursday 13 May 2021 07:42, UK\n" +
		"The UK economy grew by 2.1% in March as schools and some shops reopened, official figures show.\n"
	a := parsePage(t, page)
	if !slices.Equal(a.Authors, []string{"Jane Doe"}) {
		t.Errorf("Authors = %q, want [Jane Doe]", a.Authors)
	}
}

// TestAgencyCreditOutlet checks the outlet named beside the wire in a
// credit byline: "By Euronews with AFP" gives the publisher, "(With
// Reuters)" none.
func TestAgencyCreditOutlet(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ credit, source string }{
		{"By Euronews with AFP", "Euronews"},
		{"(With Reuters)", ""},
	} {
		t.Run(tt.credit, func(t *testing.T) {
			t.Parallel()
			page := " date 2021-05-13 euronews\n" +
				"Dutch parliament backs plan to phase out gas extraction\n" +
				tt.credit + "\n" +
				"Updated: 12/05/2021 - 18:20\n" +
				"Dutch lawmakers on Wednesday backed a plan to end gas extraction at the Groningen field by 2024.\n"
			a := parsePage(t, page)
			if a.Source != tt.source || len(a.Authors) != 1 {
				t.Errorf("Source = %q, Authors = %q; want %q and the agency", a.Source, a.Authors, tt.source)
			}
		})
	}
}

// TestPostedOnBy checks a WordPress row "Posted on <date> by <name>": it
// gives the date and the author, and the line above it is the headline.
func TestPostedOnBy(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-13 Search\n" +
		"The Valley Voice\n" +
		"Council OKs new park on river\n" +
		"Posted on May 12, 2021 by Jane Smith\n" +
		"The city council on Wednesday approved plans for a new park on the east bank of the river.\n"
	a := parsePage(t, page)
	want := time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	if a.Title != "Council OKs new park on river" || !slices.Equal(a.Authors, []string{"Jane Smith"}) || !a.Published.Equal(want) {
		t.Errorf("Title = %q, Authors = %q, Published = %v; want the headline, Jane Smith, %v", a.Title, a.Authors, a.Published, want)
	}
}

// harbourHeader is the top of a page several tests share: navigation, a
// headline, a byline and a date, over which each test puts its own body.
const harbourHeader = " date 2021-05-13 Home | News | Weather | Sports\n" +
	"Harbour dredging to start in June\n" +
	"By Jane Roe\n" +
	"May 12, 2021\n"

// parsePage parses a page given as text, failing the test on an error.
func parsePage(t *testing.T, page string) normalize.Article {
	t.Helper()
	a, err := Parse("100_0123456789abcdef.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestRightsNoticeEndsBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home | News | Weather | Sports\n"+
		"Storm knocks out power to 9,000 homes\n"+
		"By Jane Doe\n"+
		"May 12, 2021\n"+
		"A line of storms knocked out power to about 9,000 homes across the county on Wednesday night.\n"+
		"Crews expect to restore most of it by Thursday evening, the utility said.\n"+
		"Copyright 2021 Riverbend Broadcasting. All rights reserved.\n"+
		"For the latest forecasts, traffic and school closings, tune in to Channel 9 every morning.\n")
	if !strings.HasSuffix(a.Text, "the utility said.") {
		t.Errorf("Text = %q, want it to end before the copyright notice", a.Text)
	}
}

func TestLinkRowIsNoHeadline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Acme the Company & Its Products | Acme Terminal Demo Request | Acme Customer Support\n"+
		"Markets\n"+
		"Copper climbs to record as mines shut\n"+
		"By Jane Doe\n"+
		"May 12, 2021\n"+
		"Copper rose to a record on Wednesday as strikes shut two of the largest mines in Chile.\n")
	if a.Title != "Copper climbs to record as mines shut" || a.Source != "Acme" {
		t.Errorf("Title = %q, Source = %q; want the headline and the word opening every link", a.Title, a.Source)
	}
}

func TestInlineListOfOtherStories(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home | News | Business | Sport\n"+
		"Port of Riverton to double its cargo space\n"+
		"By Jane Doe\n"+
		"May 12, 2021\n"+
		"The port authority on Tuesday approved a plan to double the cargo space at the Riverton docks by 2025.\n"+
		"The plan will cost about $80 million, most of it paid by a federal grant.\n"+
		"Most Popular\n"+
		"Council delays vote on new stadium\n"+
		"Heat wave to last through the weekend\n"+
		"Shipping companies welcomed the decision, saying the docks had been full for most of the past year.\n"+
		"Work on the first berth is to start in the autumn.\n"+
		"Related Stories\n"+
		"Riverton dockworkers vote to strike\n"+
		"New ferry line links Riverton and Bayside\n")
	if !strings.HasSuffix(a.Text, "start in the autumn.") || strings.Contains(a.Text, "stadium") || strings.Contains(a.Text, "ferry") {
		t.Errorf("Text = %q, want the story around the list and not the lists", a.Text)
	}
}

func TestTaglineBetweenBylineAndDate(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home | Money | Markets | Careers\n"+
		"Why small banks are winning back savers\n"+
		"Tom Reyes\n"+
		"Senior Contributor\n"+
		"I cover personal finance and retirement.\n"+
		"Follow\n"+
		"May 11, 2021, 09:00am EDT\n"+
		"Savers moved about $40 billion into community banks in the first quarter, the most since 2008, according to industry data.\n"+
		"Higher rates on deposit accounts explain most of the shift, analysts said.\n")
	if !strings.HasPrefix(a.Text, "Savers moved") || !slices.Equal(a.Authors, []string{"Tom Reyes"}) {
		t.Errorf("Text = %q, Authors = %q; want the body from the first paragraph under the date", a.Text, a.Authors)
	}
}

func TestSyndicatedProviderIsSource(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Chile copper output falls for third month\n"+
		"AFP\n"+
		"Jane Roe\n"+
		"Tue, May 11, 2021, 9:12 AM\n"+
		"SANTIAGO (AFP) - Copper output in Chile fell for a third month in April as strikes closed two large mines, the government said on Tuesday.\n"+
		"View comments\n")
	if a.Source != "Agence France-Presse" || !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Source = %q, Authors = %q; want the provider and the reporter", a.Source, a.Authors)
	}
}

func TestSourceLineInCapitals(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home | News | Features | Opinion\n"+
		"Lake Chad fishermen face shrinking catches\n"+
		"By Jane Roe\n"+
		"Published On 12 May 2021\n"+
		"Fishermen on Lake Chad say their catches have halved in five years as the water retreats.\n"+
		"SOURCE: SAHEL TODAY AND NEWS AGENCIES\n"+
		"Listen to Sahel Today Radio:\n")
	if a.Source != "Sahel Today" {
		t.Errorf("Source = %q, want the source line's name as the page spells it", a.Source)
	}
}

func TestNameDeskDateRow(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Sign In\n"+
		"News\n"+
		"Metro News\n"+
		"Metro\n"+
		"Kochi\n"+
		"Kochi: Ferry fares to rise from June\n"+
		"Anita Menon / ENS / Updated: May 12, 2021, 10:30 IST\n"+
		"KOCHI: Ferry fares on all routes in the city will rise by 10% from June 1, the water transport department said on Wednesday.\n"+
		"Download The Kerala Courier App for the latest news.\n")
	want := time.Date(2021, 5, 12, 5, 0, 0, 0, time.UTC)
	if !slices.Equal(a.Authors, []string{"Anita Menon"}) || !a.Published.Equal(want) || a.Title != "Kochi: Ferry fares to rise from June" {
		t.Errorf("Authors = %q, Published = %v, Title = %q; want the reporter, %v and the headline", a.Authors, a.Published, a.Title, want)
	}
	if a.Source != "The Kerala Courier" {
		t.Errorf("Source = %q, want the app prompt's name, not the section %q", a.Source, "Metro News")
	}
}

func TestLivePostsUnderTheirTimes(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Support the Valley Courier\n"+
		"News\n"+
		"Floods: river expected to peak tonight – live\n"+
		"Residents of low-lying streets have been told to leave before dark.\n"+
		"Jane Roe\n"+
		"Wed 12 May 2021 09.10 BST\n"+
		"Key events\n"+
		"1h ago\n"+
		"Schools close across the valley\n"+
		"2h ago\n"+
		"River rises past flood mark\n"+
		"11.05 BST\n"+
		"Schools close across the valley\n"+
		"All 14 schools in the valley will stay shut on Thursday, the county council said this morning.\n"+
		"09.12 BST\n"+
		"River rises past flood mark\n"+
		"The river passed its flood mark at Hollin Bridge shortly after 9am, the Environment Agency said.\n")
	if !strings.HasPrefix(a.Text, "Schools close across the valley\n\nAll 14 schools") || strings.Count(a.Text, "Schools close") != 1 {
		t.Errorf("Text = %q, want each post under its heading once", a.Text)
	}
	if a.Source != "The Valley Courier" {
		t.Errorf("Source = %q, want the masthead the appeal names", a.Source)
	}
}

func TestIssuerNamedInLead(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Skip to main content\n"+
		"Acme Water Authority\n"+
		"Home\n"+
		"Newsroom\n"+
		"Press Releases\n"+
		"Authority Opens New Treatment Plant in Riverton\n"+
		"For Immediate Release\n"+
		"May 11, 2021\n"+
		"DENVER – The Acme Water Authority today opened a treatment plant that will supply 40,000 homes in Riverton.\n"+
		"The plant cost $120 million and took three years to build.\n")
	if a.Source != "Acme Water Authority" || len(a.Authors) != 0 {
		t.Errorf("Source = %q, Authors = %q; want the issuer and no authors", a.Source, a.Authors)
	}
}

func TestMatchReportHeader(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home\n"+
		"News\n"+
		"Sport\n"+
		"Valley Radio Sport\n"+
		"Rugby\n"+
		"Harbour Town 24-10 Millford: Jones scores twice as Town go top\n"+
		"Last updated on 11 May 202111 May 2021.From the section Rugby\n"+
		"Harbour Town\n"+
		"24\n"+
		"Millford\n"+
		"10\n"+
		"Full time\n"+
		"Report\n"+
		"Ellis Morgan\n"+
		"Valley Radio Sport\n"+
		"Owen Jones has scored nine tries this season\n"+
		"Owen Jones scored two tries as Harbour Town beat Millford to go top of the league with two games left.\n"+
		"Millford led 10-7 at half-time before Town scored three tries in 15 minutes.\n")
	if a.Title != "Harbour Town 24-10 Millford: Jones scores twice as Town go top" || !a.Published.Equal(day(2021, 5, 11)) {
		t.Errorf("Title = %q, Published = %v; want the headline over its labelled date", a.Title, a.Published)
	}
	if !slices.Equal(a.Authors, []string{"Ellis Morgan"}) || a.Source != "Valley Radio Sport" {
		t.Errorf("Authors = %q, Source = %q; want the reporter and the outlet under the name", a.Authors, a.Source)
	}
	if !slices.Equal(a.Captions, []string{"Owen Jones has scored nine tries this season"}) || !strings.HasPrefix(a.Text, "Owen Jones scored two") {
		t.Errorf("Captions = %q, Text = %q; want the lead picture's caption out of the body", a.Captions, a.Text)
	}
}

func TestPublisherWithoutDomain(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 La Gazette.fr - Actualités et infos\n"+
		"Councils vote to merge bus networks\n"+
		"By Jane Roe\n"+
		"May 12, 2021\n"+
		"Three councils around Lyon voted on Tuesday to merge their bus networks into one from next year.\n"+
		"© La Gazette\n")
	if a.Source != "La Gazette" {
		t.Errorf("Source = %q, want the name without its domain, as the copyright line gives it", a.Source)
	}
}

func TestPlaceInMenuIsNoIssuer(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home\n"+
		"New York City\n"+
		"Subway fares to rise in August\n"+
		"By Jane Roe\n"+
		"May 12, 2021\n"+
		"New York City subway riders will pay 25 cents more a ride from August, transit officials said.\n")
	if a.Source != "" {
		t.Errorf("Source = %q, want none: a place the lead names is no issuer", a.Source)
	}
}

func TestOneTeaserBoxInsideBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home | News | Weather | Sports\n"+
		"Lighthouse keeper retires after forty years\n"+
		"By Jane Roe\n"+
		"May 12, 2021\n"+
		"The last keeper of the Gull Point light climbed its 112 steps for the final time on Tuesday, ending four decades of service.\n"+
		"Related\n"+
		"Coastal radar station to close next spring\n"+
		"Sponsored\n"+
		"Read more\n"+
		"The light will now be run from a control room on the mainland, the coastguard said in a statement on Wednesday.\n"+
		"Most Popular\n"+
		"Ferry timetable changes from June\n")
	checkText(t, a.Text, want{
		textStart:  "The last keeper",
		textEnd:    "on Wednesday.",
		paragraphs: 2,
		excludes:   []string{"radar"},
	})
}

func TestTeaserCardUnderSectionAndAge(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Home | Metro | Sport\n"+
		"Council approves new bus depot in Riverside\n"+
		"By Jane Roe\n"+
		"March 4, 2022\n"+
		"The city council approved plans on Friday for a bus depot on the old brewery site, ending two years of delay.\n"+
		"More on this\n"+
		"Metro\n"+
		"2h ago\n"+
		"Ferry fares to rise in April\n"+
		"The depot will house 80 electric buses and open in 2024, the transport department said in a statement.\n")
	if strings.Contains(a.Text, "Ferry fares") || !strings.Contains(a.Text, "80 electric buses") {
		t.Errorf("Text = %q, want the teaser under a section and its age dropped", a.Text)
	}
}

func TestMenuRowsFirstItemIsNoPublisher(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Podcasts | Events | Jobs | Archive\n"+
		"HARBOUR TIMES\n"+
		"Council approves new bus depot in Riverside\n"+
		"By Jane Roe\n"+
		"March 4, 2022\n"+
		"The city council approved plans on Friday for a bus depot on the old brewery site, ending two years of delay.\n"+
		"© 2022 HARBOUR TIMES SRL\n")
	if a.Source == "Podcasts" {
		t.Errorf("Source = %q, want the masthead, not the menu's first item", a.Source)
	}
}

func TestNameOverRoleAndTeamOverDottedDate(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-05 Blog\n"+
		"Why we moved our queues to a single cluster\n"+
		"Notes from a year of running message brokers in three regions.\n"+
		"Jane Roe\n"+
		"Senior Engineer, Payments Platform\n"+
		"Jun 2, 2021 · 5 min read\n"+
		"Running one broker cluster per region cost us more in operations time than it saved in latency, so last spring we started merging them.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Published.Day() != 2 || a.Summary == "" {
		t.Errorf("Authors = %q, Published = %v, Summary = %q; want the name over its role and team, the dotted date row", a.Authors, a.Published, a.Summary)
	}
}

func TestRoleLineUnderNameIsNoAuthor(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-12 Home | News | Weather | Sports\n"+
		"Lighthouse keeper retires after forty years\n"+
		"By\n"+
		"Jane Roe\n"+
		"Chief Correspondent\n"+
		"09:15, 12 May 2021\n"+
		"The last keeper of the Gull Point light climbed its 112 steps for the final time on Tuesday, ending four decades of service.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q, want [Jane Roe]: a role on its own line is no person", a.Authors)
	}
}

func TestNamesAndDateOnOneRow(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-13 Home | News | Weather | Sports\n"+
		"Harbour dredging to start in June\n"+
		"The work will close the inner basin to yachts for six weeks.\n"+
		"TOMÁS DE LA CRUZ-ORTEGA - 5/12/2021, 2:05 PM\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n")
	want := time.Date(2021, 5, 12, 14, 5, 0, 0, time.UTC)
	if !slices.Equal(a.Authors, []string{"Tomás de la Cruz-Ortega"}) && !slices.Equal(a.Authors, []string{"Tomás De La Cruz-Ortega"}) || !a.Published.Equal(want) {
		t.Errorf("Authors = %q, Published = %v; want the name, %v", a.Authors, a.Published, want)
	}
}

func TestNamePlaceDateStack(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-13 Home | News | Weather | Sports\n"+
		"Harbour dredging to start in June\n"+
		"The work will close the inner basin to yachts for six weeks\n"+
		"Jane Roe\n"+
		"Halifax\n"+
		"Published May 12, 2021 2:05 p.m. ET\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n")
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) {
		t.Errorf("Authors = %q, want [Jane Roe]: a name over a place and a date", a.Authors)
	}
}

func TestTodayWithTime(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-13 Home | News | Weather | Sports\n"+
		"Harbour dredging to start in June\n"+
		"The work will close the inner basin to yachts for six weeks\n"+
		"Jane Roe\n"+
		"Today\u00a07:45 AM\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n")
	want := time.Date(2021, 5, 13, 7, 45, 0, 0, time.UTC)
	if !slices.Equal(a.Authors, []string{"Jane Roe"}) || !a.Published.Equal(want) {
		t.Errorf("Authors = %q, Published = %v; want [Jane Roe], %v (the capture day at that time)", a.Authors, a.Published, want)
	}
}

func TestBylineWithBioAfterComma(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-13 Home | News | Weather | Sports\n"+
		"Harbour dredging to start in June\n"+
		"/ The work will close the inner basin to yachts for six weeks\n"+
		"By Jane Roe, a senior writer covering ports and shipping. She has sailed the coast for twenty years.\n"+
		"May 12, 2021\n"+
		"Enlarge / The dredger moored at the north quay.\n"+
		"Photo by John Smith / Harbour Times\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n")
	if a.Summary != "The work will close the inner basin to yachts for six weeks" || !slices.Equal(a.Authors, []string{"Jane Roe"}) ||
		!slices.Equal(a.Captions, []string{"The dredger moored at the north quay."}) {
		t.Errorf("Summary = %q, Authors = %q, Captions = %q; want the deck without its slash, [Jane Roe], the caption without its button", a.Summary, a.Authors, a.Captions)
	}
}

func TestBioByFirstName(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Jane is a transport reporter at the Harbour Times. She lives in Dover.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
}

func TestBioBySurname(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Roe covers the ports for the Harbour Times.\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
}

func TestNounPhraseCaptionBetweenParagraphs(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"The port authority's two dredgers and a tug at the north quay of the harbour\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	if !slices.Equal(a.Captions, []string{"The port authority's two dredgers and a tug at the north quay of the harbour"}) || strings.Contains(a.Text, "tug") {
		t.Errorf("Captions = %q, Text = %q; want the long noun phrase as a caption", a.Captions, a.Text)
	}
}

func TestNoteOnTheFullArticleIsNoOpening(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"This digest was produced automatically and may be incomplete. Please check the full story for details.\n"+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"What do you think of the plans?\n"+
		"Comments\n")
	checkText(t, a.Text, want{textStart: "Dredging", textEnd: "the works.", paragraphs: 2})
}

func TestScheduleIsNoArticle(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-13 Home | News | Weather | Sports\n" +
		"Radio Guide\n" +
		"Tonight on Harbour FM\n" +
		"Thursday, May 13\n" +
		"6:00 PM\n" +
		"Evening Drive\n" +
		"Traffic, weather and music.\n" +
		"8:00 PM\n" +
		"The Jazz Hour\n" +
		"9:00 PM\n" +
		"Harbour FM News\n" +
		"10:30 PM\n" +
		"Late Night Requests\n" +
		"Times are subject to change.\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Parse error = %v, want ErrNoArticle: a schedule of times and titles", err)
	}
}

func TestResultsListIsNoArticle(t *testing.T) {
	t.Parallel()
	page := " date 2021-05-13 Home | News | Weather | Sports\n" +
		"Results for \"harbour\"\n" +
		"Harbour dredging to start in June\n" +
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said …\n" +
		"May 12, 2021\n" +
		"Yacht club fears for its moorings\n" +
		"Members of the Dover yacht club say the works will leave them without a berth for the whole of the …\n" +
		"May 3, 2021\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Parse error = %v, want ErrNoArticle: every paragraph is a snippet", err)
	}
}

func TestPostUnderBlogTitle(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05 Letters from a Cold Harbour\n"+
		"Small boats, big weather and the odd good catch\n"+
		"Home\nAbout\n"+
		"Sunday, 16 May 2021\n"+
		"The mackerel are back (and so are the gulls)\n"+
		"After a month of empty lines the first shoal came past the breakwater on Saturday, and by noon the whole pier was fishing.\n"+
		"I had six before the tide turned, which is more than I caught in the whole of April, and gave three to the neighbours.\n"+
		"Posted by Jane Roe at 8:47 pm\n")
	if a.Title != "The mackerel are back (and so are the gulls)" || a.Summary != "" {
		t.Errorf("Title = %q, Summary = %q; want the post's title under the day heading and no summary", a.Title, a.Summary)
	}
}

func TestParticipleCaptionBetweenParagraphs(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"The old dredger, towed in overnight\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	if !slices.Equal(a.Captions, []string{"The old dredger, towed in overnight"}) || strings.Contains(a.Text, "towed") {
		t.Errorf("Captions = %q, Text = %q; want the line between paragraphs as a caption", a.Captions, a.Text)
	}
}

func TestThreeSentencesAreNoDeck(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-05-13 Home | News | Weather | Sports\n"+
		"The mackerel are back (and so are the gulls)\n"+
		"After a month of empty lines the first shoal came past the breakwater on Saturday, and by noon the whole pier was fishing. "+
		"Not all of it, mind. I counted forty rods between the lighthouse and the steps, which is about what you would expect on a warm weekend in May.\n"+
		"Posted by Jane Roe\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	if a.Summary != "" || !strings.HasPrefix(a.Text, "After a month") {
		t.Errorf("Summary = %q, Text = %q; want no deck: three sentences are the first paragraph", a.Summary, a.Text)
	}
}

func TestObituaryUnderLifeDates(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2020-03-09 Call us: (555) 555-0100\n"+
		"Greywell Memorial Chapel\n"+
		"Home\nObituaries\n"+
		"Arthur James Penrose\n"+
		"March 3, 1931 - March 5, 2020\n"+
		"Arthur James Penrose, 88, of Millbrook, died on Thursday, March 5, 2020, at home with his family beside him.\n"+
		"Arthur worked as a signalman on the Millbrook line for forty years and kept bees behind the station house.\n"+
		"Service Schedule\n"+
		"Visitation\n"+
		"Monday, March 9, 2020\n"+
		"2:00 PM - 4:00 PM\n"+
		"Guest Book\n"+
		"Mary Collins\n"+
		"March 7, 2020\n"+
		"He taught me to fish when I was nine years old and never once lost his patience with me.\n"+
		"© 2020 Greywell Memorial Chapel. All Rights Reserved.\n")
	captured := time.Date(2020, 3, 9, 0, 0, 0, 0, time.UTC)
	if a.Title != "Arthur James Penrose" || len(a.Authors) != 0 || !a.Published.Equal(captured) || a.Source != "Greywell Memorial Chapel" {
		t.Errorf("Title = %q, Authors = %q, Published = %v, Source = %q; want the name, no authors, the capture date, the chapel",
			a.Title, a.Authors, a.Published, a.Source)
	}
	checkText(t, a.Text, want{textStart: "Arthur James Penrose, 88", textEnd: "station house.", paragraphs: 2})
}

func TestNoteToReaderBeforeBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Transcript\n"+
		"Note: This transcript was made by a machine and corrected by hand, and may differ from the broadcast. Please listen to the audio before quoting it.\n"+
		"Jane Roe: Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n")
	checkText(t, a.Text, want{textStart: "Jane Roe: Dredging", textEnd: "the works.", paragraphs: 2})
}

func TestTimedDateRefinesBareDate(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Home | News | Weather | Sports\n"+
		"Lighthouse keepers' cottages to become a museum\n"+
		"The trust will open the cottages to visitors next spring\n"+
		"Jane Roe\n"+
		"March 3, 2022\n"+
		"Posted: March 3, 2022 - 9:15 AM ICT\n"+
		"The two cottages beside the lighthouse will be restored and opened as a museum next spring, the heritage trust said on Thursday.\n")
	want := time.Date(2022, 3, 3, 2, 15, 0, 0, time.UTC)
	if !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v: a timed line refines a bare date of the same day", a.Published, want)
	}
}

func TestWireSignOffIsNoCaption(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Home | News | Weather | Sports\n"+
		"Port of Valdora to double its container berths\n"+
		"By ANSA\n"+
		"March 3, 2022\n"+
		"A tugboat guides a freighter into the harbour on Thursday. (ANSA)\n"+
		"VALDORA, March 3 (ANSA) -- The port of Valdora will build four new container berths by 2025, its operator said on Thursday.\n"+
		"The expansion will cost about 90 million euros and is meant to double the port's capacity.\n"+
		"Work on the first two berths will start in the autumn, the operator said. (ANSA)\n"+
		"Most Popular\n")
	if !slices.Equal(a.Captions, []string{"A tugboat guides a freighter into the harbour on Thursday."}) ||
		!strings.HasSuffix(a.Text, "the operator said.") {
		t.Errorf("Captions = %q, Text = %q; want the attributed last line in the text, its sign-off cut", a.Captions, a.Text)
	}
}

func TestHandleOnNameDateRow(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Home | News | Weather | Sports\n"+
		"Ferrybridge startup raises $4M for tide-powered chargers\n"+
		"Olu Bakare @olubakare / 9:05 AM PST • March 3, 2022\n"+
		"Ferrybridge, a startup building chargers that run on tidal power, has raised $4 million in seed funding, it said on Thursday.\n")
	want := time.Date(2022, 3, 3, 17, 5, 0, 0, time.UTC)
	if a.Title != "Ferrybridge startup raises $4M for tide-powered chargers" || !slices.Equal(a.Authors, []string{"Olu Bakare"}) || !a.Published.Equal(want) {
		t.Errorf("Title = %q, Authors = %q, Published = %v; want the headline, [Olu Bakare], %v", a.Title, a.Authors, a.Published, want)
	}
}

func TestPromptAfterBoxDoesNotResumeBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, harbourHeader+
		"Dredging of the inner harbour will begin in June and last six weeks, the port authority said on Wednesday.\n"+
		"Yachts moored in the basin will be moved to the outer marina for the duration of the works.\n"+
		"Elsewhere on the Quay\n"+
		"All the harbour news in one morning email\n"+
		"Quay Morning\n"+
		"Every Monday and Thursday, you can read the week's harbour news before breakfast.\n")
	if strings.Contains(a.Text, "Every Monday") {
		t.Errorf("Text = %q; want it to end before the box: a line with a furniture signal after it does not resume the body", a.Text)
	}
}

func TestHeaderAboveHeadline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Dispatches World Politics Health Tech Sport Food\n"+
		"Sign In\n"+
		"Travel\n"+
		"Ines Okafor\n"+
		"Travel\n"+
		"March 3, 2022 9:00 AM\n"+
		"The Quiet Joys of a Night Train Across Your Own Country\n"+
		"Sleeper services are coming back, and they are worth the extra hours on the rails.\n"+
		"Keep this story\n"+
		"If you book through links on our site, we may earn a commission. This helps fund our journalism.\n"+
		"A sleeper carriage waits at the platform at dusk.\n"+
		"Photograph: Jan Roe/Stockhouse\n"+
		"Night trains were once the backbone of long-distance travel, and after two decades of closures several operators are bringing them back.\n")
	if a.Title != "The Quiet Joys of a Night Train Across Your Own Country" || !slices.Equal(a.Authors, []string{"Ines Okafor"}) {
		t.Errorf("Title = %q, Authors = %q; want the headline under the date and the name over it", a.Title, a.Authors)
	}
	if want := "Sleeper services are coming back, and they are worth the extra hours on the rails."; a.Summary != want || strings.Contains(a.Text, "Sleeper") {
		t.Errorf("Summary = %q, Text = %q; want the deck over the furniture as the summary", a.Summary, a.Text)
	}
}

func TestNoticeToReaderIsNoArticle(t *testing.T) {
	t.Parallel()
	page := " date 2022-03-04 Menu\n" +
		"Your choices on this site\n" +
		"Harbour Gazette\n" +
		"We and our advertisers use cookies and similar tools on this device to measure audiences, show relevant adverts and improve the site for everyone who visits it.\n" +
		"With your agreement, we may also use precise location data. You can change your choices at any time in the settings at the foot of each page.\n" +
		"ACCEPT ALL\n" +
		"REJECT ALL\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Parse error = %v, want ErrNoArticle: an unsigned, undated notice to the reader", err)
	}
	signed := strings.Replace(page, "Harbour Gazette\nWe", "By Jane Roe\nMarch 3, 2022\nWe", 1)
	if _, err := Parse("100_0123456789abcdef.txt", []byte(signed)); err != nil {
		t.Errorf("Parse error = %v, want an article: a signed, dated page speaking to its reader is one", err)
	}
}

func TestTitleCaseHeadlineOverShortDeck(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Menu\n"+
		"Harbour Gazette\n"+
		"The Coast\n"+
		"Why a Tiny Island Ferry Became the Most Argued-About Boat in the County\n"+
		"The timetable was odd, and so were the fares\n"+
		"By Jane Roe\n"+
		"March 3, 2022\n"+
		"The ferry to Gull Island runs four times a day and carries, on a good day, thirty passengers, yet it has filled the letters page for a month.\n")
	if a.Title != "Why a Tiny Island Ferry Became the Most Argued-About Boat in the County" || a.Summary != "The timetable was odd, and so were the fares" {
		t.Errorf("Title = %q, Summary = %q; want the long title-case headline over its deck", a.Title, a.Summary)
	}
}

func TestCorrectionBioAndImprintCloseBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Menu\n"+
		"Harbour Gazette\n"+
		"Council delays the harbour wall repairs again\n"+
		"By Jane Roe\n"+
		"March 3, 2022\n"+
		"Picture illustration by Harbour Gazette. Photos by Stockhouse.\n"+
		"The council has put off repairs to the harbour wall for a third year, saying the money is needed for the town's roads instead.\n"+
		"Residents of the Quay say the wall has lost a metre of stone since the winter storms, and fear the next surge will reach their homes.\n"+
		"Clarification, March 4, 2022: An earlier version of this article gave the wrong year for the last repairs. It was 2016.\n"+
		"Jane Roe is a Harbour Gazette reporter who covers the town council.\n"+
		"The Harbour Gazette is published by Northgate Press, a Quayside Holdings company.\n")
	if len(a.Captions) != 0 || !strings.HasSuffix(a.Text, "reach their homes.") {
		t.Errorf("Captions = %q, Text = %q; want no caption (a credit alone) and the text ending before the note, bio and imprint", a.Captions, a.Text)
	}
}

func TestTitleCaseTeasersAndLinkPromptInBody(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Menu\n"+
		"Harbour Gazette\n"+
		"Council delays the harbour wall repairs again\n"+
		"By Jane Roe\n"+
		"March 3, 2022\n"+
		"The council has put off repairs to the harbour wall for a third year, saying the money is needed for the town's roads instead.\n"+
		"More Stories\n"+
		"Why the Quay Wall Keeps Cracking\n"+
		"Fishermen Count Their Losses. The Insurers Do Not.\n"+
		"Residents of the Quay say the wall has lost a metre of stone since the winter storms, and fear the next surge will reach their homes.\n"+
		"Seen damage on the front? Share it with the newsroom here.\n")
	if strings.Contains(a.Text, "Insurers") || strings.Contains(a.Text, "newsroom") || !strings.HasSuffix(a.Text, "reach their homes.") {
		t.Errorf("Text = %q; want neither the title-case teaser nor the link's prompt", a.Text)
	}
}

func TestListUnderParagraphAndStarredTeasers(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Menu\n"+
		"Harbour Gazette\n"+
		"Ferry service suspended as gales close the harbour\n"+
		"By Jane Roe\n"+
		"March 3, 2022\n"+
		"All ferry crossings from the Quay were cancelled on Thursday after gusts of up to 120km/h closed the harbour mouth.\n"+
		"Passengers stranded on the island have been offered beds for the night, and the operator said warm meals would be served at:\n"+
		"Gull Island Village Hall, Pier Rd\n"+
		"The Lookout Cafe, Harbour Pde\n"+
		"See also:\n"+
		"- How the harbour mouth became so dangerous\n"+
		"- Will the ferries ever run on time?\n"+
		"The operator expects to resume sailings on Saturday morning if the wind drops as forecast, it said in a statement.\n")
	if !strings.Contains(a.Text, "Pier Rd\n\nThe Lookout Cafe, Harbour Pde") || strings.Contains(a.Text, "ever run") {
		t.Errorf("Text = %q; want the list under the paragraph kept and both teasers dropped", a.Text)
	}
}

func TestWireStoryOnAPaper(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Menu\n"+
		"Evening Star\n"+
		"Morning Ledger\n"+
		"Sport\n"+
		"Harbour crew win the coastal rowing cup for a third year\n"+
		"AFP\n"+
		"Published March 3, 2022 08:10pm\n"+
		"The Quay crew cross the line ahead of the field on Thursday. — AFP\n"+
		"The Quay rowing club won the coastal cup for the third year running on Thursday, finishing a length ahead of their nearest rivals from Eastpoint.\n"+
		"The crew, unbeaten this season, will defend the national title in June, their coach said after the race.\n"+
		"(Reporting by Ines Okafor and Jan Roe in Eastpoint; Editing by Sam Doe)\n"+
		"Published in Morning Ledger, March 4th, 2022\n")
	if !slices.Equal(a.Authors, []string{"Ines Okafor", "Jan Roe"}) || a.Source != "Morning Ledger" ||
		!slices.Equal(a.Captions, []string{"The Quay crew cross the line ahead of the field on Thursday."}) {
		t.Errorf("Authors = %q, Source = %q, Captions = %q; want the wire's reporters, the paper printing it, the caption without its credit", a.Authors, a.Source, a.Captions)
	}
}

func TestLettersSignedByNameAndPlace(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Menu\n"+
		"Harbour Gazette\n"+
		"Letters: The harbour wall cannot wait another year\n"+
		"Readers on the council's decision to delay the repairs\n"+
		"March 3, 2022\n"+
		"I have watched the wall crumble from my kitchen window for five winters, and every storm takes more of it into the sea.\n"+
		"Ines Okafor\n"+
		"Eastpoint\n"+
		"The council found money for a new roundabout within weeks, yet it tells us the wall must wait until the next budget.\n"+
		"Jan Roe\n"+
		"Gull Island\n")
	if !slices.Equal(a.Authors, []string{"Ines Okafor", "Jan Roe"}) || strings.Contains(a.Text, "Eastpoint") {
		t.Errorf("Authors = %q, Text = %q; want the two signers as authors and the signatures out of the text", a.Authors, a.Text)
	}
}

func TestNameUnderDateOverLeadPicture(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03 Menu\n"+
		"Harbour Notes\n"+
		"Issue 12: The wall, the ferry and the gulls\n"+
		"Three things from the front this week\n"+
		"Mar 3, 2022\n"+
		"3 min read\n"+
		"Ines Okafor\n"+
		"The harbour wall at high tide.\n"+
		"Photo by Jan Roe / Stockhouse\n"+
		"Good morning. The council has put off the wall repairs again, the ferry is late again, and the gulls are as loud as ever.\n")
	if !slices.Equal(a.Authors, []string{"Ines Okafor"}) {
		t.Errorf("Authors = %q; want the name under the date and over the lead picture", a.Authors)
	}
}

func TestNumberedSubheadSeries(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2022-03-04 Menu\n"+
		"Harbour Notes\n"+
		"Three things to know about the harbour wall\n"+
		"By Jane Roe\n"+
		"March 3, 2022\n"+
		"1. The wall is older than the town hall\n"+
		"The first stones were laid in 1790, forty years before the town hall was built, and parts of that wall still stand.\n"+
		"2. Nobody agrees who owns it\n"+
		"The council says the harbour trust owns the wall, and the trust says the council does, which is why repairs keep stalling.\n"+
		"3. Storms win\n"+
		"Every winter storm since 2016 has taken stone from the outer face, and engineers say the next big one could breach it.\n")
	if !strings.Contains(a.Text, "\n\n3. Storms win\n\n") {
		t.Errorf("Text = %q; want the short third subhead of the numbered series kept", a.Text)
	}
}

func TestImperativeSubheadInHowTo(t *testing.T) {
	t.Parallel()
	page := func(sub string) string {
		return " date 2022-03-04 Menu\n" +
			"Harbour Notes\n" +
			"How to keep a wooden dinghy sound through the winter\n" +
			"By Jane Roe\n" +
			"March 3, 2022\n" +
			"Before you lay the boat up, wash the hull with fresh water and let it dry for a full day, or the salt will work into the grain.\n" +
			sub + "\n" +
			"If your seams have opened, fill them with a flexible compound rather than a hard filler, which cracks as the wood moves.\n"
	}
	if a := parsePage(t, page("Try a Softer Filler")); !strings.Contains(a.Text, "\n\nTry a Softer Filler\n\n") {
		t.Errorf("Text = %q; want the imperative subhead of a how-to kept", a.Text)
	}
	if a := parsePage(t, page("Subscribe to Our Newsletter")); strings.Contains(a.Text, "Subscribe") || !strings.Contains(a.Text, "If your seams") {
		t.Errorf("Text = %q; want a prompt with two signals dropped, the how-to going on after it", a.Text)
	}
}

func TestSignOffAfterLastParagraph(t *testing.T) {
	t.Parallel()
	page := func(last string) string {
		return " date 2022-03-04 Menu\n" +
			"Harbour Notes\n" +
			"Issue 12: The wall, the ferry and the gulls\n" +
			"By Jane Roe\n" +
			"March 3, 2022\n" +
			"The council has put off the wall repairs again, and the ferry has been late on four mornings out of five this week.\n" +
			last + "\n" +
			"Subscribe\n" +
			"Older issues\n"
	}
	if a := parsePage(t, page("That's the lot for now. Until you hear from me on Friday.")); !strings.HasSuffix(a.Text, "on Friday.") {
		t.Errorf("Text = %q; want the author's sign-off kept", a.Text)
	}
}
