package pdf

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/hesabat/hesabat/extract/pdf/internal/gopdf"
)

// page is one page as the layout code sees it: glyphs and rules in a
// top-left display frame (y grows downwards, /Rotate and the crop box
// applied), in points.
type page struct {
	n     int // 1-based page number
	w, h  float64
	chars []glyph
	rules []rule
	// blank: the page paints nothing at all (no page objects), so it has
	// no text to miss and nothing to recognise by OCR.
	blank bool
}

// glyph is one character of a page's text layer with its loose box (origin
// to advance horizontally, descent to ascent vertically).
type glyph struct {
	r              rune
	x0, y0, x1, y1 float64
}

func (g glyph) size() float64 { return g.y1 - g.y0 }

// rule is an axis-aligned line segment drawn on the page: a table border
// candidate. Horizontal rules have y0 == y1, vertical ones x0 == x1.
type rule struct {
	x0, y0, x1, y1 float64
}

// frame maps unrotated PDF user space to the display frame of a page.
type frame struct {
	rot           int // quarter turns clockwise
	left, bottom  float64
	width, height float64 // unrotated
}

// point maps (x, y) in user space to the display frame.
func (f frame) point(x, y float64) (float64, float64) {
	x -= f.left
	y -= f.bottom
	switch f.rot {
	case 1:
		return y, x
	case 2:
		return f.width - x, y
	case 3:
		return f.height - y, f.width - x
	}
	return x, f.height - y
}

// box maps a user-space rectangle to the display frame, returning it
// normalised (x0 <= x1, y0 <= y1).
func (f frame) box(l, b, r, t float64) (x0, y0, x1, y1 float64) {
	ax, ay := f.point(l, b)
	bx, by := f.point(r, t)
	return math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)
}

// size returns the page's display width and height.
func (f frame) size() (float64, float64) {
	if f.rot%2 == 1 {
		return f.height, f.width
	}
	return f.width, f.height
}

// readPage loads page index (0-based) of doc and returns its glyphs and
// rules in the display frame.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (*page, error) {
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return nil, fmt.Errorf("load page: %w", err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}

	bb, err := inst.FPDF_GetPageBoundingBox(&requests.FPDF_GetPageBoundingBox{Page: ref})
	if err != nil {
		return nil, fmt.Errorf("page box: %w", err)
	}
	rot, err := inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: ref})
	if err != nil {
		return nil, fmt.Errorf("page rotation: %w", err)
	}
	f := frame{
		rot:    int(rot.PageRotation) & 3,
		left:   float64(bb.Rect.Left),
		bottom: float64(bb.Rect.Bottom),
		width:  float64(bb.Rect.Right - bb.Rect.Left),
		height: float64(bb.Rect.Top - bb.Rect.Bottom),
	}
	p := &page{n: index + 1}
	if p.chars, err = readChars(inst, ref, &f); err != nil {
		return nil, err
	}
	p.w, p.h = f.size()
	if !(p.w > 0 && p.h > 0 && p.w <= maxPageSize && p.h <= maxPageSize) {
		return nil, fmt.Errorf("page size %gx%g out of range", p.w, p.h)
	}
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return nil, fmt.Errorf("count objects: %w", err)
	}
	p.blank = n.Count == 0
	for i := 0; i < n.Count; i++ {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: i})
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", i, err)
		}
		if p.rules, err = readRules(inst, o.PageObject, f, identity, p.rules, 0); err != nil {
			return nil, err
		}
	}
	p.keepOnPage()
	return p, nil
}

// keepOnPage drops the glyphs and rules off the page, and all rules when
// there are too many to be a table's borders (a drawing, or hostile).
func (p *page) keepOnPage() {
	p.chars = slices.DeleteFunc(p.chars, func(g glyph) bool { return !p.onPage(g.x0, g.y0, g.x1, g.y1) })
	p.keepRulesOnPage()
}

// keepRulesOnPage is keepOnPage for the rules alone.
func (p *page) keepRulesOnPage() {
	p.rules = slices.DeleteFunc(p.rules, func(r rule) bool { return !p.onPage(r.x0, r.y0, r.x1, r.y1) })
	if len(p.rules) > maxRules {
		p.rules = nil
	}
}

// maxRules is the most rules a page may have for them to be read as table
// borders; it bounds the work on pages full of vector graphics.
const maxRules = 5000

// onPage reports whether the box lies on the page (within a margin) and
// is no larger than it: glyphs and rules elsewhere are invisible, and
// absurd coordinates would only cost time.
func (p *page) onPage(x0, y0, x1, y1 float64) bool { return p.bounds().has(x0, y0, x1, y1) }

