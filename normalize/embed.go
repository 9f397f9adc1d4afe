package normalize

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// embedHosts are the hosts whose players an article may embed in an
// iframe: the video and audio players readers expect to find in a post
// (a YouTube video on a blog, a podcast's player). Issue 5 allows iframes
// only from an allow-list; every other iframe is dropped with its
// contents. The list is close to Miniflux's, which feed readers have
// lived with for years.
var embedHosts = []string{
	"www.youtube.com", "youtube.com", "www.youtube-nocookie.com",
	"player.vimeo.com", "www.dailymotion.com", "player.twitch.tv",
	"w.soundcloud.com", "bandcamp.com", "open.spotify.com",
	"embed.ted.com", "archive.org", "player.bilibili.com",
}

// embedSandbox is the sandbox of every iframe kept: the player runs its
// scripts in its own origin and may open a window of its own ("watch on
// YouTube"), but may not navigate, script or submit forms from the page
// of the reader that shows it.
var embedSandbox = []string{"allow-scripts", "allow-same-origin", "allow-popups", "allow-popups-to-escape-sandbox", "allow-presentation"}

// embedSandboxValues is embedSandbox for the sanitizer, which removes any
// other token from a sandbox and gives an iframe without one an empty
// sandbox, the strictest.
var embedSandboxValues = []bluemonday.SandboxValue{
	bluemonday.SandboxAllowScripts, bluemonday.SandboxAllowSameOrigin, bluemonday.SandboxAllowPopups,
	bluemonday.SandboxAllowPopupsToEscapeSandbox, bluemonday.SandboxAllowPresentation,
}

// allowFullscreen is the value of allowfullscreen, a boolean attribute.
var allowFullscreen = regexp.MustCompile(`^(?i:|allowfullscreen|true)$`)

// embedSrc is what the sanitizer lets through as an iframe's src: an https
// URL on one of embedHosts. keepEmbeds has already dropped the other
// iframes; this second check is the sanitizer's own, in case a body
// reaches it unbalanced.
var embedSrc = regexp.MustCompile(`^https://(?:` + strings.Join(quoteAll(embedHosts), "|") + `)/[^\s]*$`)

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = regexp.QuoteMeta(s)
	}
	return q
}

// embedURL returns src, an iframe's resolved src, as the https URL of an
// allowed player, or false. An http URL of an allowed host is upgraded:
// every one of them serves https, and a reader over https would block it.
func embedURL(src string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(src))
	if err == nil && u.Scheme == "" && u.Host != "" {
		u.Scheme = "https" // "//www.youtube.com/embed/…", in a body with no base
	}
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.Port() != "" || u.Opaque != "" {
		return "", false
	}
	if !slices.Contains(embedHosts, strings.ToLower(u.Host)) {
		return "", false
	}
	u.Scheme, u.Host = "https", strings.ToLower(u.Host)
	if u.Path == "" {
		u.Path = "/"
	}
	s := u.String()
	return s, embedSrc.MatchString(s)
}

// keepEmbeds drops every iframe of nodes and their descendants that does
// not show an allowed player (see embedHosts), and prepares the others for
// the sanitizer: an https src, the sandbox of embedSandbox, no contents
// (an iframe's contents are raw text that no browser shows). It returns
// nodes without the dropped top-level iframes.
func keepEmbeds(nodes []*xhtml.Node) []*xhtml.Node {
	var iframes []*xhtml.Node
	for _, n := range nodes {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Iframe {
			iframes = append(iframes, n)
		}
		for d := range n.Descendants() {
			if d.Type == xhtml.ElementNode && d.DataAtom == atom.Iframe {
				iframes = append(iframes, d)
			}
		}
	}
	if len(iframes) == 0 {
		return nodes
	}
	var drop []*xhtml.Node
	for _, n := range iframes {
		if !keepEmbed(n) {
			drop = append(drop, n)
			if n.Parent != nil {
				n.Parent.RemoveChild(n)
			}
		}
	}
	return slices.DeleteFunc(nodes, func(n *xhtml.Node) bool { return slices.Contains(drop, n) })
}

// keepEmbed prepares iframe n for the sanitizer, or reports false when it
// is to be dropped.
func keepEmbed(n *xhtml.Node) bool {
	var src string
	found := false
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "src" {
			src, found = embedURL(a.Val)
			break
		}
	}
	if !found {
		return false
	}
	attrs := []xhtml.Attribute{{Key: "src", Val: src}, {Key: "sandbox", Val: strings.Join(embedSandbox, " ")}}
	for _, a := range n.Attr {
		switch a.Key {
		case "width", "height", "title", "allowfullscreen":
			if a.Namespace == "" {
				attrs = append(attrs, a)
			}
		}
	}
	n.Attr = attrs
	for n.FirstChild != nil {
		n.RemoveChild(n.FirstChild)
	}
	return true
}
