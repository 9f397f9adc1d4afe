package main

import (
	"fmt"
	"net/url"
	"os"

	"tidings/feeds/parse"
)

// expandOPML replaces every `opml: FILE` source by one source per feed of
// the subscription list, keeping its title as the name (made unique) and its
// folders as categories; the entry's every and headers apply to each feed.
// Outlines that cannot be used are returned as warnings naming file and
// line; a file that cannot be read or is no OPML is an error.
func (c *Config) expandOPML(ln lines) (warnings []string, err error) {
	var out []SourceEntry
	names := map[string]bool{}
	for _, s := range c.Sources {
		names[s.Name] = s.OPML == ""
	}
	for i, s := range c.Sources {
		if s.OPML == "" {
			out = append(out, s)
			continue
		}
		subs, skipped, err := readOPML(s.OPML)
		if err != nil {
			return nil, &ConfigError{File: c.path, Line: ln.item("sources", i), Msg: fmt.Sprintf("sources[%d]: source %q: %v", i, s.Name, err)}
		}
		for _, e := range skipped {
			warnings = append(warnings, fmt.Sprintf("%s: skipped %v", s.OPML, e))
		}
		for _, sub := range subs {
			out = append(out, SourceEntry{Name: uniqueName(names, sub), URL: sub.URL, Every: s.Every,
				Headers: s.Headers, categories: sub.Categories})
		}
	}
	c.Sources = out
	return warnings, nil
}

func readOPML(path string) ([]parse.Subscription, []*parse.OutlineError, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	subs, skipped, err := parse.ParseOPML(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return subs, skipped, nil
}

// uniqueName is a subscription's title, made distinct from every name in
// names (which it joins) with the feed's host, then a number.
func uniqueName(names map[string]bool, sub parse.Subscription) string {
	name := sub.Title
	if names[name] {
		if u, err := url.Parse(sub.URL); err == nil {
			name = fmt.Sprintf("%s (%s)", sub.Title, u.Host)
		}
	}
	for n := 2; names[name]; n++ {
		name = fmt.Sprintf("%s %d", sub.Title, n)
	}
	names[name] = true
	return name
}
