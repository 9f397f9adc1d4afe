package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"tidings/feeds/ingest"
	"tidings/feeds/server"
	"tidings/normalize"
)

// Config is config.yaml. Relative paths in it are relative to the file.
type Config struct {
	Database string      `yaml:"database"`
	BaseURL  string      `yaml:"base_url"`
	Listen   string      `yaml:"listen"`
	Log      LogConfig   `yaml:"log"`
	Fetch    FetchConfig `yaml:"fetch"`
	// Retention removes old articles at the end of each fetch run.
	Retention RetentionConfig `yaml:"retention"`
	Sources   []SourceEntry   `yaml:"sources"`
	Topics    []TopicEntry    `yaml:"topics"`
	// Token, when set, makes every topic private and guards /search: they
	// answer only requests with ?token= (see server.Options.Token).
	Token string `yaml:"token"`
	// Hub is a WebSub hub: every feed names it, and each fetch run that
	// stores new or updated articles tells it which public feeds to push.
	Hub string `yaml:"hub"`

	// baseURLFromListen is set when base_url is not: BaseURL is then the
	// address serve listens on, as this machine reaches it.
	baseURLFromListen bool
	// path is the file the config was read from ("" for a reader).
	path string
	// topics are the compiled topics, in config order.
	topics []*normalize.Topic
	// warnings are problems that do not stop loading (unusable outlines
	// of an OPML import), each naming its file and line.
	warnings []string
	// root is the parsed document, for line numbers.
	root lines
}

// LogConfig selects the logger.
type LogConfig struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text or json
}

// FetchConfig tunes fetch runs.
type FetchConfig struct {
	Interval     time.Duration `yaml:"interval"`      // a source is due this long after its last attempt
	Every        time.Duration `yaml:"every"`         // serve fetches due sources this often; 0: never
	Timeout      time.Duration `yaml:"timeout"`       // one request, body included
	Deadline     time.Duration `yaml:"deadline"`      // a whole run
	Concurrency  int           `yaml:"concurrency"`   // sources read at once
	PerHost      int           `yaml:"per_host"`      // requests to one host at once
	MaxBodyBytes int64         `yaml:"max_body_size"` // bytes, after decompression
	MaxEntries   int           `yaml:"max_entries"`   // articles taken from one feed
	UserAgent    string        `yaml:"user_agent"`
}

// RetentionConfig bounds what the database keeps. Zero keeps forever.
type RetentionConfig struct {
	// MaxAge removes the articles published longer ago.
	MaxAge time.Duration `yaml:"max_age"`
	// MaxArticlesPerSource keeps only the newest of each source.
	MaxArticlesPerSource int `yaml:"max_articles_per_source"`
}

// enabled reports whether retention removes anything.
func (r RetentionConfig) enabled() bool {
	return r.MaxAge > 0 || r.MaxArticlesPerSource > 0
}

// SourceEntry is one item of sources: a live feed (url), a seed folder
// (seeds), or an OPML subscription list whose every feed becomes a source.
type SourceEntry struct {
	Name    string            `yaml:"name"`
	URL     string            `yaml:"url"`
	Seeds   string            `yaml:"seeds"`
	OPML    string            `yaml:"opml"`
	Every   time.Duration     `yaml:"every"`   // overrides fetch.interval
	Headers map[string]string `yaml:"headers"` // extra request headers

	categories []string // an OPML feed's folders
}

// Bounds of a source's own interval.
const (
	minEvery = time.Minute
	maxEvery = 7 * 24 * time.Hour
)

