package seed

import (
	"slices"
	"strings"
	"testing"
)

func TestPublisherCandidates(t *testing.T) {
	t.Parallel()
	body := "Harbour Road\n" +
		"Ferry fares to rise in the autumn\n" +
		"By Jane Roe\n" +
		"May 12, 2021\n" +
		"Fares on the island ferries will rise by a tenth from September, the operator said on Tuesday.\n"
	tests := []struct {
		name, page, want string
	}{
		{
			name: "masthead line over a company holder",
			page: " date 2021-05-12 Menu\nThe Lantern\nTravel\n" + body + "© 2021 Beacon Media Holdings, LLC. All rights reserved.\n",
			want: "The Lantern",
		},
		{
			name: "masthead named again by a prompt beats a plain holder",
			page: " date 2021-05-12 Menu\nQuayside\nTravel\n" + body +
				"Get the Quayside app for the latest news.\nThank you for supporting Quayside.\n" +
				"© 2021 Northern Broadcasting Trust. All rights reserved.\n",
			want: "Quayside",
		},
		{
			name: "holder in company form of the masthead",
			page: " date 2021-05-12 Menu\nQuayside\nTravel\n" + body + "Quayside is an independent newsroom.\n© 2021 QUAYSIDE DIGITAL LLC\n",
			want: "Quayside",
		},
		{
			name: "club masthead with its holder spelled out",
			page: " date 2021-05-12 SHOP | TICKETS | MEMBERSHIP\nHarbour Athletic FC\nNews\n" + body + "© 2021 Harbour Athletic Football Club. All rights reserved.\n",
			want: "Harbour Athletic FC",
		},
		{
			name: "a company's own titled blog over its holder line",
			page: " date 2021-05-12 Blog\nHarbour Labs Engineering\nAll posts\n" + body +
				"Fares are set by Harbour Labs.\nSubscribe to the Harbour Labs Engineering newsletter\n© 2021 Harbour Labs, Inc.\n",
			want: "Harbour Labs Engineering",
		},
		{
			name: "sub-brand counts for the masthead",
			page: " date 2021-05-12 Menu\nKTX\nTravel\nKTX Weekend\nGardens\n" + body + "Source: KTX\n",
			want: "KTX",
		},
		{
			name: "name opening a menu row on line 1, named in passing",
			page: " date 2021-05-12 Evening Lamp News Travel Sport Money\n" + body + "Follow Lamp on social media\nJoin other Lamp readers in the comments\n© 2021 ELP Ltd\n",
			want: "Evening Lamp",
		},
		{
			name: "company holder the page prints as its name",
			page: " date 2021-05-12 Menu\nBeacon\nTravel\nFerry fares to rise in the autumn\nBy Jane Roe\nBeacon Media Group\nMay 12, 2021\n" +
				"Fares on the island ferries will rise by a tenth from September, the operator said on Tuesday.\n© Beacon Media Group\n",
			want: "Beacon Media Group",
		},
		{
			name: "a blog's name over its tagline",
			page: " date 2021-05 Letters from a Cold Harbour\nSmall boats, big weather and the odd good catch\nHome\nAbout\n" +
				"Sunday, 16 May 2021\nThe mackerel are back (and so are the gulls)\n" +
				"After a month of empty lines the first shoal came past the breakwater on Saturday, and by noon the whole pier was fishing.\n" +
				"I had six before the tide turned, which is more than I caught in the whole of April, and gave three to the neighbours.\n" +
				"Posted by Jane Roe at 8:47 pm\n",
			want: "Letters from a Cold Harbour",
		},
		{
			name: "a title of generic words after The is no section label",
			page: " date 2021-05-12 Menu\nHarbours\nThe Weekly\nTravel\nHarbours\n" + body +
				"The old pier at dusk.\nJane Roe / The Weekly\n© 2021 Strand Holdings Company. All rights reserved.\n",
			want: "The Weekly",
		},
		{
			name: "the outlet a source talked to",
			page: " date 2021-05-12 Menu\nQuayside\nTravel\n" + body +
				"The ferries have run at a loss for three years, the chief executive told Quayside.\n© 2021 Tern. All rights reserved.\n",
			want: "Quayside",
		},
		{
			name: "a holder named before the copyright sign",
			page: " date 2021-05-12 Menu\nHarbour Notes\nArchive\n" + body + "Harbour Notes © 2021\n",
			want: "Harbour Notes",
		},
		{
			name: "the outlet the author's bio names over an owner's copyright",
			page: " date 2021-05-12 Menu\nTravel\n" + body + "Jane Roe is a senior reporter at Quayside covering the harbour.\n© 2021 Northern Broadcasting Trust. All rights reserved.\n",
			want: "Quayside",
		},
		{
			name: "a lone menu word is no publisher",
			page: " date 2021-05-12 Menu\nTravel\n" + body,
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := parsePage(t, tt.page).Source; got != tt.want {
				t.Errorf("Source = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    string
		company bool
	}{
		{"The Lantern", "lantern", false},
		{"TheLantern.com", "lantern", false},
		{"Lantern Media Group", "lantern", true},
		{"LANTERN PUBLISHING PVT", "lantern", true},
		{"Lantern Daily Newspaper", "lantern daily", true},
		{"Harbour Athletic Football Club", "harbour athletic", true},
		{"Harbour Athletic FC", "harbour athletic", true},
		{"LANTERN SRL", "lantern", true},
	}
	for _, tt := range tests {
		key, company := nameKey(tt.in)
		if got := strings.Join(key, " "); got != tt.want || company != tt.company {
			t.Errorf("nameKey(%q) = %q, %v; want %q, %v", tt.in, got, company, tt.want, tt.company)
		}
	}
}

func TestAbbreviates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"rnl", "radio north lakes", true},
		{"lake star", "lakeland star", true},
		{"lake star", "lake star", false},
		{"lake", "lakeland star", false},
	}
	for _, tt := range tests {
		if got := abbreviates(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestExplainNamesTheSourceWinner(t *testing.T) {
	t.Parallel()
	ds, a, err := Explain("100_0123456789abcdef.txt", []byte(" date 2021-05-12 Menu\nThe Lantern\nTravel\n"+
		"Ferry fares to rise in the autumn\nBy Jane Roe\nMay 12, 2021\n"+
		"Fares on the island ferries will rise by a tenth from September, the operator said on Tuesday.\n"+
		"© 2021 Beacon Media Holdings, LLC.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(ds, func(d Decision) bool { return strings.Contains(d.Reason, `source "`+a.Source+`" won`) }) {
		t.Errorf("no decision says why %q is the source", a.Source)
	}
}
