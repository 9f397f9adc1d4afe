package fetch

import (
	"fmt"
	"net/http"
	"slices"

	"tidings/normalize"
)

// checkRedirect is the http.Client's CheckRedirect: it stops after
// MaxRedirects redirects and refuses targets that are not http or https.
// It keeps no state, so concurrent requests can share it.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w: limit is %d", ErrTooManyRedirects, c.opts.MaxRedirects)
	}
	if err := checkURL(req.URL.Scheme, req.URL.Host); err != nil {
		return fmt.Errorf("redirect to %s: %w", normalize.RedactedURL(req.URL), err)
	}
	return nil
}

// permanentRedirect returns the URL the feed has moved to: the target of
// the last 301 or 308 in the unbroken run of them that began the redirect
// chain behind resp, or "" if the chain did not begin with one. After a
// temporary redirect the later targets are not the feed's new home, since
// the temporary hop may change.
func permanentRedirect(resp *http.Response) string {
	moved := ""
	for _, req := range redirects(resp) {
		if !isPermanent(req.Response.StatusCode) {
			break
		}
		moved = req.URL.String()
	}
	return moved
}

// redirects returns the requests that http.Client made because of a
// redirect, first to last. Each one's Response is the redirect that caused
// it, and that Response's Request is the one before.
func redirects(resp *http.Response) []*http.Request {
	var chain []*http.Request
	for req := resp.Request; req != nil && req.Response != nil; req = req.Response.Request {
		chain = append(chain, req)
	}
	slices.Reverse(chain)
	return chain
}

// isPermanent reports whether status is a permanent redirect.
func isPermanent(status int) bool {
	return status == http.StatusMovedPermanently || status == http.StatusPermanentRedirect
}
