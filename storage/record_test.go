package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// fuzzArticle fills every field of an Article from data, so that a field
// added to Article and forgotten by encodeArticle fails FuzzRecord. Strings
// take arbitrary bytes (invalid UTF-8 too), lists (of strings or of
// enclosures) may be nil or empty, lengths any int64,
// times any instant in UTC or at any offset, PublishedOffset nil or not.
func fuzzArticle(t *testing.T, data []byte) normalize.Article {
	t.Helper()
	next := func(n int) []byte {
		n = min(n, len(data))
		b := data[:n]
		data = data[n:]
		return b
	}
	num := func() uint64 {
		var b [8]byte
		copy(b[:], next(8))
		return binary.LittleEndian.Uint64(b[:])
	}
	str := func() string { return string(next(int(num() % 64))) }
	var a normalize.Article
	v := reflect.ValueOf(&a).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Interface().(type) {
		case string:
			f.SetString(str())
		case []string:
			if n := num() % 5; n > 0 {
				list := make([]string, n-1)
				for j := range list {
					list[j] = str()
				}
				f.Set(reflect.ValueOf(list))
			}
		case time.Time:
			tm := time.Unix(int64(num()), int64(num()%1e9))
			if off := int64(num()); off%3 == 0 {
				tm = tm.UTC()
			} else {
				tm = tm.In(time.FixedZone("", int(off%(100*3600))))
			}
			if num()%4 == 0 {
				tm = time.Time{}
			}
			f.Set(reflect.ValueOf(tm))
		case []normalize.Enclosure:
			if n := num() % 5; n > 0 {
				list := make([]normalize.Enclosure, n-1)
				for j := range list {
					list[j] = normalize.Enclosure{URL: str(), Type: str(), Length: int64(num())}
				}
				f.Set(reflect.ValueOf(list))
			}
		case *int:
			if n := num(); n%2 == 1 {
				off := int(int64(n) >> 1)
				f.Set(reflect.ValueOf(&off))
			}
		default:
			t.Fatalf("field %s of type %s: teach encodeArticle, decodeArticle and this test", v.Type().Field(i).Name, f.Type())
		}
	}
	return a
}

// sameArticle compares two articles field by field: times by instant, zone
// offset and being in UTC (a zone's name is not stored), the rest exactly.
func sameArticle(a, b normalize.Article) bool {
	for _, p := range [][2]*time.Time{{&a.Published, &b.Published}, {&a.Updated, &b.Updated}} {
		x, y := *p[0], *p[1]
		_, xo := x.Zone()
		_, yo := y.Zone()
		if !x.Equal(y) || xo != yo || (x.Location() == time.UTC) != (y.Location() == time.UTC) {
			return false
		}
		*p[0], *p[1] = time.Time{}, time.Time{}
	}
	return reflect.DeepEqual(a, b)
}

// FuzzRecord checks that every field of every article reads back from its
// record exactly as it was written (and its origin alone, as retention
// reads it), and that any record, however damaged, decodes or fails
// without panicking.
func FuzzRecord(f *testing.F) {
	f.Add([]byte("seed"))
	f.Add(bytes.Repeat([]byte{0xff, 0x80, '<', 'p', '>', 0}, 40))
	f.Add([]byte{recordV1, 3, 'a', 'b', 'c'})
	// Every number 0x0101010101010101: every list (the enclosures too)
	// of two entries, every string of one byte, so that the seeds alone
	// fail when a field is not encoded.
	f.Add(bytes.Repeat([]byte{1}, 4096))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := fuzzArticle(t, data)
		got, err := decodeArticle([]byte(a.ID), encodeArticle(&a))
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if !sameArticle(got, a) {
			t.Errorf("round trip:\ngot  %#v\nwant %#v", got, a)
		}
		if origin, err := decodeOrigin(nil, encodeArticle(&a)); err != nil || origin != cmp.Or(a.Origin, a.Source) {
			t.Errorf("decodeOrigin: got %q, %v, want %q", origin, err, cmp.Or(a.Origin, a.Source))
		}
		for _, version := range []byte{recordV1, recordV2} {
			_, _ = decodeArticle(nil, append([]byte{version}, data...))
			_, _ = decodeOrigin(nil, append([]byte{version}, data...))
		}
	})
}

