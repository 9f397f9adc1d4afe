package publish

import (
	"crypto/sha1"
	"encoding/hex"
)

// The name-space UUIDs of the ids below, as 16-byte strings. They are fixed
// forever: changing one would change every id, and feed readers would show
// every entry again.
const (
	articleSpace = "\x00\x1c\xf3\xf0\x11\x33\x43\x6a\x9b\xd8\xc6\xbe\xec\xe5\x0a\xaa"
	feedSpace    = "\xd4\x22\x7a\xa3\x7c\xd0\x4f\x79\x88\x24\x79\x68\x6a\xb4\x84\x26"
)

// EntryID returns the permanent id of an article in every feed, as a
// "urn:uuid:" URI. An article ID of 32 hex digits (as normalize.NewID makes)
// becomes the UUID directly, with the version and variant bits set as for a
// version 5 UUID, so the article stays recognisable in the id; any other
// string gets a name-based version 5 UUID. The same ID always gives the same
// result.
func EntryID(articleID string) string {
	if b, err := hex.DecodeString(articleID); err == nil && len(b) == 16 {
		var u [16]byte
		copy(u[:], b)
		return formatUUID(withV5Bits(u))
	}
	return formatUUID(nameUUID(articleSpace, articleID))
}

// FeedID returns the permanent atom:id of the feed identified by key, for
// example a topic name, as a version 5 "urn:uuid:" URI.
func FeedID(key string) string {
	return formatUUID(nameUUID(feedSpace, key))
}

// nameUUID is a version 5 UUID (RFC 9562, section 5.5).
func nameUUID(space, name string) [16]byte {
	sum := sha1.Sum([]byte(space + name))
	return withV5Bits([16]byte(sum[:16]))
}

func withV5Bits(u [16]byte) [16]byte {
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // variant 10x (RFC 9562)
	return u
}

func formatUUID(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return "urn:uuid:" + string(b[:])
}
