package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tidings/normalize"
)

// fuzzArticle fills every field of an Article from data, so that a field
// added to Article and forgotten by encodeArticle fails FuzzRecord. Strings
// take arbitrary bytes (invalid UTF-8 too), lists may be nil or empty,
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
		_, _ = decodeArticle(nil, append([]byte{recordV1}, data...))
		_, _ = decodeOrigin(nil, append([]byte{recordV1}, data...))
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

func TestRecordMalformed(t *testing.T) {
	a := article("A", "a1", "Title", "https://example.com/a", "text", time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC))
	v := encodeArticle(&a)
	tests := []struct {
		name string
		v    []byte
	}{
		{"cut", v[:len(v)-1]},
		{"trailing", append(v[:len(v):len(v)], 0)},
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