// pageBounds is onPage's test for one page, its bounds computed once.
type pageBounds struct{ min, maxX, maxY float64 }

func (p *page) bounds() pageBounds {
	const margin = 20
	return pageBounds{-margin, p.w + margin, p.h + margin}
}

func (b pageBounds) has(x0, y0, x1, y1 float64) bool {
	return x0 >= b.min && y0 >= b.min && x1 <= b.maxX && y1 <= b.maxY && x0 <= x1 && y0 <= y1
}

// readChars returns the page's non-generated characters. The text comes
// in one call; PDFium is asked per character only for its box and, for
// spaces and line breaks, whether it made them up. When most characters
// are turned by a quarter turn, f is turned to make them upright.
func readChars(inst pdfium.Pdfium, ref requests.Page, f *frame) ([]glyph, error) {
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return nil, fmt.Errorf("text layer: %w", err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, fmt.Errorf("count chars: %w", err)
	}
	if cc.Count <= 0 {
		return nil, nil
	}
	units, err := pageUnits(inst, tp.TextPage, cc.Count)
	if err != nil {
		return nil, err
	}
	if q, ok := textTurn(inst, tp.TextPage, cc.Count, units); ok {
		f.rot = q
	}
	chars := make([]glyph, 0, cc.Count)
	for i := 0; i < cc.Count; i++ {
		var r rune
		if units != nil {
			r = rune(units[i])
			if r == textHyphenMark {
				r = hyphenMark
			}
		} else {
			u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: i})
			if err != nil {
				return nil, fmt.Errorf("char %d: %w", i, err)
			}
			r = rune(u.Unicode)
		}
		switch r {
		case '\r', '\n':
			continue
		case ' ', 0:
			gen, err := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp.TextPage, Index: i})
			if err != nil {
				return nil, fmt.Errorf("char %d: %w", i, err)
			}
			if gen.IsGenerated {
				continue
			}
		}
		b, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			continue // PDFium has no box for some control characters
		}
		g := glyph{r: r}
		g.x0, g.y0, g.x1, g.y1 = f.box(float64(b.Rect.Left), float64(b.Rect.Bottom), float64(b.Rect.Right), float64(b.Rect.Top))
		chars = append(chars, g)
	}
	return chars, nil
}

// textTurn returns the quarter turns (counter-clockwise) by which most of
// the page's text is rotated in user space, from a sample of characters
// (PDF "Rotate" turns clockwise, so upright text on a page with /Rotate 90
// is drawn turned by one quarter counter-clockwise). ok is false when the
// page has no sampled text. units are the page's characters, nil if
// unknown.
func textTurn(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, n int, units []uint16) (int, bool) {
	const samples = 24
	var votes [4]int
	step := max(1, n/samples)
	for i := 0; i < n; i += step {
		if units != nil && (unicode.IsSpace(rune(units[i])) || units[i] == 0) {
			continue
		}
		a, err := inst.FPDFText_GetCharAngle(&requests.FPDFText_GetCharAngle{TextPage: tp, Index: i})
		if err != nil {
			continue
		}
		// PDFium measures the angle clockwise: a quarter turn
		// counter-clockwise reads as three quarters.
		q := int(math.Round(float64(a.CharAngle)/(math.Pi/2))) & 3
		votes[(4-q)&3]++
	}
	best := 0
	for q := range votes {
		if votes[q] > votes[best] {
			best = q
		}
	}
	return best, votes[best] > 0
}

// textHyphenMark is how FPDFText_GetText writes the hyphenMark that
// FPDFText_GetUnicode reports.
const textHyphenMark = 0xFFFE

// pageUnits returns the text page's characters as UTF-16 code units, one
// per character index, or nil when that correspondence does not hold
// (characters outside the Basic Multilingual Plane).
func pageUnits(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, n int) ([]uint16, error) {
	t, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp, StartIndex: 0, Count: n})
	if err != nil {
		return nil, fmt.Errorf("page text: %w", err)
	}
	units := utf16.Encode([]rune(strings.TrimSuffix(t.Text, "\x00")))
	if len(units) != n {
		return nil, nil
	}
	for _, u := range units {
		if utf16.IsSurrogate(rune(u)) || u == unicode.ReplacementChar {
			return nil, nil
		}
	}
	return units, nil
}

// matrix is a PDF transformation matrix, shared with the Go reader.
type matrix = gopdf.Matrix

var identity = gopdf.Identity

