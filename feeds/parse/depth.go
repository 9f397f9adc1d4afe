package parse

import (
	"bytes"
	"errors"
	"fmt"
)

// MaxDepth is how deeply the elements of an XML feed, or the objects and
// arrays of a JSON Feed, may nest. Real feeds stay under 20 levels, XHTML
// content included. gofeed parses extension elements and Atom XHTML
// content recursively and builds a map or a string per level: a 10 MiB
// body of nothing but nested <x:a> costs it over a GiB of allocation and
// seconds of CPU, and encoding/xml sets no limit of its own. So Parse
// refuses a deeper document before gofeed sees it. (encoding/json stops at
// 10,000 levels by itself, with a less telling error.)
const MaxDepth = 512

// ErrTooDeep is returned (wrapped) for a feed whose elements, or JSON
// values, nest deeper than MaxDepth.
var ErrTooDeep = errors.New("nested too deep")

// checkDepth returns an error wrapping ErrTooDeep when the XML elements
// of body, or its JSON objects and arrays (see jsonDepth), nest deeper than
// limit, and nil otherwise (also for a body that is neither: gofeed judges
// that). It reads the bytes once (see scanTags), without allocating: an
// end tag closes one level and <x/> none. An end tag that matches nothing
// can only lower the count, so stray end tags cannot hide depth from it.
func checkDepth(body []byte, limit int) error {
	if isJSON(body) {
		return jsonDepth(body, limit)
	}
	depth := 0
	var err error
	scanTags(body, func(tg tag) bool {
		switch tg.kind {
		case endTag:
			depth = max(depth-1, 0)
		case startTag:
			if depth++; depth > limit {
				err = tooDeep(limit)
			}
		}
		return err == nil
	})
	return err
}

// The kinds of tag scanTags reports.
const (
	startTag = iota
	endTag
	emptyTag // <x/>
)

// tag is a start, end or empty-element tag found by scanTags.
type tag struct {
	kind  int
	name  []byte // the qualified name, a slice of the body
	end   int    // the offset after the tag's '>'
	attrs int    // how many attributes a start or empty tag has
}

// scanTags calls fn for each tag of an XML body, in order, until fn
// returns false, reading the bytes once as a lenient reader would:
// comments, CDATA sections, processing instructions and declarations are
// skipped, and quoted attribute values may hold '>'.
func scanTags(body []byte, fn func(tag) bool) {
	for i := 0; i < len(body); {
		lt := bytes.IndexByte(body[i:], '<')
		if lt < 0 {
			return
		}
		i += lt
		rest := body[i:]
		var tg tag
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(body, i+4, "-->")
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i = skipPast(body, i+9, "]]>")
			continue
		case bytes.HasPrefix(rest, []byte("<?")):
			i = skipPast(body, i+2, "?>")
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			i = skipDeclaration(body, i+2)
			continue
		case bytes.HasPrefix(rest, []byte("</")):
			tg = tag{kind: endTag, name: tagName(body[i+2:]), end: skipPast(body, i+2, ">")}
		default:
			end, selfClosing, attrs := tagEnd(body, i+1)
			tg = tag{kind: startTag, name: tagName(body[i+1:]), end: end, attrs: attrs}
			if selfClosing {
				tg.kind = emptyTag
			}
		}
		if !fn(tg) {
			return
		}
		i = tg.end
	}
}

// tagName returns the name at the start of b: up to white space, '/' or
// '>'.
func tagName(b []byte) []byte {
	n := bytes.IndexAny(b, " \t\r\n/>")
	if n < 0 {
		return b
	}
	return b[:n]
}

// skipPast returns the offset after the first marker at or after from, or
// len(body) when there is none.
func skipPast(body []byte, from int, marker string) int {
	n := bytes.Index(body[from:], []byte(marker))
	if n < 0 {
		return len(body)
	}
	return from + n + len(marker)
}

// skipDeclaration returns the offset after a <!DOCTYPE …> or similar
// declaration starting at from, whose internal subset in brackets may hold
// '>'.
func skipDeclaration(body []byte, from int) int {
	brackets := 0
	for i := from; i < len(body); i++ {
		switch body[i] {
		case '[':
			brackets++
		case ']':
			brackets--
		case '>':
			if brackets <= 0 {
				return i + 1
			}
		}
	}
	return len(body)
}

// tagEnd returns the offset after the start tag whose name begins at from,
// whether it closes itself (<x/>), and how many attributes it has (the
// '=' outside quotes). Quoted attribute values may hold '>' and "/>".
func tagEnd(body []byte, from int) (end int, selfClosing bool, attrs int) {
	var quote byte
	for i := from; i < len(body); i++ {
		c := body[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			attrs++
		case c == '>':
			return i + 1, i > from && body[i-1] == '/', attrs
		}
	}
	return len(body), false, attrs
}

// isJSON reports whether body starts, after a byte order mark and white
// space, as a JSON object or array does.
func isJSON(body []byte) bool {
	body = bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(body) > 0 && (body[0] == '{' || body[0] == '[')
}

// jsonDepth is checkDepth for JSON: it counts the objects and arrays open,
// skipping strings (with their escapes), whose brackets and HTML nest
// nothing.
func jsonDepth(body []byte, limit int) error {
	depth := 0
	inString := false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case inString && c == '\\':
			i++ // the escaped character, whatever it is
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			if depth++; depth > limit {
				return tooDeep(limit)
			}
		case c == '}' || c == ']':
			depth = max(depth-1, 0)
		}
	}
	return nil
}

func tooDeep(limit int) error {
	return fmt.Errorf("%w: over %d levels", ErrTooDeep, limit)
}
