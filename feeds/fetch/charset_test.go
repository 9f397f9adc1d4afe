package fetch

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// rssTitled is an RSS document whose channel title is the %s.
func rssTitled(title string) string {
	return `<rss version="2.0"><channel><title>` + title + `</title></channel></rss>`
}

// xmlDecl is an XML declaration naming enc.
func xmlDecl(enc string) string {
	return `<?xml version="1.0" encoding="` + enc + `"?>`
}

// utf16Bytes encodes s as UTF-16 in the given byte order, after a BOM when
// bom is set. It uses the standard library, not the x/text decoders tested.
func utf16Bytes(s string, order binary.AppendByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	var b []byte
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return b
}

// utf32Bytes encodes s as UTF-32 in the given byte order, after a BOM when
// bom is set.
func utf32Bytes(s string, order binary.AppendByteOrder, bom bool) []byte {
	var b []byte
	if bom {
		b = order.AppendUint32(b, 0xFEFF)
	}
	for _, r := range s {
		b = order.AppendUint32(b, uint32(r))
	}
	return b
}

// parseFeed parses body with gofeed as feeds/parse does.
func parseFeed(t *testing.T, body []byte) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("gofeed: got error %v, want a feed from %q", err, body)
	}
	return f
}

// checkUTF8Result checks what ToUTF8 promises of every result: valid UTF-8,
// no BOM, and a leading XML declaration naming utf-8 (in any case) or no
// encoding.
func checkUTF8Result(t *testing.T, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Errorf("got invalid UTF-8 %q", out)
	}
	if bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Errorf("got a BOM in %q", out)
	}
	if enc := declaredAsGoSeesIt(out); enc != "" && !strings.EqualFold(enc, "utf-8") {
		t.Errorf("got declaration encoding %q, want utf-8 in %q", enc, out)
	}
}

// declaredAsGoSeesIt returns the encoding that encoding/xml, and so gofeed,
// reads from an XML declaration leading b, parsing as its procInst does (a
// separate implementation from the one tested).
func declaredAsGoSeesIt(b []byte) string {
	s := strings.TrimLeft(string(b), " \t\r\n")
	if !strings.HasPrefix(s, "<?xml") || len(s) < 6 || !strings.ContainsRune(" \t\r\n", rune(s[5])) {
		return ""
	}
	s, _, ok := strings.Cut(s[6:], "?>")
	if !ok {
		return "" // an unterminated declaration is a syntax error
	}
	for {
		_, after, ok := strings.Cut(s, "encoding=")
		if !ok || after == "" {
			return ""
		}
		if quote := after[0]; quote == '"' || quote == '\'' {
			value, _, ok := strings.Cut(after[1:], string(quote))
			if !ok {
				return ""
			}
			return value
		}
		s = after
	}
}

