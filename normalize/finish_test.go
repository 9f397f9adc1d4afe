package normalize

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// finishNow is the fixed time of fetching in Finish tests.
var finishNow = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func TestFinishDates(t *testing.T) {
	t.Parallel()
	jerusalem := time.FixedZone("IDT", 3*60*60)
	newYork := time.FixedZone("EDT", -4*60*60)
	at := func(h, m int, loc *time.Location) time.Time { return time.Date(2024, 5, 1, h, m, 0, 0, loc) }
	tests := []struct {
		name                       string
		published, updated         time.Time
		wantPublished, wantUpdated time.Time
		now                        time.Time
	}{
		{"undated gets now", time.Time{}, time.Time{}, finishNow, finishNow, finishNow},
		{"now made UTC", time.Time{}, time.Time{}, finishNow, finishNow, finishNow.In(jerusalem)},
		{"now truncated", time.Time{}, time.Time{}, finishNow, finishNow, finishNow.Add(700 * time.Millisecond)},
		{"both kept", at(8, 0, time.UTC), at(9, 0, time.UTC), at(8, 0, time.UTC), at(9, 0, time.UTC), finishNow},
		{"made UTC", at(11, 0, jerusalem), at(6, 30, newYork), at(8, 0, time.UTC), at(10, 30, time.UTC), finishNow},
		{"updated only", time.Time{}, at(9, 0, time.UTC), at(9, 0, time.UTC), at(9, 0, time.UTC), finishNow},
		{"published only", at(9, 0, time.UTC), time.Time{}, at(9, 0, time.UTC), at(9, 0, time.UTC), finishNow},
		{"updated before published", at(9, 0, time.UTC), at(8, 0, time.UTC), at(9, 0, time.UTC), at(9, 0, time.UTC), finishNow},
		{"updated before published across zones", at(12, 0, jerusalem), at(4, 0, newYork), at(9, 0, time.UTC), at(9, 0, time.UTC), finishNow},
		{"near future kept", finishNow.Add(MaxFuture), time.Time{}, finishNow.Add(MaxFuture), finishNow.Add(MaxFuture), finishNow},
		{"far future clamped", finishNow.Add(MaxFuture + time.Second), time.Time{}, finishNow, finishNow, finishNow},
		{"far future year clamped", time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{}, finishNow, finishNow, finishNow},
		{"future updated clamped", at(9, 0, time.UTC), finishNow.Add(48 * time.Hour), at(9, 0, time.UTC), at(9, 0, time.UTC), finishNow},
		{"future updated only", time.Time{}, finishNow.Add(48 * time.Hour), finishNow, finishNow, finishNow},
		{"future published, sane updated", finishNow.Add(48 * time.Hour), at(9, 0, time.UTC), finishNow, finishNow, finishNow},
		{"old date kept", time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), time.Time{},
			time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), finishNow},
		{"sub-second truncated", at(9, 0, time.UTC).Add(999 * time.Millisecond), time.Time{}, at(9, 0, time.UTC), at(9, 0, time.UTC), finishNow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := &Article{Title: "x", Published: tt.published, Updated: tt.updated}
			a.Finish("src", tt.now)
			if !a.Published.Equal(tt.wantPublished) || !a.Updated.Equal(tt.wantUpdated) {
				t.Errorf("Published, Updated = %v, %v, want %v, %v", a.Published, a.Updated, tt.wantPublished, tt.wantUpdated)
			}
			if a.Published.Location() != time.UTC || a.Updated.Location() != time.UTC {
				t.Errorf("locations = %v, %v, want UTC", a.Published.Location(), a.Updated.Location())
			}
			if a.Updated.Before(a.Published) {
				t.Errorf("Updated %v is before Published %v", a.Updated, a.Published)
			}
		})
	}
}

