package fetch

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// ToUTF8 returns body, a feed as fetched, converted to UTF-8. Its encoding
// is the first of:
//
//  1. a byte order mark (UTF-8, UTF-16 or UTF-32, either byte order), which
//     wins over any label as in RFC 7303 and the WHATWG Encoding Standard,
//     or without one the UTF-16 or UTF-32 form of an ASCII character such
//     as "<" in the first four bytes (XML 1.0 Appendix F);
//  2. the charset parameter of contentType, whatever the media type, so a
//     server's charset overrides the XML declaration (RFC 7303, and
//     feedparser). Without one the document decides, text/* included: RFC
//     7303 dropped RFC 3023's us-ascii default for text/*, which could only
//     differ on bytes that are not ASCII, where it fails;
//  3. the encoding named in an XML declaration at the start of body;
//  4. UTF-8.
//
// Labels are matched as browsers do (the WHATWG Encoding Standard, then the
// IANA registry), so iso-8859-1 and us-ascii read as their superset
// windows-1252 and gb2312 as GB18030. A label that is unknown, or names an
// encoding in which ASCII is not ASCII (UTF-16 without a sign of it in the
// bytes, say), is ignored and the next rule applies. Bytes that are not
// valid UTF-8 where UTF-8 applies are read as windows-1252: the whole
// document when such bytes outnumber its valid multi-byte sequences (an
// undeclared or mislabelled Latin-1 feed), else those bytes alone (a UTF-8
// feed with a few stray bytes keeps its good text). Bytes invalid in another
// encoding become U+FFFD.
//
// The result is valid UTF-8 with no byte order mark, and its XML
// declaration, if any, names utf-8 in place of the original encoding, so a
// parser that honours the declaration does not decode the text twice; the
// rest of the declaration is kept. ToUTF8 never fails. It does not modify
// body; when body already is valid UTF-8 that the declaration does not
// contradict, the result is body itself (without its UTF-8 BOM), not a copy.
func ToUTF8(body []byte, contentType string) []byte {
	enc, rest := sniffEncoding(body)
	if enc == nil {
		enc = lookupEncoding(charsetParam(contentType))
	}
	if enc == nil {
		if start, end, ok := xmlDeclEncoding(rest); ok {
			enc = lookupEncoding(string(rest[start:end]))
		}
	}
	switch {
	case enc != nil && enc != unicode.UTF8:
		return declareUTF8(trimBOMs(decode(enc, rest)), false)
	case utf8.Valid(rest):
		return declareUTF8(trimBOMs(rest), true)
	}
	return declareUTF8(trimBOMs(repairUTF8(rest)), false)
}

// utf8BOM is the byte order mark, U+FEFF, in UTF-8.
const utf8BOM = "\uFEFF"

// trimBOMs drops the U+FEFF characters that begin b: a BOM repeated after
// the one sniffEncoding removed is no more text than the first.
func trimBOMs(b []byte) []byte {
	for bytes.HasPrefix(b, []byte(utf8BOM)) {
		b = b[len(utf8BOM):]
	}
	return b
}

// sniffEncoding recognises a byte order mark or, failing that, the UTF-16 or
// UTF-32 encoding of the document's first ASCII character. It returns nil
// and body when there is neither, else the encoding and body without its
// BOM.
func sniffEncoding(body []byte) (encoding.Encoding, []byte) {
	b := body
	switch {
	case bytes.HasPrefix(b, []byte(utf8BOM)):
		return unicode.UTF8, b[len(utf8BOM):]
	case bytes.HasPrefix(b, []byte{0x00, 0x00, 0xFE, 0xFF}):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), b[4:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0x00, 0x00}):
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), b[4:]
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b[2:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b[2:]
	case len(b) < 4:
		return nil, b
	}
	// No ASCII-compatible encoding puts NUL bytes in a feed's first
	// characters, so their pattern gives the width and byte order away.
	switch {
	case b[0] == 0 && b[1] == 0 && b[2] == 0 && isASCII(b[3]):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), b
	case isASCII(b[0]) && b[1] == 0 && b[2] == 0 && b[3] == 0:
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), b
	case b[0] == 0 && isASCII(b[1]) && b[2] == 0 && isASCII(b[3]):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b
	case isASCII(b[0]) && b[1] == 0 && isASCII(b[2]) && b[3] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b
	}
	return nil, b
}

// isASCII reports whether c is a non-NUL ASCII byte.
func isASCII(c byte) bool {
	return c != 0 && c < utf8.RuneSelf
}

// charsetParam returns the charset parameter of a Content-Type value, with
// any quotes removed, or "". It is more lenient than mime.ParseMediaType,
// which rejects the whole header for one malformed parameter, and like
// feedparser it reads the single quotes some servers put around the value.
func charsetParam(contentType string) string {
	_, params, _ := strings.Cut(contentType, ";")
	for params != "" {
		var param string
		param, params, _ = strings.Cut(params, ";")
		name, value, ok := strings.Cut(param, "=")
		if ok && strings.EqualFold(strings.TrimSpace(name), "charset") {
			return strings.Trim(value, " \t\"'")
		}
	}
	return ""
}

