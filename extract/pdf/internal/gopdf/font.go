package gopdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/encoding/charmap"
)

// font is what the interpreter needs of a PDF font: how to split a string
// into codes, each code's Unicode text and advance, and the ascent and
// descent of its glyph boxes. A font the Go reader cannot map with
// certainty has a decline reason instead, and a page that shows text in it
// goes to PDFium.
type font struct {
	twoByte bool // Identity-H: two-byte codes
	// simple fonts: per code
	width  [256]float64 // glyph space (1/1000 em)
	hasW   [256]bool
	enc    [256]rune // base encoding with /Differences; 0 unknown
	missW  float64   // MissingWidth
	std14  string    // a standard-14 font without /Widths
	cidW   map[uint32]float64
	dw     float64
	toUni  map[uint32][]rune
	ascent float64 // glyph space, as PDFium reads FontDescriptor (integers)
	descnt float64
	spaceW float64 // width of the space code, 0 if none
	// tt is the embedded TrueType program, for glyph outline boxes;
	// cidToGID maps CIDs to its glyphs (nil: identity).
	tt       *ttFont
	cidToGID []byte
	boxes    map[uint32]glyphBox // glyphBox's answers for two-byte codes
	// one holds what is known of each one-byte code once info has
	// looked it up; many the same for two-byte codes.
	one  [256]codeInfo
	many map[uint32]*codeInfo

	// decline, when not "", says why the Go reader cannot use this font.
	decline string
}

// advance returns the horizontal advance of c in glyph space, and whether
// the width is known.
func (f *font) advance(c uint32) (float64, bool) {
	if f.twoByte {
		if w, ok := f.cidW[c]; ok {
			return w, true
		}
		return f.dw, true
	}
	if c > 255 {
		return 0, false
	}
	if f.hasW[c] {
		return f.width[c], true
	}
	if f.std14 != "" {
		w, err := pdffont.CharWidth(f.std14, rune(c))
		return float64(w), err == nil
	}
	return f.missW, f.missW > 0
}

// codeInfo is what showing a code needs of the font, looked up once per
// code: a page shows the same few hundred codes thousands of times.
type codeInfo struct {
	text []rune  // text(c)
	w    float64 // advance(c)
	// tight is the box PDFium's text object takes for the glyph, in
	// glyph space with its origin at the glyph's: its outline (zero for
	// an empty glyph) when the font embeds a TrueType program, else from
	// 0 to the advance and from the descent to the ascent. ordered
	// reports tight[0] <= tight[2] and tight[1] <= tight[3].
	tight   [4]float64
	ordered bool
	// loose is looseExtent's answer.
	loose [4]float64
	fault fault // why c cannot be shown, 0 when it can
	done  bool
}

// fault is why the Go reader cannot show a code.
type fault uint8

const (
	faultNone    fault = iota
	faultNoWidth       // the font gives no advance
	faultNoText        // no Unicode mapping
	faultRTL           // right-to-left text
)

// err returns the decline for code c with fault x.
func (x fault) err(c uint32) error {
	switch x {
	case faultNoWidth:
		return decline("no width for code %d", c)
	case faultNoText:
		return decline("code %d has no Unicode mapping", c)
	}
	return decline("right-to-left text")
}

