package parse

import (
	"bytes"
)

// cutEntries returns body without its entries after the first max, and how
// many it left out. gofeed builds every entry of a feed (twice, as we keep
// the original feed) before Parse can apply MaxEntries: a 7 MB feed of a
// million empty <item/>s cost it 1.3 GiB and half a minute. The entries
// beyond max are cut out of the bytes instead, from the end of entry max to
// the end of the last entry, so that what follows them (the end of the
// channel, a feed's own elements written after its entries) is kept.
//
// Entries are RSS <item> and Atom <entry> elements (any prefix), not nested
// in another entry, and the items of a JSON Feed. A document whose entries
// do not end where a strict reader ends them is left whole, for gofeed and
// salvage to judge, as is one of max entries or fewer.
func cutEntries(body []byte, max int) ([]byte, int) {
	var n, cut, last int
	if isJSON(body) {
		n, cut, last = jsonEntries(body, max)
	} else {
		n, cut, last = xmlEntries(body, max)
	}
	if n <= max || cut <= 0 || last < cut {
		return body, 0
	}
	out := make([]byte, 0, cut+len(body)-last)
	out = append(out, body[:cut]...)
	return append(out, body[last:]...), n - max
}

// xmlEntries counts the entries of an XML feed and returns the offsets
// after the end of entry max (zero when there are fewer) and after the end
// of the last entry.
func xmlEntries(body []byte, max int) (n, cut, last int) {
	depth, entryDepth := 0, 0 // entryDepth: the depth of the open entry, 0 outside
	scanTags(body, func(tg tag) bool {
		switch tg.kind {
		case startTag:
			depth++
			if entryDepth == 0 && isEntryName(tg.name) {
				entryDepth = depth
			}
			return true
		case endTag:
			depth--
			if entryDepth == 0 || depth >= entryDepth {
				return true
			}
			entryDepth = 0
		case emptyTag:
			if entryDepth != 0 || !isEntryName(tg.name) {
				return true
			}
		}
		if n++; n == max {
			cut = tg.end
		}
		last = tg.end
		return true
	})
	return n, cut, last
}

// isEntryName reports whether a tag's qualified name is item or entry.
func isEntryName(name []byte) bool {
	if colon := bytes.LastIndexByte(name, ':'); colon >= 0 {
		name = name[colon+1:]
	}
	return string(name) == "item" || string(name) == "entry"
}

// jsonEntries is xmlEntries for a JSON Feed: its entries are the objects in
// the array under the top-level key "items". last is the offset of the
// array's closing bracket, so that the cut keeps it.
func jsonEntries(body []byte, max int) (n, cut, last int) {
	depth := 0
	inItems := false
	keyStart := -1 // the offset of the last string at depth 1
	for i := 0; i < len(body); i++ {
		switch c := body[i]; c {
		case '"':
			end := stringEnd(body, i)
			if depth == 1 {
				keyStart = i
			}
			i = end
		case '{', '[':
			depth++
			if c == '[' && depth == 2 && keyStart >= 0 && isItemsKey(body, keyStart) {
				inItems = true
			}
		case '}', ']':
			depth--
			switch {
			case inItems && depth == 2 && c == '}':
				if n++; n == max {
					cut = i + 1
				}
			case inItems && depth == 1:
				return n, cut, i
			}
		}
	}
	return n, 0, 0 // the items array never closes: leave the body whole
}

// stringEnd returns the offset of the quote that ends the JSON string
// starting at start, or the last offset of body.
func stringEnd(body []byte, start int) int {
	for i := start + 1; i < len(body); i++ {
		switch body[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return len(body) - 1
}

// isItemsKey reports whether the string at start is the key "items", that
// is, followed by a colon.
func isItemsKey(body []byte, start int) bool {
	rest := body[start:]
	if !bytes.HasPrefix(rest, []byte(`"items"`)) {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(rest[len(`"items"`):], " \t\r\n"), []byte(":"))
}