func TestToUTF8(t *testing.T) {
	t.Parallel()
	const (
		cyrillic = "Привет"
		cp1251   = "\xcf\xf0\xe8\xe2\xe5\xf2" // Привет
		koi8r    = "\xf0\xd2\xc9\xd7\xc5\xd4" // Привет
	)
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string // the channel title gofeed reads
		wantDecl    string // the declaration the result starts with, if checked
	}{
		{name: "utf-8 undeclared", body: []byte(rssTitled("Café")), want: "Café"},
		{name: "utf-8 declared", body: []byte(xmlDecl("utf-8") + rssTitled("Café")), want: "Café"},
		{
			name:     "utf-8 bom",
			body:     []byte("\xef\xbb\xbf" + xmlDecl("UTF-8") + rssTitled("Café")),
			want:     "Café",
			wantDecl: xmlDecl("UTF-8"),
		},
		{
			name:     "utf-16le bom with declaration",
			body:     utf16Bytes(xmlDecl("utf-16")+rssTitled(cyrillic), binary.LittleEndian, true),
			want:     cyrillic,
			wantDecl: xmlDecl("utf-8"),
		},
		{
			name: "utf-16be bom with declaration",
			body: utf16Bytes(xmlDecl("UTF-16")+rssTitled(cyrillic), binary.BigEndian, true),
			want: cyrillic,
		},
		{
			name: "utf-16be declared without bom",
			body: utf16Bytes(xmlDecl("utf-16be")+rssTitled(cyrillic), binary.BigEndian, false),
			want: cyrillic,
		},
		{
			name: "utf-16le undeclared without bom",
			body: utf16Bytes("\n"+rssTitled(cyrillic), binary.LittleEndian, false),
			want: cyrillic,
		},
		{
			name: "utf-16 bom beats http charset",
			body: utf16Bytes(rssTitled(cyrillic), binary.LittleEndian, true), contentType: "text/xml; charset=windows-1251",
			want: cyrillic,
		},
		{
			name: "utf-32le bom",
			body: utf32Bytes(xmlDecl("utf-32")+rssTitled(cyrillic), binary.LittleEndian, true),
			want: cyrillic,
		},
		{
			name: "utf-32be without bom",
			body: utf32Bytes(xmlDecl("utf-32")+rssTitled(cyrillic), binary.BigEndian, false),
			want: cyrillic,
		},
		{
			name:     "windows-1251 declared in xml",
			body:     []byte(xmlDecl("windows-1251") + rssTitled(cp1251)),
			want:     cyrillic,
			wantDecl: xmlDecl("utf-8"),
		},
		{
			name:     "windows-1251 declared with single quotes and spaces",
			body:     []byte("<?xml version='1.0' encoding = 'WINDOWS-1251' standalone='yes'?>" + rssTitled(cp1251)),
			want:     cyrillic,
			wantDecl: "<?xml version='1.0' encoding = 'utf-8' standalone='yes'?>",
		},
		{
			name:        "windows-1251 only in http charset",
			body:        []byte(rssTitled(cp1251)),
			contentType: "application/rss+xml; charset=windows-1251",
			want:        cyrillic,
		},
		{
			name:        "http charset overrides wrong declaration",
			body:        []byte(xmlDecl("iso-8859-1") + rssTitled(cp1251)),
			contentType: "application/rss+xml; charset=windows-1251",
			want:        cyrillic,
			wantDecl:    xmlDecl("utf-8"),
		},
		{
			name:        "http utf-8 overrides declared windows-1251",
			body:        []byte(xmlDecl("windows-1251") + rssTitled(cyrillic)),
			contentType: "text/xml; charset=UTF-8",
			want:        cyrillic,
			wantDecl:    xmlDecl("utf-8"),
		},
		{
			name:        "quoted http charset",
			body:        []byte(rssTitled(koi8r)),
			contentType: `application/xml; charset='KOI8-R'`,
			want:        cyrillic,
		},
		{
			name:        "text/xml without charset defers to the declaration",
			body:        []byte(xmlDecl("windows-1251") + rssTitled(cp1251)),
			contentType: "text/xml",
			want:        cyrillic,
		},
		{
			name:        "malformed http charset is ignored",
			body:        []byte(xmlDecl("koi8-r") + rssTitled(koi8r)),
			contentType: "text/xml; charset:windows-1251",
			want:        cyrillic,
		},
		{name: "koi8-r declared", body: []byte(xmlDecl("koi8-r") + rssTitled(koi8r)), want: cyrillic},
		{name: "big5 declared", body: []byte(xmlDecl("big5") + rssTitled("\xa4\xa4\xa4\xe5")), want: "中文"},
		{
			name: "gb2312 declared reads as gb18030",
			body: []byte(xmlDecl("gb2312") + rssTitled("\xd6\xd0\xce\xc4\x81\x30\x84\x36")),
			want: "中文¥",
		},
		{
			name:        "gb2312 in http charset",
			body:        []byte(rssTitled("\xd6\xd0\xce\xc4")),
			contentType: "application/atom+xml;charset=gb2312",
			want:        "中文",
		},
		{name: "undeclared latin-1", body: []byte(rssTitled("Caf\xe9 \x97 \x93x\x94")), want: "Café — “x”"},
		{
			name: "latin-1 declared as iso-8859-1 reads as windows-1252",
			body: []byte(xmlDecl("ISO-8859-1") + rssTitled("Caf\xe9 \x97")),
			want: "Café —",
		},
		{
			name: "latin-1 mislabelled utf-8",
			body: []byte(xmlDecl("utf-8") + rssTitled("Caf\xe9")),
			want: "Café",
		},
		{
			name: "utf-8 with a stray latin-1 byte",
			body: []byte(rssTitled("Caf\xc3\xa9 na \xe9poca")),
			want: "Café na época",
		},
		{
			name: "unknown label, utf-8 body",
			body: []byte(xmlDecl("x-bogus") + rssTitled("Café")), want: "Café",
			wantDecl: xmlDecl("utf-8"),
		},
		{name: "unknown label, latin-1 body", body: []byte(xmlDecl("bogus") + rssTitled("Caf\xe9")), want: "Café"},
		{
			name: "unknown http charset falls back to the declaration",
			body: []byte(xmlDecl("windows-1251") + rssTitled(cp1251)), contentType: "text/xml; charset=nonsense",
			want: cyrillic,
		},
		{
			name: "utf-16 http charset on an ascii-compatible body",
			body: []byte(rssTitled("Café")), contentType: "application/xml; charset=utf-16",
			want: "Café",
		},
		{
			name: "replacement label is ignored",
			body: []byte(xmlDecl("iso-2022-kr") + rssTitled("Café")),
			want: "Café",
		},
		{
			name: "ebcdic label is ignored",
			body: []byte(xmlDecl("IBM037") + rssTitled("Café")),
			want: "Café",
		},
		{
			name: "whitespace before the declaration",
			body: []byte("\r\n " + xmlDecl("windows-1251") + rssTitled(cp1251)),
			want: cyrillic,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := slices.Clone(tt.body)
			out := ToUTF8(tt.body, tt.contentType)
			if !bytes.Equal(tt.body, in) {
				t.Errorf("ToUTF8 modified its input: got %q, want %q", tt.body, in)
			}
			checkUTF8Result(t, out)
			if tt.wantDecl != "" && !bytes.HasPrefix(bytes.TrimLeft(out, " \r\n"), []byte(tt.wantDecl)) {
				t.Errorf("got %q, want it to start with %q", out, tt.wantDecl)
			}
			if got := parseFeed(t, out).Title; got != tt.want {
				t.Errorf("title: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestToUTF8Empty(t *testing.T) {
	t.Parallel()
	for _, body := range [][]byte{nil, {}, []byte("\xef\xbb\xbf"), []byte("\xff\xfe"), []byte("\x00"), []byte("<?xml")} {
		for _, ct := range []string{"", "text/xml; charset=utf-16", "text/xml; charset=koi8-r"} {
			out := ToUTF8(body, ct)
			checkUTF8Result(t, out)
			if len(out) > len(body) {
				t.Errorf("ToUTF8(%q, %q): got %q, want at most %d bytes", body, ct, out, len(body))
			}
		}
	}
}

// TestToUTF8NoCopy is not parallel: AllocsPerRun cannot run in parallel.
func TestToUTF8NoCopy(t *testing.T) {
	tests := []struct {
		name        string
		body        string
		contentType string
		skip        int // bytes of BOM the result starts after
	}{
		{name: "undeclared", body: rssTitled("Café")},
		{name: "declared", body: xmlDecl("UTF-8") + rssTitled("Café"), contentType: "application/rss+xml"},
		{name: "http charset", body: xmlDecl("utf-8") + rssTitled("Café"), contentType: "text/xml; charset=utf-8"},
		{name: "bom", body: "\xef\xbb\xbf" + xmlDecl("utf-8") + rssTitled("Café"), skip: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(tt.body)
			out := ToUTF8(body, tt.contentType)
			if len(out) != len(body)-tt.skip || &out[0] != &body[tt.skip] {
				t.Errorf("got a copy, want body[%d:] itself", tt.skip)
			}
			allocs := testing.AllocsPerRun(100, func() { _ = ToUTF8(body, tt.contentType) })
			if allocs != 0 {
				t.Errorf("got %v allocations, want 0", allocs)
			}
		})
	}
}

func TestXMLDeclEncoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // "" for none found
	}{
		{in: `<?xml version="1.0" encoding="koi8-r"?><rss/>`, want: "koi8-r"},
		{in: `<?xml version='1.0' encoding='Big5' standalone='no'?>`, want: "Big5"},
		{in: "<?xml\tversion=\"1.0\"\nencoding = \"x\" ?>", want: "x"},
		{in: "\n  <?xml version=\"1.0\" encoding=\"x\"?>", want: "x"},
		{in: `<?xml version="1.0"?><rss encoding="x"/>`},
		{in: `<?xml version="1.0" standalone="yes"?>`},
		{in: `<?xml-stylesheet href="a.xsl" encoding="x"?>`},
		{in: `<?xml version="1.0" encoding="x"`},
		{in: `<?xml version="1.0" encoding=x?>`},
		{in: `<?xml version="1.0" encoding="x?>`},
		{in: `<?xml version="1.0"encoding="x"?>`, want: "x"}, // encoding/xml reads it, so must we
		{in: `<?xml 0encoding="x"?>`, want: "x"},
		{in: `<?xml encoding = "a" encoding="b"?>`, want: "b"}, // encoding/xml sees only b
		{in: `<?xml encoding=encoding = "x"?>`, want: "x"},
		{in: `<?xmlish encoding="x"?>`},
		{in: `<?xml?>`},
		{in: `<rss><?xml version="1.0" encoding="x"?>`},
		{in: `<?xml version="1.0" encoding="x"?>`[:6]},
		{in: `<?xml version="1.0" ` + strings.Repeat(" ", 1000) + `encoding="x"?>`, want: "x"},
		{in: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			start, end, ok := xmlDeclEncoding([]byte(tt.in))
			got := ""
			if ok {
				got = tt.in[start:end]
			}
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("got %q (ok %t), want %q", got, ok, tt.want)
			}
		})
	}
}