// info returns what is known of code c. It must be called only once the
// font is loaded (its metrics are final). Callers on every glyph take
// f.one[c] themselves when it is done, as info does first.
func (f *font) info(c uint32) *codeInfo {
	var ci *codeInfo
	if !f.twoByte && c < 256 {
		ci = &f.one[c]
		if ci.done {
			return ci
		}
	} else {
		if ci = f.many[c]; ci != nil {
			return ci
		}
		if f.many == nil {
			f.many = map[uint32]*codeInfo{}
		}
		ci = new(codeInfo)
		f.many[c] = ci
	}
	ci.done = true
	ci.text = f.lookupText(c)
	var ok bool
	ci.w, ok = f.advance(c)
	switch {
	case !ok:
		ci.fault = faultNoWidth
	case ci.text == nil:
		ci.fault = faultNoText
	}
	for _, r := range ci.text {
		if r >= 0x0590 && r < 0x0800 && ci.fault == faultNone {
			ci.fault = faultRTL // Hebrew, Arabic, Syriac, Thaana, NKo
		}
	}
	if f.tt != nil {
		ci.tight, _ = f.glyphBox(c)
	} else {
		ci.tight = [4]float64{0, f.descnt, ci.w, f.ascent}
	}
	ci.ordered = ci.tight[0] <= ci.tight[2] && ci.tight[1] <= ci.tight[3]
	ci.loose = f.looseExtent(c, ci.w)
	return ci
}

// text returns the Unicode text of c, or nil when the font does not say.
func (f *font) text(c uint32) []rune { return f.info(c).text }

// lookupText is text without the cache.
func (f *font) lookupText(c uint32) []rune {
	if r, ok := f.toUni[c]; ok {
		return r
	}
	if !f.twoByte && c < 256 && f.enc[c] != 0 {
		return []rune{f.enc[c]}
	}
	return nil
}

// codeOf returns the lowest code whose text is exactly r, as PDFium's
// CharCodeFromUnicode finds it through ToUnicode (or the encoding).
func (f *font) codeOf(r rune) (uint32, bool) {
	best, found := uint32(0), false
	for c, t := range f.toUni {
		if len(t) == 1 && t[0] == r && (!found || c < best) {
			best, found = c, true
		}
	}
	if found || f.twoByte {
		return best, found
	}
	for c, u := range f.enc {
		if u == r {
			return uint32(c), true
		}
	}
	return 0, false
}

// loadFont reads font dictionary d.
func (r *reader) loadFont(d types.Dict) *font {
	f := &font{}
	sub := name(d, "Subtype")
	switch sub {
	case "Type1", "MMType1", "TrueType":
	case "Type0":
		r.loadType0(f, d)
		return f
	case "Type3":
		f.decline = "Type3 font"
		return f
	default:
		f.decline = fmt.Sprintf("font subtype %q", sub)
		return f
	}
	base := strings.TrimPrefix(name(d, "BaseFont"), "")
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[i+1:]
	}
	fd := r.dict(d["FontDescriptor"])
	first := r.int(d["FirstChar"], 0)
	widths := r.array(d["Widths"])
	for i, o := range widths {
		c := first + i
		if c < 0 || c > 255 {
			continue
		}
		w, ok := r.num(o)
		if ok {
			f.width[c], f.hasW[c] = pdfInt(w), true
		}
	}
	if len(widths) == 0 {
		if std := standard14(base); std != "" && fd == nil {
			f.std14 = std
		} else {
			f.decline = "simple font without /Widths"
			return f
		}
	}
	symbolic := false
	if fd != nil {
		f.missW, _ = r.num(fd["MissingWidth"])
		flags := r.int(fd["Flags"], 0)
		symbolic = flags&4 != 0
		r.metrics(f, fd)
		r.loadProgram(f, fd)
		if f.decline != "" {
			return f
		}
		if f.ascent == 0 && f.descnt == 0 && sub == "TrueType" {
			r.ttfMetrics(f, fd)
		}
	} else if f.std14 != "" {
		f.ascent, f.descnt = std14Metrics(f.std14)
	}
	if f.ascent == f.descnt {
		f.decline = "font without ascent and descent"
		return f
	}
	if tu := d["ToUnicode"]; tu != nil {
		if err := r.toUnicode(f, tu); err != nil {
			f.decline = err.Error()
			return f
		}
	}
	if err := r.encoding(f, d["Encoding"], base); err != nil && f.toUni == nil {
		f.decline = err.Error()
		return f
	}
	if symbolic && f.toUni == nil && f.std14 == "" {
		f.decline = "symbolic font without ToUnicode"
		return f
	}
	if w, ok := f.advance(32); ok && f.text(32) != nil && string(f.text(32)) == " " {
		f.spaceW = w
	}
	return f
}

