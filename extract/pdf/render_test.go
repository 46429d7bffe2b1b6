package pdf

import (
	"context"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// ink returns the share of dark pixels of img inside the rectangle r (in
// points) of a page rendered at dpi.
func ink(img image.Image, r hesabat.Box, dpi int) float64 {
	s := float64(dpi) / 72
	px := image.Rect(int(math.Floor(r.X0*s)), int(math.Floor(r.Y0*s)), int(math.Ceil(r.X1*s)), int(math.Ceil(r.Y1*s))).Intersect(img.Bounds())
	if px.Empty() {
		return 0
	}
	dark := 0
	for y := px.Min.Y; y < px.Max.Y; y++ {
		for x := px.Min.X; x < px.Max.X; x++ {
			if g := color.GrayModel.Convert(img.At(x, y)).(color.Gray); g.Y < 128 {
				dark++
			}
		}
	}
	return float64(dark) / float64(px.Dx()*px.Dy())
}

// The rendered page and the cells' boxes share one frame: each box of a
// table cell holds ink on the page image, the same rectangle moved into
// the page's top-left corner (a margin) holds none. Portrait and
// landscape pages, and the turned pages of TestRotation (a landscape
// table drawn sideways on a portrait page is rendered upright, as it is
// read).
func TestRenderPageMatchesBoxes(t *testing.T) {
	e := extractor(t)
	turned := "q 0 1 -1 0 595 0 cm\n" + landscapeTable + "\nQ"
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"seed", readFile(t, "../../testdata/seed/seed.pdf")},
		{"landscape", readFile(t, "../../testdata/pdf/seed-lo-landscape.pdf")},
		{"Rotate 90 with turned content", minimalPDF(595, 842, 90, turned)},
		{"turned content without Rotate", minimalPDF(595, 842, 0, turned)},
		{"Rotate 90 over upright content", minimalPDF(842, 595, 90, landscapeTable)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			doc, err := extractBytes(t, e, tt.name+".pdf", data)
			if err != nil {
				t.Fatal(err)
			}
			const dpi = 100
			img, err := e.RenderPage(context.Background(), data, 1, dpi)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() < 500 || b.Dy() < 500 || b.Dx() > 1500 || b.Dy() > 1500 {
				t.Fatalf("page image %v: too small for a page at %d dpi", b, dpi)
			}
			boxes := 0
			rs, _ := rows(doc)
			for _, row := range rs {
				for _, c := range row.Cells {
					if c.Box.Page != 1 {
						continue
					}
					boxes++
					if got := ink(img, c.Box, dpi); got < 0.02 {
						t.Errorf("cell %q at %v: %.3f of its pixels dark, want text", c.Text(), c.Box, got)
					}
					corner := hesabat.Box{Page: 1, X0: 0, Y0: 0, X1: c.Box.X1 - c.Box.X0, Y1: c.Box.Y1 - c.Box.Y0}
					if corner.X1 > 30 || corner.Y1 > 30 {
						corner.X1, corner.Y1 = min(corner.X1, 30), min(corner.Y1, 30)
					}
					if got := ink(img, corner, dpi); got != 0 {
						t.Errorf("margin %v: %.3f of its pixels dark, want none", corner, got)
					}
				}
			}
			if boxes < 4 && !strings.Contains(tt.name, "Rotate") && !strings.Contains(tt.name, "turned") || boxes < 2 {
				t.Errorf("%d table cells with a box on page 1, want a table", boxes)
			}
		})
	}
}

func TestRenderPageErrors(t *testing.T) {
	e := extractor(t)
	data := readFile(t, "../../testdata/seed/seed.pdf")
	ctx := context.Background()
	for _, tt := range []struct {
		name      string
		data      []byte
		page, dpi int
	}{
		{"page 0", data, 0, 100},
		{"page past the end", data, 99, 100},
		{"dpi 0", data, 1, 0},
		{"dpi too high", data, 1, MaxRenderDPI + 1},
		{"not a PDF", []byte("hello"), 1, 100},
		{"truncated", data[:len(data)/3], 1, 100},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := e.RenderPage(ctx, tt.data, tt.page, tt.dpi); err == nil {
				t.Error("no error")
			}
		})
	}
}
