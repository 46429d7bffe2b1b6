package ocr

import (
	"context"
	"errors"
	"image"
	"math"
	"os/exec"
	"testing"
)

// page draws a synthetic scan: grey paper, a ruled table of rows×cols and
// rows of "text" (short dark dashes in groups, like words) in each cell.
func page(w, h int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 235
	}
	fill := func(x0, y0, x1, y1 int, v uint8) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.Pix[y*g.Stride+x] = v
			}
		}
	}
	xs := []int{100, 300, 900, 1400}
	ys := []int{100, 400, 800, 1200}
	for _, x := range xs {
		fill(x, ys[0], x+3, ys[len(ys)-1]+3, 20)
	}
	for _, y := range ys {
		fill(xs[0], y, xs[len(xs)-1]+3, y+3, 20)
	}
	// Text lines: words of letters 12 px wide, 25 px tall.
	for r := 0; r+1 < len(ys); r++ {
		for c := 0; c+1 < len(xs); c++ {
			for y := ys[r] + 30; y+40 < ys[r+1]; y += 60 {
				for x := xs[c] + 20; x+60 < xs[c+1]; x += 80 {
					for l := 0; l < 4; l++ {
						fill(x+l*15, y, x+l*15+4, y+25, 30)
						fill(x+l*15, y, x+l*15+12, y+4, 30)
					}
				}
			}
		}
	}
	return g
}

func TestEstimateSkew(t *testing.T) {
	for _, deg := range []float64{0, 0.8, -1.2, 2, -3} {
		g := rotate(page(1500, 1300), deg)
		got := estimateSkew(g)
		// The skew is the turn; rotate(g, -got) levels the page again.
		if math.Abs(got-deg) > 0.1 {
			t.Errorf("page turned by %g°: skew %g°", deg, got)
		}
	}
}

func TestEraseRules(t *testing.T) {
	g := page(1500, 1300)
	segs := eraseRules(g, 300)
	var hs, vs int
	for _, s := range segs {
		switch {
		case s.y0 == s.y1 && s.x1-s.x0 > 1200:
			hs++
		case s.x0 == s.x1 && s.y1-s.y0 > 1000:
			vs++
		default:
			t.Errorf("unexpected rule %+v (text taken for a rule?)", s)
		}
	}
	if hs != 4 || vs != 4 {
		t.Errorf("found %d horizontal and %d vertical table rules, want 4 and 4", hs, vs)
	}
	// The rules are gone from the picture; the text is not.
	for _, p := range []image.Point{{101, 600}, {600, 101}, {1401, 1000}} {
		if v := g.GrayAt(p.X, p.Y).Y; v != 255 {
			t.Errorf("rule pixel %v left at %d", p, v)
		}
	}
	if v := g.GrayAt(122, 131).Y; v != 30 {
		t.Errorf("text pixel erased: %d", v)
	}
}

func TestDespeckle(t *testing.T) {
	g := page(1500, 1300)
	speck := image.Point{X: 1450, Y: 50}     // alone on the margin
	stop := image.Point{X: 120 + 51, Y: 152} // a full stop after a word
	for _, p := range []image.Point{speck, stop} {
		for dy := range 4 {
			for dx := range 4 {
				g.Pix[(p.Y+dy)*g.Stride+p.X+dx] = 40
			}
		}
	}
	despeckle(g, 300)
	if v := g.GrayAt(speck.X+1, speck.Y+1).Y; v != 255 {
		t.Errorf("dust speck kept (%d)", v)
	}
	if v := g.GrayAt(stop.X+1, stop.Y+1).Y; v != 40 {
		t.Errorf("full stop beside a word removed (%d)", v)
	}
}

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t300\t600\t900\t60\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t300\t610\t200\t50\t96.5\tİclasında\n" +
		"5\t1\t1\t1\t1\t2\t520\t612\t100\t48\t12\t \n" +
		"5\t1\t1\t1\t1\t3\t640\t608\t80\t52\t-1\t3.3.\n"
	words, _, err := parseTSV([]byte(tsv), 72.0/300, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(words) != 2 {
		t.Fatalf("words %+v", words)
	}
	w := words[0]
	// The word's box spans its line (600 to 660 px) grown to 0.95 of the
	// pitch, here (one line) 1.2 line heights: 595.8 to 664.2 px.
	if w.Text != "İclasında" || math.Abs(w.X0-72) > 1e-9 || math.Abs(w.Y0-142.992) > 1e-9 || math.Abs(w.Y1-159.408) > 1e-9 || math.Abs(w.Size-16.416) > 1e-9 || w.Conf != 0.965 {
		t.Errorf("word %+v", w)
	}
	if words[1].Conf != 0 {
		t.Errorf("conf -1 gives %g, want 0", words[1].Conf)
	}
	if _, _, err := parseTSV([]byte("h\n5\t1\t1\t1\t1\t1\tx\t0\t0\t0\t0\ta\n"), 1, nil); err == nil {
		t.Error("bad number in TSV accepted")
	}
}

func TestCheckMissing(t *testing.T) {
	err := Check(context.Background(), Options{Command: "hesabat-no-such-tesseract"})
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("err %v", err)
	}
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed (CI installs tesseract-ocr tesseract-ocr-aze)")
	}
	if err := Check(context.Background(), Options{Lang: "hesabat-no-such-language"}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("missing model: %v", err)
	}
}
