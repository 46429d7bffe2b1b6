// Command scanify turns page images into a PDF that looks like a scan of
// paper: each page is turned by a small angle, given sensor noise and dust,
// and stored as a grey JPEG image with no text layer.
//
//	go run ./testdata/ocr/scanify -dpi 200 -angle 1.5 -out scan.pdf page-1.png page-2.png …
//
// The angle alternates in sign from page to page (as sheets fed by hand
// lean either way); noise is deterministic (seeded by -seed) so that the
// committed files can be made again byte for byte.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png"
	"log"
	"math"
	"math/rand/v2"
	"os"
)

func main() {
	dpi := flag.Float64("dpi", 200, "resolution of the input images")
	angle := flag.Float64("angle", 1.5, "rotation in degrees (sign alternates by page)")
	noise := flag.Float64("noise", 6, "standard deviation of the grey noise")
	quality := flag.Int("quality", 45, "JPEG quality")
	seed := flag.Uint64("seed", 1, "noise seed")
	out := flag.String("out", "scan.pdf", "output PDF")
	flag.Parse()
	rng := rand.New(rand.NewPCG(*seed, 2))
	var pages []page
	for i, path := range flag.Args() {
		img, err := load(path)
		if err != nil {
			log.Fatal(err)
		}
		a := *angle
		if i%2 == 1 {
			a = -a * 0.7
		}
		g := dirty(rotate(img, a), *noise, rng)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: *quality}); err != nil {
			log.Fatal(err)
		}
		b := g.Bounds()
		pages = append(pages, page{jpeg: buf.Bytes(), w: b.Dx(), h: b.Dy(),
			wpt: float64(b.Dx()) * 72 / *dpi, hpt: float64(b.Dy()) * 72 / *dpi})
	}
	if err := os.WriteFile(*out, writePDF(pages), 0o644); err != nil {
		log.Fatal(err)
	}
}

func load(path string) (*image.Gray, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, _, err := image.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b := src.Bounds()
	g := image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g.Set(x, y, color.GrayModel.Convert(src.At(x, y)))
		}
	}
	return g, nil
}

// rotate turns img by deg degrees about its centre (bilinear, white fill).
func rotate(img *image.Gray, deg float64) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(b)
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(b.Dx())/2, float64(b.Dy())/2
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= b.Dx() || y >= b.Dy() {
			return 255
		}
		return float64(img.Pix[y*img.Stride+x])
	}
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := c*dx+s*dy+cx, -s*dx+c*dy+cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := at(x0, y0)*(1-fx)*(1-fy) + at(x0+1, y0)*fx*(1-fy) +
				at(x0, y0+1)*(1-fx)*fy + at(x0+1, y0+1)*fx*fy
			out.Pix[y*out.Stride+x] = uint8(math.Round(v))
		}
	}
	return out
}

// dirty adds grey noise, a slightly grey paper and dust specks.
func dirty(img *image.Gray, sigma float64, rng *rand.Rand) *image.Gray {
	for i, p := range img.Pix {
		v := float64(p)*0.92 + 8 + rng.NormFloat64()*sigma
		img.Pix[i] = uint8(max(0, min(255, math.Round(v))))
	}
	b := img.Bounds()
	for range b.Dx() * b.Dy() / 4000 {
		x, y := rng.IntN(b.Dx()-2), rng.IntN(b.Dy()-2)
		for dy := range 2 {
			for dx := range 2 {
				img.Pix[(y+dy)*img.Stride+x+dx] = uint8(rng.IntN(90))
			}
		}
	}
	return img
}

type page struct {
	jpeg     []byte
	w, h     int
	wpt, hpt float64
}

// writePDF writes a PDF whose pages each show one JPEG image, full page.
func writePDF(pages []page) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			b.WriteString("\nstream\n")
			b.Write(stream)
			b.WriteString("\nendstream")
		}
		b.WriteString("\nendobj\n")
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(pages)
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", n, kids), nil)
	for i, p := range pages {
		content := fmt.Sprintf("q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q", p.wpt, p.hpt)
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
			p.wpt, p.hpt, 4+3*i, 5+3*i), nil)
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>",
			p.w, p.h, len(p.jpeg)), p.jpeg)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}