func TestFinishLink(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, link, guid  string
		wantLink, wantURL string
	}{
		{"link", "https://news.example/a?utm_source=rss", "g1",
			"https://news.example/a?utm_source=rss", "https://news.example/a"},
		{"link trimmed", "  https://news.example/a \n", "g1", "https://news.example/a", "https://news.example/a"},
		// Whether a GUID is a permalink is the adapter's to say (RSS
		// isPermaLink); an adapter that knows it is puts it in Link.
		{"url guid is no link", "", "https://news.example/a", "", ""},
		{"upper-case scheme link", "HTTPS://News.Example/a#x", "g1", "HTTPS://News.Example/a#x", "https://news.example/a"},
		{"link wins over guid", "https://news.example/a", "https://news.example/b", "https://news.example/a", "https://news.example/a"},
		{"opaque guid", "", "tag:news.example,2024:1", "", ""},
		{"urn guid", "", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "", ""},
		{"no link", "", "", "", ""},
		{"relative link dropped", "/a/b", "g1", "", ""},
		{"javascript link dropped", "javascript:alert(1)", "g1", "", ""},
		{"data link dropped", "data:text/html,x", "g1", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := &Article{Title: "x", Link: tt.link, GUID: tt.guid}
			a.Finish("src", finishNow)
			if a.Link != tt.wantLink || a.URL != tt.wantURL {
				t.Errorf("Link, URL = %q, %q, want %q, %q", a.Link, a.URL, tt.wantLink, tt.wantURL)
			}
		})
	}
}

func TestFinishContent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                   string
		in                     Article
		wantText, wantContent  string
		wantTitle, wantSummary string
	}{
		{
			name:        "text from content",
			in:          Article{Title: "T", Content: "<p>One <b>bold</b> move.</p><p>Two.</p>"},
			wantText:    "One bold move.\n\nTwo.",
			wantContent: "<p>One <b>bold</b> move.</p><p>Two.</p>",
			wantTitle:   "T",
		},
		{
			name:        "content from text",
			in:          Article{Title: "T", Text: "One <a> & b.\n\nTwo."},
			wantText:    "One <a> & b.\n\nTwo.",
			wantContent: "<p>One &lt;a&gt; &amp; b.</p>\n<p>Two.</p>",
			wantTitle:   "T",
		},
		{
			name:        "both kept",
			in:          Article{Title: "T", Text: "Plain.", Content: "<p>Rich.</p>"},
			wantText:    "Plain.",
			wantContent: "<p>Rich.</p>",
			wantTitle:   "T",
		},
		{
			name:        "blank text replaced",
			in:          Article{Title: "T", Text: " \n ", Content: "<p>Rich.</p>"},
			wantText:    "Rich.",
			wantContent: "<p>Rich.</p>",
			wantTitle:   "T",
		},
		{
			name:        "content sanitized and resolved against link",
			in:          Article{Title: "T", Link: "https://news.example/world/a.html", Content: `<p onclick="x()">See <a href="b.html">b</a></p><script>alert(1)</script>`},
			wantText:    "See b",
			wantContent: `<p>See <a href="https://news.example/world/b.html" rel="nofollow noopener" target="_blank">b</a></p>`,
			wantTitle:   "T",
		},
		{
			// The adapter puts a permalink GUID in Link; Finish cannot
			// tell one from an RSS guid with isPermaLink="false".
			name:        "content not resolved against guid",
			in:          Article{Title: "T", GUID: "https://news.example/world/a.html", Content: `<img src="i.png">`},
			wantContent: `<img src="i.png"/>`,
			wantTitle:   "T",
		},
		{
			name:      "only script",
			in:        Article{Title: "T", Content: "<script>alert(1)</script>"},
			wantTitle: "T",
		},
		{
			name:        "title and summary made plain",
			in:          Article{Title: " <b>Gaza</b> &amp; talks ", Summary: "<p>Short\n summary.</p>"},
			wantTitle:   "Gaza & talks",
			wantSummary: "Short summary.",
		},
		{
			name:        "title from summary and text",
			in:          Article{Summary: "One two three.", Text: "Four five six seven eight nine ten eleven twelve thirteen."},
			wantTitle:   "One two three. Four five six seven eight nine ten eleven twelve…",
			wantSummary: "One two three.",
			wantText:    "Four five six seven eight nine ten eleven twelve thirteen.",
			wantContent: "<p>Four five six seven eight nine ten eleven twelve thirteen.</p>",
		},
		{
			name:        "short title from text",
			in:          Article{Text: "Live updates"},
			wantTitle:   "Live updates",
			wantText:    "Live updates",
			wantContent: "<p>Live updates</p>",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := tt.in
			a.Finish("src", finishNow)
			if a.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", a.Text, tt.wantText)
			}
			if a.Content != tt.wantContent {
				t.Errorf("Content = %q, want %q", a.Content, tt.wantContent)
			}
			if a.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", a.Title, tt.wantTitle)
			}
			if a.Summary != tt.wantSummary {
				t.Errorf("Summary = %q, want %q", a.Summary, tt.wantSummary)
			}
		})
	}
}

