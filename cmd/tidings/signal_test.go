package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// waitExit waits for cmd to exit, failing the test when it hangs past
// hangGuard, and returns its exit status.
func waitExit(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(hangGuard):
		cmd.Process.Kill()
		<-done
		t.Fatalf("tidings %v did not exit within %v of the signal", cmd.Args[1:], hangGuard)
	}
	return cmd.ProcessState.ExitCode()
}

// waitFor polls cond until it holds, failing the test past hangGuard.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var interruptedRE = regexp.MustCompile(`interrupted \((SIGINT|SIGTERM) received\): (\d+) of (\d+) sources done; the rest were not fetched`)

// TestSignalFetch sends SIGINT and SIGTERM to `tidings fetch` while it reads
// slow feeds: it stops at once with a message saying how far it got and
// exit status 128+signal; the sources it finished are stored whole, the
// others not touched, and the next run completes.
func TestSignalFetch(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds tidings and runs it as a process")
	}
	bin := buildTidings(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			const feeds = 60
			srv := newCrashFeedServer(t)
			srv.delay.Store(int64(100 * time.Millisecond))
			cfg, db := writeCrashConfig(t, t.TempDir(), srv.URL, "", feeds)
			cmd := exec.Command(bin, "-config", cfg, "fetch", "-force")
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitFor(t, "the fetch to be under way", func() bool { return srv.requests.Load() >= 20 })
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code := waitExit(t, cmd)
			if want := 128 + int(sig); code != want {
				t.Errorf("exit status %d, want %d\n%s", code, want, stderr.String())
			}
			m := interruptedRE.FindStringSubmatch(stderr.String())
			if m == nil || m[3] != strconv.Itoa(feeds) {
				t.Fatalf("stderr: got %q, want the interruption named, with how many of %d sources were done", stderr.String(), feeds)
			}
			done, _ := strconv.Atoi(m[2])
			if done == 0 || done == feeds {
				t.Errorf("%d of %d sources done: the signal did not land mid-run", done, feeds)
			}
			if n := strings.Count(stdout.String(), "(interrupted: not fetched)"); n != feeds-done {
				t.Errorf("summary lists %d sources as not fetched, want %d:\n%s", n, feeds-done, stdout.String())
			}
			st := checkDB(t, db)
			checkStates(t, st) // every stored state is a whole, successful read
			if len(st.sources) != done {
				t.Errorf("%d source states stored, want the %d sources done", len(st.sources), done)
			}

			srv.delay.Store(0)
			runOK(t, bin, "-config", cfg, "fetch", "-force")
			st = checkDB(t, db)
			checkStates(t, st)
			if len(st.sources) != feeds {
				t.Errorf("after the next run: %d source states, want %d", len(st.sources), feeds)
			}
		})
	}
}

// TestSignalServe sends SIGINT and SIGTERM to `tidings serve` while it
// fetches on its schedule and answers a client: it finishes what is in
// flight, says so, removes its control file and exits 0; the database is
// whole and a fetch then completes.
func TestSignalServe(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds tidings and runs it as a process")
	}
	bin := buildTidings(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			const feeds = 60
			srv := newCrashFeedServer(t)
			srv.delay.Store(int64(20 * time.Millisecond))
			cfg, db := writeCrashConfig(t, t.TempDir(), srv.URL, "  every: 100ms\n  interval: 1ms\n", feeds)
			cmd := exec.Command(bin, "-config", cfg, "serve", "-addr", "127.0.0.1:0")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var cf controlFile
			waitFor(t, "serve's control file", func() bool {
				var err error
				cf, err = readControlFile(db)
				return err == nil && cf.PID == cmd.Process.Pid
			})
			// A second fetch round is under way: the first stored something.
			waitFor(t, "serve to fetch twice", func() bool { return srv.requests.Load() >= feeds+20 })
			resp := get(t, "http://"+cf.Addr+"/topics/all.atom", "")
			if resp.StatusCode != 200 {
				t.Errorf("GET /topics/all.atom: %s", resp.Status)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := waitExit(t, cmd); code != 0 {
				t.Errorf("exit status %d, want 0\n%s", code, stderr.String())
			}
			for _, want := range []string{"shutting down", "stopped", fmt.Sprintf("reason=%q", sig2name(sig)+" received")} {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
			if _, err := os.Stat(controlPath(db)); !os.IsNotExist(err) {
				t.Errorf("control file left behind: %v", err)
			}
			st := checkDB(t, db)
			checkStates(t, st)
			srv.delay.Store(0)
			runOK(t, bin, "-config", cfg, "fetch", "-force")
			st = checkDB(t, db)
			checkStates(t, st)
			if len(st.sources) != feeds {
				t.Errorf("after the next run: %d source states, want %d", len(st.sources), feeds)
			}
		})
	}
}

func sig2name(sig syscall.Signal) string {
	return map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM"}[sig]
}
