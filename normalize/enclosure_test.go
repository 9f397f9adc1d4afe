package normalize

import (
	"fmt"
	"reflect"
	"testing"
)

func TestFinishEnclosures(t *testing.T) {
	t.Parallel()
	const link = "https://pod.example/episodes/12"
	tests := []struct {
		name string
		link string
		in   []Enclosure
		want []Enclosure
	}{
		{"none stays nil", link, nil, nil},
		{"kept as given", link,
			[]Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg", Length: 23733521}},
			[]Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg", Length: 23733521}}},
		{"trimmed", link,
			[]Enclosure{{URL: "  https://cdn.example/12.mp3\n", Type: " audio/mpeg "}},
			[]Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg"}}},
		{"relative resolved against the link", link,
			[]Enclosure{{URL: "/media/12.mp3"}, {URL: "cover.jpg", Type: "image/jpeg"}, {URL: "//cdn.example/v.mp4"}},
			[]Enclosure{{URL: "https://pod.example/media/12.mp3", Type: "audio/mpeg"}, {URL: "https://pod.example/episodes/cover.jpg", Type: "image/jpeg"},
				{URL: "https://cdn.example/v.mp4", Type: "video/mp4"}}},
		{"relative without a link dropped", "",
			[]Enclosure{{URL: "/media/12.mp3"}, {URL: "https://cdn.example/12.mp3"}},
			[]Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg"}}},
		{"not http dropped", link,
			[]Enclosure{{URL: "javascript:alert(1)"}, {URL: "data:audio/mpeg;base64,AAAA"}, {URL: "ftp://files.example/a.mp3"},
				{URL: "magnet:?xt=urn:btih:abc"}, {URL: ""}, {URL: "http://"}},
			nil},
		{"duplicates dropped", link,
			[]Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg"}, {URL: " https://cdn.example/12.mp3", Type: "audio/mp4"},
				{URL: "/media/12.mp3"}, {URL: "https://pod.example/media/12.mp3"}},
			[]Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg"}, {URL: "https://pod.example/media/12.mp3", Type: "audio/mpeg"}}},
		{"bad lengths unknown", link,
			[]Enclosure{{URL: "https://cdn.example/a", Length: -1}, {URL: "https://cdn.example/b", Length: MaxEnclosureLength + 1},
				{URL: "https://cdn.example/c", Length: MaxEnclosureLength}},
			[]Enclosure{{URL: "https://cdn.example/a"}, {URL: "https://cdn.example/b"}, {URL: "https://cdn.example/c", Length: MaxEnclosureLength}}},
		{"type guessed from the extension when none is given", link,
			[]Enclosure{{URL: "https://cdn.example/12.MP3?token=1"}, {URL: "https://cdn.example/12.m4a", Type: "audio/x-m4a"},
				{URL: "https://cdn.example/lead.webp#x"}, {URL: "https://cdn.example/stream"}, {URL: "https://cdn.example/a.mp3/"}},
			[]Enclosure{{URL: "https://cdn.example/12.MP3?token=1", Type: "audio/mpeg"}, {URL: "https://cdn.example/12.m4a", Type: "audio/x-m4a"},
				{URL: "https://cdn.example/lead.webp#x", Type: "image/webp"}, {URL: "https://cdn.example/stream"}, {URL: "https://cdn.example/a.mp3/"}}},
		{"a Flash player dropped", link,
			[]Enclosure{{URL: "https://www.youtube.com/v/abc123?version=3", Type: "application/x-shockwave-flash"}, {URL: "https://cdn.example/old.swf"},
				{URL: "https://cdn.example/12.mp3"}},
			[]Enclosure{{URL: "https://cdn.example/12.mp3", Type: "audio/mpeg"}}},
		{"types", link,
			[]Enclosure{{URL: "https://cdn.example/a", Type: "Audio/MPEG"}, {URL: "https://cdn.example/b", Type: "image"},
				{URL: "https://cdn.example/c", Type: "image/jpeg, image/png"}, {URL: "https://cdn.example/d", Type: "/x"},
				{URL: "https://cdn.example/e", Type: "video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\""}},
			[]Enclosure{{URL: "https://cdn.example/a", Type: "audio/mpeg"}, {URL: "https://cdn.example/b"},
				{URL: "https://cdn.example/c"}, {URL: "https://cdn.example/d"},
				{URL: "https://cdn.example/e", Type: "video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := Article{Title: "Episode 12", Link: tt.link, Enclosures: tt.in}
			a.Finish("pod", finishNow)
			if !reflect.DeepEqual(a.Enclosures, tt.want) {
				t.Errorf("Enclosures:\ngot  %+v\nwant %+v", a.Enclosures, tt.want)
			}
		})
	}
}

func TestFinishEnclosuresCapped(t *testing.T) {
	t.Parallel()
	var in []Enclosure
	for i := range 3 * MaxEnclosures {
		in = append(in, Enclosure{URL: fmt.Sprintf("https://cdn.example/%d.jpg", i/2)}) // each twice
	}
	a := Article{Title: "Gallery", Link: "https://news.example/gallery", Enclosures: in}
	a.Finish("news", finishNow)
	if len(a.Enclosures) != MaxEnclosures {
		t.Fatalf("got %d enclosures, want %d", len(a.Enclosures), MaxEnclosures)
	}
	if first, last := a.Enclosures[0].URL, a.Enclosures[MaxEnclosures-1].URL; first != "https://cdn.example/0.jpg" ||
		last != fmt.Sprintf("https://cdn.example/%d.jpg", MaxEnclosures-1) {
		t.Errorf("got %s … %s, want the first %d distinct ones", first, last, MaxEnclosures)
	}
}