func TestFinishAuthors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"nil", nil, []string{}},
		{"name", []string{"Lahav Harkov"}, []string{"Lahav Harkov"}},
		{"rss email and name", []string{"lahav@jpost.example (Lahav Harkov)"}, []string{"Lahav Harkov"}},
		{"name and angle address", []string{"Lahav Harkov <lahav@jpost.example>"}, []string{"Lahav Harkov"}},
		{"quoted name with comma", []string{`"Harkov, Lahav" <lahav@jpost.example>`}, []string{"Harkov, Lahav"}},
		{"escaped angle address", []string{"Lahav Harkov &lt;lahav@jpost.example&gt;"}, []string{"Lahav Harkov"}},
		{"bare address", []string{"desk@jpost.example"}, []string{"desk@jpost.example"}},
		{"angle address only", []string{"<desk@jpost.example>"}, []string{"desk@jpost.example"}},
		{"encoded word", []string{"=?utf-8?q?J=C3=A9r=C3=B4me?= <j@news.example>"}, []string{"Jérôme"}},
		{"parenthesis without address", []string{"Jane Doe (Reuters)"}, []string{"Jane Doe (Reuters)"}},
		{"html", []string{"<b>Jane</b>&nbsp;Doe"}, []string{"Jane Doe"}},
		{"blanks dropped", []string{"", "  ", "Jane"}, []string{"Jane"}},
		{"repeats dropped", []string{"Jane Doe", "jane doe", "jane@x.example (Jane Doe)"}, []string{"Jane Doe"}},
		{"order kept", []string{"B", "A", "B"}, []string{"B", "A"}},
		{"whitespace collapsed", []string{"  Jane \n Doe "}, []string{"Jane Doe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := &Article{Title: "x", Authors: tt.in}
			a.Finish("src", finishNow)
			if !slices.Equal(a.Authors, tt.want) || a.Authors == nil {
				t.Errorf("Authors(%q) = %#v, want %#v", tt.in, a.Authors, tt.want)
			}
		})
	}
}

func TestFinishCategories(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"nil", nil, []string{}},
		{"kept", []string{"Middle East", "Diplomacy"}, []string{"Middle East", "Diplomacy"}},
		{"case repeats", []string{"Politics", "politics", "POLITICS"}, []string{"Politics"}},
		{"space repeats", []string{"Middle East", " Middle  East "}, []string{"Middle East"}},
		{"entities", []string{"Arts &amp; Culture", "Arts & Culture"}, []string{"Arts & Culture"}},
		{"blanks", []string{"", " ", "World"}, []string{"World"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := &Article{Title: "x", Categories: tt.in}
			a.Finish("src", finishNow)
			if !slices.Equal(a.Categories, tt.want) || a.Categories == nil {
				t.Errorf("Categories(%q) = %#v, want %#v", tt.in, a.Categories, tt.want)
			}
		})
	}
}

