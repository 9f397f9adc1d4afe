package seed

import (
	"slices"
	"strings"
	"testing"
)

// Rules of captions and picture credits, each pinned on invented text.

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

// A portrait's caption that is only the sitter's name comes glued to the
// photographer's slashed credit: two names of two words before the slash.
func TestSitterNameGluedToCredit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, want string
		ok      bool
	}{
		{"Jane Roe John Doe/Getty Images", "Jane Roe", true},
		{"Anna Berg Per Lund/Harbour Pictures", "Anna Berg", true},
		{"John Doe/Getty Images", "", false},                   // the photographer alone
		{"Your Privacy Rights Here/Privacy Policy", "", false}, // a footer link
	}
	for _, tt := range tests {
		if c, ok := sitterCaption(tt.s); c != tt.want || ok != tt.ok {
			t.Errorf("sitterCaption(%q) = %q, %v; want %q, %v", tt.s, c, ok, tt.want, tt.ok)
		}
	}
	a := parsePage(t, " date 2025-03-04 Harbour Stage\n"+
		"Tomas Ek Joins ‘Low Water’ Revival At The Quay Playhouse\n"+
		"By Jane Roe\n"+
		"March 4, 2025 9:10am\n"+
		"Tomas Ek John Doe/Getty Images\n"+
		"Tomas Ek will join the revival of Low Water at the Quay Playhouse, which has extended its run into the summer season after strong sales.\n"+
		"The production opened in January and has sold out most of its dates, the theatre said.\n")
	if !slices.Equal(a.Captions, []string{"Tomas Ek"}) {
		t.Errorf("Captions = %q", a.Captions)
	}
}

// A caption whose photographer's name follows its last sentence alone
// (two spaces set them apart on the page) is a caption, not the first
// paragraph; a masthead or a menu ending on capitalised words is none.
func TestCaptionWithNameAlone(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, want string
		ok      bool
	}{
		{"The ferry terminal will close for repairs from November.  Jane Roe", "The ferry terminal will close for repairs from November.", true},
		{"Harbour Ledger - News Sport Business U.S. Politics Opinion", "", false},
		{"Department of Transport. Te Manatū Waka", "", false},
		{"The ferry terminal will close for repairs from November. JANE ROE", "", false}, // capitals: another rule's
	}
	for _, tt := range tests {
		if c, ok := namedCreditTail(cleanLine(tt.s)); c != tt.want || ok != tt.ok {
			t.Errorf("namedCreditTail(%q) = %q, %v; want %q, %v", tt.s, c, ok, tt.want, tt.ok)
		}
	}
	a := parsePage(t, " date 2025-05-08 Harbour Ledger\n"+
		"Ferry terminal to close for repairs as operator books loss\n"+
		"By Jane Roe\n"+
		"May 8, 2025\n"+
		"The ferry terminal will close for repairs from November.  John Doe\n"+
		"The harbour's ferry operator will close its main terminal for six months and book a loss of £4 million, it said on Thursday.\n"+
		"Passengers will board from a temporary pontoon on the north quay while the work is done.\n")
	if !slices.Equal(a.Captions, []string{"The ferry terminal will close for repairs from November."}) {
		t.Errorf("Captions = %q", a.Captions)
	}
	checkText(t, a.Text, want{textStart: "The harbour's", textEnd: "work is done.", paragraphs: 2})
}

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

// A paragraph in the story's run that ends on a bare name after its last
// sentence (a quote's speaker, a letter's signature) is no caption glued
// to its photographer when it reads as prose: it reports speech, holds
// two sentences, speaks as "I" or runs long. Nor is a long paragraph
// ending on a name "unterminated sentences between paragraphs". A short
// sentence over its photographer's name between paragraphs is still a
// picture's caption.
func TestParagraphEndingOnNameIsNoCaption(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2024-05-02 Home News Politics Business Sport\n"+
		"Harbour Post\n"+
		"Council backs new flood wall for the old quay\n"+
		"By Jane Roe\n"+
		"May 2, 2024\n"+
		"The council voted on Wednesday to build a flood wall along the old quay, after the harbour flooded three times last winter.\n"+
		"The wall will cost about £12 million and take two years to build, the council's engineers said in a report to the meeting.\n"+
		"Residents of the quay had asked for the wall for a decade. \"We have sandbagged our doors every winter since 2014, and we are tired,\" one of them told the meeting. Mary Quinn\n"+
		"The council leader said the engineers had told him the plan would be ready in the spring. John Doe\n"+
		"Sandbags line the doors of houses on the old quay. Tom Hale\n"+
		"Work on the first section is due to start in September, once the council has chosen a builder from the six firms that bid for the contract.\n"+
		"Many residents came to the meeting on Wednesday to hear the vote, which the council had put off twice since the winter, first for a report from its engineers and then for a consultation that ran until March and drew more than 900 replies from people living along the quay. Ann Lee\n"+
		"The council will publish the builder's name in June.\n")
	checkText(t, a.Text, want{
		textStart:  "The council voted",
		textEnd:    "name in June.",
		excludes:   []string{"Sandbags line"},
		paragraphs: 7,
	})
	for _, s := range []string{"one of them told the meeting. Mary Quinn", "ready in the spring. John Doe", "along the quay. Ann Lee"} {
		if !strings.Contains(a.Text, s) {
			t.Errorf("Text = %q, want the paragraph ending %q", a.Text, s)
		}
	}
	if want := []string{"Sandbags line the doors of houses on the old quay."}; !slices.Equal(a.Captions, want) {
		t.Errorf("Captions = %q, want %q", a.Captions, want)
	}
}