// pdfInt is a number read as PDFium reads widths: an integer.
func pdfInt(v float64) float64 { return math.Trunc(v) }

// metrics reads ascent and descent from a font descriptor as PDFium does:
// integers, truncated.
func (r *reader) metrics(f *font, fd types.Dict) {
	a, _ := r.num(fd["Ascent"])
	d, _ := r.num(fd["Descent"])
	f.ascent, f.descnt = float64(int(a)), float64(int(d))
}

// ttfMetrics sets the ascent and descent of a TrueType font whose
// descriptor has none as PDFium does: the top of the glyph for code 65
// ("A") and the bottom of the one for code 103 ("g") in the embedded
// program, or the font box where those glyphs are missing (as in subsets).
func (r *reader) ttfMetrics(f *font, fd types.Dict) {
	bb, ok := r.rect(fd["FontBBox"])
	if !ok || bb == [4]float64{} {
		return // PDFium measures the font program itself: decline
	}
	f.ascent, f.descnt = float64(int(bb[3])), float64(int(bb[1]))
	if b, ok := f.glyphBox('A'); ok {
		f.ascent = b[3]
	}
	if b, ok := f.glyphBox('g'); ok {
		f.descnt = b[1]
	}
}

// glyphBox is an outline box in glyph space; ok is false for none.
type glyphBox struct {
	b  [4]float64
	ok bool
}

// glyphBox returns the outline box of code c's glyph in glyph space, when
// the font embeds a TrueType program.
func (f *font) glyphBox(c uint32) ([4]float64, bool) {
	if f.tt == nil {
		return [4]float64{}, false
	}
	if !f.twoByte && c < 256 {
		return f.outlineBox(c) // info keeps the answer
	}
	if g, ok := f.boxes[c]; ok {
		return g.b, g.ok
	}
	b, ok := f.outlineBox(c)
	if f.boxes == nil {
		f.boxes = map[uint32]glyphBox{}
	}
	f.boxes[c] = glyphBox{b, ok}
	return b, ok
}

// looseExtent returns the loose box of code c, whose advance is
// w, in glyph space with its origin at the glyph's: from 0 to the
// advance and from the descent to the ascent, grown to the glyph's
// outline where that reaches further. info keeps the answer.
func (f *font) looseExtent(c uint32, w float64) [4]float64 {
	e := [4]float64{0, f.descnt, w, f.ascent}
	if g, ok := f.glyphBox(c); ok {
		e = [4]float64{min(e[0], g[0]), min(e[1], g[1]), max(e[2], g[2]), max(e[3], g[3])}
	}
	return e
}

// outlineBox looks up code c's glyph box in the program.
func (f *font) outlineBox(c uint32) ([4]float64, bool) {
	gid := 0
	if f.twoByte {
		gid = int(c)
		if f.cidToGID != nil {
			if 2*int(c)+1 >= len(f.cidToGID) {
				return [4]float64{}, false
			}
			gid = int(f.cidToGID[2*c])<<8 | int(f.cidToGID[2*c+1])
		}
	} else {
		gid = f.tt.glyphForCode(c)
	}
	return f.tt.box(gid)
}

// loadProgram reads the TrueType program embedded by descriptor fd. A
// program that is there but unreadable or damaged declines the font:
// PDFium may read more or less of a damaged stream (a deflate stream that
// breaks off or fails its checksum), and its glyph boxes come from the
// program.
func (r *reader) loadProgram(f *font, fd types.Dict) {
	o := fd["FontFile2"]
	if o == nil {
		return
	}
	data, err := r.intactStream(o)
	if err == nil {
		f.tt = parseTTF(data)
	}
	if f.tt == nil {
		f.decline = "embedded TrueType program unreadable"
	}
}

