package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/url"

	"tidings/storage"
)

// tokenParam is the query parameter that carries an access token.
const tokenParam = "token"

// Access rules. A topic is private when it has a token of its own or the
// server has a global one (Options.Token); its feeds and pages, ad-hoc
// queries on it included, then need ?token= set to either. Without it the
// topic answers exactly as an unknown one does, 404, so that its name
// cannot be probed; for the same reason private topics are listed only to
// requests carrying the global token. /search needs the global token when
// one is set and answers 403 without it: the endpoint is no secret.

// private reports whether t needs a token.
func (s *Server) private(t Topic) bool {
	return t.Token != "" || s.opts.Token != ""
}

// globalToken returns the request's token when it is the global token,
// else "".
func (s *Server) globalToken(u *url.URL) string {
	got := u.Query().Get(tokenParam)
	if tokenEqual(got, s.opts.Token) {
		return got
	}
	return ""
}

// topicToken returns the token a request for t carries, to be repeated in
// the links of what it is served: "" for a public topic. A request for a
// private topic without a valid token gets the topic's not-found error.
func (s *Server) topicToken(u *url.URL, t Topic) (string, error) {
	if !s.private(t) {
		return "", nil
	}
	got := u.Query().Get(tokenParam)
	if tokenEqual(got, t.Token) || tokenEqual(got, s.opts.Token) {
		return got, nil
	}
	return "", fmt.Errorf("topic %q: %w", t.Name, storage.ErrNotFound)
}

// tokenEqual compares a presented token with a configured one in constant
// time; comparing hashes keeps even the length of want secret. An empty
// want matches nothing.
func tokenEqual(got, want string) bool {
	if want == "" {
		return false
	}
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}
