package seed

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestLayoutInvariance checks that what the container leaves inconsistent
// does not change the extraction: CRLF or LF line endings, a blank line
// after every line or none, trailing spaces and no-break spaces.
func TestLayoutInvariance(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	variants := map[string]func(string) string{
		"crlf": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"blank lines": func(s string) string {
			return strings.ReplaceAll(s, "\n", "\n\n")
		},
		"no blank lines": func(s string) string {
			for strings.Contains(s, "\n\n") {
				s = strings.ReplaceAll(s, "\n\n", "\n")
			}
			return s
		},
		"trailing spaces": func(s string) string { return strings.ReplaceAll(s, "\n", " \u00a0\n") },
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		page := strings.ReplaceAll(string(data), "\r\n", "\n")
		name := filepath.Base(path)
		want, wantErr := Parse(name, data)
		for vname, f := range variants {
			t.Run(name+"/"+vname, func(t *testing.T) {
				t.Parallel()
				got, err := Parse(name, []byte(f(page)))
				if (err == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
					t.Errorf("got %+v, %v\nwant %+v, %v", got, err, want, wantErr)
				}
			})
		}
	}
}
