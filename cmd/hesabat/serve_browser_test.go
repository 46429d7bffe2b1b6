package main

import (
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// screenshots, when set, is the folder where TestSiteInBrowser writes a
// screenshot of each page type (docs/site-*.png):
//
//	go test -tags sqlite_fts5 ./cmd/hesabat -run TestSiteInBrowser -site-screenshots ../../docs
var screenshots = flag.String("site-screenshots", "", "write a screenshot of each page type of the review site to this folder")

// chromium returns the headless browser's path, "" when there is none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// shoot takes a screenshot of url, width × height CSS pixels at scale 1.
func shoot(t *testing.T, browser, url, out string, width, height int) image.Image {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--force-device-scale-factor=1", "--user-data-dir="+t.TempDir(),
		fmt.Sprintf("--window-size=%d,%d", width, height), "--screenshot="+out, url)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, b)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// The browser draws the overview's heat-map, and on a PDF measure's page
// the outlines of its cells lie over the cells' text: inside each outline
// the page image has ink, in a region of the same size in the page's
// empty margin it has none.
func TestSiteInBrowser(t *testing.T) {
	browser := chromium()
	if browser == "" {
		t.Skip("no headless Chromium (Debian package chromium; .ci/deps installs it): the browser test needs it")
	}
	s, db := testSite(t, "")
	srv := httptest.NewServer(s)
	defer srv.Close()
	dir := t.TempDir()
	if d := os.Getenv("HESABAT_KEEP_SHOTS"); d != "" {
		dir = d
	}

	ov := shoot(t, browser, srv.URL+"/", filepath.Join(dir, "overview.png"), 1280, 900)
	green := count(ov, ov.Bounds(), func(c color.RGBA) bool { return near(c, color.RGBA{43, 202, 69, 255}, 14) })
	if green < 500 {
		t.Errorf("overview: %d pixels of the heat-map's green, want a drawn heat-map", green)
	}

	var measure int64
	if err := db.SQL().QueryRow(`SELECT m.id FROM measures AS m JOIN reports AS r ON r.id = m.report_id
		WHERE r.format = 'pdf' AND r.status = 'current' AND m.page_first = m.page_last
		AND (SELECT count(*) FROM measure_boxes AS b WHERE b.measure_id = m.id) >= 3
		ORDER BY r.id, m.position LIMIT 1`).Scan(&measure); err != nil {
		t.Fatal(err)
	}
	shot := shoot(t, browser, fmt.Sprintf("%s/measure/%d", srv.URL, measure), filepath.Join(dir, "measure.png"), 1280, 1400)
	// The page image is the white area of the right column, below the
	// site's header (whose search box is white too).
	sheet := bounds(shot, func(x, y int, c color.RGBA) bool {
		return x > shot.Bounds().Dx()/2 && y > 60 && c.R == 255 && c.G == 255 && c.B == 255
	})
	if sheet.Dx() < 300 || sheet.Dy() < 300 {
		t.Fatalf("no page image found in the screenshot (white area %v)", sheet)
	}
	outlines := components(shot, sheet, func(c color.RGBA) bool {
		// The outline's colour (#e0245e), anti-aliased over white.
		return c.R > 150 && c.G < 150 && int(c.R)-int(c.G) > 70 && int(c.R)-int(c.B) > 40
	})
	if len(outlines) == 0 {
		t.Fatal("no cell outline drawn on the page image")
	}
	dark := func(c color.RGBA) bool { return int(c.R)+int(c.G)+int(c.B) < 3*110 }
	smallest := outlines[0]
	for _, o := range outlines {
		inner := o.Inset(3)
		if share := float64(count(shot, inner, dark)) / float64(inner.Dx()*inner.Dy()); share < 0.02 {
			t.Errorf("outline %v: %.3f of its inside is ink, want the cell's text", o, share)
		}
		if o.Dx()*o.Dy() < smallest.Dx()*smallest.Dy() {
			smallest = o
		}
	}
	margin := image.Rect(0, 0, smallest.Dx(), smallest.Dy()).Add(sheet.Min.Add(image.Pt(4, 4)))
	if n := count(shot, margin, dark); n != 0 {
		t.Errorf("margin %v (the size of outline %v): %d ink pixels, want none", margin, smallest, n)
	}
	t.Logf("%d outlines over text, e.g. %v; page image at %v", len(outlines), smallest, sheet)

	if *screenshots != "" {
		writeScreenshots(t, browser, srv.URL, measure)
	}
}

