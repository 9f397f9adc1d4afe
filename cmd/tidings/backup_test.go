package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tidings/storage"
)

// checkBackup opens a backup as a database and checks it holds n articles.
func checkBackup(t *testing.T, path string, n int) {
	t.Helper()
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatalf("open the backup: %v", err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Errorf("backup fails the consistency check: %v", err)
	}
	if got := s.CountArticles(); got != n {
		t.Errorf("backup holds %d articles, want %d", got, n)
	}
}

func TestBackupAndCompact(t *testing.T) {
	feed := newFeedServer(t)
	cfg := setup(t, feed.URL+"/rss.xml")
	ctx := context.Background()
	if code, out, stderr := tidings(t, ctx, "-config", cfg, "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, stderr)
	}
	dir := t.TempDir()
	offline := filepath.Join(dir, "offline.db")
	if code, out, stderr := tidings(t, ctx, "-config", cfg, "backup", offline); code != 0 || !strings.Contains(out, "wrote a consistent copy") {
		t.Fatalf("backup: exit %d\n%s%s", code, out, stderr)
	}
	checkBackup(t, offline, 4)
	if code, out, stderr := tidings(t, ctx, "-config", cfg, "compact"); code != 0 || !strings.Contains(out, "compacted") {
		t.Fatalf("compact: exit %d\n%s%s", code, out, stderr)
	}

	// While serve holds the database: backup streams from it, compact refuses.
	sctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { Main(sctx, []string{"-config", cfg, "serve", "-addr", "127.0.0.1:0"}, io.Discard, io.Discard) })
	defer func() { cancel(); wg.Wait() }()
	waitControlFile(t, filepath.Join(filepath.Dir(cfg), "data", "t.db"))
	online := filepath.Join(dir, "online.db")
	if code, out, stderr := tidings(t, ctx, "-config", cfg, "backup", online); code != 0 {
		t.Fatalf("backup while serving: exit %d\n%s%s", code, out, stderr)
	}
	checkBackup(t, online, 4)
	if code, _, stderr := tidings(t, ctx, "-config", cfg, "compact"); code != 1 || !strings.Contains(stderr, "stop tidings serve first") {
		t.Errorf("compact while serving: exit %d, %q; want 1 and a clear refusal", code, stderr)
	}
	if code, _, _ := tidings(t, ctx, "-config", cfg, "backup"); code != 2 {
		t.Errorf("backup without a file: exit %d, want 2", code)
	}
}
