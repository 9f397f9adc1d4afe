package seed

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestScoreProse checks the prose score on body paragraphs, short ones
// included, and on furniture of shapes the junk vocabulary does not list.
func TestScoreProse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line  string
		prose bool
	}{
		{"He declined to comment.", true},
		{"Federman reported from Jerusalem.", true},
		{"The escalation follows weeks of tension in Jerusalem.", true},
		{"“Get out of here,” he shouted at the reporters.", true},
		{"“You have to act now,” the mayor told residents on Tuesday.", true},
		{"Weitere Schlepper sollen am Sonntag eintreffen.", true},
		{"The US dispatched an envoy to the region, officials said.", true},
		{"Why it matters: Car prices are one of the main drivers of inflation.", true},
		{"We need to talk about housing.", true},
		{"You might think the housing crisis is over.", true},
		{"Le gouvernement a annoncé mardi un plan de relance.", true},
		{"Die Regierung hat am Dienstag ein Konjunkturpaket vorgestellt.", true},
		{"“Never again.”", true},
		{"Want to build tools like these? Our team is growing — check out our open jobs.", false},
		{"Curious about the data? We publish it weekly — visit our archive.", false},
		{"The vote was close — but the motion passed, officials said.", true},
		{"Get local news delivered to your inbox!", false},
		{"Join our WhatsApp community for breaking news alerts.", false},
		{"Republish our articles for free, online or in print, under Creative Commons licence.", false},
		{"Thanks for reading The Harbour Ledger! Subscribe for free to receive new posts.", false},
		{"Have a news tip? Email us at tips@example.com.", false},
		{"Our journalism depends on readers like you.", false},
		{"Fox News Flash top headlines are here. Check out what's clicking on Foxnews.com.", false},
		{"(Except for the headline, this story has not been edited by our staff.)", false},
		{"RELATED: Storm knocks out power to thousands", false},
		{"Photos: The storm in pictures", false},
		{"Story continues below advertisement", false},
		{"Why you can trust SCMP", false},
		{"Search CNN...", false},
		{"Covid Cases In Delhi Fall Below 13,000 For First Time In A Month", false},
		{"TEXAS DEPUTIES SEIZE 300 POUNDS OF DRUGS IN TRAFFIC STOP", false},
		{"Politics · Congress · Senate", false},
		{"Listen to this story, 5 min", false},
		{"Story continues below advertisement", false},
		{"Article continues after this ad", false},
		{"Scroll to continue with content", false},
		{"Continue reading the main story", false},
		{"This article is part of our series on climate.", false},
		{"For more news, visit our website.", false},
		{"Stories of survival emerged from the rubble on Friday.", true},
		{"Content moderation has become a political fight.", true},
		{"Access your favourite topics in a personalised feed while on the go.", false},
		{"The US dispatched an envoy to Israel on Wednesday.", true},
		{"Meanwhile our correspondent reported more strikes overnight.", true},
		{"Under our constitution, the president cannot serve a third term.", true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			t.Parallel()
			if p := scoreProse(tt.line, false); p.isProse() != tt.prose {
				t.Errorf("isProse = %v, want %v: %s", p.isProse(), tt.prose, p)
			}
		})
	}
}