func TestCharsetParam(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", ""},
		{"text/xml", ""},
		{"text/xml; charset=utf-8", "utf-8"},
		{"text/xml;CHARSET=KOI8-R", "KOI8-R"},
		{`application/xml; charset= "us-ascii"`, "us-ascii"},
		{"application/xml; charset='us-ascii'", "us-ascii"},
		{"text/xml;charset = us-ascii", "us-ascii"},
		{"text/xml; qs=0.9; charset=windows-1251; foo", "windows-1251"},
		{"text/xml; charset:iso-8859-1", ""},
		{"text/xml; xcharset=koi8-r", ""},
	}
	for _, tt := range tests {
		if got := charsetParam(tt.in); got != tt.want {
			t.Errorf("charsetParam(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestToUTF8Files decodes the corpus files in testdata (see LICENSE-NOTE.md).
func TestToUTF8Files(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file        string
		contentType string
		wantTitle   string // the feed's title
		wantItem    string // the first item's title, else its description
	}{
		{file: "utf-32le-autodetect.xml"}, // an empty <rss>, in UTF-32 without a BOM
		{file: "utf-16be.xml"},            // the same in UTF-16
		{file: "euc-kr-item.xml", wantItem: "\ub144"},
		{
			file:        "http_text_xml_charset_2.xml",
			contentType: "text/xml; charset=windows-1252",
			wantItem:    "Foo",
		},
		{
			file:      "uolNoticias.rss",
			wantTitle: "UOL Noticias",
			wantItem:  "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			out := ToUTF8(body, tt.contentType)
			checkUTF8Result(t, out)
			f := parseFeed(t, out)
			if f.Title != tt.wantTitle {
				t.Errorf("title: got %q, want %q", f.Title, tt.wantTitle)
			}
			if tt.wantItem == "" {
				return
			}
			if len(f.Items) == 0 {
				t.Fatal("got no items, want one")
			}
			got := f.Items[0].Title
			if got == "" {
				got = strings.TrimSpace(f.Items[0].Description)
			}
			if got != tt.wantItem {
				t.Errorf("first item: got %q, want %q", got, tt.wantItem)
			}
		})
	}
}

func TestGetTranscodes(t *testing.T) {
	t.Parallel()
	const contentType = "application/rss+xml; charset=windows-1251"
	body := "<?xml version=\"1.0\"?>\n" + rssTitled("\xcd\xee\xe2\xee\xf1\xf2\xe8") // Новости
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write([]byte(body))
	}))
	res := mustGet(t, New(Options{}), srv.URL, Validators{})
	checkUTF8Result(t, res.Body)
	if got := parseFeed(t, res.Body).Title; got != "Новости" {
		t.Errorf("title: got %q, want %q", got, "Новости")
	}
	if res.ContentType != contentType {
		t.Errorf("ContentType: got %q, want %q as received", res.ContentType, contentType)
	}
}