// writeScreenshots writes docs/site-*.png: one screenshot per page type.
func writeScreenshots(t *testing.T, browser, base string, measure int64) {
	_, db := testSite(t, "")
	var report, docxMeasure int64
	var unit string
	q := func(query string, v any) {
		if err := db.SQL().QueryRow(query).Scan(v); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT report_id FROM measures WHERE id = `+fmt.Sprint(measure), &report)
	q(`SELECT m.id FROM measures AS m JOIN reports AS r ON r.id = m.report_id WHERE r.format = 'docx' AND m.position = 2`, &docxMeasure)
	q(`SELECT unit FROM current_facts WHERE kind = 'quantity' AND count IS NOT NULL GROUP BY unit ORDER BY count(DISTINCT report_id) DESC, count(*) DESC, unit LIMIT 1`, &unit)
	for _, p := range []struct {
		name, path string
		height     int
	}{
		{"overview", "/", 1500},
		{"report", fmt.Sprintf("/report/%d", report), 1100},
		{"measure", fmt.Sprintf("/measure/%d", measure), 1250},
		{"measure-docx", fmt.Sprintf("/measure/%d", docxMeasure), 1000},
		{"search", "/search?q=iclas", 1000},
		{"fact", "/fact?unit=" + urlQuery(unit), 1100},
	} {
		shoot(t, browser, base+p.path, filepath.Join(*screenshots, "site-"+p.name+".png"), 1280, p.height)
	}
}

func rgba(img image.Image, x, y int) color.RGBA {
	return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
}

func near(c, want color.RGBA, tol int) bool {
	d := func(a, b uint8) bool { return int(a)-int(b) <= tol && int(b)-int(a) <= tol }
	return d(c.R, want.R) && d(c.G, want.G) && d(c.B, want.B)
}

// count returns how many pixels of img in r satisfy f.
func count(img image.Image, r image.Rectangle, f func(color.RGBA) bool) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if f(rgba(img, x, y)) {
				n++
			}
		}
	}
	return n
}

// bounds returns the bounding box of the pixels that satisfy f.
func bounds(img image.Image, f func(x, y int, c color.RGBA) bool) image.Rectangle {
	var r image.Rectangle
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if f(x, y, rgba(img, x, y)) {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}

// components returns the bounding boxes of the connected groups of
// pixels in r that satisfy f (8-neighbours), at least 8 pixels each way:
// the outlines drawn on a page.
func components(img image.Image, r image.Rectangle, f func(color.RGBA) bool) []image.Rectangle {
	r = r.Intersect(img.Bounds())
	seen := make(map[image.Point]bool)
	var out []image.Rectangle
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := image.Pt(x, y)
			if seen[p] || !f(rgba(img, x, y)) {
				continue
			}
			box := image.Rectangle{p, p.Add(image.Pt(1, 1))}
			stack := []image.Point{p}
			seen[p] = true
			for len(stack) > 0 {
				q := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				box = box.Union(image.Rectangle{q, q.Add(image.Pt(1, 1))})
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						n := q.Add(image.Pt(dx, dy))
						if n.In(r) && !seen[n] && f(rgba(img, n.X, n.Y)) {
							seen[n] = true
							stack = append(stack, n)
						}
					}
				}
			}
			if box.Dx() >= 8 && box.Dy() >= 8 {
				out = append(out, box)
			}
		}
	}
	return out
}
