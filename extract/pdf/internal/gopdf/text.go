package gopdf

import (
	"math"
	"slices"
	"unicode"
)

// kernCode marks a TJ position adjustment among a text object's items, as
// PDFium's CPDF_TextObject does.
const kernCode = 0xFFFFFFFF

// titem is one item of a text object: a character code at text-space
// offset x, or a TJ adjustment (c kernCode).
type titem struct {
	c uint32
	x float64
	w float64 // the advance in glyph space, or the adjustment (thousandths of text space)
	// The code's text and glyph box are the font's (font.text and
	// font.glyphBox): an item holds no pointer, so the page's items cost
	// the collector nothing.
}

// tobj is one text-showing operation (Tj, TJ, ' or "): PDFium's text
// object.
type tobj struct {
	f     *font
	fs    float64
	tc    float64
	rise  float64
	m     Matrix // text space (before font size) to page, origin at the object's start
	items []titem
	rect  [4]float64 // bounds of the glyph outlines, as PDFium's GetRect
	empty bool       // rect narrower than PDFium's kSizeEpsilon: not text
	nChar int
	marks []*mark // marked content open around it, outermost first
	// limit is how near a repeated character is drawn (see process);
	// spread reports that no two of o's characters are that near.
	limit  float64
	spread bool
}

func (o *tobj) pos() (float64, float64) { return o.m[4], o.m[5] }

// transformDistance and transformXDistance are CFX_Matrix's.
func (m Matrix) transformDistance(d float64) float64 {
	return d * (math.Hypot(m[0], m[1]) + math.Hypot(m[2], m[3])) / 2
}

func (m Matrix) transformXDistance(d float64) float64 { return math.Hypot(m[0]*d, m[1]*d) }

func (m Matrix) inverse() Matrix {
	det := m[0]*m[3] - m[1]*m[2]
	if det == 0 {
		return Identity
	}
	return Matrix{m[3] / det, -m[1] / det, -m[2] / det, m[0] / det,
		(m[2]*m[5] - m[3]*m[4]) / det, (m[1]*m[4] - m[0]*m[5]) / det}
}

// show runs a text-showing operator on its strings and adjustments:
// elems, or raw, the text of a TJ array up to its first ']' (see
// lexer.raw). Raw text that rawArray would not accept is errNotRaw,
// before any error of the operator and before o joins the page.
func (in *interp) show(elems []operand, raw []byte) (err error) {
	gs := &in.gs
	f := gs.font
	if raw != nil {
		defer func() {
			if err != nil && err != errNotRaw && !rawText(raw) {
				err = errNotRaw
			}
		}()
	}
	if f == nil {
		return decline("text shown without a font")
	}
	if f.decline != "" {
		return &Decline{f.decline}
	}
	in.painted = true
	n := len(raw) + 1 // items at most
	for i := range elems {
		n += len(elems[i].b) + 1
	}
	o := &in.objs.take(1)[:1][0]
	*o = tobj{f: f, fs: gs.fs, tc: gs.tc, rise: gs.rise, marks: slices.Clone(in.marks), items: in.items.take(n)}
	o.m = Matrix{gs.th, 0, 0, 1, 0, 0}.Mul(in.tm.Mul(gs.ctm))
	o.limit = o.m.transformXDistance(0.07 * o.fs)
	x := 0.0
	tb := textBounds{tl: math.Inf(1), tr: math.Inf(-1), bot: math.Inf(1), top: math.Inf(-1), minStep: math.Inf(1)}
	for i := range elems {
		switch e := &elems[i]; e.k {
		case kNum:
			x = o.kern(x, e.num)
		case kStr:
			if x, err = in.codes(o, e.b, false, x, &tb); err != nil {
				return err
			}
		}
	}
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case isSpace(c):
			i++
		case c == '<': // an even number of hex digits, then '>'
			j := i + 1
			for j+1 < len(raw) && hexDigits[raw[j]] != 0 && hexDigits[raw[j+1]] != 0 {
				j += 2
			}
			if j == len(raw) || raw[j] != '>' {
				return errNotRaw
			}
			if x, err = in.codes(o, raw[i+1:j], true, x, &tb); err != nil {
				return err
			}
			i = j + 1
		case c == '+' || c == '-' || c == '.' || c-'0' <= 9: // a number of numPrefix's form
			// A short integer (sign and digits, at most ten bytes: exact
			// in a float64, as numPrefix's sum of the digits is) read
			// here; numPrefix reads other forms, once their form is
			// checked as rawArray checks it.
			j, neg := i, c == '-'
			if neg {
				j++
			}
			n := 0
			for ; j < len(raw) && raw[j]-'0' <= 9; j++ {
				n = n*10 + int(raw[j]-'0') // wraps past 18 digits, which numPrefix reads
			}
			v := float64(n)
			if j == i || neg && j == i+1 || j-i > 10 || j < len(raw) && (raw[j] == '.' || raw[j] == '-') {
				if !rawNumber(raw[i:]) {
					return errNotRaw
				}
				v, neg, j = numPrefix(raw[i:])
				j += i
			}
			if j < len(raw) && classes[raw[j]] == cRegular { // the token goes on, as rawArray checks
				return errNotRaw
			}
			if neg {
				v = -v
			}
			i = j
			x = o.kern(x, v)
		default:
			return errNotRaw
		}
	}
	in.tm = Matrix{1, 0, 0, 1, x * gs.th, 0}.Mul(in.tm)
	o.bounds(x, &tb)
	if o.nChar > 0 {
		in.tp.add(o)
	}
	return nil
}

