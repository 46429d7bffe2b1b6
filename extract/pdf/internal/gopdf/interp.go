package gopdf

import (
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Matrix is a PDF transformation matrix [a b c d e f]. Package pdf uses
// it for PDFium's paths too.
type Matrix [6]float64

// Identity is the identity matrix.
var Identity = Matrix{1, 0, 0, 1, 0, 0}

// Apply maps the point (x, y).
func (m Matrix) Apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// Mul returns m followed by n.
func (m Matrix) Mul(n Matrix) Matrix {
	return Matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// rect maps the rectangle (l, b)-(r, t) and returns its bounds.
func (m Matrix) rect(l, b, r, t float64) [4]float64 {
	if m[1] == 0 && m[2] == 0 { // no rotation or skew (most text): two corners suffice
		x0, x1 := m[0]*l+m[4], m[0]*r+m[4]
		y0, y1 := m[3]*b+m[5], m[3]*t+m[5]
		return [4]float64{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
	}
	x0, y0 := m.Apply(l, b)
	x1, y1 := m.Apply(r, t)
	x2, y2 := m.Apply(l, t)
	x3, y3 := m.Apply(r, b)
	return [4]float64{min(x0, x1, x2, x3), min(y0, y1, y2, y3), max(x0, x1, x2, x3), max(y0, y1, y2, y3)}
}

// gstate is the part of the graphics state the reader needs.
type gstate struct {
	ctm                      Matrix
	font                     *font
	fontName                 string
	fs, tc, tw, th, tl, rise float64
	lw                       float64
	squareCap                bool // line cap 2 (J, /LC)
	fillWhite, strokeWhite   bool
	fillN, strokeN           int // components of the colour space, 0 for patterns and the like
	clip                     [4]float64
}

// interp runs content streams.
type interp struct {
	r     *reader
	p     *Page
	gs    gstate
	stack []gstate
	tm    Matrix
	tlm   Matrix
	path  []Seg // user space of the current CTM
	clipW bool  // W or W* seen for the current path
	tp    textPage
	marks []*mark
	ops   int
	// items and objs hold the page's text objects. Both are reused page
	// after page.
	items   arena[titem]
	objs    arena[tobj]
	content []byte // the page's content streams
	lex     lexer  // the page's lexer, whose buffers are kept (forms get their own)
	// fonts is the font resource dictionary of the last Tf, when it was
	// fontsRef.
	fontsRef types.IndirectRef
	fonts    types.Dict
	// painted is set by the first operator that paints something (PDFium
	// makes a page object of it): a path filled or stroked, text shown,
	// an XObject, an inline image or a shading.
	painted bool
}

// maxFormDepth bounds form XObjects nested in one another.
const maxFormDepth = 8

// reset readies in for page p, keeping the buffers of the page before.
func (in *interp) reset(r *reader, p *Page) {
	in.items.reset()
	in.objs.reset()
	*in = interp{
		r: r, p: p,
		stack: in.stack[:0], path: in.path[:0], marks: in.marks[:0],
		items: in.items, objs: in.objs, content: in.content[:0], lex: in.lex,
		tp: textPage{buf: in.tp.buf[:0], recent: in.tp.recent[:0], out: in.tp.out[:0], scratch: in.tp.scratch[:0]},
	}
	in.gs = gstate{ctm: Identity, th: 1, lw: 1, fillN: 1, strokeN: 1, clip: [4]float64{math.Inf(-1), math.Inf(-1), math.Inf(1), math.Inf(1)}}
	in.tm, in.tlm = Identity, Identity
	in.tp.init(p)
}

// run interprets one content stream with resources res.
func (in *interp) run(content []byte, res types.Dict, depth int) error {
	l := &lexer{s: content, raw: true}
	if depth == 0 {
		l = &in.lex
		*l = lexer{s: content, raw: true, buf: l.buf[:0], arr: l.arr[:0], args: l.args[:0]}
	}
	for {
		start, image, painted := l.pos, l.image, in.painted
		op, ok, err := l.op()
		if err == errSyntax {
			return decline("content stream syntax at byte %d", l.pos)
		}
		if err != nil || !ok {
			return err
		}
		if in.ops++; in.ops > maxOps {
			return decline("more than %d operators", maxOps)
		}
		err = in.do(string(op), l.args, res, depth)
		if err == errNotRaw {
			// A TJ array not of rawArray's forms: the operator is read
			// again from its start, its operands by the lexer's general
			// path, as if raw had never been tried.
			l.pos, l.image, l.raw, in.painted = start, image, false, painted
			op, ok, err = l.op()
			l.raw = true
			if err == errSyntax {
				return decline("content stream syntax at byte %d", l.pos)
			}
			if err != nil || !ok {
				return err
			}
			err = in.do(string(op), l.args, res, depth)
		}
		if err != nil {
			return err
		}
	}
}

func nums(args []operand, n int) ([]float64, bool) {
	if len(args) < n {
		return nil, false
	}
	args = args[len(args)-n:]
	var v [6]float64
	for i, a := range args {
		if a.k != kNum {
			return nil, false
		}
		v[i] = a.num
	}
	return v[:n], true
}

// do runs one operator. Operators with wrong operands are ignored, as
// PDFium does.
func (in *interp) do(op string, args []operand, res types.Dict, depth int) error {
	gs := &in.gs
	switch op {
	// Graphics state.
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, *gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(args, 6); ok {
			gs.ctm = Matrix(v).Mul(gs.ctm)
		}
	case "w":
		if v, ok := nums(args, 1); ok {
			gs.lw = math.Abs(v[0])
		}
	case "J":
		if v, ok := nums(args, 1); ok {
			gs.squareCap = v[0] == 2
		}
	case "gs":
		in.extGState(args, res)
	// Colour.
	case "g", "G":
		if v, ok := nums(args, 1); ok {
			in.setColour(op == "g", 1, v[0] >= whiteLevel)
		}
	case "rg", "RG":
		if v, ok := nums(args, 3); ok {
			in.setColour(op == "rg", 3, v[0] >= whiteLevel && v[1] >= whiteLevel && v[2] >= whiteLevel)
		}
	case "k", "K":
		if v, ok := nums(args, 4); ok {
			in.setColour(op == "k", 4, cmykWhite(v))
		}
	case "cs", "CS":
		n := 0
		if len(args) == 1 && args[0].k == kName {
			n = in.csComponents(string(args[0].b), res)
		}
		// The initial colour is black (or a pattern: not white).
		if op == "cs" {
			gs.fillN, gs.fillWhite = n, false
		} else {
			gs.strokeN, gs.strokeWhite = n, false
		}
	case "sc", "scn", "SC", "SCN":
		fill := op == "sc" || op == "scn"
		n := gs.strokeN
		if fill {
			n = gs.fillN
		}
		white := false
		if v, ok := nums(args, n); ok && n > 0 && len(args) == n {
			switch n {
			case 1:
				white = v[0] >= whiteLevel
			case 3:
				white = v[0] >= whiteLevel && v[1] >= whiteLevel && v[2] >= whiteLevel
			case 4:
				white = cmykWhite(v)
			}
		}
		if fill {
			gs.fillWhite = white
		} else {
			gs.strokeWhite = white
		}
	// Paths.
	case "m", "l":
		if v, ok := nums(args, 2); ok {
			in.path = append(in.path, Seg{X: v[0], Y: v[1], Line: op == "l" && len(in.path) > 0})
		}
	case "c":
		if v, ok := nums(args, 6); ok {
			in.path = append(in.path, Seg{X: v[4], Y: v[5], Line: len(in.path) > 0})
		}
	case "v", "y":
		if v, ok := nums(args, 4); ok {
			in.path = append(in.path, Seg{X: v[2], Y: v[3], Line: len(in.path) > 0})
		}
	case "h":
		if n := len(in.path); n > 0 {
			in.path[n-1].Close = true
		}
	case "re":
		if v, ok := nums(args, 4); ok {
			x, y, w, h := v[0], v[1], v[2], v[3]
			in.path = append(in.path, Seg{X: x, Y: y}, Seg{X: x + w, Y: y, Line: true}, Seg{X: x + w, Y: y + h, Line: true},
				Seg{X: x, Y: y + h, Line: true, Close: true})
		}
	case "W", "W*":
		in.clipW = true
	case "n":
		in.endPath(false, false)
	case "S":
		in.endPath(false, true)
	case "s":
		in.closePath()
		in.endPath(false, true)
	case "f", "F", "f*":
		in.endPath(true, false)
	case "B", "B*":
		in.endPath(true, true)
	case "b", "b*":
		in.closePath()
		in.endPath(true, true)
	// Text.
	case "BT":
		in.tm, in.tlm = Identity, Identity
	case "ET":
	case "Tc":
		if v, ok := nums(args, 1); ok {
			gs.tc = v[0]
		}
	case "Tw":
		if v, ok := nums(args, 1); ok {
			gs.tw = v[0]
		}
	case "Tz":
		if v, ok := nums(args, 1); ok {
			gs.th = v[0] / 100
		}
	case "TL":
		if v, ok := nums(args, 1); ok {
			gs.tl = v[0]
		}
	case "Ts":
		if v, ok := nums(args, 1); ok {
			gs.rise = v[0]
		}
	case "Tr":
	case "Tf":
		if len(args) >= 2 && args[len(args)-2].k == kName && args[len(args)-1].k == kNum {
			gs.fs = args[len(args)-1].num
			return in.setFont(string(args[len(args)-2].b), res)
		}
	case "Td", "TD":
		if v, ok := nums(args, 2); ok {
			if op == "TD" {
				gs.tl = -v[1]
			}
			in.tlm = Matrix{1, 0, 0, 1, v[0], v[1]}.Mul(in.tlm)
			in.tm = in.tlm
		}
	case "Tm":
		if v, ok := nums(args, 6); ok {
			in.tlm = Matrix(v)
			in.tm = in.tlm
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if len(args) >= 1 && args[len(args)-1].k == kStr {
			return in.show(args[len(args)-1:], nil)
		}
	case "'":
		if len(args) >= 1 && args[len(args)-1].k == kStr {
			in.nextLine()
			return in.show(args[len(args)-1:], nil)
		}
	case "\"":
		if v, ok := nums(args[:max(0, len(args)-1)], 2); ok && args[len(args)-1].k == kStr {
			gs.tw, gs.tc = v[0], v[1]
			in.nextLine()
			return in.show(args[len(args)-1:], nil)
		}
	case "TJ":
		if len(args) == 0 {
			break
		}
		switch a := &args[len(args)-1]; a.k {
		case kArr:
			return in.show(a.arr, nil)
		case kRawArr:
			return in.show(nil, a.b)
		}
	// XObjects.
	case "Do":
		if len(args) >= 1 && args[len(args)-1].k == kName {
			return in.doXObject(string(args[len(args)-1].b), res, depth)
		}
	// Marked content.
	case "BMC":
		in.marks = append(in.marks, &mark{})
	case "BDC":
		m := &mark{props: true}
		if len(args) >= 2 {
			var at []byte
			var ok bool
			switch p := args[len(args)-1]; p.k {
			case kDict:
				at, ok = p.b, p.num == 1
			case kName:
				at, ok = in.r.actualText(in.r.dict(in.r.dict(res["Properties"])[string(p.b)]))
			}
			m.hasActual, m.actual = ok, textString(at)
		}
		in.marks = append(in.marks, m)
	case "EMC":
		if n := len(in.marks); n > 0 {
			in.marks = in.marks[:n-1]
		}
	case "BI", "sh":
		in.painted = true
	case "d0", "d1":
		return decline("Type3 glyph procedure")
	}
	return nil
}

// whiteLevel is the colour component from which PDFium's 0-255 value
// reaches 250, the level read.go calls white.
const whiteLevel = 249.5 / 255

func cmykWhite(v []float64) bool {
	k := v[3]
	return (1-v[0])*(1-k) >= whiteLevel && (1-v[1])*(1-k) >= whiteLevel && (1-v[2])*(1-k) >= whiteLevel
}

func (in *interp) setColour(fill bool, n int, white bool) {
	if fill {
		in.gs.fillN, in.gs.fillWhite = n, white
	} else {
		in.gs.strokeN, in.gs.strokeWhite = n, white
	}
}

// csComponents returns the number of colour components of colour space
// name, 0 for a pattern or an unknown space.
func (in *interp) csComponents(name string, res types.Dict) int {
	switch name {
	case "DeviceGray", "G", "CalGray":
		return 1
	case "DeviceRGB", "RGB", "CalRGB":
		return 3
	case "DeviceCMYK", "CMYK":
		return 4
	}
	cs := in.r.dict(res["ColorSpace"])
	if cs == nil {
		return 0
	}
	a := in.r.array(cs[name])
	if len(a) < 2 {
		return 0
	}
	switch fam, _ := in.r.deref(a[0]).(types.Name); string(fam) {
	case "ICCBased":
		if n := in.r.int(in.r.dict(a[1])["N"], 0); n == 1 || n == 3 || n == 4 {
			return n
		}
	case "CalGray":
		return 1
	case "CalRGB":
		return 3
	}
	return 0
}

// extGState applies the alpha of an ExtGState: a fully transparent fill or
// stroke paints nothing, so counts as white.
func (in *interp) extGState(args []operand, res types.Dict) {
	if len(args) < 1 || args[len(args)-1].k != kName {
		return
	}
	d := in.r.dict(in.r.dict(res["ExtGState"])[string(args[len(args)-1].b)])
	if d == nil {
		return
	}
	if v, ok := in.r.num(d["LW"]); ok {
		in.gs.lw = math.Abs(v)
	}
	if v, ok := in.r.num(d["LC"]); ok {
		in.gs.squareCap = v == 2
	}
	if v, ok := in.r.num(d["ca"]); ok && v == 0 {
		in.gs.fillWhite = true
	}
	if v, ok := in.r.num(d["CA"]); ok && v == 0 {
		in.gs.strokeWhite = true
	}
}

func (in *interp) closePath() {
	if n := len(in.path); n > 0 {
		in.path[n-1].Close = true
	}
}

// endPath paints (or only ends) the current path, records it when it may
// be a table rule, and applies a pending clip.
func (in *interp) endPath(fill, stroke bool) {
	path := in.path
	in.path = in.path[:0]
	clip := in.clipW
	in.clipW = false
	if len(path) == 0 {
		return
	}
	if len(path) == 1 {
		// A path of one point, as PDFium's content parser takes it: as a
		// clip, an empty rectangle at the page's origin; painted, nothing,
		// but for a closed move with square caps (a dot).
		if clip {
			c := &in.gs.clip
			c[0], c[1], c[2], c[3] = max(c[0], 0), max(c[1], 0), min(c[2], 0), min(c[3], 0)
			return
		}
		if !path[0].Close || !in.gs.squareCap {
			return
		}
	}
	m := in.gs.ctm
	l, b, r, t := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range path {
		l, b, r, t = math.Min(l, s.X), math.Min(b, s.Y), math.Max(r, s.X), math.Max(t, s.Y)
	}
	box := m.rect(l, b, r, t)
	if clip {
		c := &in.gs.clip
		c[0], c[1], c[2], c[3] = math.Max(c[0], box[0]), math.Max(c[1], box[1]), math.Min(c[2], box[2]), math.Min(c[3], box[3])
	}
	if !fill && !stroke {
		return
	}
	in.painted = true
	if (!fill || in.gs.fillWhite) && (!stroke || in.gs.strokeWhite) {
		return // white: page background, not a border
	}
	if stroke {
		// The line width around the path, as PDFium's bounds have it
		// (half for the stroke, half for its miter joins and caps).
		lw := in.gs.lw
		box = m.rect(l-lw, b-lw, r+lw, t+lw)
		if in.gs.lw == 0 {
			box = [4]float64{box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5}
		}
	}
	c := in.gs.clip
	if box[2] < c[0] || box[0] > c[2] || box[3] < c[1] || box[1] > c[3] {
		return // hidden by the clip
	}
	segs := make([]Seg, len(path))
	for i, s := range path {
		s.X, s.Y = m.Apply(s.X, s.Y)
		segs[i] = s
	}
	in.p.Paths = append(in.p.Paths, Path{X0: box[0], Y0: box[1], X1: box[2], Y1: box[3], Stroked: stroke, Segs: segs})
}

func (in *interp) nextLine() {
	in.tlm = Matrix{1, 0, 0, 1, 0, -in.gs.tl}.Mul(in.tlm)
	in.tm = in.tlm
}

// setFont selects font resource name.
func (in *interp) setFont(name string, res types.Dict) error {
	var fonts types.Dict
	if ref, ok := res["Font"].(types.IndirectRef); ok && ref == in.fontsRef && in.fonts != nil {
		fonts = in.fonts // the same resources as the last Tf
	} else {
		fonts = in.r.dict(res["Font"])
		in.fontsRef, in.fonts = ref, fonts
	}
	o := fonts[name]
	if o == nil {
		return decline("font %s not in the resources", name)
	}
	ref, isRef := o.(types.IndirectRef)
	if isRef {
		if f, ok := in.r.fonts[ref]; ok {
			in.gs.font, in.gs.fontName = f, name
			return nil
		}
	}
	// A font is kept for the pages after: what its objects taint
	// declines it, not this page alone.
	taint := in.r.taint
	in.r.taint = ""
	d := in.r.dict(o)
	if d == nil {
		in.r.taint = taint
		return decline("font %s is not a dictionary", name)
	}
	f := in.r.loadFont(d)
	if in.r.taint != "" && f.decline == "" {
		f.decline = in.r.taint
	}
	in.r.taint = taint
	if isRef {
		in.r.fonts[ref] = f
	}
	in.gs.font, in.gs.fontName = f, name
	return nil
}

// doXObject paints XObject name: forms are run; any XObject marks the
// page as painted (not blank). An XObject the resources do not hold, or
// that cannot be read, declines the page, as a missing font does: it may
// be a form holding the page's text that a damaged file lost and PDFium
// repairs.
func (in *interp) doXObject(xname string, res types.Dict, depth int) error {
	xo := in.r.dict(res["XObject"])
	o := xo[xname]
	if o == nil {
		return decline("XObject %s not in the resources", xname)
	}
	in.painted = true
	sd, err := in.r.streamDict(o)
	if err != nil {
		return decline("XObject %s: %v", xname, err)
	}
	if name(sd.Dict, "Subtype") != "Form" {
		return nil
	}
	if depth >= maxFormDepth {
		return nil
	}
	data, err := in.r.stream(o)
	if err != nil {
		return decline("form %s: %v", xname, err)
	}
	m := Identity
	if a := in.r.array(sd.Dict["Matrix"]); len(a) == 6 {
		for i := range m {
			m[i], _ = in.r.num(a[i])
		}
	}
	saved, savedStack := in.gs, len(in.stack)
	in.gs.ctm = m.Mul(in.gs.ctm)
	if bb, ok := in.r.rect(sd.Dict["BBox"]); ok {
		box := in.gs.ctm.rect(bb[0], bb[1], bb[2], bb[3])
		c := &in.gs.clip
		c[0], c[1], c[2], c[3] = math.Max(c[0], box[0]), math.Max(c[1], box[1]), math.Min(c[2], box[2]), math.Min(c[3], box[3])
	}
	fres := in.r.dict(sd.Dict["Resources"])
	if fres == nil {
		fres = res
	}
	savedPath := in.path
	in.path = nil
	err = in.run(data, fres, depth+1)
	in.gs, in.stack, in.path = saved, in.stack[:savedStack], savedPath[:0]
	return err
}

// arena hands out slices of T from chunks that are reused after reset:
// the text objects of a page live until the page is read, then their
// memory serves the next page.
type arena[T any] struct {
	chunks [][]T // each filled up to its length
	cur    int   // the chunk being filled
}

// arenaChunk is the size of a chunk, in elements: a page's text objects
// usually fit in one.
const arenaChunk = 4096

func (a *arena[T]) reset() {
	a.cur = 0
	if len(a.chunks) > 0 {
		a.chunks[0] = a.chunks[0][:0]
	}
}

// take returns an empty slice with room for n elements (appending past n
// reallocates, as append does).
func (a *arena[T]) take(n int) []T {
	for {
		if a.cur == len(a.chunks) {
			a.chunks = append(a.chunks, make([]T, 0, max(n, arenaChunk)))
		}
		c := a.chunks[a.cur]
		if len(c)+n <= cap(c) {
			a.chunks[a.cur] = c[:len(c)+n]
			return c[len(c) : len(c) : len(c)+n]
		}
		a.cur++
		if a.cur < len(a.chunks) {
			a.chunks[a.cur] = a.chunks[a.cur][:0]
		}
	}
}
