package publish

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/normalize"
)

func TestPingHub(t *testing.T) {
	var mu sync.Mutex
	var got []string
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.Form.Get("hub.mode") != "publish" {
			http.Error(w, "bad ping", http.StatusBadRequest)
			return
		}
		mu.Lock()
		got = append(got, r.Form.Get("hub.url"))
		mu.Unlock()
		if strings.Contains(r.Form.Get("hub.url"), "refused") {
			http.Error(w, "no", http.StatusForbidden)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hub.Close()
	urls := []string{"http://x.example/topics/a.atom", "http://x.example/topics/refused.atom", "http://x.example/topics/b.atom"}
	err := PingHub(context.Background(), hub.Client(), hub.URL, urls)
	if err == nil || !strings.Contains(err.Error(), "refused.atom") || !strings.Contains(err.Error(), "403") {
		t.Errorf("got %v, want the refused feed's error", err)
	}
	if strings.Join(got, " ") != strings.Join(urls, " ") {
		t.Errorf("pinged %v, want every feed %v", got, urls)
	}
}

func TestHubLinks(t *testing.T) {
	f := &Feed{ID: "urn:x", Title: "T", Updated: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Links:    Links{Atom: "http://x/t.atom", RSS: "http://x/t.rss", JSON: "http://x/t.json", Hub: "https://hub.example/"},
		Articles: []normalize.Article{}}
	var atom, rss, js bytes.Buffer
	if err := WriteAtom(&atom, f); err != nil {
		t.Fatal(err)
	}
	if err := WriteRSS(&rss, f); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(atom.String(), `<link href="https://hub.example/" rel="hub"></link>`) {
		t.Errorf("atom lacks the hub link:\n%s", atom.String())
	}
	if !strings.Contains(rss.String(), `<atom:link href="https://hub.example/" rel="hub"></atom:link>`) {
		t.Errorf("rss lacks the hub link:\n%s", rss.String())
	}
	var jf struct{ Hubs []struct{ Type, URL string } }
	if err := json.Unmarshal(js.Bytes(), &jf); err != nil || len(jf.Hubs) != 1 || jf.Hubs[0].Type != "WebSub" || jf.Hubs[0].URL != "https://hub.example/" {
		t.Errorf("json hubs: got %+v (%v)", jf.Hubs, err)
	}
	validateAtom(t, writeTemp(t, t.TempDir(), "hub.atom", atom.Bytes()))
}
