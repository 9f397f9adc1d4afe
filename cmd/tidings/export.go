package main

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func runExport(ctx context.Context, e *env, args []string) (err error) {
	fs := e.newFlags("export", "-out DIR")
	out := fs.String("out", "", "write the feeds under `DIR` (created if needed)")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError(fmt.Errorf("-out DIR is required"))
	}
	c, p, err := e.configAndPages(ctx)
	if err != nil {
		return err
	}
	defer closing(p.close, &err)
	files := exportFiles(c)
	archives := 0
	for _, f := range files {
		data, err := p.get(ctx, f.path)
		if err != nil {
			return fmt.Errorf("export %s: %w", f.file, err)
		}
		if err := writeAtomic(filepath.Join(*out, f.file), data); err != nil {
			return err
		}
		if strings.HasSuffix(f.path, ".atom") {
			n, err := exportArchives(ctx, p, c.BaseURL, *out, data)
			if err != nil {
				return err
			}
			archives += n
		}
	}
	public := (len(files) - 2) / 4
	fmt.Fprintf(e.stdout, "wrote %d files and %d archive pages for %d topics to %s\n", len(files), archives, public, *out)
	if private := len(c.topics) - public; private > 0 {
		fmt.Fprintf(e.stdout, "left out %d private topics: a static folder cannot check their tokens\n", private)
	}
	return nil
}

// exportArchives writes the RFC 5005 archive pages that a topic's Atom feed
// leads to (in every format), following prev-archive links from the newest.
// Complete pages never change, so the walk stops at the first page already
// in the folder, except the newest, whose next-archive link may be new. It
// returns how many pages it wrote.
func exportArchives(ctx context.Context, p *pages, base, out string, atom []byte) (int, error) {
	written := 0
	for href := prevArchive(atom); strings.HasPrefix(href, base); href = prevArchive(atom) {
		path := "/" + strings.TrimPrefix(strings.TrimSuffix(href, ".atom"), base)
		if !filepath.IsLocal(filepath.FromSlash(path[1:])) || !strings.HasPrefix(path, "/topics/") {
			// Our own feeds link only below topics/; a link that would climb
			// out of the folder comes from something else answering.
			return written, fmt.Errorf("export: archive link %q leads outside %s", href, out)
		}
		if _, err := os.Stat(filepath.Join(out, path+".atom")); err == nil && written > 0 {
			break
		}
		for _, ext := range []string{".atom", ".rss", ".json"} {
			data, err := p.get(ctx, path+ext)
			if err != nil {
				return written, fmt.Errorf("export %s: %w", path+ext, err)
			}
			if err := writeAtomic(filepath.Join(out, path+ext), data); err != nil {
				return written, err
			}
			if ext == ".atom" {
				atom = data
			}
		}
		written++
	}
	return written, nil
}

// prevArchive returns the rel="prev-archive" link of an Atom document, or "".
func prevArchive(atom []byte) string {
	var doc struct {
		Links []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
	}
	if xml.Unmarshal(atom, &doc) != nil {
		return ""
	}
	for _, l := range doc.Links {
		if l.Rel == "prev-archive" {
			return l.Href
		}
	}
	return ""
}

// exportFile maps a server path to the file it is written to.
type exportFile struct{ path, file string }

// exportFiles lists what export writes: every public topic in every format
// and as HTML, the OPML and the index page. Private topics (a token in the
// config) are left out: a static folder cannot check a token, so anything
// written there is public.
func exportFiles(c *Config) []exportFile {
	files := []exportFile{{"/", "index.html"}, {"/topics.opml", "topics.opml"}}
	for _, t := range c.topics {
		if c.Token != "" || c.topicToken(t.Name) != "" {
			continue
		}
		for _, ext := range []string{".atom", ".rss", ".json"} {
			files = append(files, exportFile{"/topics/" + t.Name + ext, "topics/" + t.Name + ext})
		}
		files = append(files, exportFile{"/topics/" + t.Name, "topics/" + t.Name + ".html"})
	}
	return files
}

// writeAtomic writes data to a temporary file beside path and renames it
// into place, so a web server serving the folder never sees half a file.
func writeAtomic(path string, data []byte) error {
	err := replaceFile(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}
