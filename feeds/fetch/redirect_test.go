package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// redirectMux serves /feed, and redirects each /{code}/{rest...} with the
// status code to /{rest...}, so a path spells out its redirect chain.
func redirectMux(t *testing.T) *http.ServeMux {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("feed"))
	})
	mux.HandleFunc("GET /{code}/{rest...}", func(w http.ResponseWriter, r *http.Request) {
		code, err := strconv.Atoi(r.PathValue("code"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, "/"+r.PathValue("rest"), code)
	})
	mux.HandleFunc("GET /ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/feed", http.StatusFound)
	})
	return mux
}

func TestGetRedirects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		path string
		want string // PermanentRedirect's path, "" for none
	}{
		{name: "none", path: "/feed"},
		{name: "301", path: "/301/feed", want: "/feed"},
		{name: "308", path: "/308/feed", want: "/feed"},
		{name: "302", path: "/302/feed"},
		{name: "307", path: "/307/feed"},
		{name: "301 then 301", path: "/301/301/feed", want: "/feed"},
		{name: "301 then 302", path: "/301/302/feed", want: "/302/feed"},
		{name: "302 then 301", path: "/302/301/feed"},
	}
	srv := newServer(t, redirectMux(t))
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := mustGet(t, c, srv.URL+tt.path, Validators{})
			if want := srv.URL + "/feed"; got.URL != want {
				t.Errorf("URL: got %q, want %q", got.URL, want)
			}
			want := ""
			if tt.want != "" {
				want = srv.URL + tt.want
			}
			if got.PermanentRedirect != want {
				t.Errorf("PermanentRedirect: got %q, want %q", got.PermanentRedirect, want)
			}
			if string(got.Body) != "feed" {
				t.Errorf("Body: got %q, want %q", got.Body, "feed")
			}
		})
	}
}

func TestGetTooManyRedirects(t *testing.T) {
	t.Parallel()
	chain := func(n int) string { return strings.Repeat("/302", n) + "/feed" }
	tests := []struct {
		max       int
		redirects int
		wantErr   bool
	}{
		{max: 3, redirects: 3},
		{max: 3, redirects: 4, wantErr: true},
		{max: 0, redirects: 5}, // the default, 5
		{max: 0, redirects: 6, wantErr: true},
	}
	srv := newServer(t, redirectMux(t))
	for _, tt := range tests {
		t.Run(fmt.Sprintf("max %d redirects %d", tt.max, tt.redirects), func(t *testing.T) {
			t.Parallel()
			url := srv.URL + chain(tt.redirects)
			_, err := New(Options{MaxRedirects: tt.max}).Get(t.Context(), url, Validators{})
			if got := errors.Is(err, ErrTooManyRedirects); got != tt.wantErr {
				t.Fatalf("got error %v, want ErrTooManyRedirects %t", err, tt.wantErr)
			}
			if tt.wantErr && !strings.HasPrefix(err.Error(), "fetch "+url+": ") {
				t.Errorf("got error %q, want it to name %s", err, url)
			}
		})
	}
}

func TestGetRedirectToUnsupportedScheme(t *testing.T) {
	t.Parallel()
	srv := newServer(t, redirectMux(t))
	_, err := New(Options{}).Get(t.Context(), srv.URL+"/ftp", Validators{})
	if !errors.Is(err, ErrUnsupportedScheme) {
		t.Fatalf("got error %v, want ErrUnsupportedScheme", err)
	}
}
