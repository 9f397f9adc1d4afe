package parse

import (
	"strings"
	"testing"
	"time"
)

// TestMediaRSSBody: an item whose only body is Media RSS's (a YouTube
// channel's feed; an RSS photo feed with media:content) takes it as its
// content: the thumbnail linked to the item, then the description, so
// that topics can match its words and readers see what it is.
func TestMediaRSSBody(t *testing.T) {
	const youtube = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <title>Harbour Council</title>
 <link rel="alternate" href="https://www.youtube.com/channel/UC1"/>
 <entry>
  <id>yt:video:abc123</id>
  <yt:videoId>abc123</yt:videoId>
  <title>Ferry timetable &amp; fares: explained</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=abc123"/>
  <published>2026-11-20T10:00:00+00:00</published>
  <media:group>
   <media:title>Ferry timetable &amp; fares: explained</media:title>
   <media:thumbnail url="https://i1.ytimg.com/vi/abc123/hqdefault.jpg" width="480" height="360"/>
   <media:description>The new winter timetable starts on 1 December.
Fares: https://harbour.example/fares
Timetable: https://harbour.example/ferries

Filmed at the harbour office &lt;3</media:description>
  </media:group>
 </entry>
</feed>`
	const photos = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Photos</title><link>https://photos.example/</link>
<item><title>Dawn over the harbour</title><link>https://photos.example/1</link><guid>p1</guid>
<media:content url="https://photos.example/1.jpg" medium="image"/>
<media:thumbnail url="https://photos.example/1-small.jpg"/>
<media:description type="html">&lt;p&gt;The &lt;b&gt;first&lt;/b&gt; ferry leaves.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</media:description>
</item>
<item><title>Own words</title><link>https://photos.example/2</link><guid>p2</guid><description>Its own description.</description>
<media:description>Not this one.</media:description></item>
</channel></rss>`
	for _, tt := range []struct {
		name, feed   string
		want         []string // in Content
		text         string
		notInContent string
	}{
		{"youtube", youtube, []string{
			`<a href="https://www.youtube.com/watch?v=abc123" rel="nofollow noopener" target="_blank"><img src="https://i1.ytimg.com/vi/abc123/hqdefault.jpg" alt="Ferry timetable &amp; fares: explained"/></a>`,
			`<p>The new winter timetable starts on 1 December.<br/>Fares: https://harbour.example/fares<br/>Timetable: https://harbour.example/ferries</p><p>Filmed at the harbour office &lt;3</p>`,
		}, "The new winter timetable starts on 1 December.\n\nFares: https://harbour.example/fares\n\nTimetable: https://harbour.example/ferries\n\nFilmed at the harbour office <3", ""},
		{"photo feed", photos, []string{
			`<img src="https://photos.example/1-small.jpg" alt="Dawn over the harbour"/>`,
			`<p>The <b>first</b> ferry leaves.</p>`,
		}, "The first ferry leaves.", "script"},
	} {
		f, err := Parse([]byte(tt.feed), Options{Source: "s", URL: "https://feeds.example/x.xml", Now: time.Now()})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		a := f.Articles[0]
		for _, w := range tt.want {
			if !strings.Contains(a.Content, w) {
				t.Errorf("%s: Content %q lacks %q", tt.name, a.Content, w)
			}
		}
		if a.Text != tt.text {
			t.Errorf("%s: Text = %q, want %q", tt.name, a.Text, tt.text)
		}
		if tt.notInContent != "" && strings.Contains(a.Content, tt.notInContent) {
			t.Errorf("%s: Content %q has %q", tt.name, a.Content, tt.notInContent)
		}
	}
	// An item with a body of its own keeps it.
	f, err := Parse([]byte(photos), Options{Source: "s", URL: "https://feeds.example/x.xml", Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if a := f.Articles[1]; a.Text != "Its own description." || strings.Contains(a.Content, "Not this one") {
		t.Errorf("an item with a description: Content %q, Text %q", a.Content, a.Text)
	}
}
