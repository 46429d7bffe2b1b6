package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"image"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat/load"
)

// The review site (hesabat serve): read-only pages over a hesabat
// database, so that an analyst can see where each number came from.
//
//	/                     overview: totals, coverage heat-maps, failing files
//	/report/{id}          a stored file: metadata, sources, warnings, measures
//	/measure/{id}         a measure with its facts marked, beside its page
//	                      images with its cells outlined (PDF) or its part of
//	                      the source text marked (TXT, DOCX)
//	/page/{id}/{page}     a page of a PDF report as PNG (rendered, cached)
//	/file/{id}            the report's file as ingested
//	/search?q=            the search of 'hesabat search'
//	/fact?unit=           every occurrence of a unit, summed per agency and year
//
// Files are only ever read from the paths recorded in reports.path, found
// by the report's id, and only while their SHA-256 is the one stored.

//go:embed site
var siteFiles embed.FS

// pageRenderer renders one page of a PDF (pdf.Extractor.RenderPage).
type pageRenderer interface {
	RenderPage(ctx context.Context, data []byte, page, dpi int) (image.Image, error)
}

// siteOptions configure a site.
type siteOptions struct {
	// pdf renders page images; nil shows PDF measures without them.
	pdf pageRenderer
	// cacheDir holds the rendered pages; "" for the default (pageCacheDir).
	cacheDir string
	// dpi is the resolution of page images (default 110).
	dpi int
	// hosts, when set, are the only Host names (without port) requests may
	// name: a site on the loopback address refuses others, so that a web
	// page cannot read it through a DNS name rebound to 127.0.0.1.
	hosts []string
}

// site is the review site's handler.
type site struct {
	db     *load.DB
	opts   siteOptions
	pages  map[string]*template.Template
	mux    *http.ServeMux
	images *pageImages
	schema schemaInfo
}

// schemaInfo is what the database offers beyond MinReadSchema.
type schemaInfo struct {
	boxes         bool   // measure_boxes (0007)
	ocrConfidence string // a measures column with OCR confidence, "" if none
}

// newSite returns the site over db, which should be opened read-only.
func newSite(ctx context.Context, db *load.DB, opts siteOptions) (*site, error) {
	if opts.dpi == 0 {
		opts.dpi = 110
	}
	s := &site{db: db, opts: opts, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	var err error
	if s.schema, err = readSchemaInfo(ctx, db); err != nil {
		return nil, err
	}
	if opts.pdf != nil {
		if s.images, err = newPageImages(opts.pdf, opts.cacheDir, opts.dpi); err != nil {
			return nil, err
		}
	}
	base, err := template.New("layout.html").Funcs(siteFuncs).ParseFS(siteFiles, "site/layout.html")
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"overview", "report", "measure", "search", "fact", "error"} {
		t, err := template.Must(base.Clone()).ParseFS(siteFiles, "site/"+name+".html")
		if err != nil {
			return nil, err
		}
		s.pages[name] = t
	}
	static, _ := fs.Sub(siteFiles, "site/static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.overview)
	s.mux.HandleFunc("GET /report/{id}", s.report)
	s.mux.HandleFunc("GET /measure/{id}", s.measure)
	s.mux.HandleFunc("GET /page/{id}/{page}", s.pageImage)
	s.mux.HandleFunc("GET /file/{id}", s.file)
	s.mux.HandleFunc("GET /search", s.search)
	s.mux.HandleFunc("GET /fact", s.fact)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.fail(w, r, http.StatusMethodNotAllowed, "the site is read-only")
			return
		}
		s.fail(w, r, http.StatusNotFound, "no such page")
	})
	return s, nil
}

// readSchemaInfo finds the optional tables and columns.
func readSchemaInfo(ctx context.Context, db *load.DB) (schemaInfo, error) {
	var info schemaInfo
	if err := db.SQL().QueryRowContext(ctx,
		`SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'measure_boxes'`).Scan(&info.boxes); err != nil {
		return info, err
	}
	rows, err := db.SQL().QueryContext(ctx, `SELECT name FROM pragma_table_info('measures')`)
	if err != nil {
		return info, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return info, err
		}
		// Names a later migration may give OCR confidence (0 to 1).
		if name == "ocr_confidence" || name == "confidence" {
			info.ocrConfidence = name
		}
	}
	return info, rows.Err()
}

// ServeHTTP serves the site, with headers that keep its pages to
// themselves: no scripts or styles but the site's own, no framing.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if len(s.opts.hosts) > 0 && !hostAllowed(r.Host, s.opts.hosts) {
		s.fail(w, r, http.StatusMisdirectedRequest, "this site answers only to "+strings.Join(s.opts.hosts, ", "))
		return
	}
	s.mux.ServeHTTP(w, r)
}

// hostAllowed reports whether the Host header names one of hosts.
func hostAllowed(hostport string, hosts []string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.Trim(host, "[]")
	for _, h := range hosts {
		if strings.EqualFold(host, h) {
			return true
		}
	}
	return false
}

// errNotFound makes a handler answer 404.
var errNotFound = errors.New("not found")

// render writes page name with data, or an error page.
func (s *site) render(w http.ResponseWriter, r *http.Request, name, title string, data any) {
	var b strings.Builder
	if err := s.pages[name].Execute(&b, struct {
		Title string
		Data  any
	}{title, data}); err != nil {
		log.Printf("hesabat serve: %s: %v", r.URL.Path, err)
		s.fail(w, r, http.StatusInternalServerError, "the page could not be drawn")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

// fail writes an error page with status and a message for the reader.
func (s *site) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	var b strings.Builder
	if err := s.pages["error"].Execute(&b, struct {
		Title string
		Data  any
	}{http.StatusText(status), msg}); err != nil {
		fmt.Fprintf(w, "%d %s", status, template.HTMLEscapeString(msg))
		return
	}
	fmt.Fprint(w, b.String())
}

// failErr answers err: 404 for errNotFound, else 500 (logged).
func (s *site) failErr(w http.ResponseWriter, r *http.Request, what string, err error) {
	if errors.Is(err, errNotFound) {
		s.fail(w, r, http.StatusNotFound, "no such "+what)
		return
	}
	log.Printf("hesabat serve: %s: %v", r.URL.Path, err)
	s.fail(w, r, http.StatusInternalServerError, "the database could not be read: "+err.Error())
}

// pathID returns the positive integer path value name, or false after
// answering 404.
func (s *site) pathID(w http.ResponseWriter, r *http.Request, name, what string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no such %s: %q", what, r.PathValue(name)))
		return 0, false
	}
	return id, true
}