// Rule geometry limits, in points.
const (
	maxRuleThickness = 2.0 // a path no thicker than this is a rule along its long axis
	minRuleLength    = 2.0 // shorter pieces are dropped
	maxFormDepth     = 8   // form XObjects nested deeper are ignored
)

// readRules appends the rules drawn by page object o to rules. ctm maps the
// object's container (a form XObject) to page space.
func readRules(inst pdfium.Pdfium, o references.FPDF_PAGEOBJECT, f frame, ctm matrix, rules []rule, depth int) ([]rule, error) {
	t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o})
	if err != nil {
		return rules, err
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_FORM:
		if depth >= maxFormDepth {
			return rules, nil
		}
		m, err := objMatrix(inst, o)
		if err != nil {
			return rules, err
		}
		n, err := inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: o})
		if err != nil {
			return rules, err
		}
		inner := m.Mul(ctm)
		for i := 0; i < n.Count; i++ {
			c, err := inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: o, Index: uint64(i)})
			if err != nil {
				return rules, err
			}
			if rules, err = readRules(inst, c.PageObject, f, inner, rules, depth+1); err != nil {
				return rules, err
			}
		}
		return rules, nil
	case enums.FPDF_PAGEOBJ_PATH:
		return pathRules(inst, o, f, ctm, rules)
	}
	return rules, nil
}

// pathRules appends the rules of one path object: the whole path when it is
// thin, else its axis-aligned stroked segments.
func pathRules(inst pdfium.Pdfium, o references.FPDF_PAGEOBJECT, f frame, ctm matrix, rules []rule) ([]rule, error) {
	dm, err := inst.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: o})
	if err != nil {
		return rules, err
	}
	filled := dm.FillMode != enums.FPDF_FILLMODE_NONE
	if !filled && !dm.Stroke {
		return rules, nil
	}
	if white(inst, o, filled, dm.Stroke) {
		return rules, nil
	}
	b, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: o})
	if err != nil {
		return rules, err
	}
	// Bounds of objects inside forms are in the form's space.
	l, bt := ctm.Apply(float64(b.Left), float64(b.Bottom))
	r, tp := ctm.Apply(float64(b.Right), float64(b.Top))
	l, bt, r, tp = math.Min(l, r), math.Min(bt, tp), math.Max(l, r), math.Max(bt, tp)
	n := len(rules)
	rules, err = shapeRules(rules, f, l, bt, r, tp, dm.Stroke, func(rules []rule) ([]rule, error) {
		m, err := objMatrix(inst, o)
		if err != nil {
			return rules, err
		}
		m = m.Mul(ctm)
		n, err := inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: o})
		if err != nil {
			return rules, err
		}
		var w segWalk
		for i := 0; i < n.Count; i++ {
			s, err := inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: o, Index: i})
			if err != nil {
				return rules, err
			}
			pt, err := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: s.PathSegment})
			if err != nil {
				return rules, err
			}
			st, err := inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: s.PathSegment})
			if err != nil {
				return rules, err
			}
			cl, err := inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: s.PathSegment})
			if err != nil {
				return rules, err
			}
			x, y := f.point(m.Apply(float64(pt.X), float64(pt.Y)))
			rules = w.point(rules, x, y, st.Type == enums.FPDF_SEGMENT_MOVETO, st.Type == enums.FPDF_SEGMENT_LINETO, cl.IsClose)
		}
		return rules, nil
	})
	// Only a path that makes rules asks for its clip: the calls cost.
	if err == nil && len(rules) > n && clippedOut(inst, o, ctm, l, bt, r, tp) {
		rules = rules[:n]
	}
	return rules, err
}

// clippedOut reports whether the box (l, b)-(r, t) lies wholly outside the
// clip of object o: outside the bounds of one of its clip paths, mapped by
// ctm as the object's bounds are. The Go reader hides a rule the same way
// (gopdf's endPath); an object without a clip, or one PDFium cannot
// return, is not clipped.
func clippedOut(inst pdfium.Pdfium, o references.FPDF_PAGEOBJECT, ctm matrix, l, b, r, t float64) bool {
	cp, err := inst.FPDFPageObj_GetClipPath(&requests.FPDFPageObj_GetClipPath{PageObject: o})
	if err != nil {
		return false
	}
	n, err := inst.FPDFClipPath_CountPaths(&requests.FPDFClipPath_CountPaths{ClipPath: cp.ClipPath})
	if err != nil {
		return false
	}
	for i := 0; i < n.Count; i++ {
		segs, err := inst.FPDFClipPath_CountPathSegments(&requests.FPDFClipPath_CountPathSegments{ClipPath: cp.ClipPath, PathIndex: i})
		if err != nil || segs.Count == 0 {
			continue
		}
		cl, cb, cr, ct := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for j := 0; j < segs.Count; j++ {
			s, err := inst.FPDFClipPath_GetPathSegment(&requests.FPDFClipPath_GetPathSegment{ClipPath: cp.ClipPath, PathIndex: i, SegmentIndex: j})
			if err != nil {
				return false
			}
			pt, err := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: s.PathSegment})
			if err != nil {
				return false
			}
			x, y := ctm.Apply(float64(pt.X), float64(pt.Y))
			cl, cb, cr, ct = math.Min(cl, x), math.Min(cb, y), math.Max(cr, x), math.Max(ct, y)
		}
		if r < cl || l > cr || t < cb || b > ct {
			return true
		}
	}
	return false
}

