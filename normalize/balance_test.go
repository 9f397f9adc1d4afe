package normalize

import (
	"net/url"
	"testing"
)

// FuzzBalance checks that simpleBalance, when it takes a fragment, writes
// what parsing and rendering it writes, with and without a base.
func FuzzBalance(f *testing.F) {
	for _, s := range []string{
		`<p>One &amp; <a href="/x?a=1&amp;b=2" title='it&#39;s'>two</a><br/><img src="c.png" alt="">` + "\r\n</p>",
		`<ul><li><p>a</p></li><li><b><i>b</i></b></li></ul><h2 id="x">T</h2><blockquote cite="q">q</blockquote>`,
		`<P CLASS="a">x</P ><BR><div><span>&notit; &#0; &#x1F600;</span></div><figure><img src="a"/><figcaption>c</figcaption></figure>`,
		`<p><div>x</div></p><li>y</li><a><a>z</a></a></br><p/>`,
		`<a href="x&notit;y">x</a><a href=x>y</a><img alt><b a="1" a="2">`,
		"a\x00b<p>\xff",
		"<h1><h2>x</h2></h1><b><p>x</p></b><em><div>y</div></em>",
		"<pre>\nx</pre><pre>\n\ny</pre><pre>&#13;\nz</pre><pre>\r\n\r\nw</pre><pre>\n</pre>",
		"<pre><code class=\"go\">\nfunc()</code></pre><pre>\n<b>x</b>\ny</pre><pre>&#10;&#10;v</pre><hr/><hr>",
		`<img src="a?x=1&p=2&copy=3" data-x title=a.b>`,
	} {
		f.Add(s)
	}
	for _, tt := range xssVectors {
		f.Add(tt.in)
	}
	base, err := url.Parse("https://news.example/a/b.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range []*url.URL{nil, base} {
			got, ok := simpleBalance(s, b)
			if !ok {
				continue
			}
			if want := parseAndRender(s, b); got != want {
				t.Fatalf("simpleBalance(%q, %v) = %q, want %q", s, b, got, want)
			}
		}
	})
}

// TestSimpleBalanceTakes checks that simpleBalance takes the kind of
// fragment it is for, so that the fast path is not dead code.
func TestSimpleBalanceTakes(t *testing.T) {
	for _, s := range []string{
		`<p>Rates rose &amp; fell, <a href="/markets?id=1&amp;x=2">markets</a> said.</p>` + "\n" + `<p><img src="a.jpg" alt="A chart"><br>Source: <em>Reuters</em></p>`,
		`<ul><li>One</li><li>Two</li></ul><h3>More</h3><blockquote><p>Quote</p></blockquote>`,
	} {
		if _, ok := simpleBalance(s, nil); !ok {
			t.Errorf("simpleBalance(%q) = _, false, want true", s)
		}
	}
}