func TestFinishID(t *testing.T) {
	t.Parallel()
	finished := func(a Article, origin string, now time.Time) Article {
		t.Helper()
		a.Finish(origin, now)
		return a
	}
	base := Article{Title: "Gaza talks", GUID: "guid-1", Link: "https://news.example/a", Text: "Body."}

	a := finished(base, "jpost", finishNow)
	if a.ID != NewID("jpost", "guid-1") {
		t.Errorf("ID = %q, want NewID(jpost, guid-1) = %q", a.ID, NewID("jpost", "guid-1"))
	}
	if len(a.ID) != 32 {
		t.Errorf("ID = %q, want 32 hex digits", a.ID)
	}

	edited := base
	edited.Title, edited.Text, edited.Link = "Gaza talks resume", "New body.", "https://news.example/a2"
	edited.Published = finishNow.Add(-time.Hour)
	if got := finished(edited, "jpost", finishNow.Add(time.Hour)).ID; got != a.ID {
		t.Errorf("ID after edit = %q, want unchanged %q", got, a.ID)
	}
	if got := finished(base, "toi", finishNow).ID; got == a.ID {
		t.Errorf("ID from another origin = %q, want it to differ", got)
	}
	spaced := base
	spaced.GUID = "  guid-1\n"
	if got := finished(spaced, "jpost", finishNow).ID; got != a.ID {
		t.Errorf("ID with spaced GUID = %q, want %q", got, a.ID)
	}

	noGUID := base
	noGUID.GUID = ""
	b := finished(noGUID, "jpost", finishNow)
	if b.GUID != "https://news.example/a" {
		t.Errorf("GUID without guid = %q, want the link", b.GUID)
	}
	if again := finished(noGUID, "jpost", finishNow.Add(time.Hour)); again.ID != b.ID {
		t.Errorf("ID without guid = %q then %q, want stable", b.ID, again.ID)
	}

	bare := Article{Title: "Gaza talks", Text: "Body."}
	c := finished(bare, "jpost", finishNow)
	if !strings.HasPrefix(c.GUID, "sha256:") {
		t.Errorf("GUID without guid or link = %q, want a sha256: hash", c.GUID)
	}
	if again := finished(bare, "jpost", finishNow.Add(time.Hour)); again.ID != c.ID {
		t.Errorf("ID without guid or link = %q then %q, want stable", c.ID, again.ID)
	}
	other := bare
	other.Title = "Other story"
	if got := finished(other, "jpost", finishNow).ID; got == c.ID {
		t.Errorf("ID of another linkless story = %q, want it to differ", got)
	}
}

func TestFinishCleansInvalidXML(t *testing.T) {
	t.Parallel()
	a := &Article{
		Title:      "a\x00b",
		Summary:    "c\x1bd",
		Content:    "<p>e\x0cf</p>",
		Authors:    []string{"g\x01h"},
		Categories: []string{"i\x02j"},
	}
	a.Finish("src", finishNow)
	for name, s := range map[string]string{
		"Title": a.Title, "Summary": a.Summary, "Content": a.Content, "Text": a.Text,
		"Author": a.Authors[0], "Category": a.Categories[0],
	} {
		if strings.ContainsFunc(s, func(r rune) bool { return !xmlChar(r) }) {
			t.Errorf("%s = %q, want no characters XML cannot carry", name, s)
		}
	}
}

func TestFinishKeepsPublishedOffset(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	bst := time.FixedZone("BST", 3600)
	a := Article{Title: "t", Link: "https://news.example/a", Published: time.Date(2024, 5, 1, 23, 6, 0, 0, bst)}
	a.Finish("s", now)
	if a.Published.Location() != time.UTC || a.Published.Format(time.RFC3339) != "2024-05-01T22:06:00Z" {
		t.Errorf("Published = %v, want 2024-05-01T22:06:00Z in UTC", a.Published)
	}
	if got := a.PublishedLocal().Format(time.RFC3339); got != "2024-05-01T23:06:00+01:00" {
		t.Errorf("PublishedLocal = %s, want the page's offset", got)
	}
	b := Article{Title: "t", Published: time.Date(2024, 5, 1, 23, 6, 0, 0, time.UTC)}
	b.Finish("s", now)
	if b.PublishedOffset != nil || b.PublishedLocal().Format(time.RFC3339) != "2024-05-01T23:06:00Z" {
		t.Errorf("a time without a zone: offset %v, local %v; want none and the clock time as given", b.PublishedOffset, b.PublishedLocal())
	}
}
