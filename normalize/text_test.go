package normalize

import (
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

func TestPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Gaza talks resume", "Gaza talks resume"},
		{"trim and collapse", "  Gaza \t talks\n\nresume  ", "Gaza talks resume"},
		{"nbsp", "Gaza\u00a0talks", "Gaza talks"},
		{"named entity", "AT&amp;T &eacute;t&eacute;", "AT&T été"},
		{"numeric entity", "&#8220;quoted&#x201D;", "“quoted”"},
		{"bare ampersand", "Q&A", "Q&A"},
		{"tags", "<b>Bold</b> <i>move</i>", "Bold move"},
		{"tag between words", "one<br>two", "one two"},
		{"script dropped", "Title<script>alert(1)</script> end", "Title end"},
		{"style dropped", "<style>p{color:red}</style>Title", "Title"},
		{"comment dropped", "a <!-- hidden -->b", "a b"},
		{"inline tags join", "de-<em>escalation</em>", "de-escalation"},
		{"block tags separate", "<p>One</p><p>Two</p>", "One Two"},
		{"line breaks", "<p>One\nTwo</p>", "One Two"},
		{"less than", "3 < 5", "3 < 5"},
		{"escaped tag stays text", "&lt;b&gt;", "<b>"},
		{"control characters", "a\x00b\x1fc\x7fd", "abc\x7fd"},
		{"control between words", "a \x01 b", "a b"},
		{"surrogate free", "a\uFFFEb\uFFFFc", "abc"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
		{"nfc", "Cafe\u0301", "Café"},
		{"cdata-like text", "<![CDATA[x]]>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := PlainText(tt.in); got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHTMLToText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"one paragraph", "<p>Hello <b>world</b>.</p>", "Hello world."},
		{"two paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"br", "One<br>Two<br/>Three", "One\n\nTwo\n\nThree"},
		{"list", "<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
		{"heading and div", "<h2>Head</h2><div>Body</div>", "Head\n\nBody"},
		{"inline tags join", "<p>de-<em>escalation</em> talks</p>", "de-escalation talks"},
		{"entities", "<p>AT&amp;T &lt;3</p>", "AT&T <3"},
		{"empty blocks dropped", "<p></p><p> </p><p>x</p><div>\u00a0</div>", "x"},
		{"source line breaks stay in paragraph", "<p>Hello\nworld,\r\nagain.</p>\n<p>Next.</p>", "Hello world, again.\n\nNext."},
		{"text without blocks", "just text", "just text"},
		{"script dropped", "<p>a</p><script>var x = '<p>';</script><p>b</p>", "a\n\nb"},
		{"control characters", "<p>a\x01b</p>", "ab"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr></table>", "a\n\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := HTMLToText(tt.in); got != tt.want {
				t.Errorf("HTMLToText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextToHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"blank", " \n\n ", ""},
		{"one", "Hello.", "<p>Hello.</p>"},
		{"two", "One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>"},
		{"single newline joins", "One\ntwo", "<p>One two</p>"},
		{"extra blank lines", "One.\n\n\n\nTwo.", "<p>One.</p>\n<p>Two.</p>"},
		{"escaped", `a < b & "c"`, "<p>a &lt; b &amp; &#34;c&#34;</p>"},
		{"script is text", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := TextToHTML(tt.in); got != tt.want {
				t.Errorf("TextToHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextRoundTrip(t *testing.T) {
	t.Parallel()
	text := "First paragraph, with <angle> & ampersand.\n\nSecond “paragraph”."
	if got := HTMLToText(TextToHTML(text)); got != text {
		t.Errorf("HTMLToText(TextToHTML(%q)) = %q, want it unchanged", text, got)
	}
}

func TestSanitizeHTML(t *testing.T) {
	t.Parallel()
	const base = "https://news.example/world/2024/story.html"
	tests := []struct {
		name, in, base, want string
	}{
		{"empty", "", base, ""},
		{"paragraph kept", "<p>Hello <b>world</b></p>", base, "<p>Hello <b>world</b></p>"},
		{"trimmed", "  <p>x</p>\n", base, "<p>x</p>"},
		{"relative link", `<a href="../other.html">x</a>`, base,
			`<a href="https://news.example/world/other.html" rel="nofollow noopener" target="_blank">x</a>`},
		{"root-relative image", `<img src="/img/a.jpg" alt="A">`, base,
			`<img src="https://news.example/img/a.jpg" alt="A"/>`},
		{"protocol-relative image", `<img src="//cdn.example/a.jpg">`, base,
			`<img src="https://cdn.example/a.jpg"/>`},
		{"fragment link", `<a href="#notes">notes</a>`, base,
			`<a href="https://news.example/world/2024/story.html#notes" rel="nofollow noopener" target="_blank">notes</a>`},
		{"quote cite", `<blockquote cite="/source">q</blockquote>`, base,
			`<blockquote cite="https://news.example/source">q</blockquote>`},
		{"absolute link", `<a href="http://other.example/a?b=1&amp;c=2">x</a>`, base,
			`<a href="http://other.example/a?b=1&amp;c=2" rel="nofollow noopener" target="_blank">x</a>`},
		{"no base", `<a href="/a">x</a>`, "", `<a href="/a" rel="nofollow">x</a>`},
		{"relative base", `<a href="/a">x</a>`, "/feeds/x", `<a href="/a" rel="nofollow">x</a>`},
		{"javascript base ignored", `<a href="#top">x</a>`, "javascript:alert(1)",
			`<a href="#top" rel="nofollow">x</a>`},
		{"data base ignored", `<img src="a.png">`, "data:text/html,<script>alert(1)</script>",
			`<img src="a.png"/>`},
		{"mailto kept", `<a href="mailto:desk@news.example">mail</a>`, base,
			`<a href="mailto:desk@news.example" rel="nofollow">mail</a>`},
		{"control characters stripped", "<p>a\x00b\x08c\x1bd</p>", base, "<p>abcd</p>"},
		{"escaped control character stripped", "<p>a&#1;b&#x1F;c</p>", base, "<p>abc</p>"},
		{"noncharacters stripped", "<p>a\uFFFEb\uFFFFc</p>", base, "<p>abc</p>"},
		{"invalid utf-8 replaced", "<p>a\xffb</p>", base, "<p>a\uFFFDb</p>"},
		{"tab and newline kept", "<pre>a\tb\nc</pre>", base, "<pre>a\tb\nc</pre>"},
		{"entities kept escaped", "<p>&lt;script&gt; &amp;</p>", base, "<p>&lt;script&gt; &amp;</p>"},
		{"unclosed link closed", `<p>See <a href="/a">this`, base,
			`<p>See <a href="https://news.example/a" rel="nofollow noopener" target="_blank">this</a></p>`},
		{"unclosed quote closed", "<blockquote>Quote", base, "<blockquote>Quote</blockquote>"},
		{"misnested tags", "<b><i>x</b>y</i>", base, "<b><i>x</i></b><i>y</i>"},
		{"stray end tag", "a</div>b", base, "ab"},
		{"relative link with spaces", `<a href=" /a ">x</a>`, base,
			`<a href="https://news.example/a" rel="nofollow noopener" target="_blank">x</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := SanitizeHTML(tt.in, tt.base); got != tt.want {
				t.Errorf("SanitizeHTML(%q, %q) =\n%q, want\n%q", tt.in, tt.base, got, tt.want)
			}
		})
	}
}

// xssVectors are inputs that must lose every script, handler and dangerous
// URL in SanitizeHTML. They are also fuzz seeds. They live in the
// repository's testdata/, shared with the end-to-end test in cmd/tidings
// that pushes them into every output format.
var xssVectors = func() []struct{ name, in string } {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "xss-vectors.json"))
	if err != nil {
		panic(err)
	}
	var raw []struct{ Name, HTML string }
	if err := json.Unmarshal(data, &raw); err != nil {
		panic(err)
	}
	out := make([]struct{ name, in string }, len(raw))
	for i, v := range raw {
		out[i].name, out[i].in = v.Name, v.HTML
	}
	return out
}()

// TestSanitizeHTMLResolvedLikeAbsolute checks that a link made absolute by
// resolution is sanitized like one that came absolute, so that sanitizing
// twice (as the feed adapter may) changes nothing.
func TestSanitizeHTMLResolvedLikeAbsolute(t *testing.T) {
	t.Parallel()
	const base = "https://news.example/world/"
	resolved := SanitizeHTML(`<p><a href="a.html">a</a></p>`, base)
	absolute := SanitizeHTML(`<p><a href="https://news.example/world/a.html">a</a></p>`, base)
	if resolved != absolute {
		t.Errorf("resolved link = %q, want %q as for an absolute one", resolved, absolute)
	}
	if again := SanitizeHTML(resolved, base); again != resolved {
		t.Errorf("SanitizeHTML twice = %q, want %q", again, resolved)
	}
}

func TestSanitizeHTMLXSS(t *testing.T) {
	t.Parallel()
	for _, tt := range xssVectors {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, base := range []string{"", "https://news.example/a/b.html", "javascript:alert(1)"} {
				got := SanitizeHTML(tt.in, base)
				if err := unsafeHTML(got); err != "" {
					t.Errorf("SanitizeHTML(%q, %q) = %q: %s", tt.in, base, got, err)
				}
			}
		})
	}
}

// unsafeHTML returns what makes s unsafe to republish, or "" when nothing
// does. It looks at the markup, not the text, because an article may well
// mention "javascript:" or "onclick=" in its prose.
func unsafeHTML(s string) string {
	if strings.Contains(strings.ToLower(s), "<script") {
		return `contains "<script"`
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			if z.Err() != io.EOF {
				return "does not tokenize: " + z.Err().Error()
			}
			return ""
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "iframe" {
			if why := unsafeEmbed(tok); why != "" {
				return why
			}
			continue
		}
		switch tok.Data {
		case "script", "style", "object", "embed", "svg", "math", "form",
			"base", "meta", "link", "frame", "frameset", "template", "noscript", "textarea", "title":
			return "has element <" + tok.Data + ">"
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			switch {
			case strings.HasPrefix(key, "on"):
				return "has event handler " + a.Key
			case key == "style" || key == "srcdoc" || key == "formaction":
				return "has attribute " + a.Key
			case key != "alt" && key != "title" && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") || strings.HasPrefix(val, "data:")):
				// alt and title are text, shown, never followed
				return "has dangerous URL " + a.Key + "=" + a.Val
			}
		}
	}
}

// unsafeEmbed returns what makes iframe tok unsafe to republish, or "":
// it must show an https page of an allowed host, sandboxed to the player's
// own origin (no top navigation, forms or modals), and carry nothing but
// its src, sandbox, size, title and allowfullscreen.
func unsafeEmbed(tok xhtml.Token) string {
	var src, sandbox bool
	for _, a := range tok.Attr {
		switch a.Key {
		case "src":
			u, err := url.Parse(a.Val)
			if err != nil || u.Scheme != "https" || !slices.Contains(embedHosts, u.Host) {
				return "has iframe of " + a.Val
			}
			src = true
		case "sandbox":
			for _, v := range strings.Fields(a.Val) {
				if !slices.Contains(embedSandbox, v) {
					return "has iframe sandbox " + a.Val
				}
			}
			sandbox = true
		case "width", "height", "title", "allowfullscreen":
		default:
			return "has iframe attribute " + a.Key
		}
	}
	if !src || !sandbox {
		return "has iframe without src or sandbox"
	}
	return ""
}

// FuzzSanitizeHTML checks that sanitized HTML is valid UTF-8 without
// characters XML cannot carry, and that no script, event handler or
// script URL survives, even when the output is sanitized again.
func FuzzSanitizeHTML(f *testing.F) {
	for _, tt := range xssVectors {
		f.Add(tt.in, "https://news.example/a/b.html")
	}
	f.Add(`<p>a <a href="../x">b</a> <img src="/c.png"></p>`, "https://news.example/a/b.html")
	f.Add(`<a href="#x">x</a>`, "javascript:alert(1)")
	f.Add("<p>a\x00b\xff</p>", "")
	f.Fuzz(func(t *testing.T, content, base string) {
		got := SanitizeHTML(content, base)
		if !utf8.ValidString(got) {
			t.Fatalf("SanitizeHTML(%q, %q) = %q, want valid UTF-8", content, base, got)
		}
		if i := strings.IndexFunc(got, func(r rune) bool { return !xmlChar(r) }); i >= 0 {
			t.Fatalf("SanitizeHTML(%q, %q) = %q, has a character XML cannot carry at %d", content, base, got, i)
		}
		if err := unsafeHTML(got); err != "" {
			t.Fatalf("SanitizeHTML(%q, %q) = %q: %s", content, base, got, err)
		}
		again := SanitizeHTML(got, base)
		if err := unsafeHTML(again); err != "" {
			t.Fatalf("SanitizeHTML twice (%q, %q) = %q: %s", content, base, again, err)
		}
	})
}

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"AT&amp;T", "<b>x</b>", "a\x00b", "Cafe\u0301", "<script>x", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := PlainText(s)
		if !utf8.ValidString(got) {
			t.Fatalf("PlainText(%q) = %q, want valid UTF-8", s, got)
		}
		if strings.ContainsFunc(got, func(r rune) bool { return !xmlChar(r) || r == '\n' || r == '\t' }) {
			t.Fatalf("PlainText(%q) = %q, want one line of XML characters", s, got)
		}
		if got != strings.TrimSpace(got) {
			t.Fatalf("PlainText(%q) = %q, want it trimmed", s, got)
		}
	})
}
