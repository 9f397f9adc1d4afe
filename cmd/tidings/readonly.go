package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"

	"tidings/storage"
)

// openReadable opens the database for a command that only needs to read
// it (serve, export, sources, topics, backup): writable when it can be, so
// that topic indexes follow the config; else, on a read-only file system
// or a file it may not write, read-only, with a warning on stderr. Any
// other error, such as ErrLocked, is returned as it is.
func openReadable(path string, stderr io.Writer) (*storage.Store, error) {
	store, err := storage.Open(path, storage.Options{})
	if err == nil || !(errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission)) {
		return store, err
	}
	ro, rerr := storage.Open(path, storage.Options{ReadOnly: true})
	if rerr != nil {
		return nil, fmt.Errorf("%w (read-only: %v)", err, rerr)
	}
	fmt.Fprintf(stderr, "tidings: warning: %v: reading the database as it is, read-only; nothing is fetched or stored\n", err)
	return ro, nil
}