func FuzzToUTF8(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil && !strings.HasSuffix(file, ".md") {
			f.Add(b, "")
		}
	}
	f.Add([]byte(xmlDecl("windows-1251")+rssTitled("\xcf")), "text/xml; charset=koi8-r")
	f.Add(utf16Bytes(xmlDecl("utf-16")+rssTitled("x"), binary.BigEndian, false), "")
	f.Add([]byte("\xff\xfe\x00\x00<\x00\x00\x00"), "text/xml; charset=utf-16")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		in := slices.Clone(body)
		out := ToUTF8(body, contentType)
		checkUTF8Result(t, out)
		if !bytes.Equal(body, in) {
			t.Errorf("ToUTF8 modified its input")
		}
	})
}

// benchFeed is a large windows-1251 feed declared as such, and its UTF-8
// form, which ToUTF8 returns without copying.
func benchFeed(b *testing.B) (cp1251, utf8Body []byte) {
	b.Helper()
	var s strings.Builder
	s.WriteString(`<rss version="2.0"><channel><title>Новости</title>`)
	for i := range 2000 {
		s.WriteString("<item><title>Новость " + strconv.Itoa(i) + "</title><description>Съешь же ещё этих мягких французских булок, да выпей чаю.</description></item>")
	}
	s.WriteString("</channel></rss>")
	utf8Body = []byte(xmlDecl("utf-8") + s.String())
	legacy, err := charmap.Windows1251.NewEncoder().String(xmlDecl("windows-1251") + s.String())
	if err != nil {
		b.Fatal(err)
	}
	return []byte(legacy), utf8Body
}

