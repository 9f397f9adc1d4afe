package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"tidings/storage"
)

func runBackup(ctx context.Context, e *env, args []string) (err error) {
	fs := e.newFlags("backup", "FILE")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError(errors.New("name the backup FILE"))
	}
	c, err := e.loadConfig()
	if err != nil {
		return err
	}
	dest := fs.Arg(0)
	n, err := backup(ctx, c, dest)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote a consistent copy of %s to %s (%d bytes)\n", c.Database, dest, n)
	return nil
}

// backup writes a copy of the database to dest through a temporary file:
// from the file itself when it is free, else from the running server that
// holds it (bbolt's Tx.WriteTo, consistent while serve works on).
func backup(ctx context.Context, c *Config, dest string) (int64, error) {
	var n int64
	err := replaceFile(dest, 0o600, func(w io.Writer) error {
		var err error
		n, err = copyDatabase(ctx, c, w)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("backup to %s: %w", dest, err)
	}
	return n, nil
}

func copyDatabase(ctx context.Context, c *Config, w io.Writer) (_ int64, err error) {
	store, err := openReadable(c.Database, io.Discard) // a copy needs no warning
	if errors.Is(err, storage.ErrLocked) {
		cf, err := readControlFile(c.Database)
		if err != nil {
			return 0, err
		}
		return cf.stream(ctx, "/-/backup", w)
	}
	if err != nil {
		return 0, err
	}
	defer closing(store.Close, &err)
	return store.Backup(w)
}

// stream copies the body of a 200 answer to GET path into w.
func (cf controlFile) stream(ctx context.Context, path string, w io.Writer) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+cf.Addr+path, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+cf.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, fmt.Errorf("server at %s (pid %d) does not answer: %w", cf.Addr, cf.PID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	n, err := io.Copy(w, resp.Body)
	if err == nil && resp.ContentLength >= 0 && n != resp.ContentLength {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

func runCompact(ctx context.Context, e *env, args []string) error {
	fs := e.newFlags("compact", "")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	c, err := e.loadConfig()
	if err != nil {
		return err
	}
	before, after, err := storage.Compact(c.Database)
	if errors.Is(err, storage.ErrLocked) {
		return fmt.Errorf("%w: compact works offline; stop tidings serve first", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "compacted %s: %d -> %d bytes\n", c.Database, before, after)
	return nil
}
