package seed

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Rules found on held-out batches 172-185 and b186 (186-189, 024-029,
// 044-047), each pinned on invented text.

func TestDateForms172(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want time.Time
	}{
		{"Published: 11.26.25, 17:42", time.Date(2025, 11, 26, 17, 42, 0, 0, time.UTC)},
		{"All News 15:42 November 26, 2025", time.Date(2025, 11, 26, 15, 42, 0, 0, time.UTC)},
		{"Updated Sep 20, 2024 – 9.15am, first published at 5.00am", time.Date(2024, 9, 20, 5, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if st, ok := parseDateLine(tt.s); !ok || !st.t.Equal(tt.want) {
			t.Errorf("parseDateLine(%q) = %v, %v; want %v", tt.s, st.t, ok, tt.want)
		}
	}
	// A dotted short year stands only beside a time of day.
	if st, _ := parseDateLine("Version 11.26.25"); !st.t.IsZero() {
		t.Errorf("a version read as the date %v", st.t)
	}
}

func TestBylineForms172(t *testing.T) {
	t.Parallel()
	if got, ok := parseByline("By Our Bureau"); !ok || len(got) > 0 {
		t.Errorf("By Our Bureau = %q, %v", got, ok)
	}
	if got := withoutOutlet([]string{"Jane Roe", "John Doe Harbour News"}, "Harbour News"); !slices.Equal(got, []string{"Jane Roe", "John Doe"}) {
		t.Errorf("withoutOutlet = %q", got)
	}
	for _, s := range []string{"Read Later", "Front Page", "Latin America"} {
		if _, ok := personName(s); ok {
			t.Errorf("%q reads as a person's name", s)
		}
	}
}

// A page whose header is set in shapes the extractor had not met: a menu
// opened by a name-like crumb over a date; the headline over a widget's
// label; "Name - Outlet" as the byline; a caption credited "Outlet /
// Name"; a standfirst the story restates; an appeal line over its button.
func TestHeaderForms172(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-09-21 Harbour Times\n"+
		"Harbour News\n"+
		"Front Page\n"+
		"Business\n"+
		"Sat, Sep 21, 2024 page1\n"+
		"Council approves plan to bury the quay's power lines\n"+
		"Copy/paste the article video embed link below:\n"+
		"Jane Roe - The Harbour Star\n"+
		"September 21, 2024 | 12:00am\n"+
		"Workers repair power lines along the north quay on Thursday. The STAR / John de Groot\n"+
		"The council will spend £4.2 million burying the power lines along the north quay, officials said.\n"+
		"The council approved a plan on Friday to spend £4.2 million burying the power lines along the north quay, officials said, after storms cut power twice this year.\n"+
		"Independent journalism costs money. Support The Harbour Star for the price of a coffee.\n"+
		"Support Us\n"+
		"Work will start in January and take eight months, the harbour engineer said.\n"+
		"© 2024 The Harbour Star\n")
	if a.Title != "Council approves plan to bury the quay's power lines" || !slices.Equal(a.Authors, []string{"Jane Roe"}) || a.Source != "The Harbour Star" {
		t.Errorf("Title = %q, Authors = %q, Source = %q", a.Title, a.Authors, a.Source)
	}
	if !slices.Equal(a.Captions, []string{"Workers repair power lines along the north quay on Thursday."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
	if a.Summary != "The council will spend £4.2 million burying the power lines along the north quay, officials said." {
		t.Errorf("Summary = %q", a.Summary)
	}
	checkText(t, a.Text, want{textStart: "The council approved", textEnd: "engineer said.", paragraphs: 2})
}

// A date with no year takes the capture's; line 1's "Name: tagline" names
// the publisher over a menu of sections.
func TestYearlessDateAndTaglineMasthead(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-09 The Harbour Independent: You get the Truth\n"+
		"Home\nNews\nComment\nAnalysis\n"+
		"Harbour lifts ban on fish exports as catch forecast improves\n"+
		"By Jane Roe\n"+
		"Last updated: 20/09 - 14:11\n"+
		"The harbour authority has lifted a two-year ban on fish exports, saying this year's catch is expected to exceed demand.\n"+
		"Exporters welcomed the decision, which takes effect next month, the authority said on Friday.\n"+
		"© Harbour Independent Media Ltd\n")
	if !a.Published.Equal(time.Date(2024, 9, 20, 14, 11, 0, 0, time.UTC)) || a.Source != "The Harbour Independent" {
		t.Errorf("Published = %v, Source = %q", a.Published, a.Source)
	}
}

// Bylines and credits with a slash and a role, a portrait's alternative
// text, a bio after a name with two particles, an agency's note after a
// caption.
func TestSlashRolesAndNotes(t *testing.T) {
	t.Parallel()
	if got, ok := parseByline("By Hsieh Yu-ting / Staff reporter, with CNA"); !ok || !slices.Equal(got, []string{"Hsieh Yu-ting"}) {
		t.Errorf("parseByline = %q, %v", got, ok)
	}
	if isCredit("Jane Roe/Harbour Writer") || !isCredit("John Doe/Staff photographer") {
		t.Error("isCredit: a writer's byline is no credit, a photographer's is")
	}
	if c, ok := captionWithCredit("Farmer John Doe points to wilted plants on his plot on Wednesday. - Jane Roe/Photographer"); !ok || c != "Farmer John Doe points to wilted plants on his plot on Wednesday." {
		t.Errorf("captionWithCredit = %q, %v", c, ok)
	}
	if c, ok := checkCaption("The ministers shake hands in Seoul on Nov. 26, 2025. (PHOTO NOT FOR SALE)"); !ok || c != "The ministers shake hands in Seoul on Nov. 26, 2025." {
		t.Errorf("checkCaption = %q, %v", c, ok)
	}
	if !isJunk("Photo of Jane Roe") || isJunk("Photo of the week: storms over the harbour.") {
		t.Error("isJunk: a portrait's alternative text")
	}
	if !isBio("Marta de la Fuente is a partner at Harbour Capital.") {
		t.Error("isBio: a name with two particles")
	}
}

// A masthead printed with its tagline after a full stop names the
// publisher without the tagline.
func TestMastheadWithTagline(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 Skip to content\n"+
		"HarbourPress. South Atlantic News Agency\n"+
		"Wednesday, November 26th 2025 - 09:14 UTC\n"+
		"Council approves tax break for electric ferries\n"+
		"The council approved a tax break for electric ferries on Tuesday, in a 20-9 vote after a short debate.\n"+
		"The break will run for five years, the council said.\n"+
		"© 2025 HarbourPress\n")
	if a.Source != "HarbourPress" {
		t.Errorf("Source = %q", a.Source)
	}
}

// A blurb calling to action after the story's last paragraph ("… Sign up
// here.") is no part of it.
func TestBlurbAfterStory(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2025-11-26 News\n"+
		"Harbour stamp duty cut for first-home buyers\n"+
		"By Jane Roe\n"+
		"November 26, 2025 — 4.40pm\n"+
		"The state will cut stamp duty for first-home buyers on harbour-front flats from February, the treasurer said on Wednesday.\n"+
		"The changes will take effect on February 1 and apply across the harbour towns, including Dover and Deal.\n"+
		"The Morning Edition newsletter is our guide to the day’s most important and interesting stories, analysis and insights. Sign up here.\n"+
		"Save\n")
	checkText(t, a.Text, want{textStart: "The state", textEnd: "Dover and Deal.", paragraphs: 2})
}

// Explain names the publisher candidates the winner beat, where to look
// when the source comes out wrong.
func TestExplainNamesBeatenPublishers(t *testing.T) {
	t.Parallel()
	page := " date 2025-11-26 Skip to content\nHarbour Ledger\nNews\nSport\n" +
		"Council approves tax break for electric ferries\nBy Jane Roe\nNovember 26, 2025\n" +
		"The council approved a tax break for electric ferries on Tuesday, in a 20-9 vote after a short debate.\n" +
		"The break will run for five years, the council said.\n" +
		"© 2025 Quayside Media Group Ltd\n"
	ds, a, err := Explain("100_0123456789abcdef.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if strings.Contains(d.Reason, "won with score") {
			if !strings.Contains(d.Reason, `beaten: "Quayside Media`) {
				t.Errorf("source %q, reason %q names no beaten candidate", a.Source, d.Reason)
			}
			return
		}
	}
	t.Errorf("no line explains the source %q", a.Source)
}