// TestRecordReadsJSON checks that a record of schema 3, JSON, reads as it
// did, and that what the new form stores of a finished article decodes as
// its JSON did.
func TestRecordReadsJSON(t *testing.T) {
	off := 7200
	a := article("A", "a1", "Gaza talks", "https://example.com/gaza", body("ceasefire talks in gaza"), time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC))
	a.PublishedOffset = &off
	var old bytes.Buffer
	e := json.NewEncoder(&old)
	e.SetEscapeHTML(false)
	if err := e.Encode(&a); err != nil {
		t.Fatal(err)
	}
	fromJSON, err := decodeArticle([]byte(a.ID), old.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	fromBinary, err := decodeArticle([]byte(a.ID), encodeArticle(&a))
	if err != nil {
		t.Fatal(err)
	}
	if !sameArticle(fromBinary, a) {
		t.Errorf("binary: got %#v\nwant %#v", fromBinary, a)
	}
	// JSON's omitempty read an empty list of captions back as nil.
	fromJSON.Captions = []string{}
	if !reflect.DeepEqual(fromBinary, fromJSON) {
		t.Errorf("got %#v\nwant (as JSON read) %#v", fromBinary, fromJSON)
	}

	// A store of schema 3 holding the JSON record: read, then updated in
	// the new form.
	s := openTest(t)
	if _, err := s.Save("A", []normalize.Article{a}, SourceState{}); err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketArticles).Put([]byte(a.ID), old.Bytes())
	})
	if err != nil {
		t.Fatal(err)
	}
	fromJSON.Captions = nil
	if got, err := s.Article(a.ID); err != nil || !reflect.DeepEqual(got, fromJSON) {
		t.Errorf("stored JSON: got %#v, %v\nwant %#v", got, err, fromJSON)
	}
	b := a
	b.Title = "Gaza talks resume"
	if got, err := s.Save("A", []normalize.Article{b}, SourceState{}); err != nil || got.Updated != 1 {
		t.Fatalf("update: got %+v, %v", got, err)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketArticles).Get([]byte(a.ID)); len(v) == 0 || v[0] != recordV1 {
			t.Errorf("updated record starts %q, want the binary form", v[:min(len(v), 8)])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// v1Record is a record of an article without enclosures, as tidings wrote
// it before schema 5 (recordV1), and v1Article the article it holds.
const v1Record = "\x01 0f1e2d3c4b5a69788796a5b4c3d2e1f0\x03Pod\x00\x03Pod\x07The Pod\x1chttps://pod.example/feed.xml" +
	"\x18https://pod.example/ep/1\x18https://pod.example/ep/1\x04ep-1\x09Episode 1\x00\x06Notes.\x0d<p>Notes.</p>" +
	"\x02\x04Host\x01\x00\xc0\x9c\xdd\x89\x0c\x00\x00\xe0\xd4\xdd\x89\x0c\x00\x00\x01\xa08\x02en"

func v1Article() normalize.Article {
	off := 3600
	return normalize.Article{ID: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", Source: "Pod", Origin: "Pod", SourceTitle: "The Pod",
		SourceURL: "https://pod.example/feed.xml", URL: "https://pod.example/ep/1", Link: "https://pod.example/ep/1",
		GUID: "ep-1", Title: "Episode 1", Text: "Notes.", Content: "<p>Notes.</p>",
		Authors: []string{"Host"}, Categories: []string{},
		Published: time.Date(2021, 5, 12, 10, 0, 0, 0, time.UTC), Updated: time.Date(2021, 5, 12, 11, 0, 0, 0, time.UTC),
		PublishedOffset: &off, Lang: "en"}
}

// TestRecordEnclosures: a record written before enclosures existed reads
// as it did, with none; an article without enclosures is still written
// so, byte for byte; one with them (or with an empty list) is written as
// recordV2 and reads back exactly.
func TestRecordEnclosures(t *testing.T) {
	want := v1Article()
	got, err := decodeArticle([]byte(want.ID), []byte(v1Record))
	if err != nil || !sameArticle(got, want) || got.Enclosures != nil {
		t.Errorf("V1 record: got %#v, %v\nwant %#v", got, err, want)
	}
	if v := encodeArticle(&want); string(v) != v1Record {
		t.Errorf("article without enclosures: got record %q\nwant the V1 record %q", v, v1Record)
	}
	for _, encs := range [][]normalize.Enclosure{
		{},
		{{URL: "https://pod.example/ep/1.mp3", Type: "audio/mpeg", Length: 23733521}},
		{{URL: "https://pod.example/ep/1.jpg"}, {URL: "https://pod.example/ep/1.mp4", Type: "video/mp4", Length: 1 << 40}},
	} {
		a := v1Article()
		a.Enclosures = encs
		v := encodeArticle(&a)
		if v[0] != recordV2 || !strings.HasPrefix(string(v[1:]), v1Record[1:]) {
			t.Errorf("%d enclosures: got record %q, want recordV2, the V1 fields, then the enclosures", len(encs), v)
		}
		got, err := decodeArticle([]byte(a.ID), v)
		if err != nil || !sameArticle(got, a) {
			t.Errorf("%d enclosures: got %#v, %v\nwant %#v", len(encs), got, err, a)
		}
		if origin, err := decodeOrigin(nil, v); err != nil || origin != "Pod" {
			t.Errorf("decodeOrigin: got %q, %v, want Pod", origin, err)
		}
	}
}

func TestRecordMalformed(t *testing.T) {
	a := article("A", "a1", "Title", "https://example.com/a", "text", time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC))
	v := encodeArticle(&a)
	a.Enclosures = []normalize.Enclosure{{URL: "https://example.com/a.mp3", Type: "audio/mpeg", Length: 1}}
	v2 := encodeArticle(&a)
	tests := []struct {
		name string
		v    []byte
	}{
		{"cut", v[:len(v)-1]},
		{"trailing", append(v[:len(v):len(v)], 0)},
		{"v2 cut", v2[:len(v2)-1]},
		{"v2 trailing", append(v2[:len(v2):len(v2)], 0)},
		{"v2 without enclosures", append([]byte{recordV2}, v[1:]...)},
		{"v2 nil enclosures", append(append([]byte{recordV2}, v[1:]...), 0)},
		{"v2 too many enclosures", append(append([]byte{recordV2}, v[1:]...), 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0)},
		{"long string", []byte{recordV1, 0xff, 0xff, 0xff, 0xff, 0x0f}},
		{"varint overflow", append([]byte{recordV1}, bytes.Repeat([]byte{0xff}, 10)...)},
		{"not JSON", []byte("nonsense")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeArticle([]byte("id"), tt.v); err == nil {
				t.Errorf("got no error")
			}
		})
	}
	if _, err := decodeArticle([]byte("id"), v[:len(v)-1]); !errors.Is(err, errRecord) {
		t.Errorf("cut: got %v, want errRecord", err)
	}
}

