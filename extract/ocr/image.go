package ocr

import (
	"image"
	"image/color"
	"math"
	"slices"
)

// grey returns img as an 8-bit grey image with its origin at (0, 0).
func grey(img image.Image) *image.Gray {
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	switch src := img.(type) {
	case *image.Gray:
		for y := 0; y < b.Dy(); y++ {
			copy(g.Pix[y*g.Stride:(y+1)*g.Stride], src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):])
		}
	case *image.RGBA:
		for y := 0; y < b.Dy(); y++ {
			row := src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < b.Dx(); x++ {
				r, gg, bb := uint32(row[4*x]), uint32(row[4*x+1]), uint32(row[4*x+2])
				g.Pix[y*g.Stride+x] = uint8((299*r + 587*gg + 114*bb + 500) / 1000)
			}
		}
	default:
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				g.Pix[y*g.Stride+x] = color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y
			}
		}
	}
	return g
}

// inkLevel returns the grey level below which a pixel of g counts as
// printed: well under the paper's level (the median pixel: most of a page
// is paper), so that sensor noise on grey paper never counts, while thin
// rules that scanning and JPEG turned mid-grey still do.
func inkLevel(g *image.Gray) uint8 {
	var hist [256]int
	for y := 0; y < g.Rect.Dy(); y++ {
		for _, v := range g.Pix[y*g.Stride : y*g.Stride+g.Rect.Dx()] {
			hist[v]++
		}
	}
	half, n := g.Rect.Dx()*g.Rect.Dy()/2, 0
	for v, c := range hist {
		if n += c; n >= half {
			// paperMargin: how much darker than paper ink must be; sensor
			// noise on scans stays within a few tens of levels of the paper.
			const paperMargin = 40
			return uint8(max(1, v-paperMargin))
		}
	}
	return 128
}

// maxSkew bounds the skew searched for, in degrees: sheets fed by hand
// lean a degree or two; a page turned by more is a rotation, not a skew.
const maxSkew = 4.0

// estimateSkew returns the angle in degrees by which the page's text rows
// lean: the angle whose sheared horizontal projection of the ink is the
// sharpest (text rows and rules then fall into few, full rows). It works on
// a quarter-size sample for speed and returns 0 for a blank page.
func estimateSkew(g *image.Gray) float64 {
	const step = 4 // sample every 4th pixel both ways
	ink := inkLevel(g)
	type pt struct{ x, y float64 }
	var pts []pt
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := 0; y < h; y += step {
		for x := 0; x < w; x += step {
			if g.Pix[y*g.Stride+x] < ink {
				pts = append(pts, pt{float64(x), float64(y)})
			}
		}
	}
	if len(pts) < 100 {
		return 0
	}
	rows := make([]float64, (h+w)/step+2)
	score := func(deg float64) float64 {
		clear(rows)
		t := math.Tan(deg * math.Pi / 180)
		off := float64(w) * math.Abs(t)
		for _, p := range pts {
			r := (p.y - p.x*t + off) / step
			if i := int(r); i >= 0 && i < len(rows) {
				rows[i]++
			}
		}
		s := 0.0
		for _, v := range rows {
			s += v * v
		}
		return s
	}
	best, bestScore := 0.0, score(0)
	search := func(lo, hi, d float64) {
		for a := lo; a <= hi+1e-9; a += d {
			if s := score(a); s > bestScore {
				best, bestScore = a, s
			}
		}
	}
	search(-maxSkew, maxSkew, 0.25)
	c := best
	search(c-0.25, c+0.25, 0.05)
	return math.Round(best*100) / 100
}

// rotate returns g turned by deg degrees about its centre, the corners
// filled with white (bilinear sampling).
func rotate(g *image.Gray, deg float64) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= w || y >= h {
			return 255
		}
		return float64(g.Pix[y*g.Stride+x])
	}
	for y := 0; y < h; y++ {
		dy := float64(y) - cy
		for x := 0; x < w; x++ {
			dx := float64(x) - cx
			sx, sy := c*dx+s*dy+cx, -s*dx+c*dy+cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := at(x0, y0)*(1-fx)*(1-fy) + at(x0+1, y0)*fx*(1-fy) +
				at(x0, y0+1)*(1-fx)*fy + at(x0+1, y0+1)*fx*fy
			out.Pix[y*out.Stride+x] = uint8(v + 0.5)
		}
	}
	return out
}

// segment is a rule found in the image, in pixels.
type segment struct{ x0, y0, x1, y1 float64 }