// shapeRules appends the rules of one painted path whose bounds in user
// space are (l, b)-(r, t): the whole path when it is thin, else, when it is
// stroked, the axis-aligned segments that segments appends.
func shapeRules(rules []rule, f frame, l, b, r, t float64, stroked bool, segments func([]rule) ([]rule, error)) ([]rule, error) {
	x0, y0, x1, y1 := f.box(l, b, r, t)
	w, h := x1-x0, y1-y0
	switch {
	case h <= maxRuleThickness && w >= minRuleLength:
		y := (y0 + y1) / 2
		return append(rules, rule{x0, y, x1, y}), nil
	case w <= maxRuleThickness && h >= minRuleLength:
		x := (x0 + x1) / 2
		return append(rules, rule{x, y0, x, y1}), nil
	case w <= maxRuleThickness && h <= maxRuleThickness:
		return rules, nil
	}
	if !stroked {
		return rules, nil // a filled area: background, not a border
	}
	if w >= f.width*0.95 && h >= f.height*0.95 {
		return rules, nil // a page frame
	}
	return segments(rules)
}

// segWalk follows a path's points in the display frame, appending its
// straight segments as rules.
type segWalk struct{ px, py, sx, sy float64 }

// point takes the next point: a move, a line to it, or neither (a
// curve's end); closed draws back to the subpath's start after it.
func (w *segWalk) point(rules []rule, x, y float64, move, line, closed bool) []rule {
	if line {
		rules = appendSegment(rules, w.px, w.py, x, y)
	} else if move {
		w.sx, w.sy = x, y
	}
	w.px, w.py = x, y
	if closed {
		rules = appendSegment(rules, w.px, w.py, w.sx, w.sy)
		w.px, w.py = w.sx, w.sy
	}
	return rules
}

// appendSegment appends the segment (ax, ay)-(bx, by) when it is
// axis-aligned (within half a point) and long enough.
func appendSegment(rules []rule, ax, ay, bx, by float64) []rule {
	const tol = 0.5
	switch {
	case math.Abs(ay-by) <= tol && math.Abs(ax-bx) >= minRuleLength:
		y := (ay + by) / 2
		return append(rules, rule{math.Min(ax, bx), y, math.Max(ax, bx), y})
	case math.Abs(ax-bx) <= tol && math.Abs(ay-by) >= minRuleLength:
		x := (ax + bx) / 2
		return append(rules, rule{x, math.Min(ay, by), x, math.Max(ay, by)})
	}
	return rules
}

func objMatrix(inst pdfium.Pdfium, o references.FPDF_PAGEOBJECT) (matrix, error) {
	r, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: o})
	if err != nil {
		return identity, err
	}
	m := r.Matrix
	return matrix{float64(m.A), float64(m.B), float64(m.C), float64(m.D), float64(m.E), float64(m.F)}, nil
}

// white reports whether the path is painted only in white (or fully
// transparent), which draws page background rather than a border.
func white(inst pdfium.Pdfium, o references.FPDF_PAGEOBJECT, filled, stroked bool) bool {
	isWhite := func(r, g, b, a uint) bool { return a == 0 || (r >= 250 && g >= 250 && b >= 250) }
	if filled {
		c, err := inst.FPDFPageObj_GetFillColor(&requests.FPDFPageObj_GetFillColor{PageObject: o})
		if err != nil || !isWhite(c.FillColor.R, c.FillColor.G, c.FillColor.B, c.FillColor.A) {
			return false
		}
	}
	if stroked {
		c, err := inst.FPDFPageObj_GetStrokeColor(&requests.FPDFPageObj_GetStrokeColor{PageObject: o})
		if err != nil || !isWhite(c.StrokeColor.R, c.StrokeColor.G, c.StrokeColor.B, c.StrokeColor.A) {
			return false
		}
	}
	return true
}
