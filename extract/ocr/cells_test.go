package ocr

import (
	"image"
	"testing"
)

func TestTableGrid(t *testing.T) {
	rules := []segment{
		{100, 100, 100, 1200}, {300, 100, 300, 1200}, {900, 100, 900, 1200},
		{100, 100, 900, 100}, {100, 400, 900, 400}, {300, 800, 900, 800}, {100, 1200, 900, 1200},
	}
	grid := tableGrid(rules, 5)
	// The rule at 800 crosses only the second column.
	if len(grid) != 2 || len(grid[0]) != 2 || len(grid[1]) != 3 {
		t.Fatalf("grid %v", grid)
	}
	if want := image.Rect(105, 405, 295, 1195); grid[0][1] != want {
		t.Errorf("cell %v, want %v", grid[0][1], want)
	}
	if tableGrid(rules[3:], 5) != nil {
		t.Error("a grid without vertical rules")
	}
}

func TestInkLines(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 200, 300))
	for i := range g.Pix {
		g.Pix[i] = 230
	}
	fill := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.Pix[y*g.Stride+x] = 20
			}
		}
	}
	fill(10, 20, 60, 50)     // a short line
	fill(10, 55, 12, 58)     // its dot, 5 px below: the same line
	fill(10, 100, 150, 130)  // a longer line
	fill(100, 200, 103, 203) // a speck, lower than minLine
	bands, h := inkLines(g, g.Rect, 128, 300)
	if len(bands) != 2 || h != 1 || bands[0] != image.Rect(0, 20, 200, 58) || bands[1].Min.Y != 100 {
		t.Errorf("bands %v, heaviest %d", bands, h)
	}
}

func TestKeepFirst(t *testing.T) {
	for _, c := range []struct {
		first, second string
		depth         int
		want          bool
	}{
		{"1.6.", "1.6", 2, true},
		{"12.", "1.2.", 2, false}, // a lost dot
		{"ə,", "3.3.", 2, false},  // letters
		{"ə,", "", 2, true},       // nothing better
		{"Sıra N-si", "", 2, true},
		{"12.", "12.", 1, true},
	} {
		if got := keepFirst(c.first, c.second, c.depth); got != c.want {
			t.Errorf("keepFirst(%q, %q, %d) = %v", c.first, c.second, c.depth, got)
		}
	}
	if d := numberingDepth([]string{"Sıra", "12.", "1.2.", "1.6.", "1.6"}); d != 2 {
		t.Errorf("depth %d", d)
	}
	if d := numberingDepth([]string{"1.2", "12"}); d != 2 {
		t.Errorf("depth on a tie %d, want the deeper", d)
	}
}

func TestBadYears(t *testing.T) {
	for s, want := range map[string]bool{
		"2021- 2002":  true, // the second line's year misread
		"2021-2022":   false,
		"2020 – 2022": false,
		"202":         true, // a digit lost
		"20222":       true,
		"3021":        true,
		"2022-ci il":  false,
		"01.12.2022":  false, // a date: day and month are no years
		"mütəmadi":    false,
		"II rüb":      false,
	} {
		if got := badYears(s); got != want {
			t.Errorf("badYears(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestGutterColumns draws a borderless table at 100 dpi: a title across
// the page, then three columns of "text" (blocks 0.1 in high) with a
// speck in the left margin, and checks the gutters and the table's top.
func TestGutterColumns(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 800, 1000))
	for i := range g.Pix {
		g.Pix[i] = 230
	}
	fill := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.Pix[y*g.Stride+x] = 20
			}
		}
	}
	fill(100, 50, 700, 60) // the title, across the gutters
	for y := 100; y < 400; y += 20 {
		fill(100, y, 150, y+10) // numbers
		fill(170, y, 400, y+10) // titles
		fill(430, y, 700, y+10) // work done
	}
	fill(20, 200, 23, 210) // a speck in the margin: no column
	xs, top, bottom := gutterColumns(g, 128, 100)
	want := []float64{96, 160, 415, 704}
	if len(xs) != len(want) || top != 100 || bottom != 390 {
		t.Fatalf("edges %v, top %g, bottom %g; want %v, 100, 390", xs, top, bottom, want)
	}
	for i := range xs {
		if xs[i] < want[i]-1 || xs[i] > want[i]+1 {
			t.Errorf("edge %d at %g, want %g", i, xs[i], want[i])
		}
	}
	grid := gutterGrid(g, xs, top, bottom, 128, 100)
	if len(grid) != 3 || len(grid[0]) != 15 {
		t.Errorf("grid of %d columns, %d cells in the first", len(grid), len(grid[0]))
	}
	// Prose alone (lines across the page) has no gutters.
	p := image.NewGray(image.Rect(0, 0, 800, 1000))
	copy(p.Pix, g.Pix)
	fill = func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				p.Pix[y*p.Stride+x] = 20
			}
		}
	}
	fill(100, 90, 700, 400)
	if xs, _, _ := gutterColumns(p, 128, 100); xs != nil {
		t.Errorf("gutters %v in prose", xs)
	}
}
