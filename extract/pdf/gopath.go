package pdf

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/hesabat/hesabat/extract/pdf/internal/gopdf"
)

// Engines Options.Engine names.
const (
	EngineAuto   = "auto"   // the Go reader, PDFium for the pages it declines
	EngineGo     = "go"     // the Go reader alone: declined pages are skipped with a warning
	EnginePDFium = "pdfium" // PDFium alone
)

// goPanic is a panic recovered in the Go reader. The page goes to PDFium;
// ours reports whether it came from package gopdf itself rather than from
// the library it calls, which tests and the fuzz target treat as a bug.
type goPanic struct {
	v     any
	stack string
	ours  bool
}

func (p *goPanic) Error() string { return fmt.Sprintf("Go PDF reader panic: %v", p.v) }

// recoverGo turns a panic into a *goPanic in *err.
func recoverGo(err *error) {
	v := recover()
	if v == nil {
		return
	}
	stack := string(debug.Stack())
	*err = &goPanic{v: v, stack: stack, ours: panicFrame(stack)}
}

// panicFrame reports whether the first frame below the panic is in package
// gopdf.
func panicFrame(stack string) bool {
	lines := strings.Split(stack, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			for _, f := range lines[i+1:] {
				if strings.HasPrefix(f, "\t") || strings.HasPrefix(f, "runtime.") {
					continue
				}
				return strings.Contains(f, "/internal/gopdf.")
			}
		}
	}
	return false
}

// openGo opens data with the Go reader.
func openGo(data []byte) (d *gopdf.Doc, err error) {
	defer recoverGo(&err)
	return gopdf.Open(data)
}

// readGoPage reads page index (0-based) of d with the Go reader, in the
// display frame readPage gives. The page's glyphs are appended to
// chars[:0].
func readGoPage(d *gopdf.Doc, index int, chars []glyph) (p *page, err error) {
	defer recoverGo(&err)
	gp, err := d.Page(index)
	if err != nil {
		return nil, err
	}
	f := frame{
		rot:    gp.Rotate,
		left:   gp.Box[0],
		bottom: gp.Box[1],
		width:  gp.Box[2] - gp.Box[0],
		height: gp.Box[3] - gp.Box[1],
	}
	p = &page{n: index + 1, blank: gp.Blank}
	// Pages are read in the orientation of most of their text, as
	// readChars does. The glyphs keepOnPage would drop are left out here.
	cs := slices.Grow(chars[:0], gp.Chars())[:gp.Chars()]
	n := 0
	var votes [4]int
	upright := f.rot == 0
	if p.w, p.h = f.size(); upright && p.w > 0 && p.h > 0 && p.w <= maxPageSize && p.h <= maxPageSize {
		// Most pages: the votes are counted as the glyphs are mapped
		// to the upright frame (f.box without its switch), mapped again
		// below if the votes turn the page.
		left, bottom, height, on := f.left, f.bottom, f.height, p.bounds()
		for i := range gp.Chars() {
			r, turn, b, ok := gp.Char(i)
			if !ok {
				continue
			}
			if r != ' ' && r != 0 {
				votes[turn&3]++
			}
			// The box is normalised (left <= right, bottom <= top),
			// and so stays with y flipped: f.box's min and max,
			// without comparing (a NaN, never on the page, is dropped
			// either way; f.height > 0 makes no -0).
			// Written in place, and kept when on the page.
			c := &cs[n]
			c.r, c.x0, c.y0, c.x1, c.y1 = r, b[0]-left, height-(b[3]-bottom), b[2]-left, height-(b[1]-bottom)
			if on.has(c.x0, c.y0, c.x1, c.y1) {
				n++
			}
		}
	} else {
		upright = false
		votes = turnVotes(gp)
	}
	best := 0
	for q := range votes {
		if votes[q] > votes[best] {
			best = q
		}
	}
	if votes[best] > 0 {
		f.rot = best
	}
	p.w, p.h = f.size()
	if !(p.w > 0 && p.h > 0 && p.w <= maxPageSize && p.h <= maxPageSize) {
		return nil, fmt.Errorf("page size %gx%g out of range", p.w, p.h)
	}
	if !upright || f.rot != 0 {
		n = 0
		for i := range gp.Chars() {
			r, _, b, ok := gp.Char(i)
			if !ok {
				continue
			}
			c := glyph{r: r}
			c.x0, c.y0, c.x1, c.y1 = f.box(b[0], b[1], b[2], b[3])
			if p.onPage(c.x0, c.y0, c.x1, c.y1) {
				cs[n] = c
				n++
			}
		}
	}
	p.chars = cs[:n]
	for _, path := range gp.Paths {
		p.rules, _ = shapeRules(p.rules, f, path.X0, path.Y0, path.X1, path.Y1, path.Stroked, func(rules []rule) ([]rule, error) {
			var w segWalk
			for _, s := range path.Segs {
				x, y := f.point(s.X, s.Y)
				rules = w.point(rules, x, y, !s.Line, s.Line, s.Close)
			}
			return rules, nil
		})
	}
	p.keepRulesOnPage()
	return p, nil
}

// turnVotes counts gp's glyphs other than spaces and U+0000 by the turn
// of their baseline.
func turnVotes(gp *gopdf.Page) (votes [4]int) {
	for i := range gp.Chars() {
		if r, turn, _, ok := gp.Char(i); ok && r != ' ' && r != 0 {
			votes[turn&3]++
		}
	}
	return votes
}
