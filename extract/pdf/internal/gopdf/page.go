package gopdf

import (
	"fmt"
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Page is one page's text and painted paths in PDF user space (page
// coordinates, before /Rotate).
type Page struct {
	// Box is the crop box clipped to the media box: left, bottom, right,
	// top.
	Box [4]float64
	// Rotate is /Rotate in quarter turns clockwise, 0 to 3.
	Rotate int
	// Paths are the painted, non-white paths not hidden by a clip.
	Paths []Path
	// Blank reports a page that paints nothing: no text, path, image,
	// shading or form XObject, as a page without page objects in PDFium.
	// There is nothing on it to recognise by OCR.
	Blank bool
	// chars is the text page's characters, the generated ones included.
	chars []tchar
}

// Chars is the number of characters Char reads.
func (p *Page) Chars() int { return len(p.chars) }

// Char returns the page's character i (0 <= i < Chars()) in the order of
// PDFium's text page; the direction of its baseline in quarter turns
// counter-clockwise (0 upright, 1 reading upwards), rounded; and its loose
// box: from its origin to its advance along the baseline, from the font's
// descent to its ascent; left, bottom, right, top, normalised (unless one
// is NaN). ok is false for the
// characters PDFium generates (spaces and line breaks), which are no
// glyphs; a hyphen that PDFium judges to end a line inside a word is
// U+0002. Valid until the next call of Doc.Page.
//
// Reading the text page in place, rather than a copy of its glyphs,
// saves a pass over them: the caller maps each box to its own frame as
// it reads it.
func (p *Page) Char(i int) (r rune, turn int, box *[4]float64, ok bool) {
	c := &p.chars[i]
	return c.r, int(c.turn), &c.box, !(c.gen || c.r == '\r' || c.r == '\n')
}

// Path is one painted path: its bounds (with the line width around a
// stroked path, as PDFium's object bounds have) and its points.
type Path struct {
	X0, Y0, X1, Y1 float64
	Stroked        bool
	Segs           []Seg
}

// Seg is one path point: a move (Line false) or a straight line to it;
// Close draws back to the subpath's start after it. Curves are kept as
// lines to their end points: they are never axis-aligned rules unless
// flat.
type Seg struct {
	X, Y        float64
	Line, Close bool
}

// maxOps bounds the operators interpreted on one page, forms included:
// hostile streams cost time, not memory.
const maxOps = 2_000_000

// leaf is one place in the page tree's list of pages: the page object
// (nil for a kid that is not a dictionary) and its reference, if indirect.
type leaf struct {
	d   types.Dict
	ref *types.IndirectRef
}

// maxTreeDepth bounds the nesting of page tree nodes, as PDFium's (1024):
// a deeper tree is hostile, and its remaining pages are not found.
const maxTreeDepth = 1024

// pageTree lists at most n pages of the page tree under root in the order
// PDFium finds them (CPDF_Document::TraversePDFPages), so that the Go
// reader's page i is PDFium's: a kid with /Kids is a node, whatever its
// /Type; any other kid is a page, whatever its /Type (Page checks it); a
// kid that is not a dictionary holds its page's place; a kid that is its
// own parent is passed over; a root without /Kids is the one page. pdfcpu
// counts only kids typed /Page and skips subtrees by their /Count, which
// would number the pages after a damaged or untyped kid, or a wrong
// /Count, otherwise than PDFium, and put their text on other pages. A
// node met again (a cycle) or nested deeper than maxTreeDepth ends the
// list: the pages after it are not found.
func (r *reader) pageTree(root types.IndirectRef, n int) []leaf {
	d := r.dict(root)
	if d == nil || n <= 0 {
		return nil
	}
	if _, ok := d["Kids"]; !ok {
		return []leaf{{d, &root}}
	}
	var pages []leaf
	seen := map[types.IndirectRef]bool{root: true}
	var walk func(node types.Dict, self *types.IndirectRef, depth int) bool
	walk = func(node types.Dict, self *types.IndirectRef, depth int) bool {
		if depth > maxTreeDepth {
			return false
		}
		for _, k := range r.array(node["Kids"]) {
			if len(pages) == n {
				return false
			}
			var ref *types.IndirectRef
			if v, ok := k.(types.IndirectRef); ok {
				ref = &v
			}
			kid := r.dict(k)
			_, isNode := kid["Kids"]
			switch {
			case ref != nil && self != nil && *ref == *self:
				// its own parent: passed over
			case kid == nil:
				pages = append(pages, leaf{})
			case !isNode:
				pages = append(pages, leaf{kid, ref})
			case ref != nil && seen[*ref]:
				return false // a cycle
			default:
				if ref != nil {
					seen[*ref] = true
				}
				if !walk(kid, ref, depth+1) {
					return false
				}
			}
		}
		return true
	}
	walk(d, &root, 1)
	r.taint = "" // Page checks the objects each page reads
	return pages
}

// inherited returns the value of page attribute key of page object pd:
// its own, else the nearest of its /Parent chain's (PDFium's
// CPDF_Page::GetPageAttr); nil when none has it.
func (r *reader) inherited(pd types.Dict, key string) types.Object {
	for range maxTreeDepth {
		if pd == nil {
			return nil
		}
		if v := r.deref(pd[key]); v != nil {
			return v
		}
		pd = r.dict(pd["Parent"])
	}
	return nil
}

// Page reads page i (0-based). Errors: *Decline for a page left to PDFium,
// or a parse error.
func (d *Doc) Page(i int) (*Page, error) {
	r := d.r
	r.taint = ""
	if i < 0 || i >= len(d.pages) || d.pages[i].d == nil {
		return nil, decline("page %d not in the page tree", i+1)
	}
	pd := d.pages[i].d
	if ref := d.pages[i].ref; ref != nil {
		r.check(*ref)
	}
	// A page object typed other than /Page (a damaged one, or a node
	// without kids) PDFium does not load; one without /Type it does.
	if t, ok := pd["Type"]; ok && r.deref(t) != types.Name("Page") {
		return nil, decline("page %d: the object of its place in the page tree is a %v, not a page", i+1, t)
	}
	p := &Page{Box: [4]float64{0, 0, 612, 792}}
	if m, ok := r.rect(r.inherited(pd, "MediaBox")); ok {
		p.Box = m
	}
	if c, ok := r.rect(r.inherited(pd, "CropBox")); ok {
		cb := [4]float64{math.Max(p.Box[0], c[0]), math.Max(p.Box[1], c[1]), math.Min(p.Box[2], c[2]), math.Min(p.Box[3], c[3])}
		if cb[0] < cb[2] && cb[1] < cb[3] {
			p.Box = cb
		}
	}
	rot := r.int(r.inherited(pd, "Rotate"), 0)
	p.Rotate = ((rot/90)%4 + 4) % 4
	res := r.dict(r.inherited(pd, "Resources"))
	in := d.in
	in.reset(r, p)
	content, err := r.contents(pd["Contents"], in.content[:0])
	in.content = content
	if err != nil {
		return nil, err
	}
	if err := in.run(content, res, 0); err != nil {
		return nil, err
	}
	if r.taint != "" {
		return nil, decline("%s", r.taint)
	}
	in.tp.finish()
	p.chars = in.tp.out
	p.Blank = !in.painted
	return p, nil
}

// contents appends a page's content streams, joined by line breaks, to
// dst. A page without /Contents is empty; one whose /Contents names
// something that cannot be read (a reference the damaged file lost, or
// one to null) is an error, so that the page is declined and read by
// PDFium, which may repair it, instead of read as blank.
func (r *reader) contents(o types.Object, dst []byte) ([]byte, error) {
	target := r.deref(o)
	switch v := target.(type) {
	case nil:
		if o != nil {
			return dst, decline("content stream %v not found", o)
		}
		return dst, nil
	case types.Array:
		for _, s := range v {
			var err error
			if dst, err = r.content(s, dst); err != nil {
				return dst, err
			}
			dst = append(dst, '\n')
		}
		return dst, nil
	case types.StreamDict:
		return r.content(o, dst)
	}
	return dst, fmt.Errorf("/Contents is a %T, not a stream", target)
}

// content appends the decoded data of content stream o to dst.
func (r *reader) content(o types.Object, dst []byte) ([]byte, error) {
	sd, err := r.streamDict(o)
	if err == nil {
		dst, err = decode(sd, dst)
	}
	if _, ok := err.(*Decline); err != nil && !ok {
		err = fmt.Errorf("content stream: %w", err)
	}
	return dst, err
}

// actualText returns the /ActualText of a property list.
func (r *reader) actualText(d types.Dict) ([]byte, bool) {
	switch v := r.deref(d["ActualText"]).(type) {
	case types.StringLiteral:
		b, err := types.Unescape(string(v))
		return b, err == nil
	case types.HexLiteral:
		b, err := v.Bytes()
		return b, err == nil
	}
	return nil, false
}

// textString decodes a PDF text string: UTF-16BE with a byte-order mark,
// else PDFDocEncoding (read as Latin-1, which it is for letters).
func textString(b []byte) []rune {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		return utf16Runes(b[2:])
	}
	out := make([]rune, len(b))
	for i, c := range b {
		out[i] = rune(c)
	}
	return out
}
