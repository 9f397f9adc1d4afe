package parse

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"tidings/normalize"
)

// itemBases returns, for each RSS item of body in document order, the
// xml:base in effect for its content (at the item, or at its description
// or content:encoded element when that sets its own), resolved against
// docURL; "" for an item with none. gofeed applies xml:base to an RSS
// item's link but not to the HTML of its description, whose relative
// links and images would otherwise resolve against the item's link. It
// returns nil when body sets no xml:base, so most feeds cost no second
// reading, and when body cannot be read to the end.
func itemBases(body []byte, docURL string) []string {
	if !bytes.Contains(body, []byte("xml:base")) {
		return nil
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false // as gofeed reads
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) {
		return r, nil // UTF-8 already, as for salvage
	}
	bases := []string{docURL} // the base in effect inside each open element
	var out []string
	inItem := -1 // depth of the open item, or -1
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out
		}
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			base := bases[len(bases)-1]
			own := ""
			for _, a := range t.Attr {
				if a.Name.Space == "xml" && a.Name.Local == "base" {
					own = normalize.ResolveURL(base, a.Value)
					base = own
				}
			}
			bases = append(bases, base)
			switch name := strings.ToLower(t.Name.Local); {
			case name == "item" && inItem < 0:
				inItem = len(bases)
				out = append(out, baseOrEmpty(base, docURL))
			case inItem >= 0 && own != "" && (name == "description" || name == "encoded"):
				out[len(out)-1] = own
			}
		case xml.EndElement:
			if len(bases) > 1 {
				if len(bases) == inItem {
					inItem = -1
				}
				bases = bases[:len(bases)-1]
			}
		}
	}
}

// baseOrEmpty is base, or "" when it is only the document's address, which
// the adapter falls back to anyway.
func baseOrEmpty(base, docURL string) string {
	if base == docURL {
		return ""
	}
	return base
}
