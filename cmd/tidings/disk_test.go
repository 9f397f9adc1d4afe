package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mountTmpfs mounts a tmpfs of size bytes on a new temporary folder and
// unmounts it when the test ends. Mounting needs root (CI runs as root);
// without it the test is skipped, saying why.
func mountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root): %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fill writes a file on dir's file system until it is full, leaving free
// bytes at most, and returns its path.
func fill(t *testing.T, dir string, free int64) string {
	t.Helper()
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		t.Fatal(err)
	}
	avail := int64(fs.Bavail) * fs.Bsize
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for left := avail - free; left > 0; left -= int64(len(chunk)) {
		if _, err := f.Write(chunk[:min(int64(len(chunk)), left)]); err != nil {
			break // full already
		}
	}
	return path
}

// runFail runs tidings, expects it to fail with status 1, and returns its
// combined output.
func runFail(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("tidings %v: %v, want exit status 1\n%s", args, err, out)
	}
	return string(out)
}

// TestFullDisk fills the file system under the database during a fetch:
// the fetch fails naming the file and the cause, the articles stored
// before are all there and the file passes every check; with space freed
// the next fetch completes. An export onto a full disk fails the same way
// and leaves no partial file.
func TestFullDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds tidings and runs it as a process")
	}
	disk := mountTmpfs(t, 64<<20)
	bin := buildTidings(t)
	srv := newCrashFeedServer(t)
	dir := t.TempDir()
	cfg, _ := writeCrashConfig(t, dir, srv.URL, "", 30)
	db := filepath.Join(disk, "t.db")
	setDatabase(t, cfg, db)
	runOK(t, bin, "-config", cfg, "fetch", "-force")
	before := checkDB(t, db)

	// The next run has 270 more feeds to store and 64 KiB to store them in.
	cfg, _ = writeCrashConfig(t, dir, srv.URL, "", crashFeeds)
	setDatabase(t, cfg, db)
	filler := fill(t, disk, 64<<10)
	out := runFail(t, bin, "-config", cfg, "fetch", "-force")
	if !strings.Contains(out, db) || !strings.Contains(out, "no space left on device") {
		t.Errorf("fetch onto a full disk: got %q, want an error naming %s and \"no space left on device\"", out, db)
	}
	if strings.Contains(out, "panic") {
		t.Errorf("fetch onto a full disk panicked:\n%s", out)
	}
	after := checkDB(t, db)
	checkKept(t, before, after)
	checkStates(t, after)

	out = runFail(t, bin, "-config", cfg, "export", "-out", filepath.Join(disk, "public"))
	if !strings.Contains(out, "no space left on device") {
		t.Errorf("export onto a full disk: got %q, want \"no space left on device\"", out)
	}
	partial, _ := filepath.Glob(filepath.Join(disk, "public", "*", "*.tmp"))
	top, _ := filepath.Glob(filepath.Join(disk, "public", ".*.tmp"))
	if len(partial)+len(top) > 0 {
		t.Errorf("export left temporary files: %v %v", partial, top)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	runOK(t, bin, "-config", cfg, "fetch", "-force")
	final := checkDB(t, db)
	checkKept(t, after, final)
	checkStates(t, final)
	if len(final.sources) != crashFeeds {
		t.Errorf("after space was freed: %d sources stored, want %d", len(final.sources), crashFeeds)
	}
	runOK(t, bin, "-config", cfg, "export", "-out", filepath.Join(disk, "public"))
}

// setDatabase points the config at db.
func setDatabase(t *testing.T, cfg, db string) {
	t.Helper()
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(data), "\n")
	if !strings.HasPrefix(first, "database: ") {
		t.Fatalf("config starts with %q", first)
	}
	if err := os.WriteFile(cfg, []byte("database: "+db+"\n"+rest), 0o644); err != nil {
		t.Fatal(err)
	}
}