// TopicEntry is one item of topics.
type TopicEntry struct {
	Name        string `yaml:"name"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Query       string `yaml:"query"`
	Limit       int    `yaml:"limit"` // entries per feed; default 50
	// Sources restricts the topic to these sources (names from sources:;
	// an opml entry's name stands for all its feeds).
	Sources []string `yaml:"sources"`
	// ExcludeDuplicates (default true) shows a story carried by several
	// outlets once, as its first-seen version listing the others; false
	// makes every version an entry.
	ExcludeDuplicates *bool `yaml:"exclude_duplicates"`
	// Token, when set, makes the topic private: its feeds answer only
	// requests with ?token= set to it (or to the global token).
	Token string `yaml:"token"`
}

// minTokenLen is the shortest access token accepted, in characters, so
// that tokens cannot be guessed.
const minTokenLen = 16

// checkToken reports a token that is set but too short to keep a secret.
// The message never repeats the token.
func checkToken(token string) error {
	if token != "" && utf8.RuneCountInString(token) < minTokenLen {
		return fmt.Errorf("token must be at least %d characters", minTokenLen)
	}
	return nil
}

// defaultConfig holds the defaults that the file overrides.
func defaultConfig() Config {
	return Config{
		Database: "data/tidings.db",
		Listen:   "127.0.0.1:8080",
		Log:      LogConfig{Level: "info", Format: "text"},
		Fetch: FetchConfig{
			Interval:     15 * time.Minute,
			Timeout:      30 * time.Second,
			Deadline:     10 * time.Minute,
			Concurrency:  16,
			PerHost:      2,
			MaxBodyBytes: 10 << 20,
			MaxEntries:   500,
			UserAgent:    "tidings/0.1 (+https://github.com/tidings/tidings)",
		},
	}
}

// ConfigError is a problem in config.yaml, located by file and line.
type ConfigError struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LoadConfig reads and validates the config file at path.
func LoadConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	defer f.Close()
	c, err := ParseConfig(f, path)
	if err != nil {
		return nil, err
	}
	c.resolvePaths(filepath.Dir(path))
	if c.warnings, err = c.expandOPML(c.root); err != nil {
		return nil, err
	}
	return c, nil
}

// ParseConfig decodes and validates a config from r; name is used in errors.
// Unknown keys, duplicate names, bad URLs and bad queries are errors that
// name the line.
func ParseConfig(r io.Reader, name string) (*Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", name, err)
	}
	c := defaultConfig()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root) // decoded above already; only for line numbers
	c.path, c.root = name, lines{&root}
	if err := c.validate(c.root); err != nil {
		return nil, err
	}
	return &c, nil
}

// yamlLine matches the "line N: problem" messages of yaml.v3.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError turns a decoding error into a ConfigError for its first
// problem, with the line, in the words a config author understands.
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	ce := &ConfigError{File: file, Msg: msg}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		ce.Line, _ = strconv.Atoi(m[1])
		ce.Msg = m[2]
	}
	ce.Msg = strings.NewReplacer("field ", "unknown key ", " not found in type main.", " in ").Replace(ce.Msg)
	return ce
}

// validate checks what decoding cannot, and compiles the topics.
func (c *Config) validate(ln lines) error {
	if err := c.validateTop(); err != nil {
		return err
	}
	sourceNames := map[string]bool{}
	for i, s := range c.Sources {
		if err := s.validate(sourceNames); err != nil {
			return &ConfigError{File: c.path, Line: ln.item("sources", i), Msg: fmt.Sprintf("sources[%d]: %v", i, err)}
		}
	}
	names := map[string]bool{}
	for i, t := range c.Topics {
		topic, err := t.compile(names, sourceNames)
		if err != nil {
			return &ConfigError{File: c.path, Line: ln.item("topics", i), Msg: fmt.Sprintf("topics[%d]: %v", i, err)}
		}
		c.topics = append(c.topics, topic)
	}
	return nil
}

func (c *Config) validateTop() error {
	bad := func(msg string) error { return &ConfigError{File: c.path, Msg: msg} }
	if c.Database == "" {
		return bad("database: must name a file")
	}
	host, port, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return bad(fmt.Sprintf("listen: %q is not HOST:PORT", c.Listen))
	}
	if c.BaseURL == "" {
		if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
			host = "127.0.0.1"
		}
		c.BaseURL, c.baseURLFromListen = "http://"+net.JoinHostPort(host, port)+"/", true
	}
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad(fmt.Sprintf("base_url: %q is not an absolute http(s) URL", c.BaseURL))
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if u, err := url.Parse(c.Hub); c.Hub != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		return bad(fmt.Sprintf("hub: %q is not an absolute http(s) URL", c.Hub))
	}
	f := c.Fetch
	if f.Concurrency < 1 || f.PerHost < 1 || f.Timeout <= 0 || f.Deadline <= 0 || f.Interval <= 0 || f.MaxBodyBytes <= 0 || f.MaxEntries < 1 || f.Every < 0 {
		return bad("fetch: concurrency, per_host, timeout, deadline, interval, max_body_size and max_entries must be positive (every may be 0)")
	}
	if err := checkToken(c.Token); err != nil {
		return bad(err.Error())
	}
	if c.Retention.MaxAge < 0 || c.Retention.MaxArticlesPerSource < 0 {
		return bad("retention: max_age and max_articles_per_source must not be negative (0 keeps forever)")
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Log.Level)); err != nil {
		return bad(fmt.Sprintf("log.level: %q is not debug, info, warn or error", c.Log.Level))
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		return bad(fmt.Sprintf("log.format: %q is not text or json", c.Log.Format))
	}
	return nil
}

func (s SourceEntry) validate(names map[string]bool) error {
	switch {
	case strings.TrimSpace(s.Name) == "":
		return errors.New("name is required")
	case names[s.Name]:
		return fmt.Errorf("duplicate name %q", s.Name)
	case countSet(s.URL, s.Seeds, s.OPML) != 1:
		return fmt.Errorf("source %q: set exactly one of url, seeds and opml", s.Name)
	case s.Every != 0 && (s.Every < minEvery || s.Every > maxEvery):
		return fmt.Errorf("source %q: every %v is not between %v and %v", s.Name, s.Every, minEvery, maxEvery)
	case len(s.Headers) > 0 && s.URL == "" && s.OPML == "":
		return fmt.Errorf("source %q: headers apply only to feeds", s.Name)
	}
	names[s.Name] = true
	if s.URL != "" {
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("source %q: url %q is not an absolute http(s) URL", s.Name, s.URL)
		}
	}
	return nil
}

// countSet counts the non-empty strings.
func countSet(values ...string) int {
	n := 0
	for _, v := range values {
		if v != "" {
			n++
		}
	}
	return n
}

func (t TopicEntry) compile(names, sources map[string]bool) (*normalize.Topic, error) {
	if names[t.Name] {
		return nil, fmt.Errorf("duplicate name %q", t.Name)
	}
	for _, s := range t.Sources {
		if !sources[s] {
			return nil, fmt.Errorf("topic %q: sources: no source named %q", t.Name, s)
		}
	}
	names[t.Name] = true
	if t.Limit < 0 || t.Limit > maxLimit {
		return nil, fmt.Errorf("topic %q: limit %d is not between 1 and %d", t.Name, t.Limit, maxLimit)
	}
	if err := checkToken(t.Token); err != nil {
		return nil, fmt.Errorf("topic %q: %w", t.Name, err)
	}
	topic, err := normalize.NewTopic(t.Name, t.Title, t.Description, t.Query)
	if err != nil {
		return nil, fmt.Errorf("topic %q: query %q: %w", t.Name, t.Query, err)
	}
	topic.Sources = slices.Clone(t.Sources)
	topic.IncludeDuplicates = t.ExcludeDuplicates != nil && !*t.ExcludeDuplicates
	return topic, nil
}

// resolvePaths makes the database and seed paths relative to dir.
func (c *Config) resolvePaths(dir string) {
	c.Database = relativeTo(dir, c.Database)
	for i := range c.Sources {
		if c.Sources[i].Seeds != "" {
			c.Sources[i].Seeds = relativeTo(dir, c.Sources[i].Seeds)
		}
		if c.Sources[i].OPML != "" {
			c.Sources[i].OPML = relativeTo(dir, c.Sources[i].OPML)
		}
	}
}

func relativeTo(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// ingestSources returns the sources as ingest takes them, in config order,
// restricted to only when it is not empty.
func (c *Config) ingestSources(only []string) ([]ingest.Source, error) {
	var out []ingest.Source
	for _, s := range c.Sources {
		if len(only) == 0 || slices.Contains(only, s.Name) {
			out = append(out, ingest.Source{Name: s.Name, URL: s.URL, Seeds: s.Seeds, Every: s.Every,
				Header: s.Headers, Categories: s.categories})
		}
	}
	for _, name := range only {
		if !c.hasSource(name) {
			return nil, fmt.Errorf("no source named %q in %s", name, c.path)
		}
	}
	return out, nil
}

func (c *Config) hasSource(name string) bool {
	for _, s := range c.Sources {
		if s.Name == name {
			return true
		}
	}
	return false
}

// topicLimit is the configured number of entries of a topic's feed.
func (c *Config) topicLimit(name string) int {
	for _, t := range c.Topics {
		if t.Name == name && t.Limit > 0 {
			return t.Limit
		}
	}
	return defaultLimit
}

// topicToken is the access token of the named topic, or "".
func (c *Config) topicToken(name string) string {
	for _, t := range c.Topics {
		if t.Name == name {
			return t.Token
		}
	}
	return ""
}

// lines finds the line of a config item in the parsed YAML document.
type lines struct{ root *yaml.Node }

// item returns the line of the i-th item of the top-level sequence key, or 0.
func (l lines) item(key string, i int) int {
	if l.root == nil || len(l.root.Content) == 0 {
		return 0
	}
	m := l.root.Content[0]
	for j := 0; j+1 < len(m.Content); j += 2 {
		if m.Content[j].Value == key && i < len(m.Content[j+1].Content) {
			return m.Content[j+1].Content[i].Line
		}
	}
	return 0
}

// Entries per topic feed.
const (
	defaultLimit = server.DefaultLimit
	maxLimit     = server.MaxLimit
)