// kern appends a TJ adjustment k to o at x and returns the next x.
func (o *tobj) kern(x, k float64) float64 {
	x -= k / 1000 * o.fs
	o.items = append(o.items, titem{c: kernCode, x: x, w: k})
	return x
}

// textBounds gathers what bounds needs of a text object's characters.
type textBounds struct {
	// The least left and greatest right of the glyphs' tight boxes in text
	// space, and the least bottom and greatest top of the codes' tight
	// boxes (see codeInfo.tight): those of codes whose box is ordered.
	tl, tr, bot, top float64
	unordered        bool // a code's box is not
	// The first and last characters' x, and the least step between
	// successive ones.
	first, last, minStep float64
}

// codes appends the character codes of string b (its bytes, or when hex
// its hex digits, an even number) to o, the first at x, gathering their
// bounds in tb; it returns the x after them.
func (in *interp) codes(o *tobj, b []byte, hex bool, x float64, tb *textBounds) (float64, error) {
	gs := &in.gs
	f := o.f
	s := o.fs / 1000
	// The string's codes: bytes, or pairs of bytes for Identity-H (an odd
	// last byte is no code).
	step := 1
	if f.twoByte {
		step = 2
	}
	if hex {
		step *= 2
	}
	t := tb // gathered in place: a copy in and out costs more than it saves
	for k := 0; k+step <= len(b); k += step {
		var c uint32
		if hex {
			c = uint32(hexDigits[b[k]]-1)<<4 | uint32(hexDigits[b[k+1]]-1)
			if f.twoByte {
				c = c<<8 | uint32(hexDigits[b[k+2]]-1)<<4 | uint32(hexDigits[b[k+3]]-1)
			}
		} else {
			c = uint32(b[k])
			if f.twoByte {
				c = c<<8 | uint32(b[k+1])
			}
		}
		ci := &f.one[uint8(c)]
		if f.twoByte || !ci.done {
			ci = f.info(c)
		}
		if ci.fault != faultNone {
			return x, ci.fault.err(c)
		}
		w := ci.w
		o.items = append(o.items, titem{c: c, x: x, w: w})
		if o.nChar == 0 {
			t.first = x
		} else if d := x - t.last; d < t.minStep {
			t.minStep = d
		}
		t.last = x
		o.nChar++
		if g := &ci.tight; ci.ordered {
			if l := x + g[0]*s; l < t.tl {
				t.tl = l
			}
			if r := x + g[2]*s; r > t.tr {
				t.tr = r
			}
			if g[1] < t.bot { // g holds no NaN, and a bottom of -0 or +0 gives rise+0*s alike
				t.bot = g[1]
			}
			if g[3] > t.top {
				t.top = g[3]
			}
		} else {
			t.unordered = true
		}
		x += w*gs.fs/1000 + gs.tc
		if c == 32 && !f.twoByte { // word spacing applies to one-byte codes
			x += gs.tw
		}
	}
	return x, nil
}

