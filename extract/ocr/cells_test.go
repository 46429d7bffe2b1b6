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