func BenchmarkToUTF8(b *testing.B) {
	cp1251, utf8Body := benchFeed(b)
	b.Run("utf-8", func(b *testing.B) {
		b.SetBytes(int64(len(utf8Body)))
		for b.Loop() {
			_ = ToUTF8(utf8Body, "application/rss+xml; charset=utf-8")
		}
	})
	b.Run("windows-1251", func(b *testing.B) {
		b.SetBytes(int64(len(cp1251)))
		for b.Loop() {
			_ = ToUTF8(cp1251, "application/rss+xml")
		}
	})
}

// corpusDir returns the shared test corpus: $TIDINGS_CORPUS, else
// shared/corpus beside the repository. It skips the test when there is none.
func corpusDir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("TIDINGS_CORPUS"); dir != "" {
		return dir
	}
	candidates := []string{filepath.Join("..", "..", "..", "shared", "corpus")}
	if wd, err := os.Getwd(); err == nil {
		for dir := wd; filepath.Dir(dir) != dir; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				candidates = append(candidates, filepath.Join(dir, "..", "shared", "corpus"))
				break
			}
		}
	}
	for _, dir := range candidates {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	t.Skip("no feed corpus: set TIDINGS_CORPUS or put it at ../shared/corpus beside the repository")
	return ""
}

// corpusExceptions are the conformance files whose expectation ToUTF8
// deliberately does not meet, with the reason. The test fails if one of
// them starts to agree, so the list stays true.
var corpusExceptions = map[string]string{
	"encoding/demoronize-1.xml": "feedparser maps the C1 control U+0092 in valid UTF-8 to U+2019 " +
		"(its demoronize step): text normalisation, not charset decoding; ToUTF8 keeps valid UTF-8 as is",
	"encoding/demoronize-3.xml": "feedparser rewrites the escaped reference &#146; inside content " +
		"to &#x2019;: text normalisation, not charset decoding",
	"encoding/bozo_linenoise.xml": "declared utf-8 with one invalid byte; feedparser's answer comes " +
		"from Python's cp1252 rejecting 0x9D, an iso-8859-2 fallback and C1 remapping; ToUTF8 keeps " +
		"the valid UTF-8 and reads the stray byte as windows-1252",
	"illformed/chardet/big5.xml":        needsChardet,
	"illformed/chardet/eucjp.xml":       needsChardet,
	"illformed/chardet/euckr.xml":       needsChardet,
	"illformed/chardet/gb2312.xml":      needsChardet,
	"illformed/chardet/koi8r.xml":       needsChardet,
	"illformed/chardet/shiftjis.xml":    needsChardet,
	"illformed/chardet/tis620.xml":      needsChardet,
	"illformed/chardet/windows1255.xml": needsChardet,
}

