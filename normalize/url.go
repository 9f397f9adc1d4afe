package normalize

import (
	"errors"
	"fmt"
	"net/url"
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
}

// CanonicalURL returns the form of an article link used to recognise the
// same story from different feeds: scheme and host lower-cased, default
// ports, fragments, user info and tracking parameters (utm_*, fbclid, …)
// dropped, the remaining query sorted, an empty path made "/". It returns
// ErrNotHTTP (wrapped) for anything but an absolute http or https URL.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("canonical url %q: %w", raw, ErrNotHTTP)
	}
	u.Host = strings.TrimSuffix(strings.ToLower(u.Host), ".")
	if p := u.Port(); (p == "80" && u.Scheme == "http") || (p == "443" && u.Scheme == "https") {
		u.Host = u.Hostname()
		if strings.Contains(u.Host, ":") {
			u.Host = "[" + u.Host + "]"
		}
	}
	u.User, u.Fragment, u.RawFragment = nil, "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery = canonicalQuery(u.Query())
	return u.String(), nil
}

// canonicalQuery encodes q without tracking parameters, sorted by key.
func canonicalQuery(q url.Values) string {
	for k := range q {
		if trackingParams[strings.ToLower(k)] || strings.HasPrefix(strings.ToLower(k), "utm_") {
			delete(q, k)
		}
	}
	return q.Encode() // Encode sorts by key
}

// ResolveURL resolves ref against base; it returns ref unchanged when either
// does not parse or base is not absolute.
func ResolveURL(base, ref string) string {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		return r.String()
	}
	return b.ResolveReference(r).String()
}
