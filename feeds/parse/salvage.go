package parse

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// salvage returns a repaired copy of body, an XML feed gofeed could not
// read, or nil when it sees nothing to repair. It repairs two faults of
// feeds on the web, as feedparser's lenient reading does:
//
//   - a feed wrapped in another document (an XHTML page holding an Atom
//     feed), or preceded by more than gofeed's detection window of
//     comments: the feed element is cut out;
//   - a document that ends early (a truncated download, an unclosed CDATA
//     section): it is cut before the token that cannot be read, and the
//     elements still open are closed, so the entries before the fault, and
//     the one it falls in, are kept.
//
// It writes no XML of its own but those end tags: the rest is body's bytes,
// which gofeed then parses as usual. A body without a feed element (an
// HTML page) gets nil.
func salvage(body []byte) []byte {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false // as gofeed reads
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) {
		return r, nil // read as UTF-8, which ToUTF8 made it, whatever the declaration says
	}
	var open openElements // from the feed element down
	start := -1
	for {
		off := int(d.InputOffset())
		tok, err := d.RawToken()
		if err != nil {
			if start < 0 {
				return nil
			}
			// io.EOF with elements open is as truncated as a syntax error.
			return closeElements(body[start:off], open.names)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if start < 0 && isFeedElement(t.Name) {
				start = off
			}
			if start >= 0 {
				open.push(t.Name)
			}
		case xml.EndElement:
			if start < 0 {
				continue
			}
			open.pop(t.Name)
			if len(open.names) == 0 {
				// The feed element is complete: cut it out, unless it is
				// the whole of body, which gofeed read no better.
				end := int(d.InputOffset())
				if start == 0 && strings.TrimSpace(string(body[end:])) == "" {
					return nil
				}
				return body[start:end:end]
			}
		}
	}
}

// isFeedElement reports whether name is the root element of a feed as
// gofeed detects one: rss, rdf:RDF or (Atom) feed.
func isFeedElement(name xml.Name) bool {
	switch strings.ToLower(name.Local) {
	case "rss", "rdf", "feed":
		return true
	}
	return false
}

// openElements is the stack of elements open at a point of a document.
type openElements struct {
	names []xml.Name
	count map[xml.Name]int // how often each name is in names
}

// push opens an element.
func (o *openElements) push(name xml.Name) {
	if o.count == nil {
		o.count = make(map[xml.Name]int)
	}
	o.names = append(o.names, name)
	o.count[name]++
}

// pop closes the innermost open element called name, and the elements
// opened after it, which a lenient reader closes with it. An end tag that
// closes nothing open is ignored, in constant time: a page of stray end
// tags must not cost a scan of the stack each.
func (o *openElements) pop(name xml.Name) {
	if o.count[name] == 0 {
		return
	}
	for {
		last := o.names[len(o.names)-1]
		o.names = o.names[:len(o.names)-1]
		o.count[last]--
		if last == name {
			return
		}
	}
}

// closeElements returns doc followed by the end tags of the open elements,
// innermost first; nil when no element is open, for a document that is not
// cut short needs no repair of this kind.
func closeElements(doc []byte, open []xml.Name) []byte {
	if len(open) == 0 {
		return nil
	}
	out := append([]byte(nil), doc...)
	for i := len(open) - 1; i >= 0; i-- {
		out = append(out, "</"...)
		if open[i].Space != "" {
			out = append(out, open[i].Space...)
			out = append(out, ':')
		}
		out = append(out, open[i].Local...)
		out = append(out, '>')
	}
	return out
}