const needsChardet = "undeclared multi-byte or non-Latin charset: only statistical detection " +
	"(feedparser runs these only with chardet installed) could tell; ToUTF8 does none and " +
	"reads undeclared bytes as windows-1252"

var (
	headerLine  = regexp.MustCompile(`(?m)^(Header|Expect):\s*(.*?)\s*$`)
	expectEnc   = regexp.MustCompile(`\bencoding == '([^']+)'`)
	expectValue = regexp.MustCompile(`(entries\[0\]\['(\w+)'\]|entries\[0\]\.(\w+)|feed\['(\w+)'\]) == u?'((?:[^'\\]|\\.)*)'`)
)

// TestToUTF8Corpus runs ToUTF8 and gofeed over feedparser's encoding
// conformance files, each with the Content-Type its Header: comment gives,
// and compares with its Expect: comment. An expectation of a decoded value
// is compared with gofeed's; one of an encoding, with the body decoded in
// that encoding (so us-ascii and iso-8859-1 agree with windows-1252 on
// ASCII text). Files expecting neither need only come out as a feed.
func TestToUTF8Corpus(t *testing.T) {
	t.Parallel()
	root := filepath.Join(corpusDir(t), "conformance", "feedparser")
	var files []string
	for _, dir := range []string{"encoding", filepath.Join("illformed", "chardet")} {
		matches, err := filepath.Glob(filepath.Join(root, dir, "*.xml"))
		if err != nil || len(matches) == 0 {
			t.Fatalf("no conformance files in %s (error %v)", filepath.Join(root, dir), err)
		}
		files = append(files, matches...)
	}
	var kinds [3]struct{ files, agree, excepted int } // by kind of expectation
	kindNames := [3]string{"a decoded value", "an encoding", "only a feed"}
	for _, file := range files {
		name, _ := filepath.Rel(root, file)
		name = filepath.ToSlash(name)
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		contentType, expect := corpusHeaders(body)
		out := ToUTF8(body, contentType)
		kind, disagreement := 2, ""
		switch m, e := expectValue.FindStringSubmatch(expect), expectEnc.FindStringSubmatch(expect); {
		case m != nil:
			kind, disagreement = 0, compareValue(out, m)
		case e != nil:
			kind, disagreement = 1, compareEncoding(body, out, e[1])
		}
		if !utf8.Valid(out) {
			disagreement = "invalid UTF-8"
		} else if _, err := gofeed.NewParser().Parse(bytes.NewReader(out)); err != nil {
			disagreement = "gofeed: " + err.Error()
		}
		kinds[kind].files++
		reason, isException := corpusExceptions[name]
		switch {
		case isException && disagreement == "":
			t.Errorf("%s: agrees now; remove it from corpusExceptions (%s)", name, reason)
		case isException:
			kinds[kind].excepted++
			t.Logf("%s: deliberate exception: %s\n\t(%s)", name, disagreement, reason)
		case disagreement != "":
			t.Errorf("%s (Content-Type %q, Expect %s): %s", name, contentType, expect, disagreement)
		default:
			kinds[kind].agree++
		}
	}
	for i, k := range kinds {
		t.Logf("%d files expecting %s: %d agree, %d deliberate exceptions", k.files, kindNames[i], k.agree, k.excepted)
	}
}

