package normalize

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Topic is a named saved search whose matching articles are republished as a
// feed. Topics are built from config.yaml at start-up; a Topic is immutable
// afterwards and safe for concurrent use.
type Topic struct {
	// Name is URL-safe (see ValidTopicName): the feed is /topics/NAME.atom.
	Name        string
	Title       string
	Description string
	Query       *Query
	// IncludeDuplicates makes every version of a story an entry of its own;
	// by default a story appears once, as its first-seen version.
	IncludeDuplicates bool
	// Sources, when not empty, restricts the topic to articles read from
	// these configured sources (Article.Origin, or Source for articles
	// stored before Origin existed).
	Sources []string
}

// Match reports whether a, analyzed as d, belongs to the topic.
func (t *Topic) Match(a *Article, d *Document) bool {
	if a.Story != "" && !t.IncludeDuplicates {
		return false
	}
	if len(t.Sources) > 0 && !slices.Contains(t.Sources, cmp.Or(a.Origin, a.Source)) {
		return false
	}
	return t.Query.MatchDocument(d)
}

// Definition is what decides the topic's membership, as text: when it
// changes, the topic's index must be rebuilt.
func (t *Topic) Definition() string {
	def := t.Query.String()
	if len(t.Sources) > 0 {
		def += "\x00sources:" + strings.Join(t.Sources, "\x00")
	}
	if t.IncludeDuplicates {
		def += "\x00duplicates"
	}
	return def
}

// topicName is what a topic name may look like: it is used in URLs and as a
// file name by export, so it must never contain a slash or a dot-dot.
var topicName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ValidTopicName reports whether name can be a topic name: 1 to 64 lower-case
// ASCII letters, digits, '-' or '_', starting with a letter or digit.
func ValidTopicName(name string) bool {
	return topicName.MatchString(name)
}

// NewTopic builds a topic, compiling its query. It returns a *QueryError
// for a bad query and an error naming the rule for a bad name.
func NewTopic(name, title, description, query string) (*Topic, error) {
	if !ValidTopicName(name) {
		return nil, fmt.Errorf("topic name %q: use 1-64 lower-case letters, digits, '-' or '_'", name)
	}
	q, err := ParseQuery(query)
	if err != nil {
		return nil, err
	}
	if title == "" {
		title = name
	}
	return &Topic{Name: name, Title: title, Description: description, Query: q}, nil
}
