package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"time"

	"tidings/feeds/ingest"
	"tidings/feeds/server"
	"tidings/storage"
)

// shutdownTimeout bounds how long serve waits for requests in flight.
const shutdownTimeout = 10 * time.Second

func runServe(ctx context.Context, e *env, args []string) (err error) {
	fs := e.newFlags("serve", "[-addr HOST:PORT]")
	addr := fs.String("addr", "", "listen on `HOST:PORT` (default: listen in config)")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	c, err := e.loadConfig()
	if err != nil {
		return err
	}
	store, err := openReadable(c.Database, e.stderr)
	if errors.Is(err, storage.ErrLocked) {
		return fmt.Errorf("%w (is another tidings serve running?)", err)
	}
	if err != nil {
		return err
	}
	defer closing(store.Close, &err)
	log := e.logger(c)
	if err := syncTopics(ctx, store, c, log); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cmp.Or(*addr, c.Listen))
	if err != nil {
		return err
	}
	return serve(ctx, ln, store, c, log)
}

// serve answers HTTP on ln until ctx is done, then shuts down cleanly. While
// it runs, a control file next to the database tells `tidings fetch` where
// to ask for a fetch, since the server holds bbolt's exclusive lock; with
// fetch.every set it also fetches due sources on its own.
func serve(ctx context.Context, ln net.Listener, store *storage.Store, c *Config, log *slog.Logger) error {
	if c.baseURLFromListen {
		c.BaseURL = "http://" + loopbackAddr(ln.Addr()) + "/" // serve -addr, or port 0
	}
	token, err := newToken()
	if err != nil {
		return err
	}
	fr := &fetchRunner{store: store, c: c, log: log}
	opts := serverOptions(store, c, log)
	opts.Metrics = fr.metrics.WritePrometheus
	if !store.ReadOnly() {
		// A read-only database can be neither fetched into nor announced
		// beside: serve it as it is.
		ctl := controlFile{Addr: loopbackAddr(ln.Addr()), Token: token, PID: os.Getpid()}
		if err := ctl.write(c.Database); err != nil {
			ln.Close()
			return err
		}
		defer removeControlFile(c.Database)
		opts.Control, opts.ControlToken = fr.controlHandler(), token
	}
	srv := &http.Server{
		Handler:           server.New(opts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	var wg sync.WaitGroup
	if c.Fetch.Every > 0 && !store.ReadOnly() {
		wg.Go(func() { fr.schedule(ctx, c.Fetch.Every) })
	}
	defer wg.Wait()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "base_url", c.BaseURL, "database", c.Database, "fetch_every", c.Fetch.Every)
	if problem := baseURLMismatch(c.BaseURL, ln.Addr()); problem != "" {
		log.Warn("base_url "+problem+": feeds' ids and self links, the OPML and the pages' links are made from base_url; set it to the address readers use", "base_url", c.BaseURL, "listen", ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests and the fetch in progress", "reason", context.Cause(ctx))
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	wg.Wait()
	log.Info("stopped", "reason", context.Cause(ctx))
	return nil
}

// serverOptions are the HTTP handler's options for the config. Feeds may
// be reused for as long as new articles take to arrive: fetch.every when
// serve fetches on its own, else fetch.interval (cron is expected to run
// about that often), between a minute and an hour.
func serverOptions(store *storage.Store, c *Config, log *slog.Logger) server.Options {
	maxAge := c.Fetch.Interval
	if c.Fetch.Every > 0 {
		maxAge = c.Fetch.Every
	}
	opts := server.Options{Store: store, BaseURL: c.BaseURL, Logger: log, Token: c.Token, Hub: c.Hub,
		MaxAge: min(max(maxAge, time.Minute), time.Hour)}
	for _, t := range c.topics {
		opts.Topics = append(opts.Topics, server.Topic{Topic: t, Limit: c.topicLimit(t.Name), Token: c.topicToken(t.Name)})
	}
	for _, s := range c.Sources {
		opts.Sources = append(opts.Sources, server.Source{Name: s.Name, URL: cmp.Or(s.URL, s.Seeds)})
	}
	return opts
}

// fetchRunner runs the server's fetches, one at a time, whether a cron
// `tidings fetch` asked for them or the server's own schedule.
type fetchRunner struct {
	store   *storage.Store
	c       *Config
	log     *slog.Logger
	metrics ingest.Metrics
	running sync.Mutex
}

func (fr *fetchRunner) run(ctx context.Context, req fetchRequest) (*ingest.Summary, error) {
	fr.running.Lock()
	defer fr.running.Unlock()
	return fetchWith(ctx, fr.store, fr.c, req, fr.log, nil, &fr.metrics)
}

// schedule fetches due sources every interval until ctx is done.
func (fr *fetchRunner) schedule(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		sum, err := fr.run(ctx, fetchRequest{})
		switch {
		case errors.As(err, new(*ingest.InterruptedError)):
			fr.log.Info("scheduled fetch stopped", "error", err)
		case err != nil:
			fr.log.Error("scheduled fetch failed", "error", err)
		case !sum.OK():
			fr.log.Warn("scheduled fetch: some sources failed", "duration", sum.Duration)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// controlHandler runs fetches asked for by `tidings fetch`.
func (fr *fetchRunner) controlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /-/backup", func(w http.ResponseWriter, r *http.Request) {
		// A big database takes a while to stream: lift the write timeout.
		http.NewResponseController(w).SetWriteDeadline(time.Now().Add(time.Hour))
		w.Header().Set("Content-Type", "application/octet-stream")
		if _, err := fr.store.Backup(w); err != nil {
			fr.log.Error("backup failed", "error", err) // the client sees a short body
		}
	})
	mux.HandleFunc("POST /-/fetch", func(w http.ResponseWriter, r *http.Request) {
		var req fetchRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "bad fetch request: "+err.Error(), http.StatusBadRequest)
			return
		}
		// A run may take up to the fetch deadline: lift the write timeout.
		http.NewResponseController(w).SetWriteDeadline(time.Now().Add(fr.c.Fetch.Deadline + time.Minute))
		sum, err := fr.run(r.Context(), req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(sum)
	})
	return mux
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make control token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// baseURLMismatch says how base, the configured base_url, cannot be the
// address of a server listening on addr, or returns "". Only a base_url
// naming this machine is checked: a public name in front of a reverse
// proxy differs from the listen address by design. The two mistakes it
// catches are serving on another port than base_url's (serve -addr), and
// listening on every interface for other machines while the feeds send
// their readers to 127.0.0.1.
func baseURLMismatch(base string, addr net.Addr) string {
	u, err := url.Parse(base)
	tcp, ok := addr.(*net.TCPAddr)
	if err != nil || !ok {
		return ""
	}
	host := u.Hostname()
	ip := net.ParseIP(host)
	if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return ""
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	switch {
	case port != strconv.Itoa(tcp.Port):
		return fmt.Sprintf("names port %s, but serve listens on port %d", port, tcp.Port)
	case !tcp.IP.IsLoopback():
		return "names this machine only (" + host + "), but serve listens for other machines too"
	}
	return ""
}

// loopbackAddr is the address a local client dials to reach a listener:
// an unspecified host (0.0.0.0, ::) becomes the loopback address.
func loopbackAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	ip := net.IPv4(127, 0, 0, 1)
	if tcp.IP.To4() == nil {
		ip = net.IPv6loopback
	}
	return net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port))
}
