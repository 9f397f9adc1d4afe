package seed

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseByline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want []string
		ok   bool
	}{
		{"By LAHAV HARKOV, TOVAH LAZAROFF", []string{"Lahav Harkov", "Tovah Lazaroff"}, true},
		{"By Michael Balsamo And Christina A. Cassidy", []string{"Michael Balsamo", "Christina A. Cassidy"}, true},
		{"By Nidal al-Mughrabi and Stephen Farrell", []string{"Nidal al-Mughrabi", "Stephen Farrell"}, true},
		{"by Reuters", []string{"Reuters"}, true},
		{"By Jane Doe | Reuters", []string{"Jane Doe", "Reuters"}, true},
		{"By AP", []string{"Associated Press"}, true},
		{"By The Associated Press", []string{"Associated Press"}, true},
		{"By AFP", []string{"Agence France-Presse"}, true},
		{"By PTI", []string{"Press Trust of India"}, true},
		{"Via AP news wire", []string{"Associated Press"}, true},
		{"Posted By: By AJ Willingham, CNN", []string{"AJ Willingham", "CNN"}, true},
		{"By Meg Wagner, Mike Hayes, Elise Hammond and Veronica Rocha, CNN", []string{"Meg Wagner", "Mike Hayes", "Elise Hammond", "Veronica Rocha", "CNN"}, true},
		{"From CNN's Jason Hoffman and Betsy Klein", []string{"Jason Hoffman", "Betsy Klein"}, true},
		{"By Adam Sternbergh from NYT Opinion", []string{"Adam Sternbergh"}, true},
		{"avatar by JNS.org", []string{"Jewish News Syndicate"}, true},
		{"By ANDREW BROOKS Associated Press", []string{"Andrew Brooks", "Associated Press"}, true},
		{"By Tom Reyes Daily Herald", []string{"Tom Reyes"}, true},
		{"By Ana Post", []string{"Ana Post"}, true},
		{"BY: DANA BEN-DAVID & ANA MIKULIĆ", []string{"Dana Ben-David", "Ana Mikulić"}, true},
		{"Author: Ursula von der Leyen", []string{"Ursula von der Leyen"}, true},
		{"By JPost.com Staff", nil, true},
		{"By Monday, officials said the talks had failed.", nil, false},
		{"By Wednesday", nil, false},
		{"By contrast, the army was quiet", nil, false},
		{"By the end of the day", nil, false},
		{"Via the main road", nil, false},
		{"ByJohn Parkinson", []string{"John Parkinson"}, true},
		{"By Euronews with AFP", []string{"Agence France-Presse"}, true},
		{"By HT Correspondent, New Delhi", nil, true},
		{"Verified Patrons", nil, false},
		{"Author Jane Schmidt", []string{"Jane Schmidt"}, true},
		{"(FRANCE 24 with AFP)", []string{"Agence France-Presse"}, true},
		{"(With Reuters)", []string{"Reuters"}, true},
		{"(Jane Doe with AFP)", nil, false},
		{"Byron Smith said the vote was close.", nil, false},
		{"The US dispatched an envoy", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			got, ok := parseByline(tt.line)
			if ok != tt.ok || !slices.Equal(got, tt.want) {
				t.Errorf("parseByline(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestTitleCaseName(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"LAHAV HARKOV":           "Lahav Harkov",
		"BEN-DAVID":              "Ben-David",
		"MIKULIĆ":                "Mikulić",
		"SEAN O'BRIEN":           "Sean O'Brien",
		"NIDAL AL-MUGHRABI":      "Nidal al-Mughrabi",
		"AL-MUGHRABI":            "Al-Mughrabi",
		"LUDWIG VAN BEETHOVEN":   "Ludwig van Beethoven",
		"JOHN MCCAIN":            "John McCain",
		"JOHN SMITH III":         "John Smith III",
		"ÉMILE ZOLA":             "Émile Zola",
		"CHRISTINA A. CASSIDY":   "Christina A. Cassidy",
		"D’ANGELO JR.":           "D’Angelo Jr.",
		"JEAN-PIERRE DE LA ROSA": "Jean-Pierre de la Rosa",
	}
	for in, want := range tests {
		if got := titleCaseName(in); got != want {
			t.Errorf("titleCaseName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDateLine(t *testing.T) {
	t.Parallel()
	utc := func(y int, m time.Month, d, h, mi int) time.Time { return time.Date(y, m, d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		line string
		want time.Time
		ok   bool
	}{
		{"MAY 12, 2021 18:58", utc(2021, 5, 12, 18, 58), true},
		{"12 May 2021", utc(2021, 5, 12, 0, 0), true},
		{"Published May 3, 2022Updated May 4, 2022", utc(2022, 5, 3, 0, 0), true},
		{"Friday, 14 May 2021 19:18 GMT", utc(2021, 5, 14, 19, 18), true},
		{"Sunday 21 March 2021 14:04 EDT", utc(2021, 3, 21, 18, 4), true},
		{"Thursday 24 June 2021 23:06 BST", utc(2021, 6, 24, 22, 6), true},
		{"Posted: May 12, 2021 6:20 AM", utc(2021, 5, 12, 6, 20), true},
		{"Originally Published: 12 MAY 21 06:19 ET", utc(2021, 5, 12, 10, 19), true},
		{"Updated 4:00 p.m. ET, May 12, 2020", utc(2020, 5, 12, 20, 0), true},
		{"Updated 4:00 p.m. ET, January 12, 2020", utc(2020, 1, 12, 21, 0), true},
		{"Published On 12 Oct 202212 Oct 2022", utc(2022, 10, 12, 0, 0), true},
		{"Sep 29, 2021  •  6 minutes ago  •  < 1 minute read  •  Join the conversation", utc(2021, 9, 29, 0, 0), true},
		{"| December 30, 2020 11:06 AM", utc(2020, 12, 30, 11, 6), true},
		{"2021-05-12T18:58:00+03:00", utc(2021, 5, 12, 15, 58), true},
		{"First Published: May 12, 2021, 10:30 IST", utc(2021, 5, 12, 5, 0), true},
		{"Published May 3, 2022 10:00 Updated May 4, 2022 11:00", utc(2022, 5, 3, 10, 0), true},
		{"Tuesday, May 11th | 1 Sivan 5781", time.Time{}, true},
		{"12.38pm EDT", time.Time{}, true},
		{"12:38", time.Time{}, true},
		{"May 12, 2021 - Economy & Business", utc(2021, 5, 12, 0, 0), true},
		{"India News | Press Trust of India | Updated: May 12, 2021 6:58 pm IST", utc(2021, 5, 12, 13, 28), true},
		{"Election 2021 - What the parties promise on housing and rent", time.Time{}, false},
		{"in Gaza City May 12, 2021, a tower building was destroyed by air strikes", time.Time{}, false},
		{"The talks will resume on May 12, 2021.", time.Time{}, false},
		{"Update 11:45 p.m. EDT May 12: Officials confirmed the second blast downtown", time.Time{}, false},
		{"February 30, 2021", time.Time{}, true}, // date-like, but no instant
		{"Publié le 3 février 2020 à 07h15, mis à jour le 4 février 2020 à 10h00", utc(2020, 2, 3, 7, 15), true},
		{"Veröffentlicht am 28. März 2021, 14:08", utc(2021, 3, 28, 14, 8), true},
		{"Posted: 3 March 2022 - 9:15 AM ICT", utc(2022, 3, 3, 2, 15), true},
		{"Friday, 4 Mar 2022 9:30 PM MYT", utc(2022, 3, 4, 13, 30), true},
		{"Jun 2, 2021 · 5 min read", utc(2021, 6, 2, 0, 0), true},
		{"Published: Mar 3, 2022 11:40 SAST", utc(2022, 3, 3, 9, 40), true},
		{"Updated : 03 Mar 2022 20:05 PKT", utc(2022, 3, 3, 15, 5), true},
		{"March 3, 2022 | 7:30 AM AEST", utc(2022, 3, 2, 21, 30), true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			got, ok := parseDateLine(tt.line)
			if ok != tt.ok || !got.t.Equal(tt.want) {
				t.Errorf("parseDateLine(%q) = %v, %v; want %v, %v", tt.line, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCaptionWithCredit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line, want string
		ok         bool
	}{
		{"A tower in Gaza City May 12, 2021 (photo credit: REUTERS/MOHAMMED SALEM)", "A tower in Gaza City May 12, 2021", true},
		{"Palestinians inspect the rubble. (AP Photo/Hatem Moussa)", "Palestinians inspect the rubble.", true},
		{"Police at the scene (AP)", "Police at the scene", true},
		{"Mourners at a funeral [Raneen Sawafta/Reuters]", "Mourners at a funeral", true},
		{"Soldiers near the border. (Yossi Aloni/Flash90)", "Soldiers near the border.", true},
		{"The minister speaks on Monday.Credit...Khaled Elfiqi", "The minister speaks on Monday.", true},
		{"Smoke over the city REUTERS/Mohammed Salem", "Smoke over the city", true},
		{"Firefighters at work — Said Khatib / AFP - Getty Images", "Firefighters at work", true},
		{"A view of the port. Photograph: Jane Doe/AFP", "A view of the port.", true},
		{"Image caption, Crowds gathered outside the embassy", "Crowds gathered outside the embassy", true},
		{"The army said it struck 15 targets (including tunnels).", "", false},
		{"He was born in 1950 (aged 71).", "", false},
		{"A deputy off Cocoa Beach. (Brevard County Sheriff's Office)", "A deputy off Cocoa Beach.", true},
		{"Police near Calais on May 12, 2021. © Denis Charlet, AFP", "Police near Calais on May 12, 2021.", true},
		{"The crowd cheered. (Applause)", "", false},
		{"The bill passed on Tuesday. (Updated May 12)", "", false},
		{"Traders work on the floor of the exchange. Photographer: Jane Roe/Agency", "Traders work on the floor of the exchange.", true},
		{"Riot police stand guard in Lima, March 3, 2020. REUTERS/Jane Roe/File Photo", "Riot police stand guard in Lima, March 3, 2020.", true},
		{"Students leave the campus in Lyon on March 3, 2021. JEAN DUPONT / AFP", "Students leave the campus in Lyon on March 3, 2021.", true},
		{"Volunteers stack sandbags on Main Street. Photo courtesy of the Hale family", "Volunteers stack sandbags on Main Street.", true},
		{"Divers search the harbour on Jan. 9.Tom Reed/The Coast and Valley Herald", "Divers search the harbour on Jan. 9.", true},
		{"A crane lifts the bridge span into place. MARIA LOPEZ/AFP via Getty Images", "A crane lifts the bridge span into place.", true},
		{"Fishermen mend their nets at dawn in 2019. File | Photo Credit: AP", "Fishermen mend their nets at dawn in 2019.", true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			got, ok := captionWithCredit(tt.line)
			if ok != tt.ok || got != tt.want {
				t.Errorf("captionWithCredit(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestLineKinds checks the classifier of each line kind on typical lines
// and on lines it must leave alone.
func TestLineKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want kind
	}{
		{"(photo credit: REUTERS/MOHAMMED SALEM)", kindCredit},
		{"(AP Photo/Hatem Moussa)", kindCredit},
		{"[Raneen Sawafta/Reuters]", kindCredit},
		{"Image source, EPA", kindCredit},
		{"Photo: Twitter/Screenshot.", kindCredit},
		{"Credit: Tomer Appelbaum", kindCredit},
		{"Photo by Jane Doe /Postmedia", kindCredit},
		{"Yossi Aloni/Flash90", kindCredit},
		{"DEREK BEIGH, THE PANTAGRAPH", kindCredit},
		{"Photographer: Jane Roe/Agency", kindCredit},
		{"— With assistance by Jane Roe", kindEnd},
		{"Additional reporting by Jane Roe in Lagos", kindEnd},
		{"Contributing: Jane Roe, The Daily Planet", kindEnd},
		{"With help from neighbours, the family rebuilt the barn.", kindText},
		{"Shutterstock", kindCredit},
		{"FOR IMMEDIATE RELEASE", kindJunk},
		{"This article was translated from Spanish by Jane Roe.", kindEnd},
		{"Translation of an original article published in German.", kindEnd},
		{"Translation services for refugees have been cut, the charity said.", kindText},
		{"Views expressed by guest writers are their own.", kindJunk},
		{"Courtesy of Riverside Historical Society", kindCredit},
		{"Photo courtesy of the mayor's office", kindCredit},
		{"Story continues below advertisement", kindJunk},
		{"More: East side residents pack meeting over potholes", kindJunk},
		{"Go deeper: Automakers idle plants", kindJunk},
		{"Get local news delivered to your inbox!", kindJunk},
		{"Contact Derek Beigh at (309) 820-3234. Follow him on Twitter: @pg_beigh", kindJunk},
		{"Contact IndyStar reporter Kayla Dwyer at kdwyer@indystar.com.", kindJunk},
		{"• 3 min read", kindJunk},
		{"CNN Sans ™ & © 2016 Cable News Network.", kindJunk},
		{"Search CNN...", kindJunk},
		{"FILED UNDER: Congress, Airlines", kindEnd},
		{"By the numbers:", kindText},
		{"Posted 5h ago5 hours ago", kindDate},
		{"Updated 3 hrs ago", kindDate},
		{"Social Sharing", kindJunk},
		{"Send Facebook Twitter Reddit", kindJunk},
		{"Send help to Twitter users", kindText},
		{"js/rt (dpa, Reuters)", kindJunk},
		{"Like this:", kindJunk},
		{"Like Loading...", kindJunk},
		{"Related Subjects Climate change, Angela Merkel", kindEnd},
		{"This story was originally published May 12, 2021 5:00 AM.", kindDate},
		{"This story was originally published by The Texas Tribune.", kindJunk},
		{"Powered by Trinity Audio", kindJunk},
		{"Download The Times of India News App for Latest City News.", kindJunk},
		{"Download speeds fell in rural areas, the regulator said.", kindText},
		{"Heard on All Things Considered", kindJunk},
		{"RELATED STORIES FROM SACRAMENTO BEE", kindEnd},
		{"Read the original article on The Hill.", kindJunk},
		{"More than 120,000 customers are without power.", kindText},
		{"Contact lenses are in short supply at pharmacies, owners said.", kindText},
		{"Advertisement", kindJunk},
		{"ADVERTISEMENT", kindJunk},
		{"Advertisement 2", kindJunk},
		{"Skip to content", kindJunk},
		{"Skip to main content", kindJunk},
		{"Read more:", kindJunk},
		{"Read more: Israel strikes Gaza tower", kindJunk},
		{"Also Read: Markets fall", kindJunk},
		{"Share", kindJunk},
		{"Send in e-mailSend in e-mail", kindJunk},
		{"3-MIN READ", kindJunk},
		{"Sign up for our daily newsletter", kindJunk},
		{"(Sign up for CNN's Meanwhile in America newsletter here.)", kindJunk},
		{"© 2021 The Jerusalem Post. All rights reserved.", kindJunk},
		{"Copyright 2021 The Associated Press.", kindJunk},
		{"Stay up to date with notifications from The Independent", kindJunk},
		{"Related Articles", kindEnd},
		{"TOP STORIES", kindEnd},
		{"Post a Comment", kindEnd},
		{"(Reporting by Nidal al-Mughrabi; Editing by Jane Doe)", kindEnd},
		{"Never miss breaking news on Israel", kindEnd},
		{"The Jerusalem Post - Israel News Coronavirus Israel News ISRAEL ELECTIONS WORLD NEWS Middle East U.S. Politics ARCHAEOLOGY Opinion", kindNav},
		{"Home | World | Business | Sport", kindNav},
		{"world", kindCrumb},
		{"News|Education", kindCrumb},
		{"MULTIMEDIA", kindCrumb},
		{"YERUSHALAYIM -", kindPlace},
		{"Gaza, Tel Aviv (agencies)", kindPlace},
		{"By LAHAV HARKOV, TOVAH LAZAROFF", kindByline},
		{"Author of the article:", kindAuthorLabel},
		{"MAY 12, 2021 18:58", kindDate},
		{"A tower in Gaza (photo credit: REUTERS/NAME)", kindCaption},
		{"Figure 2: Median queue latency by region, before and after the merge.", kindCaption},
		{"Table 1. Average rents by district in 2020", kindCaption},
		{"US sends official to Israel to encourage Gaza de-escalation", kindText},
		{"Biden Says US Will Back Israel", kindText},
		{"Israel Strikes Gaza Tower as Hamas Fires Rockets", kindText},
		{"Share prices fell sharply on Monday as investors fled.", kindText},
		{"Copyright law is changing, lawyers said.", kindText},
		{"Five permanent UNSC members have veto power: the US, China, Russia, France and the United Kingdom.", kindText},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			if got := classify(tt.line).kind; got != tt.want {
				t.Errorf("classify(%q).kind = %d, want %d", tt.line, got, tt.want)
			}
		})
	}
}

func TestPublisherIn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want string
	}{
		{"The Jerusalem Post - Israel News Coronavirus Israel News ISRAEL ELECTIONS WORLD NEWS Middle East U.S. Politics ARCHAEOLOGY Opinion", "The Jerusalem Post"},
		{"The Times of Israel | News from Israel", "The Times of Israel"},
		{"Home - Latest News", ""},
		{"Israel strikes Gaza - live updates", ""},
		{"YERUSHALAYIM -", ""},
		{"world", ""},
	}
	for _, tt := range tests {
		if got := publisherIn(classify(tt.line)); got != tt.want {
			t.Errorf("publisherIn(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestReadPageHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		data     string
		captured time.Time
		first    string
	}{
		{"day", " date 2021-05-12 The Post\n", time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC), "The Post"},
		{"month", " date 2021-05 The Post\n", time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC), "The Post"},
		{"garbled date", " date 2021-13-45 The Post\n", time.Time{}, "The Post"},
		{"missing", "The Post\n", time.Time{}, "The Post"},
		{"CRLF and BOM", "\uFEFF date 2021-05-12\r\nThe\u00a0Post\r\n", time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC), "The Post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := readPage(tt.data)
			if !p.captured.Equal(tt.captured) {
				t.Errorf("captured = %v, want %v", p.captured, tt.captured)
			}
			if len(p.lines) == 0 || p.lines[0] != tt.first {
				t.Errorf("lines = %q, want first %q", p.lines, tt.first)
			}
		})
	}
}

// TestJunkAnywhereKeys checks that a line matched by each unanchored junk
// pattern passes the keyword test in front of them, and that every
// unanchored pattern has an example here.
func TestJunkAnywhereKeys(t *testing.T) {
	t.Parallel()
	lines := []string{
		"Riverbend Media, 2021. All Rights Reserved",
		"Footer text © 2019 Riverbend",
		"Our partners use cookies to measure traffic.",
		"Please enter your e-mail address below",
		"Weekly deals delivered to your inbox",
		"Support us today and become a member of the club",
		"Visit the Riverbend homepage for more stories.",
		"Riverbend is an impartial platform and does not necessarily share the views of its advertisers.",
	}
	n := 0
	for _, re := range junkPatterns {
		if strings.HasPrefix(strings.TrimPrefix(re.String(), "(?i)"), "^") {
			continue
		}
		n++
		found := false
		for _, s := range lines {
			if re.MatchString(s) {
				found = true
				if !hasAnyKey(strings.ToLower(s), junkAnywhereKeys) || !isJunk(s) {
					t.Errorf("%q matches %s but isJunk misses it: add its word to junkAnywhereKeys", s, re)
				}
			}
		}
		if !found {
			t.Errorf("unanchored junk pattern %s has no example line here", re)
		}
	}
	if n == 0 {
		t.Error("no unanchored junk patterns")
	}
}