// bounds sets o's rect, empty and spread from what codes gathered in tb,
// once its items are in; x is the text-space x after them.
//
// An upright matrix (no rotation or skew, as for most text) maps the
// bounds of the glyphs' boxes in text space to the bounds of their boxes
// on the page, exactly (its maps are monotonic): the boxes are gathered
// in text space and mapped once. With a positive size s, a glyph's box
// (x+t[0]*s, rise+t[1]*s, x+t[2]*s, rise+t[3]*s) grows with t (for its
// tight box t), so the bounds of the boxes are those of x+t[0]*s and
// x+t[2]*s, and rise+s times the least t[1] and the greatest t[3] (no
// rise of -0 and no x of -0, which x never is, keep min's and max's
// choice between zeros; a finite x at the end keeps NaN out): two
// comparisons a glyph. Other objects take tightRect's way.
func (o *tobj) bounds(x float64, tb *textBounds) {
	s := o.fs / 1000
	fast := o.m[1] == 0 && o.m[2] == 0 && s > 0 && s <= math.MaxFloat64 && !math.IsInf(o.rise, 0) && !math.IsNaN(o.rise) &&
		!(o.rise == 0 && math.Signbit(o.rise)) && !math.IsInf(x, 0) && !math.IsNaN(x) && !tb.unordered
	switch {
	case o.nChar == 0:
	case fast:
		o.rect = o.m.rect(tb.tl, o.rise+tb.bot*s, tb.tr, o.rise+tb.top*s)
	default:
		o.rect = o.tightRect()
	}
	o.empty = math.Abs(o.rect[2]-o.rect[0]) < 0.01
	o.spread = o.nChar > 0 && spread(&o.m, o.rise, tb.first, tb.last, tb.minStep, o.limit)
}

// tightRect returns the bounds of the glyph boxes of o's characters
// (ci.tight placed at each), as PDFium's text object has them: zero for
// an object without characters.
func (o *tobj) tightRect() (rect [4]float64) {
	f, s := o.f, o.fs/1000
	upright := o.m[1] == 0 && o.m[2] == 0
	tl, tb, tr, tt := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	n := 0
	for _, it := range o.items {
		if it.c == kernCode {
			continue
		}
		g := &f.info(it.c).tight
		gl, gb, gr, gt := it.x+g[0]*s, o.rise+g[1]*s, it.x+g[2]*s, o.rise+g[3]*s
		n++
		if upright {
			tl, tb, tr, tt = min(tl, gl, gr), min(tb, gb, gt), max(tr, gl, gr), max(tt, gb, gt)
		} else if b := o.m.rect(gl, gb, gr, gt); n == 1 {
			rect = b
		} else {
			rect = [4]float64{min(rect[0], b[0]), min(rect[1], b[1]), max(rect[2], b[2]), max(rect[3], b[3])}
		}
	}
	if upright && n > 0 {
		rect = o.m.rect(tl, tb, tr, tt)
	}
	return rect
}

// spread reports whether no two characters of a text object with matrix m
// and rise are drawn within limit of each other in both x and y (process's
// test for a repeated character), from their origins' x in text space:
// increasing from first to last by at least step. Its margin of half a
// limit covers the rounding of the origins, which the bounds on the
// coordinates keep below a millionth of it.
func spread(m *Matrix, rise, first, last, step, limit float64) bool {
	if first == last {
		return true // one character
	}
	mx := max(math.Abs(m[0]), math.Abs(m[1]))
	size := mx*max(math.Abs(first), math.Abs(last)) + (math.Abs(m[2])+math.Abs(m[3]))*math.Abs(rise) + math.Abs(m[4]) + math.Abs(m[5])
	return step > 0 && step*mx >= 1.5*limit && size*1e-9 < limit
}

// tchar is one character of the text page (its fields ordered to pack:
// a page has thousands).
type tchar struct {
	box [4]float64
	x   float64 // the item's x in text space (see origin)
	obj *tobj
	r   rune
	// code is the character's code, kernCode for a generated space.
	code   uint32
	turn   int8
	gen    bool // generated by PDFium's rules (a space), not in the PDF
	hyphen bool
	piece  bool // part of a decomposed ligature
	atObj  bool // its origin is its object's (an /ActualText character)
}

// origin returns where c is drawn on the page: its object's origin, or
// its item's.
func (c *tchar) origin() (float64, float64) {
	if c.atObj {
		return c.obj.pos()
	}
	return c.obj.m.Apply(c.x, c.obj.rise)
}

// textPage follows PDFium's CPDF_TextPage: text objects are gathered per
// line (same baseline within a quarter of a character width) and sorted by
// x; a text object that repeats one of the five before it at about the same
// place is dropped (fake bold), as is a character repeating one of the
// seven before it; generated spaces are tracked because a real space that
// follows one is dropped; and a hyphen ending a line after a letter, when
// the next line starts with a letter or digit, becomes U+0002.
type textPage struct {
	disp   Matrix // page to display frame
	unrot  bool   // display matrix is a plain flip (no /Rotate)
	buf    []*tobj
	recent []*tobj
	prev   *tobj
	// out holds the page's characters: the closed lines', then from start
	// on the line being read (PDFium's temporary character list).
	out   []tchar
	start int
	// reshape: the line being read may hold a ligature or two spaces
	// in a row (see note), which closeLine changes; without, it has
	// nothing to look at.
	reshape bool
	scratch []tchar // closeLine's
}

