package main

import (
	"fmt"
	"net/url"
	"os"
	"slices"

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
		var feeds []string
		for _, sub := range subs {
			name := uniqueName(names, sub)
			feeds = append(feeds, name)
			out = append(out, SourceEntry{Name: name, URL: sub.URL, Every: s.Every,
				Headers: s.Headers, categories: sub.Categories})
		}
		c.expandTopicSources(s.Name, feeds)
	}
	c.Sources = out
	return warnings, nil
}

// expandTopicSources replaces an OPML entry's name in topics' sources by
// the names of its feeds. Topics are not shared yet: this runs at load.
func (c *Config) expandTopicSources(entry string, feeds []string) {
	for _, t := range c.topics {
		if i := slices.Index(t.Sources, entry); i >= 0 {
			t.Sources = slices.Concat(t.Sources[:i], feeds, t.Sources[i+1:])
		}
	}
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