// loadType0 reads a composite font: Identity-H only, widths from /W and
// /DW of its CIDFont, text from ToUnicode.
func (r *reader) loadType0(f *font, d types.Dict) {
	f.twoByte = true
	switch enc := name(d, "Encoding"); enc {
	case "Identity-H":
	case "Identity-V":
		f.decline = "vertical writing (Identity-V)"
		return
	default:
		f.decline = fmt.Sprintf("CMap %q", enc)
		return
	}
	desc := r.array(d["DescendantFonts"])
	if len(desc) != 1 {
		f.decline = "Type0 font without one descendant"
		return
	}
	cid := r.dict(desc[0])
	if cid == nil {
		f.decline = "Type0 font without a descendant"
		return
	}
	f.dw = 1000
	if v, ok := r.num(cid["DW"]); ok {
		f.dw = pdfInt(v)
	}
	f.cidW = map[uint32]float64{}
	w := r.array(cid["W"])
	for i := 0; i < len(w); {
		c0, ok := r.num(w[i])
		if !ok || i+1 >= len(w) {
			break
		}
		if arr := r.array(w[i+1]); arr != nil {
			for k, o := range arr {
				if v, ok := r.num(o); ok {
					f.cidW[uint32(c0)+uint32(k)] = pdfInt(v)
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			break
		}
		c1, ok1 := r.num(w[i+1])
		v, ok2 := r.num(w[i+2])
		if !ok1 || !ok2 || c1-c0 > 65535 {
			break
		}
		for c := uint32(c0); c <= uint32(c1); c++ {
			f.cidW[c] = pdfInt(v)
		}
		i += 3
	}
	fd := r.dict(cid["FontDescriptor"])
	if fd == nil {
		f.decline = "CID font without descriptor"
		return
	}
	r.metrics(f, fd)
	if name(cid, "Subtype") == "CIDFontType2" {
		r.loadProgram(f, fd)
		if f.decline != "" {
			return
		}
		if m := cid["CIDToGIDMap"]; m != nil {
			if n, ok := r.deref(m).(types.Name); !ok || n != "Identity" {
				if data, err := r.stream(m); err == nil {
					f.cidToGID = data
				} else {
					f.tt = nil
				}
			}
		}
	}
	if f.ascent == f.descnt {
		f.decline = "font without ascent and descent"
		return
	}
	tu := d["ToUnicode"]
	if tu == nil {
		f.decline = "CID font without ToUnicode"
		return
	}
	if err := r.toUnicode(f, tu); err != nil {
		f.decline = err.Error()
	}
}

// encoding fills f.enc from /Encoding (a name or a dictionary with
// /BaseEncoding and /Differences).
func (r *reader) encoding(f *font, o types.Object, base string) error {
	o = r.deref(o)
	baseEnc := ""
	var diffs types.Array
	switch e := o.(type) {
	case types.Name:
		baseEnc = string(e)
	case types.Dict:
		baseEnc = name(e, "BaseEncoding")
		diffs = r.array(e["Differences"])
	case nil:
	default:
		return fmt.Errorf("encoding %T", o)
	}
	switch baseEnc {
	case "WinAnsiEncoding":
		fillCharmap(f, charmap.Windows1252)
	case "MacRomanEncoding":
		fillCharmap(f, charmap.Macintosh)
	case "StandardEncoding", "":
		if baseEnc == "" && f.std14 == "" && diffs == nil {
			return fmt.Errorf("font %s: built-in encoding", base)
		}
		for c := 0x20; c < 0x7F; c++ {
			f.enc[c] = rune(c)
		}
		f.enc[0x27], f.enc[0x60] = '\u2019', '\u2018'
	default:
		return fmt.Errorf("encoding %q", baseEnc)
	}
	c := -1
	for _, o := range diffs {
		switch v := r.deref(o).(type) {
		case types.Integer:
			c = int(v)
		case types.Float:
			c = int(v)
		case types.Name:
			if c < 0 || c > 255 {
				return fmt.Errorf("bad /Differences")
			}
			u := glyphRune(string(v))
			if u == 0 {
				return fmt.Errorf("glyph name %q", string(v))
			}
			f.enc[c] = u
			c++
		}
	}
	return nil
}

func fillCharmap(f *font, cm *charmap.Charmap) {
	for c := 0x20; c < 256; c++ {
		if u := cm.DecodeByte(byte(c)); u != '\uFFFD' {
			f.enc[c] = u
		}
	}
}

// toUnicode parses a ToUnicode CMap stream: bfchar and bfrange sections.
func (r *reader) toUnicode(f *font, o types.Object) error {
	data, err := r.stream(o)
	if err != nil {
		return fmt.Errorf("ToUnicode: %v", err)
	}
	f.toUni = map[uint32][]rune{}
	return parseToUnicode(f, data)
}

// parseToUnicode fills f.toUni from the CMap in data.
func parseToUnicode(f *font, data []byte) error {
	if bytes.Contains(data, []byte("usecmap")) {
		return fmt.Errorf("ToUnicode uses another CMap")
	}
	l := lexer{s: data}
	err := l.each(func(op []byte, args []operand) error {
		switch string(op) {
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				if args[i].k == kStr && args[i+1].k == kStr {
					f.toUni[beUint(args[i].b)] = utf16Runes(args[i+1].b)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				bfrange(f, args[i], args[i+1], args[i+2])
			}
		case "begincidrange", "begincidchar":
			return fmt.Errorf("ToUnicode is a CID CMap")
		}
		return nil
	})
	if err == errSyntax {
		return fmt.Errorf("ToUnicode: %v", err)
	}
	return err
}

// bfrange maps the codes lo to hi to dst: a string whose last unit grows
// along the range, or an array of strings.
func bfrange(f *font, lo, hi, dst operand) {
	if lo.k != kStr || hi.k != kStr {
		return
	}
	a, b := beUint(lo.b), beUint(hi.b)
	if b < a || b-a > 65535 {
		return
	}
	switch dst.k {
	case kStr:
		base := utf16Runes(dst.b)
		if len(base) == 0 {
			return
		}
		for c := a; c <= b; c++ {
			rs := append([]rune(nil), base...)
			rs[len(rs)-1] += rune(c - a)
			f.toUni[c] = rs
		}
	case kArr:
		for k, d := range dst.arr {
			if d.k == kStr && a+uint32(k) <= b {
				f.toUni[a+uint32(k)] = utf16Runes(d.b)
			}
		}
	}
}

func beUint(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

func utf16Runes(b []byte) []rune {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return utf16.Decode(u)
}

// standard14 returns the standard-14 name base stands for, or "".
func standard14(base string) string {
	if pdffont.IsCoreFont(base) {
		return base
	}
	switch base {
	case "Arial", "ArialMT":
		return "Helvetica"
	case "Arial,Bold", "Arial-BoldMT":
		return "Helvetica-Bold"
	case "TimesNewRoman", "TimesNewRomanPSMT":
		return "Times-Roman"
	case "TimesNewRoman,Bold", "TimesNewRomanPS-BoldMT":
		return "Times-Bold"
	case "CourierNew", "CourierNewPSMT":
		return "Courier"
	}
	return ""
}

// std14Metrics returns the ascent and descent PDFium gives a standard
// font without a descriptor: those of the font it substitutes (measured on
// PDFium's loose boxes).
func std14Metrics(name string) (float64, float64) {
	switch {
	case strings.HasPrefix(name, "Helvetica"):
		return 945, -224
	case strings.HasPrefix(name, "Times"):
		return 878, -249
	case strings.HasPrefix(name, "Courier"):
		return 803, -248
	}
	return 0, 0 // Symbol, ZapfDingbats: declined as symbolic
}

// glyphRune returns the character a glyph name stands for ("uniXXXX",
// "uXXXX", a letter or digit name, common Latin punctuation and the letters
// of Azerbaijani), or 0.
func glyphRune(n string) rune {
	if i := strings.IndexByte(n, '.'); i > 0 {
		n = n[:i] // "a.sc" is "a"
	}
	if len(n) == 1 && (n[0] >= 'a' && n[0] <= 'z' || n[0] >= 'A' && n[0] <= 'Z') {
		return rune(n[0])
	}
	if strings.HasPrefix(n, "uni") && len(n) == 7 {
		if v, err := strconv.ParseUint(n[3:], 16, 16); err == nil {
			return rune(v)
		}
	}
	if strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7 {
		if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil {
			return rune(v)
		}
	}
	return glyphNames[n]
}

var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "parenleft": '(', "parenright": ')', "asterisk": '*',
	"plus": '+', "comma": ',', "hyphen": '-', "period": '.', "slash": '/', "zero": '0', "one": '1',
	"two": '2', "three": '3', "four": '4', "five": '5', "six": '6', "seven": '7', "eight": '8',
	"nine": '9', "colon": ':', "semicolon": ';', "less": '<', "equal": '=', "greater": '>',
	"question": '?', "at": '@', "bracketleft": '[', "backslash": '\\', "bracketright": ']',
	"asciicircum": '^', "underscore": '_', "grave": '`', "braceleft": '{', "bar": '|',
	"braceright": '}', "asciitilde": '~', "quoteleft": '‘', "quoteright": '’', "quotedblleft": '“',
	"quotedblright": '”', "quotesinglbase": '‚', "quotedblbase": '„', "guillemotleft": '«',
	"guillemotright": '»', "endash": '–', "emdash": '—', "bullet": '•', "ellipsis": '…',
	"numero": '№', "section": '§', "degree": '°', "nbspace": '\u00A0', "sfthyphen": '\u00AD',
	"periodcentered": '·', "copyright": '©', "registered": '®', "trademark": '™', "Euro": '€',
	"fi": 'ﬁ', "fl": 'ﬂ', "minus": '−', "multiply": '×', "divide": '÷', "plusminus": '±',
	"Adieresis": 'Ä', "adieresis": 'ä', "Odieresis": 'Ö', "odieresis": 'ö', "Udieresis": 'Ü',
	"udieresis": 'ü', "Ccedilla": 'Ç', "ccedilla": 'ç', "Scedilla": 'Ş', "scedilla": 'ş',
	"Gbreve": 'Ğ', "gbreve": 'ğ', "Idotaccent": 'İ', "Idot": 'İ', "dotlessi": 'ı', "Schwa": 'Ə',
	"schwa": 'ə', "Aacute": 'Á', "aacute": 'á', "Eacute": 'É', "eacute": 'é', "Iacute": 'Í',
	"iacute": 'í', "Oacute": 'Ó', "oacute": 'ó', "Uacute": 'Ú', "uacute": 'ú', "Agrave": 'À',
	"agrave": 'à', "Egrave": 'È', "egrave": 'è', "Ntilde": 'Ñ', "ntilde": 'ñ', "germandbls": 'ß',
	"exclamdown": '¡', "questiondown": '¿', "cent": '¢', "sterling": '£', "yen": '¥',
	"dagger": '†', "daggerdbl": '‡', "perthousand": '‰', "onehalf": '½', "onequarter": '¼',
	"threequarters": '¾', "mu": 'µ', "paragraph": '¶', "dieresis": '¨', "acute": '´',
	"cedilla": '¸', "macron": '¯', "logicalnot": '¬', "brokenbar": '¦', "ordfeminine": 'ª',
	"ordmasculine": 'º', "twosuperior": '²', "threesuperior": '³', "onesuperior": '¹',
	"currency": '¤', "circumflex": 'ˆ', "tilde": '˜',
}
