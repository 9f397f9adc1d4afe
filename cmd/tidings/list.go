package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"tidings/feeds/server"
)

func runSources(ctx context.Context, e *env, args []string) error {
	var list []server.SourceInfo
	return e.list(ctx, "sources", "[-json]", "/sources.json", args, &list, func(tw *tabwriter.Writer) {
		fmt.Fprintln(tw, "NAME\tSTATUS\tARTICLES\tLAST ATTEMPT\tLAST SUCCESS\tNEXT DUE\tVALIDATORS\tURL")
		for _, s := range list {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", s.Name, s.Status, s.Articles,
				when(s.LastAttempt, "never"), when(s.LastSuccess, "never"), when(s.NextDue, "now"), validators(s), s.URL)
		}
		_ = tw.Flush() // its error comes back from the caller's Flush
		for _, s := range list {
			if s.UnstableGUIDs {
				fmt.Fprintf(tw, "note: %s: guids: unstable, using links\n", s.Name)
			}
			if s.LastError != "" {
				health := ""
				if s.Unhealthy {
					health = ", UNHEALTHY: failing since " + when(s.FailingSince, "")
				}
				fmt.Fprintf(tw, "error: %s (%d in a row%s): %s\n", s.Name, s.ConsecutiveErrors, health, s.LastError)
			}
		}
	})
}

// list prints what the server says at path: the JSON array itself with
// -json, else a table drawn by table after decoding into v. usage is the
// command's synopsis after its name.
func (e *env) list(ctx context.Context, name, usage, path string, args []string, v any, table func(*tabwriter.Writer)) (err error) {
	fs := e.newFlags(name, usage)
	asJSON := fs.Bool("json", false, "print one JSON array")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	_, p, err := e.configAndPages(ctx)
	if err != nil {
		return err
	}
	defer closing(p.close, &err)
	data, err := p.get(ctx, path)
	if err != nil {
		return err
	}
	if *asJSON {
		_, err = e.stdout.Write(data)
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	table(tw)
	return tw.Flush()
}

// validators says which cache validators a source's next request sends.
func validators(s server.SourceInfo) string {
	switch {
	case s.ETag != "" && s.LastModified != "":
		return "etag+date"
	case s.ETag != "":
		return "etag"
	case s.LastModified != "":
		return "date"
	}
	return "-"
}

// when formats a time for tables, with zero as the word for no time.
func when(t *time.Time, zero string) string {
	if t == nil {
		return zero
	}
	return t.Local().Format("2006-01-02 15:04:05")
}
