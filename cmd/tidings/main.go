// Command tidings aggregates news feeds and seed files and republishes them
// by topic as Atom, RSS and JSON feeds.
//
// Usage:
//
//	tidings [-config FILE] COMMAND [flags]
//
// Commands: fetch, serve, export, normalize, sources, topics. Run
// `tidings help` for details. Exit status: 0 success, 1 some work failed
// (what succeeded is kept), 2 usage or configuration error, 130 or 143
// stopped by SIGINT or SIGTERM (serve exits 0: that is how it stops).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	defaultConf = "config.yaml"
)

// usageErr marks an error as a usage or config problem (exit status 2).
type usageErr struct{ err error }

func (e *usageErr) Error() string { return e.err.Error() }
func (e *usageErr) Unwrap() error { return e.err }

// usageError wraps err so that it exits with status 2.
func usageError(err error) error {
	return &usageErr{err}
}

// errFailed is returned by a command that did its work but not all of it
// succeeded, after it reported why (exit status 1).
var errFailed = errors.New("some work failed")

func main() {
	ctx, stop := signalContext(context.Background())
	code := Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// signalError is why the root context was cancelled: a signal arrived.
type signalError struct{ sig syscall.Signal }

func (e *signalError) Error() string {
	switch e.sig {
	case syscall.SIGINT:
		return "SIGINT received"
	case syscall.SIGTERM:
		return "SIGTERM received"
	}
	return e.sig.String() + " received"
}

// signalContext returns a context cancelled, with a *signalError as its
// cause, by the first SIGINT or SIGTERM. Commands then finish or roll back
// the transaction in progress and stop. A second signal is not caught: it
// kills tidings at once, which bbolt's copy-on-write commits make safe.
func signalContext(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-c:
			signal.Stop(c)
			sig, _ := s.(syscall.Signal)
			cancel(&signalError{sig})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(c)
		cancel(nil)
	}
}

// env is what every command gets: its output streams and the config path.
type env struct {
	stdout, stderr io.Writer
	configPath     string
}

// command is a subcommand: its flags are parsed from args.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"fetch", "read every due source and store new articles", runFetch},
		{"serve", "serve topic feeds over HTTP", runServe},
		{"export", "write topic feeds as static files", runExport},
		{"normalize", "print feed or seed files as normalized articles", runNormalize},
		{"sources", "list sources and their fetch state", runSources},
		{"topics", "list topics; reindex, test and explain their queries", runTopics},
		{"backup", "write a consistent copy of the database, even while serve runs", runBackup},
		{"compact", "rewrite the database without its free pages (offline)", runCompact},
	}
}

// Main runs tidings with the given arguments (without the program name) and
// returns the exit status. Tests call it directly.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tidings", flag.ContinueOnError)
	fs.SetOutput(stderr)
	e := &env{stdout: stdout, stderr: stderr}
	fs.StringVar(&e.configPath, "config", defaultConfigPath(), "config `file` (also $TIDINGS_CONFIG)")
	fs.Usage = func() { usage(fs) }
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 || fs.Arg(0) == "help" {
		usage(fs)
		return exitUsage
	}
	for _, c := range commands() {
		if c.name == fs.Arg(0) {
			return report(stderr, c.name, c.run(ctx, e, fs.Args()[1:]))
		}
	}
	fmt.Fprintf(stderr, "tidings: unknown command %q (see tidings help)\n", fs.Arg(0))
	return exitUsage
}

// report prints a command's error and maps it to an exit status.
func report(stderr io.Writer, name string, err error) int {
	var sig *signalError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errFailed):
		return exitFailed
	case errors.As(err, new(*usageErr)):
		fmt.Fprintf(stderr, "tidings %s: %v\n", name, err)
		return exitUsage
	case errors.As(err, &sig):
		fmt.Fprintf(stderr, "tidings %s: %v\n", name, err)
		return 128 + int(sig.sig) // as a shell reports a process a signal stopped
	default:
		fmt.Fprintf(stderr, "tidings %s: %v\n", name, err)
		return exitFailed
	}
}

func defaultConfigPath() string {
	if p := os.Getenv("TIDINGS_CONFIG"); p != "" {
		return p
	}
	return defaultConf
}

func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprintln(w, "usage: tidings [-config FILE] COMMAND [flags]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nflags:")
	fs.PrintDefaults()
	fmt.Fprintln(w, "\nRun tidings COMMAND -h for a command's flags.")
}

// loadConfig reads the config, as a usage error when it is bad.
func (e *env) loadConfig() (*Config, error) {
	c, err := LoadConfig(e.configPath)
	if err != nil {
		return nil, usageError(err)
	}
	for _, w := range c.warnings {
		fmt.Fprintf(e.stderr, "tidings: warning: %s\n", w)
	}
	return c, nil
}

// logger builds the one logger from the config, writing to stderr.
func (e *env) logger(c *Config) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Log.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Log.Format == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

// closing calls close, as a deferred call, keeping the function's first
// error: a database that fails to close after writes must not pass silently.
func closing(close func() error, err *error) {
	if cerr := close(); *err == nil {
		*err = cerr
	}
}

// newFlags returns a flag set for a subcommand that writes to stderr.
func (e *env) newFlags(name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: tidings %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlagsOnly parses a subcommand that takes flags and no arguments; a
// bad flag or a stray argument is a usage error.
func parseFlagsOnly(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	return nil
}

// parseFlags parses a subcommand's flags; a bad flag is a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError(err)
	}
	return nil
}
