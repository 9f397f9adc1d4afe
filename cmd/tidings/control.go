package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"syscall"
	"time"

	"tidings/feeds/ingest"
	"tidings/feeds/server"
	"tidings/storage"
)

// controlFile is written next to the database by `tidings serve`: where it
// listens and the token its control endpoint wants. It is readable only by
// the owner, like the database.
type controlFile struct {
	Addr  string `json:"addr"`
	Token string `json:"token"`
	PID   int    `json:"pid"`
}

func controlPath(db string) string { return db + ".serve" }

func (cf controlFile) write(db string) error {
	data, err := json.Marshal(cf)
	if err != nil {
		return err
	}
	// Through a new file renamed into place: a fetch reading it as serve
	// starts, or after serve was killed while writing it, sees a whole
	// file; and os.WriteFile would keep the mode of a file already there
	// (left by an older version, or planted) and follow a symbolic link.
	err = replaceFile(controlPath(db), 0o600, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("write control file: %w", err)
	}
	return nil
}

func removeControlFile(db string) {
	os.Remove(controlPath(db))
}

// readControlFile finds the running server that holds db.
func readControlFile(db string) (controlFile, error) {
	var cf controlFile
	data, err := os.ReadFile(controlPath(db))
	if err != nil {
		return cf, fmt.Errorf("%s is locked by another process and no tidings serve announces itself in %s: %w",
			db, controlPath(db), storage.ErrLocked)
	}
	if err := json.Unmarshal(data, &cf); err != nil {
		return cf, fmt.Errorf("read %s: %w", controlPath(db), err)
	}
	if cf.PID > 0 && !running(cf.PID) {
		return cf, fmt.Errorf("%s is locked by another process; %s, left by a tidings serve that was killed, names pid %d, which is gone: %w",
			db, controlPath(db), cf.PID, storage.ErrLocked)
	}
	return cf, nil
}

// running reports whether process pid exists (signal 0 checks without
// sending anything; EPERM means it exists as another user's).
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// remoteFetch asks the running server that holds the database to run the
// fetch, and returns its summary.
func remoteFetch(ctx context.Context, c *Config, req fetchRequest) (*ingest.Summary, error) {
	cf, err := readControlFile(c.Database)
	if err != nil {
		return nil, err
	}
	body, _ := json.Marshal(req)
	ctx, cancel := context.WithTimeout(ctx, c.Fetch.Deadline+time.Minute)
	defer cancel()
	data, err := cf.do(ctx, http.MethodPost, "/-/fetch", bytes.NewReader(body))
	if err != nil && errors.Is(ctx.Err(), context.Canceled) {
		// Our request is gone, so the server stops the run it did for us.
		return nil, fmt.Errorf("fetch through the running server at %s interrupted: %w", cf.Addr, context.Cause(ctx))
	}
	if err != nil {
		return nil, fmt.Errorf("fetch through the running server: %w", err)
	}
	var sum ingest.Summary
	if err := json.Unmarshal(data, &sum); err != nil {
		return nil, fmt.Errorf("fetch through the running server: bad answer: %w", err)
	}
	return &sum, nil
}

// do sends one request to the server announced in cf and returns the body
// of a 200 answer.
func (cf controlFile) do(ctx context.Context, method, path string, body io.Reader) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, "http://"+cf.Addr+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+cf.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("server at %s (pid %d) does not answer: %w", cf.Addr, cf.PID, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(data))
	}
	return data, nil
}

// pages answers GET requests for the server's paths, whether the database
// is free (a server is built in process) or held by a running `tidings
// serve` (asked over HTTP). export, sources and topics read through it, so
// they render exactly what serve serves.
type pages struct {
	get   func(ctx context.Context, path string) ([]byte, error)
	close func() error
}

// configAndPages loads the config and opens its pages; close the pages.
func (e *env) configAndPages(ctx context.Context) (*Config, *pages, error) {
	c, err := e.loadConfig()
	if err != nil {
		return nil, nil, err
	}
	p, err := e.openPages(ctx, c)
	return c, p, err
}

func (e *env) openPages(ctx context.Context, c *Config) (*pages, error) {
	store, err := openReadable(c.Database, e.stderr)
	if errors.Is(err, storage.ErrLocked) {
		cf, err := readControlFile(c.Database)
		if err != nil {
			return nil, err
		}
		return &pages{
			get: func(ctx context.Context, path string) ([]byte, error) {
				return cf.do(ctx, http.MethodGet, path, nil)
			},
			close: func() error { return nil },
		}, nil
	}
	if err != nil {
		return nil, err
	}
	log := e.logger(c)
	if err := syncTopics(ctx, store, c, log); err != nil {
		_ = store.Close() // the sync error matters more
		return nil, err
	}
	token, err := newToken()
	if err != nil {
		_ = store.Close()
		return nil, err
	}
	opts := serverOptions(store, c, log)
	opts.ControlToken = token // our own requests are the operator's
	h := server.New(opts)
	return &pages{
		get: func(ctx context.Context, path string) ([]byte, error) {
			return getLocal(ctx, h, path, token)
		},
		close: store.Close,
	}, nil
}

// getLocal runs a GET through an in-process handler, as the operator.
func getLocal(ctx context.Context, h http.Handler, path, token string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	req.RemoteAddr = "127.0.0.1:0"
	req.Header.Set("Authorization", "Bearer "+token)
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	h.ServeHTTP(rec, req)
	if rec.status != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %d %s", path, rec.status, bytes.TrimSpace(rec.body.Bytes()))
	}
	return rec.body.Bytes(), nil
}

// recorder is the smallest http.ResponseWriter that keeps what it is sent.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(status int)      { r.status = status }