func (tp *textPage) init(p *Page) {
	// The display frame of read.go's frame type: /Rotate applied, y down.
	l, b, r, t := p.Box[0], p.Box[1], p.Box[2], p.Box[3]
	w, h := r-l, t-b
	switch p.Rotate {
	case 1:
		tp.disp = Matrix{0, 1, 1, 0, -b, -l}
	case 2:
		tp.disp = Matrix{-1, 0, 0, 1, w + l, -b}
	case 3:
		tp.disp = Matrix{0, -1, -1, 0, h + b, w + l}
	default:
		tp.disp = Matrix{1, 0, 0, -1, -l, h + b}
		tp.unrot = true
	}
}

func itemWidth(o *tobj, it titem) float64 {
	if it.c == kernCode {
		return 0
	}
	return it.w
}

// sameAsRecent is PDFium's IsSameAsPreTextObject.
func (tp *textPage) sameAsRecent(o *tobj) bool {
	for i := len(tp.recent) - 1; i >= 0 && i >= len(tp.recent)-5; i-- {
		p := tp.recent[i]
		if o.empty || p.empty || p.fs != o.fs || len(p.items) != len(o.items) {
			continue
		}
		in := [4]float64{max(p.rect[0], o.rect[0]), max(p.rect[1], o.rect[1]), min(p.rect[2], o.rect[2]), min(p.rect[3], o.rect[3])}
		if in[0] >= in[2] || in[1] >= in[3] {
			continue
		}
		cw := o.rect[2] - o.rect[0]
		if math.Abs((in[2]-in[0])-cw) > cw/2 {
			continue
		}
		same := true
		for k := range p.items {
			if p.items[k].c != o.items[k].c {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		px, py := p.pos()
		ox, oy := o.pos()
		last := p.items[len(p.items)-1]
		maxSize := max(in[3]-in[1], in[2]-in[0], p.fs)
		if math.Abs(ox-px) <= 0.9*itemWidth(p, last)*p.fs/1000 && math.Abs(oy-py) <= maxSize/8 {
			return true
		}
	}
	return false
}

// add takes the next text object in content order.
func (tp *textPage) add(o *tobj) {
	defer func() {
		if len(tp.recent) == 5 {
			copy(tp.recent, tp.recent[1:])
			tp.recent = tp.recent[:4]
		}
		tp.recent = append(tp.recent, o)
	}()
	if o.empty {
		return
	}
	if len(tp.buf) == 0 {
		tp.buf = append(tp.buf, o)
		return
	}
	if tp.sameAsRecent(o) {
		return
	}
	prev := tp.buf[len(tp.buf)-1]
	pw := prev.m.transformDistance(math.Abs(itemWidth(prev, prev.items[len(prev.items)-1]) * prev.fs / 1000))
	tw := o.m.transformDistance(math.Abs(itemWidth(o, o.items[0]) * o.fs / 1000))
	threshold := max(pw, tw) / 4
	_, py := tp.disp.Apply(prev.pos())
	tx, ty := tp.disp.Apply(o.pos())
	if math.Abs(ty-py) > threshold*2 {
		for _, b := range tp.buf {
			tp.process(b)
		}
		tp.buf = append(tp.buf[:0], o)
		return
	}
	for i := len(tp.buf); i > 0; i-- {
		bx, _ := tp.disp.Apply(tp.buf[i-1].pos())
		if tx >= bx {
			tp.buf = slices.Insert(tp.buf, i, o)
			return
		}
	}
	tp.buf = slices.Insert(tp.buf, 0, o)
}

// finish processes what is buffered and closes the last line.
func (tp *textPage) finish() {
	for _, b := range tp.buf {
		tp.process(b)
	}
	tp.buf = tp.buf[:0]
	tp.closeLine()
}

func isHyphenCode(r rune) bool { return r == '-' || r == '\u00AD' }

func firstChar(o *tobj) titem {
	for _, it := range o.items {
		if it.c != kernCode {
			return it
		}
	}
	return o.items[0]
}

func firstRune(f *font, it titem) rune {
	if t := f.text(it.c); len(t) > 0 && it.c != kernCode {
		return t[0]
	}
	return rune(it.c)
}

func (tp *textPage) lastChar() *tchar {
	if n := len(tp.out); n > 0 {
		return &tp.out[n-1]
	}
	return nil
}

// isHyphen is PDFium's IsHyphen: the text so far ends (before spaces) with
// a hyphen after a letter, and cur is a letter or digit.
func (tp *textPage) isHyphen(cur rune) bool {
	cs := tp.out[tp.start:]
	if len(cs) == 0 {
		cs = tp.out
	}
	if len(cs) == 0 {
		return false
	}
	i := len(cs) - 1
	for i > 0 && cs[i].r == ' ' {
		i--
	}
	if !isHyphenCode(cs[i].r) {
		return false
	}
	if i > 0 && unicode.IsLetter(cs[i-1].r) && (unicode.IsLetter(cur) || unicode.IsDigit(cur)) {
		return true
	}
	p := tp.lastChar()
	return p != nil && p.piece && isHyphenCode(p.r)
}

type gen int

const (
	genNone gen = iota
	genSpace
	genBreak
	genHyphen
)

// insert is PDFium's ProcessInsertObject for horizontal text: what comes
// between the previous text object and o.
func (tp *textPage) insert(o *tobj) gen {
	if p := tp.lastChar(); p != nil && p.obj != nil {
		tp.prev = p.obj
	}
	prev := tp.prev
	if len(prev.items) == 0 {
		return genNone
	}
	pItem, item := prev.items[len(prev.items)-1], o.items[0]
	cur := firstRune(o.f, item)
	lineEnd := func() gen {
		if tp.isHyphen(cur) {
			return genHyphen
		}
		return genBreak
	}
	lastW := math.Abs(itemWidth(prev, pItem) * prev.fs / 1000)
	thisW := math.Abs(itemWidth(o, item) * o.fs / 1000)
	threshold := max(lastW, thisW) / 4
	rev := prev.m.inverse()
	px, py := rev.Apply(o.pos())
	if lastW < thisW {
		threshold = rev.transformDistance(threshold)
	}
	newline := (prev.empty && prev.rect[3]-prev.rect[1] > 5) ||
		((py > threshold*2 || py < threshold*-3) && (math.Abs(py) >= 1 || math.Abs(py) > math.Abs(px)))
	if newline && len(prev.items) > 1 && tp.unrot && prev.m[1] < 0.1 && prev.m[2] < 0.1 {
		ox, oy := o.pos()
		qx, qy := prev.pos()
		if ox >= 0 && ox <= 1000 && oy >= prev.rect[1] && oy <= prev.rect[3] {
			newline = false
		} else if qx >= 0 && qx <= 1000 && qy >= o.rect[1] && qy <= o.rect[3] {
			newline = false
		}
	}
	if newline {
		return lineEnd()
	}
	if o.nChar == 1 && isHyphenCode(cur) && tp.isHyphen(cur) {
		return genHyphen
	}
	if cur == ' ' {
		return genNone
	}
	if t := prev.f.text(pItem.c); len(t) > 0 && t[len(t)-1] == ' ' && pItem.c != kernCode {
		return genNone
	}
	nLast, nThis := itemWidth(prev, pItem), itemWidth(o, item)
	t2 := normalizeThreshold(max(nLast, nThis), 400, 700, 800)
	if nLast >= nThis {
		t2 *= math.Abs(prev.fs)
	} else {
		t2 *= math.Abs(o.fs)
		t2 = o.m.transformDistance(t2)
		t2 = rev.transformDistance(t2)
	}
	t2 /= 1000
	if (t2 < 1.4881 && t2 > 1.4879) || (t2 < 1.39001 && t2 > 1.38999) {
		t2 *= 1.5
	}
	if generateSpace(px, pItem.x, thisW, lastW, t2) {
		return genSpace
	}
	return genNone
}

func normalizeThreshold(t float64, t1, t2, t3 float64) float64 {
	switch {
	case t < t1:
		return t / 2
	case t < t2:
		return t / 4
	case t < t3:
		return t / 5
	}
	return t / 6
}

func generateSpace(x, lastPos, thisW, lastW, threshold float64) bool {
	if math.Abs(lastPos+lastW-x) <= threshold {
		return false
	}
	tp := threshold + lastW
	d := x - lastPos
	if math.Abs(d) > tp {
		return true
	}
	if x < 0 && -tp > d {
		return true
	}
	return d > thisW+lastW
}

// process is PDFium's ProcessTextObject for one object in line order.
func (tp *textPage) process(o *tobj) {
	if o.empty {
		return
	}
	mc := tp.preMarked(o)
	if mc == mcDone {
		tp.prev = o
		return
	}
	if tp.prev != nil {
		switch tp.insert(o) {
		case genSpace:
			tp.note(' ')
			tp.out = append(tp.out, tchar{r: ' ', gen: true, code: kernCode, obj: nil})
		case genBreak:
			tp.closeLine()
		case genHyphen:
			if o.nChar == 1 && isHyphenCode(firstRune(o.f, firstChar(o))) {
				return
			}
			for len(tp.out) > tp.start && tp.out[len(tp.out)-1].r == ' ' {
				tp.out = tp.out[:len(tp.out)-1]
			}
			if n := len(tp.out); n > tp.start {
				tp.out[n-1].r, tp.out[n-1].hyphen = '\u0002', true
			}
		}
	}
	tp.prev = o
	if mc == mcDelay {
		tp.actualText(o)
		return
	}
	f := o.f
	fsh := o.fs
	base := baseSpace(o)
	spacing := 0.0
	turn := int8(int(math.Round(math.Atan2(o.m[1], o.m[0])/(math.Pi/2))) & 3)
	limit := o.limit // how near a repeated character is drawn
	tcSpace := 0.0   // the character spacing along the line
	if o.tc > 0.001 {
		tcSpace = o.m.transformDistance(o.tc)
	} else if o.tc < -0.001 {
		tcSpace = -o.m.transformDistance(-o.tc)
	}
	lb := looseBoxes(o)
	// Half the space's width, unless it is wider than a third of the size.
	spaceThreshold := 0.0
	if f.spaceW > 0 {
		spaceThreshold = fsh * f.spaceW / 1000
	}
	if spaceThreshold > fsh/3 {
		spaceThreshold = 0
	} else {
		spaceThreshold /= 2
	}
	// o's characters go from own on in tp.out (or from before it, when a
	// space was dropped): a repeat is looked for among them only when o
	// is not spread.
	own, spread := len(tp.out), o.spread
	for i, it := range o.items {
		if it.c == kernCode {
			last := tp.lastChar()
			if last == nil || last.r == ' ' {
				continue
			}
			spacing = -fsh * it.w / 1000
			continue
		}
		spacing += tcSpace
		spacing -= base
		if spacing != 0 && i > 0 {
			threshold := spaceThreshold
			if threshold == 0 {
				threshold = normalizeThreshold(it.w, 300, 500, 700) * fsh / 1000
			}
			if threshold != 0 && spacing >= threshold {
				tp.note(' ')
				tp.out = append(tp.out, tchar{r: ' ', gen: true, code: kernCode, obj: o})
			}
		}
		spacing = 0
		// PDFium looks at the seven characters before (none when they
		// are all o's own and o is spread).
		dup := false
		if k := len(tp.out) - 1; !(spread && k >= own) {
			for lo := max(tp.start, len(tp.out)-7); k >= lo && !(spread && k >= own); k-- {
				if c := &tp.out[k]; c.code == it.c && c.obj != nil && c.obj.f == f {
					ox, oy := o.m.Apply(it.x, o.rise)
					if cx, cy := c.origin(); math.Abs(cx-ox) < limit && math.Abs(cy-oy) < limit {
						dup = true
						break
					}
				}
			}
		}
		if dup {
			if i == 0 && len(tp.out) > tp.start && tp.out[len(tp.out)-1].r == ' ' {
				tp.out = tp.out[:len(tp.out)-1]
			}
			continue
		}
		ci := &f.one[uint8(it.c)] // f.info(it.c), which show looked up
		if f.twoByte || !ci.done {
			ci = f.info(it.c)
		}
		// The box's corners are kept in four variables, not an array,
		// and written into the character in place: an array would be
		// zeroed and copied twice on the way.
		var b0, b1, b2, b3 float64
		if e, s := &ci.loose, lb.s; lb.scaled && lb.upright { // box's way, inlined
			l, b, r, t := it.x+e[0]*s, o.rise+e[1]*s, it.x+e[2]*s, o.rise+e[3]*s
			if l <= r && b <= t {
				m := &o.m
				b0, b1, b2, b3 = m[0]*l+m[4], m[3]*b+m[5], m[0]*r+m[4], m[3]*t+m[5]
			} else {
				box := o.m.rect(l, b, r, t)
				b0, b1, b2, b3 = box[0], box[1], box[2], box[3]
			}
		} else {
			box := lb.box(o, it, ci)
			b0, b1, b2, b3 = box[0], box[1], box[2], box[3]
		}
		if len(ci.text) == 1 {
			r := ci.text[0]
			if r == ' ' || r >= 0xFB00 {
				tp.note(r)
			}
			// Written in place, every field (TestTcharFields counts
			// them): append would build the character and copy it.
			n := len(tp.out)
			if n == cap(tp.out) {
				tp.out = slices.Grow(tp.out, 1)
			}
			tp.out = tp.out[:n+1]
			c := &tp.out[n]
			c.box = [4]float64{b0, b1, b2, b3}
			c.x, c.obj, c.r, c.code, c.turn = it.x, o, r, it.c, turn
			c.gen, c.hyphen, c.piece, c.atObj = false, false, false, false
			continue
		}
		box := [4]float64{b0, b1, b2, b3}
		for _, r := range ci.text {
			tp.note(r)
			tp.out = append(tp.out, tchar{r: r, box: box, turn: turn, code: it.c, obj: o, x: it.x})
		}
	}
}

// looseBoxer gives the boxes PDFium's FPDFText_GetLooseCharBox gives
// the characters of one text object: from the origin to the advance,
// from the font's descent to its ascent, grown to the glyph's outline
// where that reaches further.
type looseBoxer struct {
	s float64 // the font size over 1000
	// scaled: s is positive and finite, so that the code's loose
	// extent scaled is the box (x+a*s grows with a, and x+0*s is x).
	scaled bool
	// upright: o.m has no rotation or skew, positive scales and no
	// zero translation: it maps a box with ordered corners to one with
	// ordered corners, which are Matrix.rect's without its min and max
	// (a sum with a non-zero translation is never -0).
	upright bool
}

func looseBoxes(o *tobj) looseBoxer {
	s := o.fs / 1000
	m := &o.m
	return looseBoxer{s: s, scaled: s > 0 && s <= math.MaxFloat64,
		upright: m[1] == 0 && m[2] == 0 && m[0] > 0 && m[3] > 0 && m[4] != 0 && m[5] != 0 &&
			m[0] <= math.MaxFloat64 && m[3] <= math.MaxFloat64 && !math.IsInf(m[4], 0) && !math.IsInf(m[5], 0) && !math.IsNaN(m[4]) && !math.IsNaN(m[5])}
}

// box returns the box of o's item it, whose code's information is ci.
func (lb looseBoxer) box(o *tobj, it titem, ci *codeInfo) [4]float64 {
	s := lb.s
	if lb.scaled {
		e := &ci.loose
		l, b, r, t := it.x+e[0]*s, o.rise+e[1]*s, it.x+e[2]*s, o.rise+e[3]*s
		if lb.upright && l <= r && b <= t {
			m := &o.m
			return [4]float64{m[0]*l + m[4], m[3]*b + m[5], m[0]*r + m[4], m[3]*t + m[5]}
		}
		return o.m.rect(l, b, r, t)
	}
	f := o.f
	l, b, r, t := it.x, o.rise+f.descnt*s, it.x+it.w*s, o.rise+f.ascent*s
	if g, ok := f.glyphBox(it.c); ok {
		l, b, r, t = min(l, it.x+g[0]*s), min(b, o.rise+g[1]*s), max(r, it.x+g[2]*s), max(t, o.rise+g[3]*s)
	}
	return o.m.rect(l, b, r, t)
}

// baseSpace is PDFium's CalculateBaseSpace.
func baseSpace(o *tobj) float64 {
	if o.tc == 0 || len(o.items) < 3 {
		return 0
	}
	spacing := o.m.transformDistance(o.tc)
	base := spacing
	allChar := true
	for _, it := range o.items {
		if it.c == kernCode {
			base = min(base, -o.fs*it.w/1000+spacing)
			allChar = false
		}
	}
	if base < 0 || (len(o.items) == 3 && !allChar) {
		return 0
	}
	return base
}

// note sets reshape when r, about to be appended to the line, is a
// ligature or a space after a space. Only appends make these (pops take
// characters from the end, and a hyphen becomes U+0002).
func (tp *textPage) note(r rune) {
	if r >= 0xFB00 && r <= 0xFB06 || r == ' ' && len(tp.out) > tp.start && tp.out[len(tp.out)-1].r == ' ' {
		tp.reshape = true
	}
}

// closeLine is PDFium's CloseTempLine for left-to-right text: runs of
// spaces shrink to their first, and ligatures U+FB00–FB06 become their
// letters, each with an equal part of the ligature's box along the line,
// as PDFium gives them: letters that shared one box would look like a
// glyph drawn twice (fake bold) and lose one ("şəﬀaflığın" read
// "şəfaflığın").
func (tp *textPage) closeLine() {
	if !tp.reshape {
		tp.start = len(tp.out)
		return
	}
	tp.reshape = false
	line := tp.out[tp.start:]
	k := 0 // the characters before k stay as they are
	for ; k < len(line); k++ {
		if r := line[k].r; r >= 0xFB00 && r <= 0xFB06 || r == ' ' && k > 0 && line[k-1].r == ' ' {
			break
		}
	}
	if k == len(line) {
		tp.start = len(tp.out)
		return
	}
	prevSpace := k > 0 && line[k-1].r == ' '
	tp.scratch = append(tp.scratch[:0], line[k:]...)
	tp.out = tp.out[:tp.start+k]
	for _, c := range tp.scratch {
		if c.r == ' ' {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		if c.r >= 0xFB00 && c.r <= 0xFB06 {
			letters := []rune(ligatures[c.r])
			// The baseline runs along x (turns 0 and 2) or y (1 and 3),
			// backwards for turns 2 and 3.
			axis, n := c.turn&1, float64(len(letters))
			step := (c.box[axis+2] - c.box[axis]) / n
			for k, r := range letters {
				at := float64(k)
				if c.turn >= 2 {
					at = n - 1 - at
				}
				p := c
				p.r, p.piece = r, true
				p.box[axis] = c.box[axis] + at*step
				p.box[axis+2] = p.box[axis] + step
				tp.out = append(tp.out, p)
			}
			continue
		}
		tp.out = append(tp.out, c)
	}
	tp.start = len(tp.out)
}

var ligatures = map[rune]string{
	'\uFB00': "ff", '\uFB01': "fi", '\uFB02': "fl", '\uFB03': "ffi",
	'\uFB04': "ffl", '\uFB05': "st", '\uFB06': "st",
}

// mark is an open marked-content sequence (BMC or BDC).
type mark struct {
	props     bool   // has a property list (BDC)
	hasActual bool   // the properties have /ActualText
	actual    []rune // its text
}

// Marked-content states of PDFium's PreMarkedContent.
const (
	mcPass  = iota // read the glyphs
	mcDone         // skip the object: its /ActualText was given already, or is blank
	mcDelay        // read the /ActualText instead of the glyphs
)

// lastProps returns the innermost mark's property list, nil if none.
func lastProps(ms []*mark) *mark {
	if n := len(ms); n > 0 && ms[n-1].props {
		return ms[n-1]
	}
	return nil
}

// preMarked is PDFium's PreMarkedContent: whether o's glyphs or the
// /ActualText of the marked content around it are read.
func (tp *textPage) preMarked(o *tobj) int {
	n := len(o.marks)
	if n == 0 {
		return mcPass
	}
	var act []rune
	exist := false
	for _, m := range o.marks {
		if m.props && m.hasActual {
			exist, act = true, m.actual
		}
	}
	if !exist {
		return mcPass
	}
	props := lastProps(o.marks)
	if tp.prev != nil && len(tp.prev.marks) == n && lastProps(tp.prev.marks) == props {
		return mcDone
	}
	if len(act) == 0 {
		return mcPass
	}
	encodable := false
	for _, r := range act {
		if _, ok := o.f.codeOf(r); ok {
			encodable = true
			break
		}
	}
	if !encodable {
		return mcPass
	}
	for _, r := range act {
		if (r > 0x80 && r < 0xFFFD) || (r <= 0x80 && isPrint(r)) {
			return mcDelay
		}
	}
	return mcDone
}

func isPrint(r rune) bool { return r >= 0x20 && r < 0x7F }

// actualText is PDFium's ProcessMarkedContent for left-to-right text: the
// /ActualText characters take o's place, each with an equal slice of o's
// box, left to right.
func (tp *textPage) actualText(o *tobj) {
	var act []rune
	for _, m := range o.marks {
		if m.props {
			act = m.actual
		}
	}
	if len(act) == 0 {
		return
	}
	step := (o.rect[2] - o.rect[0]) / float64(len(act))
	turn := int8(int(math.Round(math.Atan2(o.m[1], o.m[0])/(math.Pi/2))) & 3)
	for k, r := range act {
		if r <= 0x80 && !isPrint(r) {
			r = ' '
		}
		if r >= 0xFFFD {
			continue
		}
		c, ok := o.f.codeOf(r)
		if !ok {
			c = kernCode
		}
		box := [4]float64{o.rect[0] + float64(k)*step, o.rect[1], o.rect[0] + float64(k+1)*step, o.rect[3]}
		tp.note(r)
		tp.out = append(tp.out, tchar{r: r, box: box, turn: turn, piece: true, code: c, obj: o, atObj: true})
	}
}
