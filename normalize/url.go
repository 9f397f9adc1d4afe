package normalize

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// ErrNotHTTP is returned by CanonicalURL for a URL that is not an absolute
// http or https URL.
var ErrNotHTTP = errors.New("not an absolute http(s) URL")

// trackingParams are query parameters that identify a campaign or a click,
// not a document; two links that differ only in them are the same story.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "yclid": true,
	"_hsenc": true, "_hsmi": true, "ocid": true, "cmpid": true,
	// Webtrekk's (heise and other German outlets) and the BBC's analytics.
	"wt_mc": true, "wt_zmc": true,
	"at_medium": true, "at_campaign": true, "at_link_id": true, "at_ptr_name": true,
	"at_custom1": true, "at_custom2": true, "at_custom3": true, "at_custom4": true,
}

// isTracking reports whether query key k names a tracking parameter.
func isTracking(k string) bool {
	k = strings.ToLower(k)
	return trackingParams[k] || strings.HasPrefix(k, "utm_")
}

// DisplayURL returns the link a reader should follow: raw as the source gave
// it, only without user info and tracking parameters. Unlike CanonicalURL it
// keeps the fragment (a live blog's post), the case and the order of the
// query, so the page opens exactly where the outlet pointed; it returns raw
// unchanged when raw does not parse.
func DisplayURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	pairs := strings.Split(u.RawQuery, "&")
	kept := slices.DeleteFunc(slices.Clone(pairs), func(p string) bool {
		k, _, _ := strings.Cut(p, "=")
		return isTracking(queryUnescape(k))
	})
	if u.User == nil && len(kept) == len(pairs) {
		return raw // nothing to remove: the link exactly as given
	}
	u.User, u.RawQuery = nil, strings.Join(kept, "&")
	display := u.String()
	// A malformed query (a bare space or a lone % left at the end) can
	// read differently once re-serialised; then the canonical form, which
	// names the same story by construction, is the safer link to show.
	if c, err := CanonicalURL(raw); err == nil {
		if d, err := CanonicalURL(display); err != nil || d != c {
			return c
		}
	}
	return display
}

// CanonicalURL returns the form of an article link used to recognise the
// same story from different feeds: scheme and host lower-cased, a trailing
// dot of the host, default ports, fragments, user info and tracking
// parameters (utm_*, fbclid, …) dropped, the remaining query re-encoded and
// sorted by key, an empty path made "/". The result is an absolute http or
// https URL and CanonicalURL of it is itself. It returns ErrNotHTTP (wrapped)
// for anything but an absolute http or https URL with a host, and the
// url.Parse error (wrapped) for one that does not parse.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	ipv6 := strings.Contains(host, ":")
	if !ipv6 {
		host = strings.TrimRight(host, ".") // "host." and "host.." name the same host
	}
	if (u.Scheme != "http" && u.Scheme != "https") || host == "" {
		return "", fmt.Errorf("canonical url %q: %w", raw, ErrNotHTTP)
	}
	if ipv6 {
		host = "[" + host + "]"
	}
	switch p := u.Port(); {
	case p == "", p == "80" && u.Scheme == "http", p == "443" && u.Scheme == "https":
	default:
		host += ":" + p
	}
	u.Host = host
	u.User, u.Fragment, u.RawFragment = nil, "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery, u.ForceQuery = canonicalQuery(u.RawQuery), false
	canonical := u.String()
	if _, err := url.Parse(canonical); err != nil {
		// Lower-casing can turn bytes url.Parse accepted raw in an IPv6
		// zone into escapes it rejects; such a link is no article's.
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	return canonical, nil
}

// canonicalQuery re-encodes a raw query without tracking parameters, sorted
// by key, like url.Values.Encode. Unlike url.ParseQuery it drops no pair it
// cannot parse ("id=5;6", "q=%zz"): those still name a different document.
func canonicalQuery(raw string) string {
	var pairs [][2]string
	for _, p := range strings.Split(raw, "&") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		k, v = queryUnescape(k), queryUnescape(v)
		if isTracking(k) {
			continue
		}
		pairs = append(pairs, [2]string{k, v})
	}
	slices.SortStableFunc(pairs, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(p[0]))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(p[1]))
	}
	return b.String()
}

// queryUnescape decodes one key or value of a query, taking it literally
// when it holds a malformed escape.
func queryUnescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// ResolveURL resolves ref against base. An empty ref stays empty: an item
// without a link must not get the feed's home page as its link. It returns
// ref (trimmed) unresolved when either does not parse or base is not an
// absolute http(s) URL.
func ResolveURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	b, ok := httpBase(base)
	if !ok {
		return r.String()
	}
	return resolve(b, r)
}

// resolve resolves ref against base, as url.URL.ResolveReference does, but
// for a link that names base's own host without a scheme
// ("coghlan.me/post/" in a feed of https://coghlan.me/, as a static site
// generator writes it when its site URL lacks one): that is taken for
// "//coghlan.me/post/", not for a path below the current folder, which
// made "https://coghlan.me/coghlan.me/post/", a page that does not exist.
func resolve(base, ref *url.URL) string {
	if ref.Scheme == "" && ref.Host == "" && ref.Path != "" && ref.Path[0] != '/' {
		host, _, _ := strings.Cut(ref.Path, "/")
		if sameSite(host, base.Hostname()) {
			if r, err := url.Parse("//" + ref.String()); err == nil {
				ref = r
			}
		}
	}
	return base.ResolveReference(ref).String()
}

// sameSite reports whether host names the site at base, a host name:
// the same name but for case and a leading "www.".
func sameSite(host, base string) bool {
	if !strings.Contains(host, ".") {
		return false
	}
	host, base = strings.ToLower(host), strings.ToLower(base)
	return strings.TrimPrefix(host, "www.") == strings.TrimPrefix(base, "www.")
}

// httpBase parses base for resolving relative links: it must be an absolute
// http or https URL with a host.
func httpBase(base string) (*url.URL, bool) {
	b, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (b.Scheme != "http" && b.Scheme != "https") || b.Host == "" {
		return nil, false
	}
	return b, true
}

// secretParams are substrings of query keys whose values are hidden by
// RedactedURL: feed URLs often carry an API key or a session token.
var secretParams = []string{"token", "secret", "pass", "pwd", "key", "auth", "sig", "session", "sid"}

// RedactedURL returns u for error messages, logs and public lists: like
// url.URL.Redacted, which hides the password, and with the values of query
// parameters that look like credentials (token, api_key, password, sig, …)
// replaced by "xxxxx" too.
func RedactedURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	if u.RawQuery == "" {
		return u.Redacted()
	}
	r := *u
	pairs := strings.Split(r.RawQuery, "&")
	for i, p := range pairs {
		k, v, ok := strings.Cut(p, "=")
		lk := strings.ToLower(queryUnescape(k))
		if ok && v != "" && slices.ContainsFunc(secretParams, func(s string) bool { return strings.Contains(lk, s) }) {
			pairs[i] = k + "=xxxxx"
		}
	}
	r.RawQuery = strings.Join(pairs, "&")
	return r.Redacted()
}

// PublicURL is RedactedRawURL of raw without its user name either: the
// form of a feed's address that a republished feed may show.
func PublicURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.User = nil
	return RedactedURL(u)
}

// RedactedRawURL is RedactedURL of raw, or raw itself when it does not
// parse (it then holds no query to hide).
func RedactedRawURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return RedactedURL(u)
}
