package parse

import (
	"reflect"
	"testing"

	"tidings/normalize"
)

// TestParseEnclosures: every format's enclosures reach the article, their
// URLs resolved as the item's link is, and Media RSS media:content is
// taken when an item has no enclosure. The item's link stays its own.
func TestParseEnclosures(t *testing.T) {
	t.Parallel()
	type enc = normalize.Enclosure
	tests := []struct {
		name, feed string
		link       string
		want       []enc
	}{
		{"rss enclosure", `<rss version="2.0"><channel><title>Pod</title><link>https://pod.example/show/</link>
			<item><title>Episode 12</title><link>https://pod.example/show/12</link><guid>ep-12</guid>
			<enclosure url="/media/12.mp3" length="23733521" type="audio/mpeg"/></item></channel></rss>`,
			"https://pod.example/show/12", []enc{{URL: "https://pod.example/media/12.mp3", Type: "audio/mpeg", Length: 23733521}}},
		{"rss image enclosure, length unknown", `<rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
			<item><title>Harbour</title><link>https://news.example/harbour</link>
			<enclosure url="https://img.news.example/harbour.jpg" length="" type="image/jpeg"/></item></channel></rss>`,
			"https://news.example/harbour", []enc{{URL: "https://img.news.example/harbour.jpg", Type: "image/jpeg"}}},
		{"rss enclosure without a link", `<rss version="2.0"><channel><title>Pod</title><link>https://pod.example/</link>
			<item><title>Episode 13</title><guid isPermaLink="false">ep-13</guid>
			<enclosure url="media/13.mp3" length="abc" type="audio/mpeg"/></item></channel></rss>`,
			"https://pod.example/media/13.mp3", []enc{{URL: "https://pod.example/media/13.mp3", Type: "audio/mpeg"}}},
		{"atom link rel=enclosure", `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://pod.example/feed/"><title>Pod</title><id>urn:pod</id>
			<entry><id>urn:pod:12</id><title>Episode 12</title><updated>2024-04-30T10:00:00Z</updated>
			<link rel="alternate" href="../show/12"/>
			<link rel="enclosure" href="../media/12.mp3" type="audio/mpeg" length="1000"/>
			<link rel="enclosure" href="https://cdn.example/12.jpg" type="image/jpeg"/></entry></feed>`,
			"https://pod.example/show/12", []enc{{URL: "https://pod.example/media/12.mp3", Type: "audio/mpeg", Length: 1000},
				{URL: "https://cdn.example/12.jpg", Type: "image/jpeg"}}},
		{"json feed attachments", `{"version": "https://jsonfeed.org/version/1.1", "title": "Pod", "home_page_url": "https://pod.example/",
			"items": [{"id": "12", "url": "https://pod.example/12", "content_text": "Notes.",
			"attachments": [{"url": "/media/12.m4a", "mime_type": "audio/x-m4a", "size_in_bytes": 8727310},
				{"url": "https://pod.example/12.srt", "mime_type": "application/x-subrip"}]}]}`,
			"https://pod.example/12", []enc{{URL: "https://pod.example/media/12.m4a", Type: "audio/x-m4a", Length: 8727310},
				{URL: "https://pod.example/12.srt", Type: "application/x-subrip"}}},
		{"media:content", `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>News</title><link>https://news.example/</link>
			<item><title>Harbour</title><link>https://news.example/harbour</link><description>Text.</description>
			<media:content url="//img.news.example/harbour.jpg" medium="image" width="" height=""/>
			<media:content url="https://video.news.example/harbour.mp4" type="video/mp4" fileSize="5650889" medium="video"/>
			<media:content medium="image"/></item></channel></rss>`,
			"https://news.example/harbour", []enc{{URL: "https://img.news.example/harbour.jpg", Type: "image/jpeg"},
				{URL: "https://video.news.example/harbour.mp4", Type: "video/mp4", Length: 5650889}}},
		{"media:group", `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Videos</title><id>urn:v</id>
			<entry><id>urn:v:1</id><title>Ferries</title><updated>2024-04-30T10:00:00Z</updated>
			<link rel="alternate" href="https://video.example/watch/1"/>
			<media:group><media:content url="https://video.example/v/1.mp4" type="video/mp4" width="640"/>
			<media:content url="https://video.example/v/1" type="application/x-shockwave-flash" width="640"/>
			<media:thumbnail url="https://video.example/1.jpg"/></media:group></entry></feed>`,
			"https://video.example/watch/1", []enc{{URL: "https://video.example/v/1.mp4", Type: "video/mp4"}}},
		{"enclosure over media:content", `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Pod</title>
			<item><title>Episode 14</title><link>https://pod.example/14</link>
			<enclosure url="https://pod.example/14.mp3" length="10" type="audio/mpeg"/>
			<media:content url="https://pod.example/14-cover.jpg" medium="image"/></item></channel></rss>`,
			"https://pod.example/14", []enc{{URL: "https://pod.example/14.mp3", Type: "audio/mpeg", Length: 10}}},
		{"an author's avatar is no enclosure", `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>TechCrunch</title>
			<item><title>Funding</title><link>https://tc.example/funding</link>
			<media:content url="http://1.gravatar.com/avatar/bbce6c3c?s=96&amp;d=identicon&amp;r=G" medium="image"><media:title type="html">jane</media:title></media:content>
			<media:content url="https://secure.gravatar.com/avatar/5225bb62?s=96" medium="image"/>
			<media:content url="https://tc.example/wp-content/uploads/funding.jpg" medium="image"/></item></channel></rss>`,
			"https://tc.example/funding", []enc{{URL: "https://tc.example/wp-content/uploads/funding.jpg", Type: "image/jpeg"}}},
		{"none", `<rss version="2.0"><channel><title>News</title><item><title>Plain</title><link>https://news.example/plain</link>
			<enclosure url="" type="audio/mpeg"/></item></channel></rss>`,
			"https://news.example/plain", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.feed), testOptions("inline"))
			if err != nil || len(f.Articles) != 1 {
				t.Fatalf("Parse: %v, %d articles", err, len(f.Articles))
			}
			a := f.Articles[0]
			if !reflect.DeepEqual(a.Enclosures, tt.want) {
				t.Errorf("Enclosures:\ngot  %+v\nwant %+v", a.Enclosures, tt.want)
			}
			if a.Link != tt.link {
				t.Errorf("Link = %q, want %q", a.Link, tt.link)
			}
		})
	}
}