// Rule geometry, in inches (times the resolution gives pixels).
const (
	// minRuleLen: the shortest rule. Longer than any glyph stroke and than
	// the dense top of a short number such as "2020-" (which a shorter
	// length took for a rule, and erased); table rules run on across
	// cells, so they are far longer.
	minRuleLen = 0.6
	// maxRuleWidth: the thickest rule; thicker dark areas are pictures,
	// stamps or filled cells, left for Tesseract to ignore.
	maxRuleWidth = 0.03
)

// ruleDensity is the share of ink a stretch of minRuleLen must have to be
// part of a rule. A scanned rule is faint and broken in places (thin lines
// turn mid-grey when scanned, turned and compressed), so it need not be
// solid; a line of text is far emptier (through the stems of its letters,
// a row of pixels is under half ink).
const ruleDensity = 0.8

// rulePad is how far beyond a rule's ink the picture is cleaned, in
// inches: the blurred edges of a scanned rule.
const rulePad = 0.01

// anyInk reports whether any line of members has ink at position p.
func anyInk(members [][3]int, p int, at func(line, pos int) bool) bool {
	for _, m := range members {
		if at(m[0], p) {
			return true
		}
	}
	return false
}

// sparse is the most ink beside a rule, as a share of its length: the
// letters of a cell's first or last line that come near it.
const sparse = 0.35

// eraseRules finds horizontal and vertical rules in g, paints them white
// (Tesseract reads rules as junk letters such as "ƏTƏTİNSƏT") and returns
// them as segments along their middle line.
func eraseRules(g *image.Gray, dpi float64) []segment {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	minLen := max(8, int(minRuleLen*dpi))
	maxW := max(2, int(maxRuleWidth*dpi))
	ink := inkLevel(g)
	dark := func(x, y int) bool { return g.Pix[y*g.Stride+x] < ink }
	// isolated reports whether the lines maxW and 2·maxW away on both
	// sides of a stretch are mostly paper: true of a rule (cells keep
	// their text a few points off their rules), false inside a line of
	// text, whose rows are all dense with letters.
	isolated := func(i int, r [2]int, lines int, at func(line, pos int) bool) bool {
		for _, o := range []int{-2 * maxW, -maxW, maxW, 2 * maxW} {
			j := i + o
			if j < 0 || j >= lines {
				continue
			}
			n := 0
			for p := r[0]; p < r[1]; p++ {
				if at(j, p) {
					n++
				}
			}
			if float64(n) > sparse*float64(r[1]-r[0]) {
				return false
			}
		}
		return true
	}
	// findRuns returns, for each line (a row for horizontal rules, a column
	// for vertical ones), the stretches [start, end) covered by windows of
	// minLen that are at least ruleDensity ink. A pixel counts as ink when
	// it or its neighbour on the next line is: a thin rule left a little
	// off level by deskewing wavers between two lines.
	findRuns := func(lines, length int, at func(line, pos int) bool) [][][2]int {
		runs := make([][][2]int, lines)
		if length < minLen {
			return runs
		}
		sum := make([]int, length+1)
		need := int(ruleDensity * float64(minLen))
		for i := 0; i < lines; i++ {
			for p := 0; p < length; p++ {
				v := 0
				if at(i, p) || (i+1 < lines && at(i+1, p)) {
					v = 1
				}
				sum[p+1] = sum[p] + v
			}
			start, end := -1, -1
			for p := 0; p+minLen <= length; p++ {
				if sum[p+minLen]-sum[p] < need {
					continue
				}
				if start >= 0 && p <= end {
					end = p + minLen
					continue
				}
				if start >= 0 {
					runs[i] = append(runs[i], [2]int{start, end})
				}
				start, end = p, p+minLen
			}
			if start >= 0 {
				runs[i] = append(runs[i], [2]int{start, end})
			}
			runs[i] = slices.DeleteFunc(runs[i], func(r [2]int) bool { return !isolated(i, r, lines, at) })
		}
		return runs
	}
	hAt := func(y, x int) bool { return dark(x, y) }
	vAt := func(x, y int) bool { return dark(x, y) }
	hr := findRuns(h, w, hAt)
	vr := findRuns(w, h, vAt)
	var out []segment
	// group merges runs of neighbouring lines that overlap into one rule
	// no thicker than maxW, and erases it with set(line, pos).
	group := func(runs [][][2]int, horizontal bool, at func(line, pos int) bool, set func(line, pos int)) {
		used := make([][]bool, len(runs))
		for i := range runs {
			used[i] = make([]bool, len(runs[i]))
		}
		for i := range runs {
			for k, r := range runs[i] {
				if used[i][k] {
					continue
				}
				used[i][k] = true
				members := [][3]int{{i, r[0], r[1]}}
				lo, hi := r[0], r[1]
				for j := i + 1; j < len(runs) && j-i <= 2*maxW; j++ {
					found := false
					for m, q := range runs[j] {
						if !used[j][m] && q[0] < hi && q[1] > lo {
							used[j][m], found = true, true
							members = append(members, [3]int{j, q[0], q[1]})
							lo, hi = min(lo, q[0]), max(hi, q[1])
						}
					}
					if !found {
						break
					}
				}
				first, last := members[0][0], members[len(members)-1][0]
				if last-first+1 > maxW {
					continue // a dark area, not a rule
				}
				// Windows reach past a rule's ends: trim to its ink.
				for lo < hi && !anyInk(members, lo, at) {
					lo++
				}
				for hi > lo && !anyInk(members, hi-1, at) {
					hi--
				}
				// Erase a little more on each side: the rule's faint,
				// blurred edges, which Tesseract would read as ":" or "—".
				pad := max(1, int(rulePad*dpi))
				for _, m := range members {
					for p := lo; p < hi; p++ {
						for d := -pad; d <= pad+1; d++ {
							set(m[0]+d, p)
						}
					}
				}
				mid := float64(first+last+2) / 2 // the band covers line+1 too
				if horizontal {
					out = append(out, segment{float64(lo), mid, float64(hi), mid})
				} else {
					out = append(out, segment{mid, float64(lo), mid, float64(hi)})
				}
			}
		}
	}
	group(hr, true, hAt, func(y, x int) {
		if y >= 0 && y < h {
			g.Pix[y*g.Stride+x] = 255
		}
	})
	group(vr, false, vAt, func(x, y int) {
		if x >= 0 && x < w {
			g.Pix[y*g.Stride+x] = 255
		}
	})
	return out
}