// TestBodyDensity checks the body assembly on furniture inside and after
// the body that no vocabulary names, and on the short lines it keeps.
func TestBodyDensity(t *testing.T) {
	t.Parallel()
	head := " date 2021-05-12 Home | News | World | Sport\n" +
		"Council votes to close the old library\n" +
		"By Jane Doe\n" +
		"May 12, 2021\n" +
		"The council voted on Monday to close the library at the end of the year.\n"
	tests := []struct {
		name  string
		rest  string
		paras []string // after the first
	}{
		{
			name: "a prompt and an inline link inside, a short last paragraph",
			rest: "Members said the building was too costly to repair.\n" +
				"Want more local news? Get our free morning briefing.\n" +
				"The library's books will move to the new civic centre.\n" +
				"WATCH: Residents protest outside the town hall\n" +
				"The mayor was not available.\n",
			paras: []string{"Members said the building was too costly to repair.", "The library's books will move to the new civic centre.", "The mayor was not available."},
		},
		{
			name: "a lone subhead between paragraphs, a lead-in over a list",
			rest: "Members said the building was too costly to repair.\n" +
				"What happens to the books\n" +
				"The books will move to the new civic centre in the spring.\n" +
				"By the numbers:\n" +
				"The library lent 40,000 books last year, down from 90,000 in 2010.\n",
			paras: []string{"Members said the building was too costly to repair.", "What happens to the books", "The books will move to the new civic centre in the spring.", "By the numbers:", "The library lent 40,000 books last year, down from 90,000 in 2010."},
		},
		{
			name: "a list of fragments under a lead-in",
			rest: "Members said the building was too costly to repair.\n" +
				"What the closure means:\n" +
				"40,000 books to move\n" +
				"Six jobs at risk\n" +
				"The books will move to the new civic centre in the spring.\n",
			paras: []string{"Members said the building was too costly to repair.", "What the closure means:", "40,000 books to move", "Six jobs at risk", "The books will move to the new civic centre in the spring."},
		},
		{
			name: "a box of two teasers inside, tags and a promotion after",
			rest: "Members said the building was too costly to repair.\n" +
				"Editors' picks\n" +
				"Man charged after crash on Route 9\n" +
				"School board delays vote on start times\n" +
				"The books will move to the new civic centre in the spring.\n" +
				"Libraries · Local government · Budget\n" +
				"Get the Courier app for the latest local headlines.\n",
			paras: []string{"Members said the building was too costly to repair.", "The books will move to the new civic centre in the spring."},
		},
		{
			name: "a labelled row of tags and a tagline after the body",
			rest: "Members said the building was too costly to repair.\n" +
				"Tagged with: Libraries, Budget, Town Hall\n" +
				"Courier Daily\n" +
				"The smartest guide to local politics, every weekday morning.\n",
			paras: []string{"Members said the building was too costly to repair."},
		},
		{
			name: "a list of teasers under a label closes the body",
			rest: "Members said the building was too costly to repair.\n" +
				"More from the Courier\n" +
				"Council approves budget with new money for parks\n" +
				"The plan adds $2 million for playgrounds and trails across the city.\n" +
				"School board delays vote on later start times\n" +
				"Parents packed the meeting to argue both sides of the proposal.\n",
			paras: []string{"Members said the building was too costly to repair."},
		},
		{
			name: "an explainer's one-paragraph sections are kept",
			rest: "What happens to the books\n" +
				"The books will move to the new civic centre in the spring.\n" +
				"What happens to the staff\n" +
				"The six librarians will be offered jobs at the civic centre.\n",
			paras: []string{"What happens to the books", "The books will move to the new civic centre in the spring.", "What happens to the staff", "The six librarians will be offered jobs at the civic centre."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse("100_0123456789abcdef.txt", []byte(head+tt.rest))
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(a.Text, "\n\n")
			want := append([]string{"The council voted on Monday to close the library at the end of the year."}, tt.paras...)
			if !slices.Equal(got, want) {
				t.Errorf("paragraphs:\ngot  %q\nwant %q", got, want)
			}
		})
	}
}

