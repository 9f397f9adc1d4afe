package publish

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// PingHub tells a WebSub hub that the feeds at urls have new content, so it
// fetches them and pushes to its subscribers: a form POST with
// hub.mode=publish and hub.url, one per feed (the convention hubs such as
// Google's and websub.rocks accept; the WebSub recommendation leaves
// publishing to the hub). It returns the first failure, naming the hub and
// the feed, after trying every feed.
func PingHub(ctx context.Context, client *http.Client, hub string, urls []string) error {
	var first error
	for _, u := range urls {
		if err := ping(ctx, client, hub, u); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func ping(ctx context.Context, client *http.Client, hub, feed string) error {
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {feed}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("ping hub %s for %s: %w", hub, feed, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("ping hub %s for %s: %w", hub, feed, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("ping hub %s for %s: %s", hub, feed, resp.Status)
	}
	return nil
}
