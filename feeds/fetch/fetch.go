// Package fetch performs the HTTP GET for a live feed.
//
// It knows no feed formats: a Client returns the body as bytes together with
// the few headers a caller needs (content type, validators, final URL), and
// feeds/parse turns the bytes into articles. The one thing it reads in the
// body is its character encoding: ToUTF8 converts every body to UTF-8, since
// gofeed reads only UTF-8 or an encoding the XML declaration names. It exists because gofeed does no
// conditional GET: Get sends If-None-Match and If-Modified-Since from the
// validators of the previous fetch and reports a 304 Not Modified as a
// result, not an error.
//
// Every request is bounded: one timeout covers the whole exchange including
// the body, the body is capped after gzip decompression, and redirects are
// limited.
package fetch

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"tidings/normalize"
)

// Defaults applied by New to zero fields of Options.
const (
	DefaultUserAgent          = "tidings/0.1 (+https://github.com/tidings)"
	DefaultTimeout            = 30 * time.Second
	DefaultMaxBodySize  int64 = 10 << 20 // 10 MiB
	DefaultMaxRedirects       = 5
)

// Transport limits for the phases before the body; the overall Timeout
// still bounds the whole request.
const (
	connectTimeout        = 10 * time.Second
	tlsHandshakeTimeout   = 10 * time.Second
	responseHeaderTimeout = 15 * time.Second
)

// acceptHeader prefers the feed types gofeed parses, then generic XML and
// JSON, and still takes anything, since many servers mislabel feeds.
const acceptHeader = "application/atom+xml, application/rss+xml, application/feed+json, " +
	"application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"

// Options configures a Client. Zero fields take the Default values.
type Options struct {
	// UserAgent is sent with every request.
	UserAgent string
	// Timeout bounds a whole request: connecting, redirects, headers and
	// reading the body.
	Timeout time.Duration
	// MaxBodySize is the largest body accepted, in bytes, counted after
	// gzip decompression.
	MaxBodySize int64
	// MaxRedirects is the number of redirects followed before giving up.
	MaxRedirects int
	// Transport, when set, replaces the default transport (for tests, or a
	// TLS test server's client transport). It must decompress gzip itself
	// if it asks for it.
	Transport http.RoundTripper
}

// withDefaults returns o with every zero or negative field set to its default.
func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBodySize <= 0 {
		o.MaxBodySize = DefaultMaxBodySize
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Transport == nil {
		o.Transport = newTransport()
	}
	return o
}

// newTransport returns a transport with timeouts on each phase before the
// body. Leaving Accept-Encoding unset on requests lets it ask for gzip and
// decompress transparently, so the body cap counts decompressed bytes.
func newTransport() *http.Transport {
	dialer := &net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   tlsHandshakeTimeout,
		ResponseHeaderTimeout: responseHeaderTimeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          100,
		// net/http keeps 2 idle connections per host by default: with
		// several feeds of one publisher fetched at once, every further
		// request would dial (and handshake TLS) again. The per-host limit
		// of ingest bounds how many are open.
		MaxIdleConnsPerHost: 64,
		ForceAttemptHTTP2:   true,
	}
}

// Validators are the cache validators of a feed, taken from the previous
// successful fetch and sent back so the server can answer 304 Not Modified.
// Both are stored and sent verbatim; empty means absent.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is the result of a successful Get: a 2xx with its body, or a 304.
type Response struct {
	// URL is the final URL, after any redirects.
	URL string
	// Status is the HTTP status code.
	Status int
	// NotModified reports a 304: the feed has not changed and Body is nil.
	NotModified bool
	// Body is the decompressed body, at most MaxBodySize bytes as received,
	// converted to UTF-8 by ToUTF8: always valid UTF-8, and any XML
	// declaration names utf-8. ContentType keeps the charset as received,
	// which may no longer describe Body.
	Body []byte
	// ContentType is the Content-Type header, unparsed (it may name a charset).
	ContentType string
	// ContentLanguage is the Content-Language header, unparsed (it may list
	// several languages); empty when absent.
	ContentLanguage string
	// Validators are the ones to store for the next Get. On a 304 a
	// validator the server did not resend keeps its previous value.
	Validators Validators
	// PermanentRedirect is the URL the feed has moved to when the request
	// began with one or more 301 or 308 redirects, else empty. It is the
	// target of the last permanent redirect before any temporary one.
	PermanentRedirect string
	// MaxAge is how long the server says the feed stays fresh, from
	// Cache-Control max-age (s-maxage, no-cache and no-store ignored: we are
	// a client polling, not a cache) or else Expires minus Date; zero when
	// it says nothing. Schedulers use it as a lower bound on the interval.
	MaxAge time.Duration
}

