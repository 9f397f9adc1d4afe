package normalize

import (
	"strings"
	"testing"
)

// TestEmbeds checks the iframe allow-list: a player of an allowed host is
// kept, sandboxed, over https, with only its size, title and fullscreen
// flag; every other iframe is dropped with its contents, and the text
// around it stays.
func TestEmbeds(t *testing.T) {
	const sandbox = `sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"`
	const base = "https://blog.example/2026/post.html"
	for _, tt := range []struct {
		name, in, want string
	}{
		{
			"youtube, as tumblr embeds it",
			`<figure class="tmblr-full" data-provider="youtube"><iframe width="356" height="200" id="youtube_iframe" src="https://www.youtube.com/embed/m0BI0NyUiNU?feature=oembed&amp;enablejsapi=1" frameborder="0" allow="autoplay; encrypted-media" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen title="Caroline Shaw &amp; Sō Percussion"></iframe></figure>`,
			`<figure><iframe src="https://www.youtube.com/embed/m0BI0NyUiNU?feature=oembed&amp;enablejsapi=1" ` + sandbox + ` width="356" height="200" allowfullscreen="" title="Caroline Shaw &amp; Sō Percussion"></iframe></figure>`,
		},
		{
			"protocol-relative vimeo",
			`<p>Watch:</p><iframe src="//player.vimeo.com/video/76979871" width="640" height="360"></iframe>`,
			`<p>Watch:</p><iframe src="https://player.vimeo.com/video/76979871" ` + sandbox + ` width="640" height="360"></iframe>`,
		},
		{
			"http upgraded, host in capitals",
			`<iframe src="http://WWW.YOUTUBE-NOCOOKIE.COM/embed/x"></iframe>`,
			`<iframe src="https://www.youtube-nocookie.com/embed/x" ` + sandbox + `></iframe>`,
		},
		{
			"the feed's own sandbox is replaced, handlers and srcdoc dropped",
			`<iframe src="https://w.soundcloud.com/player/?url=x" sandbox="allow-top-navigation allow-forms" onload="alert(1)" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;" style="border:0"></iframe>`,
			`<iframe src="https://w.soundcloud.com/player/?url=x" ` + sandbox + `></iframe>`,
		},
		{
			"fallback contents dropped",
			`<iframe src="https://www.youtube.com/embed/x"><p>Your browser <a href="https://www.youtube.com/watch?v=x">cannot</a></p></iframe>`,
			`<iframe src="https://www.youtube.com/embed/x" ` + sandbox + `></iframe>`,
		},
		{"another host", `<p>a</p><iframe src="https://maps.example/embed?q=x" width="600"></iframe><p>b</p>`, `<p>a</p><p>b</p>`},
		{"lookalike host", `<p>a</p><iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>`, `<p>a</p>`},
		{"player host as user name", `<iframe src="https://www.youtube.com@evil.example/embed/x"></iframe>`, ``},
		{"a port", `<iframe src="https://www.youtube.com:8443/embed/x"></iframe>`, ``},
		{"script URL", `<iframe src="javascript://www.youtube.com/%0aalert(1)"></iframe>`, ``},
		{"relative, resolved against the blog", `<iframe src="/embed/x"></iframe><p>b</p>`, `<p>b</p>`},
		{"no src", `<div><iframe srcdoc="<b>x</b>"></iframe>text</div>`, `<div>text</div>`},
	} {
		if got := SanitizeHTML(tt.in, base); got != tt.want {
			t.Errorf("%s:\nSanitizeHTML(%q)\n = %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestEmbedsInText checks that a kept player adds nothing to the plain
// text, which the dedupe keys and topic matching read.
func TestEmbedsInText(t *testing.T) {
	a := &Article{Title: "t", Content: `<p>Before.</p><iframe src="https://www.youtube.com/embed/x" title="A video"></iframe><p>After.</p>`}
	a.Link = "https://blog.example/post"
	a.Finish("src", finishNow)
	if !strings.Contains(a.Content, `<iframe src="https://www.youtube.com/embed/x"`) {
		t.Errorf("Content lost the player: %q", a.Content)
	}
	if a.Text != "Before.\n\nAfter." {
		t.Errorf("Text = %q, want the two paragraphs only", a.Text)
	}
}

// TestUntitledMediaPost checks the title a post without one gets when it
// has no text either: its player's title, else its picture's alt text.
func TestUntitledMediaPost(t *testing.T) {
	for _, tt := range []struct{ content, want string }{
		{`<figure><iframe src="https://www.youtube.com/embed/x" title="Caroline Shaw &amp; Sō Percussion - Lay All Your Love on Me (Live)"></iframe></figure>`,
			"Caroline Shaw & Sō Percussion - Lay All Your Love on Me (Live)"},
		{`<p><img src="https://img.example/a.jpg" alt="  A heron at  dawn "></p>`, "A heron at dawn"},
		{`<p><img src="https://img.example/a.jpg" alt="a heron"></p><iframe src="https://player.vimeo.com/video/1" title="The film"></iframe>`, "The film"},
		{`<iframe src="https://player.vimeo.com/video/1"></iframe>`, ""},
		{`<p>Some words first.</p><iframe src="https://player.vimeo.com/video/1" title="The film"></iframe>`, "Some words first."},
	} {
		a := &Article{Content: tt.content, Link: "https://blog.example/post"}
		a.Finish("src", finishNow)
		if a.Title != tt.want {
			t.Errorf("content %q: Title = %q, want %q", tt.content, a.Title, tt.want)
		}
	}
}