// Speck geometry, in inches.
const (
	// maxSpeck: the largest dust speck removed. A full stop at 9 pt is
	// about this size too, so size alone never decides.
	maxSpeck = 0.02
	// speckClear: the clear margin around a speck. Punctuation stands
	// within a letter space of its word; dust lies anywhere, and alone
	// Tesseract reads it as ".", ":" or "“" (in a number cell, "3.3." turns
	// into "3.3. “").
	speckClear = 0.04
)

// despeckle paints white the small blobs of ink with nothing else near
// them: dust and noise on a scan.
func despeckle(g *image.Gray, dpi float64) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	ink := inkLevel(g)
	maxS := max(2, int(maxSpeck*dpi))
	clearR := max(2, int(speckClear*dpi))
	seen := make([]bool, w*h)
	var stack, comp []int
	for start := range seen {
		if seen[start] || g.Pix[(start/w)*g.Stride+start%w] >= ink {
			continue
		}
		// Flood the blob (8-connected), giving up once it is too big.
		stack, comp = append(stack[:0], start), comp[:0]
		seen[start] = true
		x0, y0, x1, y1 := start%w, start/w, start%w, start/w
		big := false
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			comp = append(comp, p)
			px, py := p%w, p/w
			x0, y0, x1, y1 = min(x0, px), min(y0, py), max(x1, px), max(y1, py)
			if x1-x0 >= maxS || y1-y0 >= maxS {
				big = true
			}
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := px+dx, py+dy
					if nx < 0 || ny < 0 || nx >= w || ny >= h {
						continue
					}
					q := ny*w + nx
					if !seen[q] && g.Pix[ny*g.Stride+nx] < ink {
						seen[q] = true
						stack = append(stack, q)
					}
				}
			}
		}
		if big || !alone(g, ink, x0, y0, x1, y1, clearR) {
			continue
		}
		for _, p := range comp {
			g.Pix[(p/w)*g.Stride+p%w] = 255
		}
	}
}

// alone reports whether the box x0..x1, y0..y1 has no ink within r pixels
// around it.
func alone(g *image.Gray, ink uint8, x0, y0, x1, y1, r int) bool {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := max(0, y0-r); y <= min(h-1, y1+r); y++ {
		for x := max(0, x0-r); x <= min(w-1, x1+r); x++ {
			if (x < x0 || x > x1 || y < y0 || y > y1) && g.Pix[y*g.Stride+x] < ink {
				return false
			}
		}
	}
	return true
}
