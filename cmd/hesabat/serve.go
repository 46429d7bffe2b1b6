package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hesabat/hesabat/extract/pdf"
	"github.com/hesabat/hesabat/load"
)

// runServe serves the review site over a database, read-only, until
// interrupted.
func runServe(ctx context.Context, args []string, std stdio) int {
	fs := flags("serve", "[--db FILE] [--addr 127.0.0.1:8080]", `Serves a read-only web site over the database, for reviewing what was
loaded: an overview with coverage heat-maps and failing files, each report,
each measure with its facts marked beside its page (cells outlined), search,
and each unit's facts summed per agency and year. The database is opened
read-only; files are read only from the paths recorded for loaded reports.
Page images are cached under the user's cache folder ($HESABAT_CACHE_DIR).`, std)
	dbPath := fs.String("db", load.DefaultPath, "SQLite database `FILE`")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (`HOST:PORT`); a host other than the loopback address opens the site to the network")
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	if fs.NArg() > 0 {
		misuse(std, "serve", "unexpected argument %q", fs.Arg(0))
		return exitMisuse
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		misuse(std, "serve", "--addr %q: %v (hint: --addr 127.0.0.1:8080)", *addr, err)
		return exitMisuse
	}
	db, err := load.OpenReadOnly(*dbPath)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	defer db.Close()
	pdfx, err := pdf.New(pdf.Options{Workers: 2, Timeout: 30 * time.Second})
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	defer pdfx.Close()
	opts := siteOptions{pdf: pdfx}
	loopback := isLoopback(host)
	if loopback {
		opts.hosts = []string{"localhost", "127.0.0.1", "::1", host}
	}
	s, err := newSite(ctx, db, opts)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	if !loopback {
		fmt.Fprintf(std.err, "hesabat: note: listening on %s: anyone who can reach this address can read the database\n", ln.Addr())
	}
	fmt.Fprintf(std.err, "hesabat: serving %s at http://%s/ (Ctrl-C stops)\n", *dbPath, ln.Addr())
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(std.err, "hesabat serve: ", 0)}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// isLoopback reports whether host is a loopback address or localhost.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// shorten cuts s to n characters, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// siteFuncs are the template functions of the site.
var siteFuncs = template.FuncMap{
	"short": shorten,
	"year":  func(y sql.NullInt64) string { return yearText(y) },
	"percent": func(f float64) string {
		return strconv.FormatFloat(100*f, 'f', 1, 64) + " %"
	},
	// number writes a sum without float noise: 3.0000000001 → 3.
	"number": func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
}
