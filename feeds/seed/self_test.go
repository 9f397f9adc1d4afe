package seed

import (
	"slices"
	"testing"
)

func TestOwnNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		source string
		want   []string
	}{
		{"The Daily Courier", []string{"The Daily Courier", "THE DAILY COURIER", "Daily Courier", "DAILY COURIER", "dailycourier.com"}},
		{"Harbour Bay Free Press", []string{"Harbour Bay Free Press", "HARBOUR BAY FREE PRESS", "HBFP", "harbourbayfreepress.com"}},
		{"Ministry of Ports", []string{"Ministry of Ports", "MINISTRY OF PORTS", "ministryports.com"}},
		{"KX", nil},
	}
	for _, tt := range tests {
		if got := ownNames(tt.source); !slices.Equal(got, tt.want) {
			t.Errorf("ownNames(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
}

func TestSelfNaming(t *testing.T) {
	t.Parallel()
	names := ownNames("The Harbour Ledger")
	tests := []struct {
		s    string
		want bool
	}{
		// The page's own voice.
		{"Join the Harbour Ledger's Telegram channel for the latest news.", true},
		{"Support THE HARBOUR LEDGER's journalism of integrity.", true},
		{"Jane Roe is a reporter for The Harbour Ledger covering the port.", true},
		{"For the latest news, weather and sports, head to harbourledger.com.", true},
		{"This column does not reflect the views of The Harbour Ledger or its owners.", true},
		// A party to the reporting.
		{"A port spokesman told The Harbour Ledger that the quay would close.", false},
		{"The plan, seen by the Harbour Ledger, puts the cost at £40m.", false},
		{"According to The Harbour Ledger's count, 14 boats sank.", false},
		{"The Harbour Ledger reached out to the council for comment.", false},
		{"DOVER (The Harbour Ledger) - The council voted on Tuesday.", false},
		{"Staff writer John Doe contributed to this report for The Harbour Ledger.", false},
		{"Correction: An earlier version misnamed the quay. The Harbour Ledger regrets the error.", false},
		// Quoted, or not the name.
		{"“I never read The Harbour Ledger,” she said.", false},
		{"The harbour ledger books were kept by the clerk.", false},
	}
	for _, tt := range tests {
		if got := selfNaming(tt.s, names); got != tt.want {
			t.Errorf("selfNaming(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// A page's own voice at the end of the story (an appeal naming the
// publisher, with a sentence about journalism between its lines) and in a
// weak line inside it is cut, whatever its wording; a closing paragraph
// naming the publisher as a party to the reporting stays.
func TestSelfNamingLinesCut(t *testing.T) {
	t.Parallel()
	a := parsePage(t, " date 2021-06-03 Home\n"+
		"The Harbour Ledger\n"+
		"News\n"+
		"Sport\n"+
		"Dover council delays vote on quay repairs\n"+
		"By Jane Roe\n"+
		"June 3, 2021\n"+
		"Dover council on Thursday put off a vote on repairing the north quay until its July meeting, saying it needed a second survey.\n"+
		"The quay, built in 1911, has been closed to lorries since a section of its wall slipped in March.\n"+
		"Why you can trust the Harbour Ledger\n"+
		"Councillors said the first survey, which put the cost at £4m, did not cover the seabed under the wall.\n"+
		"A council spokesman told the Harbour Ledger the second survey would take six weeks.\n"+
		"Back The Harbour Ledger's independent reporting\n"+
		"Good reporting costs a lot of money. Only good reporting can keep a town informed about the decisions made in its name.\n"+
		"By giving to The Harbour Ledger, you help keep local news free for everyone.\n"+
		"Most read\n")
	checkText(t, a.Text, want{
		textStart:  "Dover council on Thursday",
		textEnd:    "would take six weeks.",
		paragraphs: 4,
		excludes:   []string{"trust", "Good reporting", "giving"},
	})
	if a.Source != "The Harbour Ledger" {
		t.Errorf("Source = %q", a.Source)
	}
}
