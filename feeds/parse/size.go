package parse

import (
	"errors"
	"fmt"
)

// MaxNodes is how many elements and attributes an XML feed, or values a
// JSON Feed, may hold once the entries beyond MaxEntries are cut (see
// cutEntries). Real feeds hold a few thousand (the most in the test corpus:
// 2,472 elements; 87 to an entry at most, so 500 such entries come to
// 43,500). Within the body cap a feed could hold 1.7 million, each of
// which gofeed turns into a map entry, a struct or a string: a million
// extension elements in one entry grew the heap by 264 MiB, a million
// attributes by 177 MiB, a million tags of a JSON Feed item by 92 MiB.
const MaxNodes = 100_000

// ErrTooManyNodes is returned (wrapped) for a feed holding more than
// MaxNodes elements and attributes, or JSON values.
var ErrTooManyNodes = errors.New("too many elements")

// checkNodes returns an error wrapping ErrTooManyNodes when body holds more
// than limit elements and attributes (XML) or values (JSON: the objects,
// arrays and the items separated by commas in them), else nil.
func checkNodes(body []byte, limit int) error {
	if isJSON(body) {
		if jsonNodes(body) > limit {
			return fmt.Errorf("%w: over %d JSON values", ErrTooManyNodes, limit)
		}
		return nil
	}
	n := 0
	scanTags(body, func(tg tag) bool {
		if tg.kind != endTag {
			n += 1 + tg.attrs
		}
		return n <= limit
	})
	if n > limit {
		return fmt.Errorf("%w: over %d elements and attributes", ErrTooManyNodes, limit)
	}
	return nil
}

// jsonNodes counts the objects, arrays and commas of a JSON body outside
// its strings: about as many as its values.
func jsonNodes(body []byte) int {
	n := 0
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '"':
			i = stringEnd(body, i)
		case '{', '[', ',':
			n++
		}
	}
	return n
}
