package storage

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"tidings/normalize"
)

// An article's record in the articles bucket is binary since schema 4:
//
//	record  = recordV1 fields
//	        | recordV2 fields enclosures   (since schema 5)
//	fields  = string{13} list{3} time{2} offset string
//	string  = uvarint(len) bytes           (the bytes as they are)
//	list    = uvarint(0)                   (a nil list)
//	        | uvarint(n+1) string{n}
//	time    = varint(Unix seconds) uvarint(nanoseconds)
//	          (0x00 | 0x01 varint(zone offset in seconds))
//	offset  = 0x00 | 0x01 varint           (PublishedOffset: nil, or not)
//	enclosures = uvarint(n+1) enclosure{n} (an empty list: n = 0)
//	enclosure  = string string varint      (URL, Type, Length)
//
// The strings are ID, Source, Story, Origin, SourceTitle, SourceURL, URL,
// Link, GUID, Title, Summary, Text, Content; the lists Authors, Categories,
// Captions; the times Published, Updated; the last string Lang. Records of
// earlier schemas are JSON objects, which start with '{', and are read as
// they are: there is nothing to migrate.
//
// An article with enclosures (a podcast's audio, a lead image) is written
// as recordV2, V1's fields followed by the enclosures; one without (nil
// Enclosures) is still written as recordV1, byte for byte as before schema
// 5, so most records cost nothing more. A V1 record reads with no
// enclosures: records stored before schema 5 need no migration.
//
// JSON was four fifths of what storing a record cost (0.62 s of 0.78 s
// over 10 passes of the real corpus): encoding/json checks and escapes
// every byte of Content and Text (the quotes of attributes, line breaks),
// where a length prefix lets both be copied. The records are 6% smaller.
// JSON also turned invalid UTF-8 (in a GUID, say) into U+FFFD and an empty
// list of captions into none, so a record did not always read back as it
// was written; every field of this one does (FuzzRecord).

// recordV1 starts a binary record; a JSON record starts with '{'. recordV2
// starts one that ends with enclosures.
const (
	recordV1 = 0x01
	recordV2 = 0x02
)

// isBinary reports whether v is a binary record (of either version).
func isBinary(v []byte) bool {
	return len(v) > 0 && (v[0] == recordV1 || v[0] == recordV2)
}

// errRecord is wrapped by decodeArticle for a record it cannot read.
var errRecord = errors.New("malformed record")

// encodeArticle returns a's record.
func encodeArticle(a *normalize.Article) []byte {
	strs := [...]string{a.ID, a.Source, a.Story, a.Origin, a.SourceTitle, a.SourceURL,
		a.URL, a.Link, a.GUID, a.Title, a.Summary, a.Text, a.Content}
	n := 64 + len(a.Lang)
	for _, s := range strs {
		n += binary.MaxVarintLen64 + len(s)
	}
	for _, list := range [...][]string{a.Authors, a.Categories, a.Captions} {
		for _, s := range list {
			n += binary.MaxVarintLen64 + len(s)
		}
	}
	version := byte(recordV1)
	if a.Enclosures != nil {
		version = recordV2
		for _, e := range a.Enclosures {
			n += 3*binary.MaxVarintLen64 + len(e.URL) + len(e.Type)
		}
	}
	v := make([]byte, 0, n)
	v = append(v, version)
	for _, s := range strs {
		v = appendString(v, s)
	}
	v = appendList(v, a.Authors)
	v = appendList(v, a.Categories)
	v = appendList(v, a.Captions)
	v = appendTime(v, a.Published)
	v = appendTime(v, a.Updated)
	if a.PublishedOffset == nil {
		v = append(v, 0)
	} else {
		v = binary.AppendVarint(append(v, 1), int64(*a.PublishedOffset))
	}
	v = appendString(v, a.Lang)
	if version == recordV2 {
		v = binary.AppendUvarint(v, uint64(len(a.Enclosures))+1)
		for _, e := range a.Enclosures {
			v = appendString(appendString(v, e.URL), e.Type)
			v = binary.AppendVarint(v, e.Length)
		}
	}
	return v
}

func appendString(v []byte, s string) []byte {
	return append(binary.AppendUvarint(v, uint64(len(s))), s...)
}

func appendList(v []byte, list []string) []byte {
	if list == nil {
		return append(v, 0)
	}
	v = binary.AppendUvarint(v, uint64(len(list))+1)
	for _, s := range list {
		v = appendString(v, s)
	}
	return v
}