// Client fetches feeds over HTTP. It is safe for concurrent use by multiple
// goroutines; share one so connections are reused.
type Client struct {
	opts Options
	http *http.Client
	now  func() time.Time // for Retry-After dates when the response has no Date
}

// New returns a Client configured by opts.
func New(opts Options) *Client {
	c := &Client{opts: opts.withDefaults(), now: time.Now}
	c.http = &http.Client{Transport: c.opts.Transport, CheckRedirect: c.checkRedirect}
	return c
}

// Get fetches rawURL, an http or https URL, sending v as conditional headers.
// A 2xx returns the body; a 304 returns a Response with NotModified set.
//
// Every error begins "fetch <rawURL>: ", with any password in the URL
// redacted. Get returns a *StatusError for any other status,
// ErrBodyTooLarge when the body exceeds MaxBodySize, ErrTooManyRedirects
// after MaxRedirects redirects, and ErrUnsupportedScheme for a URL (or a
// redirect target) that is not http or https. When Timeout expires the error
// wraps context.DeadlineExceeded; connection errors are wrapped as they come.
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	return c.GetWithHeader(ctx, rawURL, v, nil)
}

// GetWithHeader is Get with extra request headers, such as a token a
// private feed needs. They are set after ours, so they may replace Accept or
// User-Agent; the conditional headers come from v alone. Errors as Get.
func (c *Client) GetWithHeader(ctx context.Context, rawURL string, v Validators, header map[string]string) (*Response, error) {
	reqCtx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, c.wrapError(ctx, reqCtx, rawURL, err)
	}
	name := normalize.RedactedURL(req.URL) // errors get logged and listed; keep secrets out
	if err := checkURL(req.URL.Scheme, req.URL.Host); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", name, err)
	}
	for k, val := range header {
		req.Header.Set(k, val)
	}
	c.setHeaders(req.Header, v)
	res, err := c.do(req, v)
	if err != nil {
		return nil, c.wrapError(ctx, reqCtx, name, err)
	}
	return res, nil
}

// setHeaders sets our request headers and the conditional ones from v.
// Accept-Encoding stays unset so the transport handles gzip.
func (c *Client) setHeaders(h http.Header, v Validators) {
	if h.Get("User-Agent") == "" {
		h.Set("User-Agent", c.opts.UserAgent)
	}
	if h.Get("Accept") == "" {
		h.Set("Accept", acceptHeader)
	}
	if v.ETag != "" {
		h.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		h.Set("If-Modified-Since", v.LastModified)
	}
}

// do sends req and turns the answer into a Response or an unwrapped error.
func (c *Client) do(req *http.Request, v Validators) (*Response, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer closeBody(resp.Body)
	final := finalURL(resp, req)
	res := &Response{
		URL:               final.String(),
		Status:            resp.StatusCode,
		ContentType:       resp.Header.Get("Content-Type"),
		ContentLanguage:   resp.Header.Get("Content-Language"),
		Validators:        validators(resp.Header),
		PermanentRedirect: permanentRedirect(resp),
		MaxAge:            maxAge(resp.Header, c.now()),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		res.Validators = keepValidators(res.Validators, v)
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, c.statusError(resp, normalize.RedactedURL(final))
	}
	body, err := readBody(resp, c.opts.MaxBodySize)
	if err != nil {
		return nil, err
	}
	res.Body = ToUTF8(body, res.ContentType)
	return res, nil
}

// readBody reads at most limit bytes of decompressed body, failing with
// ErrBodyTooLarge rather than truncating.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	// A declared length over the cap fails before reading; after transparent
	// decompression the length is unknown (-1) and only the read counts.
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: over %d bytes", ErrBodyTooLarge, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes", ErrBodyTooLarge, limit)
	}
	return body, nil
}

// validators returns the validators in response headers h.
func validators(h http.Header) Validators {
	return Validators{ETag: h.Get("ETag"), LastModified: h.Get("Last-Modified")}
}

// keepValidators fills the validators a 304 omitted from prev: they still
// describe the unchanged feed. After a 200 the old ones are stale instead.
func keepValidators(v, prev Validators) Validators {
	if v.ETag == "" {
		v.ETag = prev.ETag
	}
	if v.LastModified == "" {
		v.LastModified = prev.LastModified
	}
	return v
}

// finalURL is the URL that produced resp. A custom Transport may leave
// resp.Request unset, in which case no redirect was seen and req is it.
func finalURL(resp *http.Response, req *http.Request) *url.URL {
	if resp.Request != nil {
		return resp.Request.URL
	}
	return req.URL
}

// maxDrain bounds how much of an unread body is discarded so the
// connection can be reused; beyond it, closing is cheaper than reading.
const maxDrain = 64 << 10

// closeBody drains a little of body and closes it. Neither error matters:
// the response has been read or rejected already.
func closeBody(body io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, body, maxDrain)
	_ = body.Close()
}
