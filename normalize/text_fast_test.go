package normalize

import (
	"strings"
	"testing"
	"unicode"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// The fast paths of SanitizeHTML, HTMLToText, PlainText and collapseSpace
// must give
// what the general ones give; these fuzz targets compare them with the
// general code on the inputs each fast path takes.

func FuzzSanitizeHTMLPlain(f *testing.F) {
	f.Add("Rates \"steady\" at 4% > 3.9%, it's said\n\n  again\t")
	f.Add("\xff\xfe \u00a0 \u2028 \x0c\x01 é")
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "<&\x00\r") {
			return
		}
		want := strings.TrimSpace(stripInvalidXML(sanitizer().Sanitize(balanceHTML(s, nil))))
		if got := SanitizeHTML(s, "https://news.example/a"); got != want {
			t.Fatalf("SanitizeHTML(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzTextNoTags(f *testing.F) {
	f.Add("Rates &#34;steady&#34; at 4% &gt; 3.9%\n\n  again&amp;&amp &nbsp;\r\n")
	f.Add("&notit; &#x1F600; &#0; \xff \u0085")
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "<") {
			return
		}
		if got, want := HTMLToText(s), referenceParagraphs(htmlText(s, true)); got != want {
			t.Fatalf("HTMLToText(%q) = %q, want %q", s, got, want)
		}
		if got, want := PlainText(s), collapseSpaceReference(htmlText(s, false)); got != want {
			t.Fatalf("PlainText(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzCollapseSpace(f *testing.F) {
	f.Add(" a \t\n b\u00a0\u00a0c\x7f\x01\xff e\u0301 ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), collapseSpaceReference(s); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzStripInvalidXML compares stripInvalidXML, which returns most strings
// after a byte scan, with the rune by rune filter alone.
func FuzzStripInvalidXML(f *testing.F) {
	f.Add("plain \t\r\n text é \u00a0 \U0001F600")
	f.Add("\x01\x1f\x7f \xff\xfe \ufffe\uffff\ufffd \xed\xa0\x80 \xef\xbf\xbe")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Map(func(r rune) rune {
			if xmlChar(r) {
				return r
			}
			return -1
		}, strings.ToValidUTF8(s, "\uFFFD"))
		if got := stripInvalidXML(s); got != want {
			t.Fatalf("stripInvalidXML(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzHTMLToText compares HTMLToText, which collapses its paragraphs into
// one buffer, with collapsing each on its own and joining them.
func FuzzHTMLToText(f *testing.F) {
	f.Add("<p> One\r\ntwo </p><p>\u00a0</p><p>e\u0301</p>\u0301x<br>\x01<li>\xff</li>")
	f.Add("<p>a\u0308</p><p>\u0308\u0323b</p><p>\u2028\u3000 c \x7f</p>")
	for _, tt := range xssVectors {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range []string{s, SanitizeHTML(s, "https://news.example/a/b.html")} {
			if !strings.Contains(in, "<") {
				continue // FuzzTextNoTags
			}
			if got, want := HTMLToText(in), referenceParagraphs(htmlTextReference(in, true)); got != want {
				t.Fatalf("HTMLToText(%q) = %q, want %q", in, got, want)
			}
		}
	})
}

// FuzzHTMLText compares htmlText, and with it the scan of simpleHTMLText,
// with the tokenizer, on any HTML and on HTML as the sanitizer writes it.
func FuzzHTMLText(f *testing.F) {
	f.Add("<p>One\r\ntwo</p><script>x\n</script>three\n<br>four &amp; <b>five</b>")
	f.Add(`<P CLASS="a">x&#13;&#10;y</P><br/><br /><a href="https://e.x/?a=1&amp;b=&#34;>&#34;" rel="nofollow">l</a><h2 >t&lt;</h2>`)
	f.Add("<p title='x'>a</p><!-- c --><b x=y>z</b></p x><p\tclass=\"a\">\r\r\n<textarea>&amp;</textarea>< p>")
	for _, tt := range xssVectors {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range []string{s, SanitizeHTML(s, "https://news.example/a/b.html")} {
			for _, blocks := range []bool{false, true} {
				if got, want := htmlText(in, blocks), htmlTextReference(in, blocks); got != want {
					t.Fatalf("htmlText(%q, %v) = %q, want %q", in, blocks, got, want)
				}
			}
		}
	})
}

// TestSimpleHTMLTextTakesSanitized checks that the scan reads what the
// sanitizer writes, which is why it exists.
func TestSimpleHTMLTextTakesSanitized(t *testing.T) {
	for _, tt := range xssVectors {
		in := SanitizeHTML(tt.in+`<p class="x">a &amp; <a href="/b">b</a><br/><img src="c.png" alt="&#34;">`, "https://news.example/a/b.html")
		if _, ok := simpleHTMLText(in, true); !ok {
			t.Errorf("simpleHTMLText(%q) = _, false, want true", in)
		}
	}
}

// htmlTextReference is htmlText as it was before it wrote text tokens
// without converting them.
func htmlTextReference(s string, blocks bool) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				b.WriteString(strings.Map(lineBreakToSpace, string(z.Text())))
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "style" {
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken && skip > 0 {
					skip--
				}
			}
			if blockElements[tag] {
				if blocks {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
		}
	}
}

// collapseSpaceReference is collapseSpace as it was before its ASCII
// fast path.
func collapseSpaceReference(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
		case !xmlChar(r):
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// referenceParagraphs renders text with one block per line as HTMLToText
// must: each line collapsed by the reference collapser, the empty ones
// dropped, the rest joined by blank lines.
func referenceParagraphs(text string) string {
	var paras []string
	for _, p := range strings.Split(text, "\n") {
		if p = collapseSpaceReference(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
