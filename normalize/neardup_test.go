package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nearDupPair is one case of testdata/neardup: two versions of a story
// (same) or two stories (not same).
type nearDupPair struct {
	name string
	same bool
	a, b Article
}

// readNearDupPairs loads every NAME.a.txt / NAME.b.txt pair in
// testdata/neardup; the first line of a file is the title, the rest the body.
func readNearDupPairs(t *testing.T) []nearDupPair {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "neardup", "*.a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no pairs in testdata/neardup")
	}
	read := func(path string) Article {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(b), "\n")
		return Article{Title: title, Text: strings.TrimSpace(body)}
	}
	var pairs []nearDupPair
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".a.txt")
		same := strings.HasPrefix(name, "same-")
		if !same && !strings.HasPrefix(name, "diff-") {
			t.Fatalf("%s: name must start with same- or diff-", f)
		}
		pairs = append(pairs, nearDupPair{name, same, read(f), read(strings.TrimSuffix(f, ".a.txt") + ".b.txt")})
	}
	return pairs
}

func TestNearDuplicatePairs(t *testing.T) {
	t.Parallel()
	var tp, fp, fn int
	for _, p := range readNearDupPairs(t) {
		got := NearDuplicate(&p.a, &p.b)
		switch {
		case got && p.same:
			tp++
		case got:
			fp++
		case p.same:
			fn++
		}
		t.Run(p.name, func(t *testing.T) {
			fa, _ := p.a.Fingerprint()
			fb, _ := p.b.Fingerprint()
			t.Logf("distance %d, resemblance %.2f", Distance(fa, fb), Resemblance(&p.a, &p.b))
			if got != p.same {
				t.Errorf("NearDuplicate = %v, want %v", got, p.same)
			}
			if got2 := NearDuplicate(&p.b, &p.a); got2 != got {
				t.Errorf("NearDuplicate(b, a) = %v, want %v (symmetric)", got2, got)
			}
		})
	}
	t.Logf("precision %d/%d, recall %d/%d", tp, tp+fp, tp, tp+fn)
}

// TestNearDuplicateSeeds judges the pairs under 1,000 hash seeds, because
// one hash function can be lucky on a dozen pairs: a SimHash distance is
// a random variable. It measures the recall of the candidate stage (the
// distance at most MaxNearDistance, which is what the index finds) and
// requires that no different story is ever judged the same.
func TestNearDuplicateSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 seeds")
	}
	t.Parallel()
	const seeds = 1000
	for _, p := range readNearDupPairs(t) {
		sa, sb := p.a.shingles(), p.b.shingles()
		if sa == nil || sb == nil {
			continue // no fingerprint, whatever the seed
		}
		resemblance := Resemblance(&p.a, &p.b)
		found, merged := 0, 0
		for s := range uint64(seeds) {
			seed := s * 0x9e3779b97f4a7c15
			d := Distance(simHash(p.a.seededShingles(seed)), simHash(p.b.seededShingles(seed)))
			if d <= MaxNearDistance {
				found++
			}
			if d <= SureNearDistance || d <= MaxNearDistance && resemblance >= MinResemblance {
				merged++
			}
		}
		t.Logf("%s: candidate in %d of %d seeds, merged in %d", p.name, found, seeds, merged)
		if !p.same && merged > 0 {
			t.Errorf("%s: merged in %d of %d seeds, want 0", p.name, merged, seeds)
		}
		// The weakest pair (a write-through with new figures, an added
		// paragraph and a correction line) is found in about half the seeds.
		if p.same && merged < seeds/3 {
			t.Errorf("%s: merged in %d of %d seeds, want at least a third", p.name, merged, seeds)
		}
	}
}

func TestFingerprint(t *testing.T) {
	t.Parallel()
	para := "The European Central Bank kept interest rates unchanged on Thursday and said it would stay the course until inflation was back at its target."
	long := strings.Repeat(para+"\n\n", 3) // 75 words
	tests := []struct {
		name string
		text string
		ok   bool
	}{
		{"empty", "", false},
		{"long enough", long, true},
		{"short", para, false},
		{"short lines only", strings.Repeat("Posted: May 12, 2021 6:20 AM\n", 20), false},
		{"boilerplate only", strings.Repeat("Copyright 2024 The Associated Press. All rights reserved. This material may not be published.\n", 10), false},
		{"one long paragraph", strings.ReplaceAll(long, "\n", " "), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := Article{Text: tt.text}
			if _, ok := a.Fingerprint(); ok != tt.ok {
				t.Errorf("Fingerprint() ok = %v, want %v", ok, tt.ok)
			}
		})
	}
}

func TestFingerprintIgnores(t *testing.T) {
	t.Parallel()
	text := strings.Repeat(`The ECB said it would "stay the course" -- for now -- as inflation cooled.`+"\n\n", 6)
	a := Article{Title: "ECB holds rates", Text: text}
	want, ok := a.Fingerprint()
	if !ok {
		t.Fatal("Fingerprint() ok = false, want true")
	}
	tests := []struct {
		name string
		a    Article
	}{
		{"title", Article{Title: "Lagarde: cuts premature", Text: text}},
		{"curly quotes and dashes", Article{Text: strings.NewReplacer(`"stay`, "“stay", `course"`, "course”", "--", "—").Replace(text)}},
		{"byline and stamps", Article{Text: "By Francesco Canepa, Reuters\nPosted: Mar 14, 2024 6:20 AM\nAdvertisement\n" + text}},
		{"footer", Article{Text: text + "\n(Reporting by Francesco Canepa; Editing by Toby Chopra)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got, _ := tt.a.Fingerprint(); got != want {
				t.Errorf("Fingerprint() = %016x, want %016x (distance %d)", got, want, Distance(got, want))
			}
		})
	}
}

func TestDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f, g uint64
		want int
	}{
		{0, 0, 0},
		{0, ^uint64(0), 64},
		{0xF0, 0x0F, 8},
		{1 << 63, 1, 2},
	}
	for _, tt := range tests {
		if got := Distance(tt.f, tt.g); got != tt.want {
			t.Errorf("Distance(%x, %x) = %d, want %d", tt.f, tt.g, got, tt.want)
		}
	}
}

func BenchmarkFingerprint(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("testdata", "neardup", "same-ecb-rates.a.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a := Article{Text: string(text)}
	for b.Loop() {
		a.Fingerprint()
	}
}
