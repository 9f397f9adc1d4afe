package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
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

// remount changes the flags of the tmpfs mounted on dir.
func remount(t *testing.T, dir string, flags uintptr, size int64) {
	t.Helper()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|flags, fmt.Sprintf("size=%d", size)); err != nil {
		t.Fatalf("remount %s: %v", dir, err)
	}
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
	const feeds = 120
	disk := mountTmpfs(t, 32<<20)
	bin := buildTidings(t)
	srv := newCrashFeedServer(t)
	dir := t.TempDir()
	cfg, _ := writeCrashConfig(t, dir, srv.URL, "", 30)
	db := filepath.Join(disk, "t.db")
	setDatabase(t, cfg, db)
	runOK(t, bin, "-config", cfg, "fetch", "-force")
	before := checkDB(t, db)

	// The next run has 90 more feeds to store and 64 KiB to store them in.
	cfg, _ = writeCrashConfig(t, dir, srv.URL, "", feeds)
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
	if len(final.sources) != feeds {
		t.Errorf("after space was freed: %d sources stored, want %d", len(final.sources), feeds)
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

// TestReadOnlyDatabase puts the database on a read-only file system (as
// root, where file modes stop nothing) or makes it and its folder
// read-only (otherwise): fetch fails naming the file, while serve, export,
// sources and backup read it as it is.
func TestReadOnlyDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds tidings and runs it as a process")
	}
	bin := buildTidings(t)
	srv := newCrashFeedServer(t)
	dir := t.TempDir()
	cfg, _ := writeCrashConfig(t, dir, srv.URL, "", 30)
	var disk string
	if os.Geteuid() == 0 {
		disk = mountTmpfs(t, 64<<20)
	} else {
		disk = filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(disk, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(disk, "t.db")
	setDatabase(t, cfg, db)
	runOK(t, bin, "-config", cfg, "fetch", "-force")
	before := checkDB(t, db)
	want := "read-only file system"
	if os.Geteuid() == 0 {
		remount(t, disk, syscall.MS_RDONLY, 64<<20)
		defer remount(t, disk, 0, 64<<20) // so that checkDB can open it writable
	} else {
		want = "permission denied"
		for _, p := range []string{db, disk} {
			if err := os.Chmod(p, 0o555); err != nil {
				t.Fatal(err)
			}
		}
		defer os.Chmod(disk, 0o755)
	}

	srv.Next()
	out := runFail(t, bin, "-config", cfg, "fetch", "-force")
	if !strings.Contains(out, db) || !strings.Contains(out, want) {
		t.Errorf("fetch on a read-only database: got %q, want an error naming %s and %q", out, db, want)
	}
	out = runOK(t, bin, "-config", cfg, "sources", "-json")
	if !strings.Contains(out, "read-only") {
		t.Errorf("sources on a read-only database: no warning in %q", out)
	}
	var sources []json.RawMessage
	if i := strings.Index(out, "["); i < 0 || json.Unmarshal([]byte(out[i:]), &sources) != nil || len(sources) != 30 {
		t.Errorf("sources -json on a read-only database: got %q, want 30 sources", out)
	}
	public := filepath.Join(t.TempDir(), "public")
	runOK(t, bin, "-config", cfg, "export", "-out", public)
	if _, err := os.Stat(filepath.Join(public, "topics", "all.atom")); err != nil {
		t.Errorf("export from a read-only database: %v", err)
	}
	runOK(t, bin, "-config", cfg, "backup", filepath.Join(t.TempDir(), "copy.db"))
	checkReadOnlyServe(t, bin, cfg)

	if os.Geteuid() == 0 {
		remount(t, disk, 0, 64<<20)
	} else {
		os.Chmod(disk, 0o755)
		os.Chmod(db, 0o644)
	}
	after := checkDB(t, db)
	checkKept(t, before, after)
	sameArticles(t, after, before)
}

// checkReadOnlyServe runs serve over a read-only database: it answers a
// topic feed, announces no control file, and stops on SIGTERM.
func checkReadOnlyServe(t *testing.T, bin, cfg string) {
	t.Helper()
	cmd := exec.Command(bin, "-config", cfg, "serve", "-addr", "127.0.0.1:0")
	var stderr lockedBuffer // read while serve writes it
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var addr string
	waitFor(t, "serve to listen", func() bool {
		_, rest, ok := strings.Cut(stderr.String(), "url=http://")
		addr, _, _ = strings.Cut(rest, "/")
		return ok && strings.Contains(rest, "/")
	})
	if resp := get(t, "http://"+addr+"/topics/all.atom", ""); resp.StatusCode != 200 {
		t.Errorf("serve on a read-only database: GET /topics/all.atom: %s", resp.Status)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := waitExit(t, cmd); code != 0 || !strings.Contains(stderr.String(), "read-only") {
		t.Errorf("serve on a read-only database: exit %d, want 0 and a warning\n%s", code, stderr.String())
	}
}

// lockedBuffer is a strings.Builder safe to read while a process writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