// TestSectionFront checks that a list of headlines with a teaser and a
// date each is no article, while a live page whose posts have one
// paragraph each is one.
func TestSectionFront(t *testing.T) {
	t.Parallel()
	front := " date 2021-05-12 Local News\n" +
		"Council approves budget with new money for parks\n" +
		"The plan adds $2 million for playgrounds and trails across the city.\n" +
		"May 12, 2021\n" +
		"School board delays vote on later start times\n" +
		"Parents packed the meeting to argue both sides of the proposal.\n" +
		"May 11, 2021\n" +
		"Police seek witnesses after crash on Route 9\n" +
		"A driver was taken to hospital with serious injuries on Monday night.\n" +
		"May 11, 2021\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(front)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("section front: err = %v, want ErrNoArticle", err)
	}
	tag := " date 2021-05-12 Topics\n" +
		"Tag: Drought\n" +
		"Farmers cut plantings as reservoirs fall\n" +
		"May 11, 2021\n" +
		"Growers in the valley plan to leave a fifth of their fields empty this year.\n" +
		"By Jane Doe\n" +
		"Water district asks towns to cut use by 15%\n" +
		"May 9, 2021\n" +
		"The district said the cuts would apply to lawns and golf courses first.\n" +
		"By John Roe\n" +
		"Load more\n"
	if _, err := Parse("100_0123456789abcdef.txt", []byte(tag)); !errors.Is(err, ErrNoArticle) {
		t.Errorf("tag page: err = %v, want ErrNoArticle", err)
	}
	live := " date 2021-05-12 Live\n" +
		"Storm live: thousands without power as winds hit the coast\n" +
		"By Jane Doe\n" +
		"Updated May 12, 2021 6:20 PM\n" +
		"Power lines are down\n" +
		"May 12, 2021 6:15 PM\n" +
		"About 40,000 homes have no power, the utility said.\n" +
		"Schools close early\n" +
		"May 12, 2021 5:50 PM\n" +
		"The district sent pupils home at noon.\n"
	a, err := Parse("100_0123456789abcdef.txt", []byte(live))
	if err != nil || !strings.Contains(a.Text, "The district sent pupils home at noon.") {
		t.Errorf("live page: err = %v, text %q; want the posts", err, a.Text)
	}
}

// TestNameStack checks names stacked on lines of their own under the
// date (NPR), and that one name alone there is no byline.
func TestNameStack(t *testing.T) {
	t.Parallel()
	page := func(names string) string {
		return " date 2021-05-13 National Security\n" +
			"Pipeline operator restarts fuel deliveries after ransomware attack\n" +
			"May 12, 2021 5:01 PM ET\n" +
			"Heard on All Things Considered\n" +
			names +
			"4-Minute Listen\n" +
			"The company said Wednesday that it had restarted operations after the attack.\n"
	}
	a, err := Parse("100_0123456789abcdef.txt", []byte(page("Greg Halvorsen\nJenna Okafor\n")))
	if err != nil || !slices.Equal(a.Authors, []string{"Greg Halvorsen", "Jenna Okafor"}) {
		t.Errorf("stacked names: Authors = %q, err %v; want both names", a.Authors, err)
	}
	a, err = Parse("100_0123456789abcdef.txt", []byte(page("Greg Halvorsen\n")))
	if err != nil || len(a.Authors) != 0 {
		t.Errorf("one name: Authors = %q, err %v; want none", a.Authors, err)
	}
}

// TestPublicationTitle checks the title taken from a company named after
// its publication.
func TestPublicationTitle(t *testing.T) {
	t.Parallel()
	for holder, want := range map[string]string{
		"The Conversation Media Group Ltd": "The Conversation",
		"The New York Times Company":       "The New York Times",
		"The Weather Network":              "",
		"Nation Media Group":               "",
		"The Guardian":                     "",
	} {
		if got := publicationTitle(holder); got != want {
			t.Errorf("publicationTitle(%q) = %q, want %q", holder, got, want)
		}
	}
}

// TestSlashedCreditAfterCaption checks a photographer and agency after a
// caption's last sentence.
func TestSlashedCreditAfterCaption(t *testing.T) {
	t.Parallel()
	c, ok := captionWithCredit("A man cools off under a sprinkler in Brisbane. Dan Peled/AAP")
	if !ok || c != "A man cools off under a sprinkler in Brisbane." {
		t.Errorf("got %q, %v; want the caption", c, ok)
	}
	if _, ok := captionWithCredit("Sales rose 4% in the year to March. Analysts had expected 3/4 of that."); ok {
		t.Error("a sentence with a fraction read as a credit")
	}
}

func TestLabelOverHeadline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want bool
	}{
		{"See also | Council delays vote on harbour levy", true},
		{"More: Council delays vote on harbour levy", true},
		{"Why it matters: The levy would fund the new sea wall.", false},
		{"The council met on Tuesday | a vote is due in June.", false},
	}
	for _, tt := range tests {
		if got := hasLabelOverHeadline(tt.s); got != tt.want {
			t.Errorf("hasLabelOverHeadline(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
