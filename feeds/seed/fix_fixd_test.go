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