// appendTime appends t as its Unix seconds and nanoseconds and, unless it
// is in UTC, its zone offset: what JSON kept too (not the zone's name,
// nor a monotonic reading).
func appendTime(v []byte, t time.Time) []byte {
	v = binary.AppendVarint(v, t.Unix())
	v = binary.AppendUvarint(v, uint64(t.Nanosecond()))
	if t.Location() == time.UTC {
		return append(v, 0)
	}
	_, offset := t.Zone()
	return binary.AppendVarint(append(v, 1), int64(offset))
}

// decodeArticle reads the record v of the article with key id, binary (V1
// or V2) or JSON (see recordV1). Its errors wrap errRecord or JSON's.
func decodeArticle(id, v []byte) (normalize.Article, error) {
	var a normalize.Article
	if !isBinary(v) {
		if err := json.Unmarshal(v, &a); err != nil {
			return a, fmt.Errorf("decode article %s: %w", id, err)
		}
		return a, nil
	}
	// One string for the record: the fields are slices of it, one
	// allocation instead of one per field (so a field kept alone keeps
	// the whole record's memory; callers keep whole articles).
	r := recordReader{s: string(v[1:])}
	for _, s := range [...]*string{&a.ID, &a.Source, &a.Story, &a.Origin, &a.SourceTitle, &a.SourceURL,
		&a.URL, &a.Link, &a.GUID, &a.Title, &a.Summary, &a.Text, &a.Content} {
		*s = r.string()
	}
	a.Authors = r.list()
	a.Categories = r.list()
	a.Captions = r.list()
	a.Published = r.time()
	a.Updated = r.time()
	switch r.byte() {
	case 0:
	case 1:
		off := int(r.varint())
		a.PublishedOffset = &off
	default:
		r.fail()
	}
	a.Lang = r.string()
	if v[0] == recordV2 {
		a.Enclosures = r.enclosures()
	}
	if r.bad || r.s != "" {
		return normalize.Article{}, fmt.Errorf("decode article %s: %w", id, errRecord)
	}
	return a, nil
}

// decodeOrigin returns the Origin of the article whose record is v, else
// its Source (records of articles stored before Origin existed), without
// decoding the rest. Its errors are decodeArticle's.
func decodeOrigin(id, v []byte) (string, error) {
	if !isBinary(v) {
		var a struct{ Origin, Source string }
		if err := json.Unmarshal(v, &a); err != nil {
			return "", fmt.Errorf("decode article %s: %w", id, err)
		}
		return cmp.Or(a.Origin, a.Source), nil
	}
	var fields [4][]byte // ID, Source, Story, Origin
	rest := v[1:]
	for i := range fields {
		n, size := binary.Uvarint(rest)
		if size <= 0 || n > uint64(len(rest)-size) {
			return "", fmt.Errorf("decode article %s: %w", id, errRecord)
		}
		fields[i], rest = rest[size:size+int(n)], rest[size+int(n):]
	}
	if len(fields[3]) == 0 {
		return string(fields[1]), nil
	}
	return string(fields[3]), nil
}

// recordReader reads a binary record's fields in order. After the first
// one that runs past the end or does not decode, bad is set and every
// read returns a zero value.
type recordReader struct {
	s   string
	bad bool
}

func (r *recordReader) fail() {
	r.bad, r.s = true, ""
}

func (r *recordReader) uvarint() uint64 {
	var x uint64
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		x |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // overflows 64 bits
			}
			r.s = r.s[i+1:]
			return x
		}
	}
	r.fail()
	return 0
}

func (r *recordReader) varint() int64 {
	ux := r.uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

func (r *recordReader) byte() byte {
	if r.s == "" {
		r.fail()
		return 0
	}
	c := r.s[0]
	r.s = r.s[1:]
	return c
}

func (r *recordReader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.s)) {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

func (r *recordReader) list() []string {
	n := r.uvarint()
	if n == 0 || n-1 > uint64(len(r.s)) { // each string takes a byte at least
		if n != 0 {
			r.fail()
		}
		return nil
	}
	list := make([]string, n-1)
	for i := range list {
		list[i] = r.string()
	}
	return list
}

// enclosures reads a V2 record's enclosure list, which is never nil.
func (r *recordReader) enclosures() []normalize.Enclosure {
	n := r.uvarint()
	if n == 0 || n-1 > uint64(len(r.s))/3 { // each takes three bytes at least
		r.fail()
		return nil
	}
	list := make([]normalize.Enclosure, n-1)
	for i := range list {
		list[i].URL = r.string()
		list[i].Type = r.string()
		list[i].Length = r.varint()
	}
	return list
}

func (r *recordReader) time() time.Time {
	sec := r.varint()
	nsec := r.uvarint()
	if nsec >= 1e9 {
		r.fail()
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	switch r.byte() {
	case 0:
		return t.UTC()
	case 1:
		return t.In(time.FixedZone("", int(r.varint())))
	}
	r.fail()
	return time.Time{}
}