// TestSchema4StoreGetsEnclosures: a store of schema 4 (V1 records only)
// opens as schema 5 with its articles as they were, and an article whose
// feed now gives an enclosure is updated in place, as a recordV2.
func TestSchema4StoreGetsEnclosures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	a := article("Pod", "ep-1", "Episode 1", "https://pod.example/ep/1", body("an episode about gaza"), testNow)
	if _, err := s.Save("Pod", []normalize.Article{a}, SourceState{Name: "Pod"}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("4")) }); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatalf("open a schema 4 store: %v", err)
	}
	defer s.Close()
	if got, err := s.Article(a.ID); err != nil || !sameArticle(got, a) {
		t.Errorf("stored article: got %#v, %v\nwant %#v", got, err, a)
	}
	if got, err := s.Save("Pod", []normalize.Article{a}, SourceState{Name: "Pod"}); err != nil || got.Unchanged != 1 {
		t.Errorf("same article again: got %+v, %v, want it unchanged", got, err)
	}
	b := a
	b.Enclosures = []normalize.Enclosure{{URL: "https://pod.example/ep/1.mp3", Type: "audio/mpeg", Length: 1000}}
	if got, err := s.Save("Pod", []normalize.Article{b}, SourceState{Name: "Pod"}); err != nil || got.Updated != 1 {
		t.Fatalf("with an enclosure: got %+v, %v, want it updated", got, err)
	}
	got, err := s.Article(a.ID)
	if err != nil || !reflect.DeepEqual(got.Enclosures, b.Enclosures) {
		t.Errorf("enclosures after the update: got %+v, %v, want %+v", got.Enclosures, err, b.Enclosures)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketArticles).Get([]byte(a.ID)); len(v) == 0 || v[0] != recordV2 {
			t.Errorf("updated record starts %q, want recordV2", v[:min(len(v), 8)])
		}
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != fmt.Sprint(SchemaVersion) {
			t.Errorf("schema: got %q, want %d", v, SchemaVersion)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Verify(); err != nil {
		t.Error(err)
	}
}