// lookupEncoding returns the encoding for label, or nil when label is
// empty, unknown, or names an encoding that does not read ASCII as ASCII.
// The label came from an ASCII-compatible context (a header, or a
// declaration that sniffEncoding found no UTF-16 or UTF-32 around), so such
// an encoding would be a server's mistake; the WHATWG replacement encoding,
// which decodes any document to a single U+FFFD, is refused by the same
// test. GBK becomes GB18030, its superset, as the WHATWG decoder has it.
func lookupEncoding(label string) encoding.Encoding {
	switch {
	case label == "":
		return nil
	case strings.EqualFold(label, "utf-8"):
		return unicode.UTF8 // the common case, without the lower-casing of Get
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		enc, _ = ianaindex.IANA.Encoding(label) // nil if unknown or unsupported
	}
	switch {
	case enc == nil:
		return nil
	case enc == simplifiedchinese.GBK:
		return simplifiedchinese.GB18030
	case enc == unicode.UTF8:
		return enc
	case !readsASCII(enc):
		return nil
	}
	return enc
}

// asciiProbe holds the ASCII characters of an XML declaration.
const asciiProbe = `<?xml version="1.0" encoding="x"?>`

// readsASCII reports whether enc decodes ASCII text to itself.
func readsASCII(enc encoding.Encoding) bool {
	var dst [2 * len(asciiProbe)]byte
	n, _, err := enc.NewDecoder().Transform(dst[:], []byte(asciiProbe), true)
	return err == nil && string(dst[:n]) == asciiProbe
}

// decode converts b from enc to UTF-8. The x/text decoders replace invalid
// input with U+FFFD rather than fail; should one fail anyway, b is read as
// UTF-8 instead, since ToUTF8 never fails.
func decode(enc encoding.Encoding, b []byte) []byte {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return repairUTF8(b)
	}
	return out
}

// repairUTF8 decodes b, which is not valid UTF-8 but was declared or
// presumed to be. When its invalid bytes outnumber its valid multi-byte
// sequences, b is taken for a legacy single-byte document (Latin-1 text
// rarely forms a valid sequence, but nearly every letter beyond ASCII is an
// invalid byte) and decoded as windows-1252 throughout. Otherwise b is UTF-8
// with stray bytes: the valid sequences are kept and each invalid byte is
// read as windows-1252. The five bytes windows-1252 leaves unassigned
// become U+FFFD.
func repairUTF8(b []byte) []byte {
	multi, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		i += size
	}
	legacy := invalid > multi
	out := make([]byte, 0, len(b)+len(b)/2)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if legacy || r == utf8.RuneError && size == 1 {
			r, size = charmap.Windows1252.DecodeByte(b[0]), 1
		}
		out = utf8.AppendRune(out, r)
		b = b[size:]
	}
	return out
}

// declareUTF8 rewrites the encoding named in b's XML declaration, if any,
// to utf-8. It modifies b in place, unless shared says that b belongs to
// the caller, in which case it copies b first.
func declareUTF8(b []byte, shared bool) []byte {
	start, end, ok := xmlDeclEncoding(b)
	if !ok || strings.EqualFold(string(b[start:end]), "utf-8") {
		return b
	}
	if shared {
		b = slices.Clone(b)
	}
	return slices.Replace(b, start, end, []byte("utf-8")...)
}

// xmlDeclEncoding finds the XML declaration at the start of b, after any
// whitespace (which strictly makes it an error, but servers send it and
// encoding/xml still honours the declaration), and returns the bounds of its
// encoding value. ok is false when there is no complete declaration or it
// names no encoding.
//
// It finds what encoding/xml finds, so that gofeed, which hands that label
// to a charset reader, never decodes a converted body again: the first
// encoding="..." or encoding='...' anywhere in the declaration, for
// encoding/xml does not parse pseudo-attributes. Failing that, it accepts
// spaces around the "=", as the XML grammar does.
func xmlDeclEncoding(b []byte) (start, end int, ok bool) {
	i := 0
	for i < len(b) && isXMLSpace(b[i]) {
		i++
	}
	const open = "<?xml"
	if !bytes.HasPrefix(b[i:], []byte(open)) || i+len(open) == len(b) || !isXMLSpace(b[i+len(open)]) {
		return 0, 0, false
	}
	i += len(open)
	n := bytes.Index(b[i:], []byte("?>"))
	if n < 0 {
		return 0, 0, false
	}
	decl := b[:i+n]
	if start, end, ok := encodingValue(decl, i, false); ok {
		return start, end, true
	}
	return encodingValue(decl, i, true)
}

// encodingValue returns the bounds of the value of the first encoding
// pseudo-attribute in decl[from:], with spaces around its "=" if spaced.
func encodingValue(decl []byte, from int, spaced bool) (start, end int, ok bool) {
	const name = "encoding"
	for i := from; ; {
		n := bytes.Index(decl[i:], []byte(name))
		if n < 0 {
			return 0, 0, false
		}
		i += n + len(name)
		j := skipSpace(decl, i, spaced)
		if j == len(decl) || decl[j] != '=' {
			continue
		}
		j = skipSpace(decl, j+1, spaced)
		if j == len(decl) || decl[j] != '"' && decl[j] != '\'' {
			continue
		}
		if n := bytes.IndexByte(decl[j+1:], decl[j]); n >= 0 {
			return j + 1, j + 1 + n, true
		}
		return 0, 0, false
	}
}

// skipSpace returns the index of the first byte of b at or after i that is
// not XML whitespace, or i itself unless skip is set.
func skipSpace(b []byte, i int, skip bool) int {
	for skip && i < len(b) && isXMLSpace(b[i]) {
		i++
	}
	return i
}

// isXMLSpace reports whether c is XML whitespace.
func isXMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}
