package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"tidings/feeds/server"
	"tidings/normalize"
	"tidings/storage"
)

// topicsUsage is the synopsis of `tidings topics` and its subcommands.
const topicsUsage = `[-json]
       tidings topics reindex [NAME...]
       tidings topics test [-limit N] [-scan N] [-json] [-db FILE] QUERY
       tidings topics explain [-q] [-json] [-db FILE] NAME|QUERY ARTICLE-ID`

// topicsCommands are the subcommands of `tidings topics`. They need the
// database itself, which a running `tidings serve` cannot lend them.
func topicsCommands() []command {
	return []command{
		{"reindex", "recompute topic membership over every stored article", runTopicsReindex},
		{"test", "run a query over the stored articles", runTopicsTest},
		{"explain", "say which terms of a query an article matches, in which fields", runTopicsExplain},
	}
}

// runTopics lists the topics, or runs the subcommand its first argument
// names.
func runTopics(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		for _, c := range topicsCommands() {
			if c.name == args[0] {
				return c.run(ctx, e, args[1:])
			}
		}
		return usageError(fmt.Errorf("unknown command %q (want reindex, test or explain)", args[0]))
	}
	var list []server.TopicInfo
	return e.list(ctx, "topics", topicsUsage, "/topics.json", args, &list, func(tw *tabwriter.Writer) {
		fmt.Fprintln(tw, "NAME\tARTICLES\tTITLE\tQUERY")
		for _, t := range list {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", t.Name, t.Articles, t.Title, t.Query)
		}
	})
}

func runTopicsReindex(ctx context.Context, e *env, args []string) (err error) {
	fs := e.newFlags("topics reindex", "[NAME...]")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	c, err := e.loadConfig()
	if err != nil {
		return err
	}
	topics, err := c.selectTopics(fs.Args())
	if err != nil {
		return err
	}
	store, err := openStore(c.Database,
		"stop it and run reindex again (a starting serve re-indexes every topic whose query changed)")
	if err != nil {
		return err
	}
	defer closing(store.Close, &err)
	start := time.Now()
	r, err := store.ReindexTopics(ctx, topics)
	if err != nil {
		return err
	}
	took := time.Since(start)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TOPIC\tBEFORE\tAFTER")
	for _, t := range r.Topics {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", t.Name, t.Before, t.After)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "reindexed %d topics over %d articles in %s\n", len(r.Topics), r.Articles, roundDuration(took))
	return nil
}

// selectTopics returns the configured topics with the given names, in the
// order given and each once, or all of them when names is empty.
func (c *Config) selectTopics(names []string) ([]*normalize.Topic, error) {
	if len(names) == 0 {
		return c.topics, nil
	}
	var out []*normalize.Topic
	for _, name := range names {
		i := slices.IndexFunc(c.topics, func(t *normalize.Topic) bool { return t.Name == name })
		if i < 0 {
			return nil, usageError(fmt.Errorf("unknown topic %q (topics: %s)", name, c.topicNames()))
		}
		if !slices.Contains(out, c.topics[i]) {
			out = append(out, c.topics[i])
		}
	}
	return out, nil
}

// topicNames lists the configured topics' names for messages.
func (c *Config) topicNames() string {
	names := make([]string, len(c.topics))
	for i, t := range c.topics {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// openStore opens the database at path for a command that must use it
// itself. When a running `tidings serve` holds it, the error names that
// server and gives advice on what to do instead.
func openStore(path, advice string) (*storage.Store, error) {
	store, err := storage.Open(path, storage.Options{})
	if !errors.Is(err, storage.ErrLocked) {
		return store, err
	}
	cf, cerr := readControlFile(path)
	if cerr != nil {
		return nil, cerr
	}
	return nil, fmt.Errorf("the database %s is held by tidings serve (pid %d at %s); %s", path, cf.PID, cf.Addr, advice)
}

// copyAdvice is what to do about a database held by serve for a command
// that only reads it. bbolt's lock is advisory, so cp can read the file;
// a copy taken during a write may be torn, hence "while no fetch runs".
func copyAdvice(path string) string {
	return fmt.Sprintf("stop it, or copy the file while no fetch runs (cp %s /tmp/tidings-copy.db) and add -db /tmp/tidings-copy.db", path)
}

// roundDuration rounds d for people: to milliseconds, or microseconds below
// one.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return d.Round(time.Millisecond)
}
