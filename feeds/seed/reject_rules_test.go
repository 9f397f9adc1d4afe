package seed

import (
	"errors"
	"strings"
	"testing"
)

// Pages with no article, each pinned on invented text: a real article must never be rejected.

// A table of figures, one cell a line, under a single unsigned note on
// how to read it (an election results page) is no article; a signed
// story of one paragraph over a table is one.
func TestResultsTableWithNote(t *testing.T) {
	t.Parallel()
	page := " date 2025-05-08 Harbour Courier\n" +
		"Council Election Results 2025: North Ward\n" +
		"Last updated May 8, 2025, 6:02 AM\n" +
		"Results are provisional and may change as the last boxes are counted, and the winners are marked once the returning officer declares them.\n" +
		"Candidate\nParty\nVotes\nShare\n" +
		"Jane Roe\nGreen\n4,118\n52.3%\n" +
		"John Doe\nLabour\n3,756\n47.7%\n" +
		"Ada Vale\nGreen\n2,402\n61.0%\n" +
		"Per Lund\nLabour\n1,537\n39.0%\n" +
		"© 2025 Harbour Courier\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(page)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("results table: err = %v, want ErrNoArticle", err)
	}
	signed := strings.Replace(page, "Last updated", "By Jane Roe\nLast updated", 1)
	if _, err := Parse("100_0123456789abcdef.txt", []byte(signed)); err != nil {
		t.Errorf("signed story over a table: err = %v", err)
	}
}

// A registration wall, a prompt over a form with a password field and
// the form's hints, is no article; a story with a sign-in box after its
// paragraphs is one, signed or not.
func TestSignInWall(t *testing.T) {
	t.Parallel()
	wall := " date 2025-05-08 Harbour Courier\n" +
		"News\nSport\nBusiness\n" +
		"Ferry fares to rise in June under the council's transport plan\n" +
		"Sign up to keep reading\n" +
		"You have three free stories left this month. Create a free account, or subscribe for full access.\n" +
		"Email address\n" +
		"Create a password\n" +
		"Use 10 characters or more, with one digit.\n" +
		"Continue\n" +
		"By signing up, you accept our terms of use and privacy notice.\n" +
		"© 2025 Harbour Courier\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(wall)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("sign-in wall: err = %v, want ErrNoArticle", err)
	}
	story := " date 2025-05-08 Harbour Courier\n" +
		"Ferry fares to rise in June under the council's transport plan\n" +
		"By Jane Roe\n" +
		"May 8, 2025\n" +
		"Ferry fares will rise by 40 pence in June, the council said on Thursday, the first increase in four years.\n" +
		"The council said the money would pay for two new boats.\n" +
		"Log in to comment\n" +
		"Email address\n" +
		"Password\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(story)); err != nil {
		t.Errorf("story with a sign-in box: err = %v", err)
	}
	unsigned := strings.Replace(strings.Replace(story, "By Jane Roe\n", "", 1), "May 8, 2025\n", "", 1)
	if _, err := Parse("100_0123456789abcdef.txt", []byte(unsigned)); err != nil {
		t.Errorf("unsigned story with a sign-in box: err = %v", err)
	}
}

// An outlet's index page (an e-edition's) has no headline but the
// masthead and one line about the page; a story under the masthead, with
// no headline of its own, is still an article.
func TestIndexPageUnderMasthead(t *testing.T) {
	t.Parallel()
	index := " date 2025-05-08 Skip to main content\n" +
		"The Harbour Quill\n" +
		"Subscribe\nNews\nSport\nBusiness\n" +
		"Print Edition\n" +
		"View the replica\n" +
		"Thursday, May 8, 2025\n" +
		"Flip through every page of the day's printed paper, with the puzzles.\n" +
		"Section A\nA1\nSection B\nB1\n" +
		"Earlier Editions\n" +
		"Wednesday, May 7, 2025\n" +
		"Tuesday, May 6, 2025\n" +
		"© 2025 The Harbour Quill\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(index)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("index page: err = %v, want ErrNoArticle", err)
	}
	story := " date 2025-05-08 Skip to main content\n" +
		"The Harbour Quill\n" +
		"Subscribe\nNews\nSport\nBusiness\n" +
		"Thursday, May 8, 2025\n" +
		"Ferry fares will rise by 40 pence in June, the council said on Thursday.\n" +
		"The council said the money would pay for two new boats, the first since 2009.\n" +
		"© 2025 The Harbour Quill\n"
	a, err := Parse("100_0123456789abcdef.txt", []byte(story))
	if err != nil {
		t.Fatalf("story under the masthead: err = %v", err)
	}
	checkText(t, a.Text, want{textStart: "Ferry fares", textEnd: "since 2009.", paragraphs: 2})
}
