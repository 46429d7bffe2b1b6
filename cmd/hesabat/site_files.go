package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/hesabat/hesabat/extract/pdf"
)

// readStored reads the file of a stored report from the path recorded
// for it, and only while its content is the one stored (same SHA-256).
func readStored(f *storedFile) ([]byte, error) {
	data, err := os.ReadFile(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("the file %s is no longer there (moved or deleted since it was ingested)", f.Path)
	}
	if err != nil {
		return nil, fmt.Errorf("the file %s cannot be read: %w", f.Path, err)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != f.SHA256 {
		return nil, fmt.Errorf("the file %s has changed since it was ingested; ingest it again", f.Path)
	}
	return data, nil
}

// file serves a stored report's file: a PDF shown by the browser, any
// other format as a download (a web page is never shown as one: its
// scripts would run under the site's address).
func (s *site) file(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r, "id", "report")
	if !ok {
		return
	}
	f, err := s.readFileRow(r.Context(), id)
	if err != nil {
		s.failErr(w, r, "report", err)
		return
	}
	data, err := readStored(f)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	}
	name := filepath.Base(f.Path)
	if f.Format == "pdf" {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
		w.Header().Del("Content-Security-Policy") // the browser's PDF viewer needs its own scripts
	} else {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// pageImage serves a page of a PDF report as PNG.
func (s *site) pageImage(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r, "id", "report")
	if !ok {
		return
	}
	page, err := strconv.Atoi(r.PathValue("page"))
	if err != nil || page < 1 {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no such page: %q", r.PathValue("page")))
		return
	}
	f, err := s.readFileRow(r.Context(), id)
	if err != nil {
		s.failErr(w, r, "report", err)
		return
	}
	switch {
	case f.Format != "pdf":
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("report %d is a %s file: only PDF pages are drawn", id, f.Format))
		return
	case f.Pages.Valid && int64(page) > f.Pages.Int64:
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("report %d has %d pages", id, f.Pages.Int64))
		return
	case s.images == nil:
		s.fail(w, r, http.StatusNotFound, "page images are off")
		return
	}
	path, _, err := s.images.get(r.Context(), f, page)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, err.Error())
		return
	}
	img, err := os.Open(path)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	defer img.Close()
	w.Header().Set("Content-Type", "image/png")
	// The image is keyed by the file's content: it never changes.
	w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
	http.ServeContent(w, r, "", time.Time{}, img)
}

// pageImages renders pages of PDF reports and keeps them as PNG files in
// a cache folder, named by the file's SHA-256, the page and the
// resolution, so that a page is rendered once whatever its path.
type pageImages struct {
	pdf   pageRenderer
	dir   string
	dpi   int
	group singleflight.Group

	mu    sync.Mutex
	sizes map[string]image.Point // pixel sizes of the cached images
}

// newPageImages returns the page cache in dir, or in pageCacheDir() when
// dir is "".
func newPageImages(r pageRenderer, dir string, dpi int) (*pageImages, error) {
	if dir == "" {
		dir = pageCacheDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("page image cache: %w", err)
	}
	return &pageImages{pdf: r, dir: dir, dpi: dpi, sizes: map[string]image.Point{}}, nil
}

// pageCacheDir is the default folder of rendered pages: pages/ in
// $HESABAT_CACHE_DIR when set, else hesabat/pages in the user's cache
// folder, else in the system's temporary folder (hesabat-UID/pages).
func pageCacheDir() string {
	if d := os.Getenv(pdf.CacheEnv); d != "" && d != "-" {
		return filepath.Join(d, "pages")
	}
	if base, err := os.UserCacheDir(); err == nil {
		return filepath.Join(base, "hesabat", "pages")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("hesabat-%d", os.Getuid()), "pages")
}

// get returns the cached PNG of page of f, rendering it first when it is
// not cached, and its size in pixels.
func (p *pageImages) get(ctx context.Context, f *storedFile, page int) (string, image.Point, error) {
	// f.SHA256 is 64 hex digits (a CHECK of the reports table): a safe name.
	name := fmt.Sprintf("%s-p%d-%ddpi.png", f.SHA256, page, p.dpi)
	path := filepath.Join(p.dir, name)
	p.mu.Lock()
	size, ok := p.sizes[name]
	p.mu.Unlock()
	if ok {
		return path, size, nil
	}
	v, err, _ := p.group.Do(name, func() (any, error) {
		if cfg, err := readPNGConfig(path); err == nil {
			return image.Pt(cfg.Width, cfg.Height), nil
		}
		data, err := readStored(f)
		if err != nil {
			return nil, err
		}
		img, err := p.pdf.RenderPage(ctx, data, page, p.dpi)
		if err != nil {
			return nil, fmt.Errorf("page %d of %s cannot be drawn: %w", page, f.Path, err)
		}
		if err := writePNG(path, img); err != nil {
			return nil, fmt.Errorf("page image cache: %w", err)
		}
		return img.Bounds().Size(), nil
	})
	if err != nil {
		return "", image.Point{}, err
	}
	size = v.(image.Point)
	p.mu.Lock()
	p.sizes[name] = size
	p.mu.Unlock()
	return path, size, nil
}

func readPNGConfig(path string) (image.Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return image.Config{}, err
	}
	defer f.Close()
	return png.DecodeConfig(f)
}

// writePNG writes img to path whole or not at all (a temporary file
// renamed), so that a reader never sees half an image.
func writePNG(path string, img image.Image) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".page-*.png")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(tmp, img); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