// corpusHeaders returns the Content-Type of a conformance file's Header:
// comment (empty when none) and its Expect: expression. The comment is
// ASCII in whatever encoding the file uses, so dropping NUL bytes reads it
// from UTF-16 and UTF-32 files too.
func corpusHeaders(body []byte) (contentType, expect string) {
	head := bytes.ReplaceAll(body[:min(len(body), 4096)], []byte{0}, nil)
	for _, m := range headerLine.FindAllSubmatch(head, -1) {
		value := string(m[2])
		switch string(m[1]) {
		case "Expect":
			expect = value
		case "Header":
			if name, v, ok := strings.Cut(value, ":"); ok && strings.EqualFold(name, "Content-type") {
				contentType = strings.TrimSpace(v)
			}
		}
	}
	return contentType, expect
}

// compareValue compares the value an Expect match names, read by gofeed from
// out, with the expected Python string literal. It returns "" on agreement.
func compareValue(out []byte, m []string) string {
	want, err := pythonString(m[5])
	if err != nil {
		return "bad expectation: " + err.Error()
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(out))
	if err != nil {
		return "gofeed: " + err.Error()
	}
	var got string
	switch field := m[2] + m[3]; {
	case m[4] == "title":
		got = f.Title
	case len(f.Items) == 0:
		return "no items"
	case field == "title":
		got = f.Items[0].Title
	case field == "description" || field == "summary":
		got = f.Items[0].Description
	default:
		return "unsupported field " + m[1]
	}
	if got != want {
		return "got " + strconv.Quote(got) + ", want " + strconv.Quote(want)
	}
	return ""
}

// pythonString decodes the body of a single-quoted Python string literal.
func pythonString(s string) (string, error) {
	s = strings.NewReplacer(`\x`, `\u00`, `\'`, `'`).Replace(s)
	return strconv.Unquote(`"` + s + `"`)
}

// compareEncoding compares out with body decoded in the named encoding, the
// XML declaration aside, returning "" on agreement.
func compareEncoding(body, out []byte, name string) string {
	enc := referenceEncoding(name)
	if enc == nil {
		return "no reference decoder for " + name
	}
	want, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return "reference decoder: " + err.Error()
	}
	if name == "us-ascii" && slices.ContainsFunc(body, func(c byte) bool { return c >= utf8.RuneSelf }) {
		return "body is not ASCII, so no reference"
	}
	want = bytes.TrimPrefix(want, []byte("\uFEFF"))
	if got, want := withoutXMLDecl(out), withoutXMLDecl(want); !bytes.Equal(got, want) {
		return diffExcerpt(got, want) + " as " + name
	}
	return ""
}

// diffExcerpt describes the first difference between got and want, with a
// little of each from there.
func diffExcerpt(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(got[i-1]) { // back to a rune boundary
		i--
	}
	if i > 0 {
		i--
	}
	excerpt := func(b []byte) string {
		b = b[min(i, len(b)):]
		if n := 60; len(b) > n {
			for n > 0 && !utf8.RuneStart(b[n]) {
				n--
			}
			b = b[:n]
		}
		return strconv.Quote(string(b))
	}
	return fmt.Sprintf("at byte %d got %s, want %s", i, excerpt(got), excerpt(want))
}

// referenceEncoding is the encoding Python calls name.
func referenceEncoding(name string) encoding.Encoding {
	switch strings.ToLower(name) {
	case "us-ascii", "iso-8859-1": // ASCII is checked by the caller
		return charmap.ISO8859_1
	case "gb2312", "gb18030":
		return simplifiedchinese.GB18030
	case "utf-16be":
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case "utf-32be":
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)
	case "utf-32le":
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)
	case "tis-620":
		return charmap.Windows874
	}
	enc, _ := htmlindex.Get(name)
	return enc
}

// withoutXMLDecl returns b after its leading XML declaration, if any.
func withoutXMLDecl(b []byte) []byte {
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		return b
	}
	if i := bytes.Index(b, []byte("?>")); i >= 0 {
		return b[i+2:]
	}
	return b
}
