package gopdf

import (
	"encoding/binary"
	"math"
)

// ttFont is an embedded TrueType program, read as far as PDFium's glyph
// boxes need: the cmap subtables PDFium tries for a symbolic font, and the
// bounding box of each glyph outline.
type ttFont struct {
	upm                    float64
	longLoca               bool
	loca, glyf             []byte
	cmap30, cmap10, cmap31 []byte
}

// parseTTF reads data; it returns nil for anything it cannot read.
func parseTTF(data []byte) (t *ttFont) {
	defer func() {
		if recover() != nil { // a malformed font program: no boxes
			t = nil
		}
	}()
	if len(data) < 12 {
		return nil
	}
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, ln := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(ln) > uint64(len(data)) {
			continue
		}
		tables[string(rec[:4])] = data[off : off+ln]
	}
	head, cmap := tables["head"], tables["cmap"]
	t = &ttFont{loca: tables["loca"], glyf: tables["glyf"]}
	if len(head) < 54 || t.loca == nil || t.glyf == nil {
		return nil
	}
	t.upm = float64(binary.BigEndian.Uint16(head[18:]))
	t.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	if t.upm == 0 {
		return nil
	}
	if cmap != nil {
		t.cmap30, t.cmap10, t.cmap31 = cmapSub(cmap, 3, 0), cmapSub(cmap, 1, 0), cmapSub(cmap, 3, 1)
	}
	return t
}

// glyphForCode returns the glyph PDFium picks for one-byte code c of a
// symbolic TrueType font: the (3,0) cmap at c, 0xF000+c, 0xF100+c or
// 0xF200+c, else the (1,0) cmap, else the (3,1) cmap at c; 0 for none.
func (t *ttFont) glyphForCode(c uint32) (gid int) {
	defer func() {
		if recover() != nil {
			gid = 0
		}
	}()
	if t.cmap30 != nil {
		for _, prefix := range []uint32{0, 0xF000, 0xF100, 0xF200} {
			if gid = cmapLookup(t.cmap30, int(prefix+c)); gid != 0 {
				return gid
			}
		}
	}
	if t.cmap10 != nil {
		if gid = cmapLookup(t.cmap10, int(c)); gid != 0 {
			return gid
		}
	}
	if t.cmap31 != nil {
		return cmapLookup(t.cmap31, int(c))
	}
	return 0
}

// box returns glyph gid's outline box in 1/1000 em, rounded; ok is false
// for an empty or missing glyph.
func (t *ttFont) box(gid int) (b [4]float64, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	u, ok := t.units(gid, 0)
	if !ok {
		return b, false
	}
	for i := range b {
		b[i] = math.Round(u[i] * 1000 / t.upm)
	}
	return b, b[1] != b[3]
}

// units returns glyph gid's box in font units. A composite glyph's box is
// the union of its components' boxes at their offsets, as FreeType
// computes it (the composite's own header may be stale).
func (t *ttFont) units(gid, depth int) ([4]float64, bool) {
	var b [4]float64
	if gid <= 0 || depth > 4 {
		return b, false
	}
	var start, end int
	if t.longLoca {
		start, end = int(binary.BigEndian.Uint32(t.loca[4*gid:])), int(binary.BigEndian.Uint32(t.loca[4*gid+4:]))
	} else {
		start, end = 2*int(binary.BigEndian.Uint16(t.loca[2*gid:])), 2*int(binary.BigEndian.Uint16(t.loca[2*gid+2:]))
	}
	if end-start < 10 || end > len(t.glyf) {
		return b, false
	}
	g := t.glyf[start:end]
	if int16(binary.BigEndian.Uint16(g)) >= 0 {
		for i := range b {
			b[i] = float64(int16(binary.BigEndian.Uint16(g[2+2*i:])))
		}
		return b, true
	}
	const (
		argsWords = 0x0001
		argsXY    = 0x0002
		scale     = 0x0008
		more      = 0x0020
		xyScale   = 0x0040
		twoByTwo  = 0x0080
	)
	first := true
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		comp := int(binary.BigEndian.Uint16(g[p+2:]))
		p += 4
		var dx, dy float64
		if flags&argsWords != 0 {
			dx, dy = float64(int16(binary.BigEndian.Uint16(g[p:]))), float64(int16(binary.BigEndian.Uint16(g[p+2:])))
			p += 4
		} else {
			dx, dy = float64(int8(g[p])), float64(int8(g[p+1]))
			p += 2
		}
		if flags&argsXY == 0 {
			dx, dy = 0, 0 // points matched, not offsets: rare, approximated
		}
		switch {
		case flags&scale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if cb, ok := t.units(comp, depth+1); ok {
			cb = [4]float64{cb[0] + dx, cb[1] + dy, cb[2] + dx, cb[3] + dy}
			if first {
				b, first = cb, false
			} else {
				b = [4]float64{min(b[0], cb[0]), min(b[1], cb[1]), max(b[2], cb[2]), max(b[3], cb[3])}
			}
		}
		if flags&more == 0 {
			break
		}
	}
	return b, !first
}

// cmapSub returns the cmap subtable for a platform and encoding.
func cmapSub(cmap []byte, platform, encoding uint16) []byte {
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		rec := cmap[4+8*i:]
		if binary.BigEndian.Uint16(rec) == platform && binary.BigEndian.Uint16(rec[2:]) == encoding {
			off := binary.BigEndian.Uint32(rec[4:])
			if int(off) < len(cmap) {
				return cmap[off:]
			}
		}
	}
	return nil
}

// cmapLookup maps c through a cmap subtable of format 0, 4 or 6.
func cmapLookup(sub []byte, c int) int {
	switch binary.BigEndian.Uint16(sub) {
	case 0:
		if c < 256 {
			return int(sub[6+c])
		}
	case 4:
		segX2 := int(binary.BigEndian.Uint16(sub[6:]))
		ends, starts := sub[14:], sub[16+segX2:]
		deltas, ranges := sub[16+2*segX2:], sub[16+3*segX2:]
		for i := 0; i < segX2; i += 2 {
			if c > int(binary.BigEndian.Uint16(ends[i:])) {
				continue
			}
			s := int(binary.BigEndian.Uint16(starts[i:]))
			if c < s {
				return 0
			}
			delta := int(binary.BigEndian.Uint16(deltas[i:]))
			ro := int(binary.BigEndian.Uint16(ranges[i:]))
			if ro == 0 {
				return (c + delta) & 0xFFFF
			}
			p := 16 + 3*segX2 + i + ro + 2*(c-s)
			g := int(binary.BigEndian.Uint16(sub[p:]))
			if g == 0 {
				return 0
			}
			return (g + delta) & 0xFFFF
		}
	case 6:
		first, count := int(binary.BigEndian.Uint16(sub[6:])), int(binary.BigEndian.Uint16(sub[8:]))
		if c >= first && c < first+count {
			return int(binary.BigEndian.Uint16(sub[10+2*(c-first):]))
		}
	}
	return 0
}
