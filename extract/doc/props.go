package doc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// piece is one entry of the piece table ([MS-DOC] 2.9.177 Pcd): the CPs
// [cpStart, cpEnd) are stored from byte fc of the WordDocument stream, one
// byte per character when compressed, else UTF-16LE.
type piece struct {
	cpStart, cpEnd int
	fc             int
	compressed     bool
	prm            uint16
}

// maxPieces bounds the piece table: one piece per edit of a fast save; a
// file with more is not a report.
const maxPieces = 1 << 20

// readPieces reads the piece table from the Clx ([MS-DOC] 2.9.38): Prc
// entries (property lists of fast saves) are skipped, the Pcdt read.
func readPieces(clx []byte) ([]piece, error) {
	le := binary.LittleEndian
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 1: // Prc: clxt, cbGrpprl, grpprl
			if i+3 > len(clx) {
				return nil, errors.New("truncated piece table")
			}
			cb := int(int16(le.Uint16(clx[i+1:])))
			if cb < 0 {
				return nil, errors.New("negative property list in the piece table")
			}
			i += 3 + cb
		case 2: // Pcdt: clxt, lcb, PlcPcd
			if i+5 > len(clx) {
				return nil, errors.New("truncated piece table")
			}
			lcb := int(le.Uint32(clx[i+1:]))
			if lcb < 16 || lcb > len(clx)-i-5 || (lcb-4)%12 != 0 {
				return nil, fmt.Errorf("piece table of %d bytes", lcb)
			}
			plc := clx[i+5 : i+5+lcb]
			n := (lcb - 4) / 12
			if n > maxPieces {
				return nil, fmt.Errorf("%d pieces (limit %d)", n, maxPieces)
			}
			ps := make([]piece, n)
			for k := range ps {
				pcd := plc[4*(n+1)+8*k:]
				fc := le.Uint32(pcd[2:])
				ps[k] = piece{
					cpStart:    int(le.Uint32(plc[4*k:])),
					cpEnd:      int(le.Uint32(plc[4*k+4:])),
					compressed: fc&(1<<30) != 0,
					fc:         int(fc &^ (1 << 30)),
					prm:        le.Uint16(pcd[6:]),
				}
				if ps[k].compressed {
					ps[k].fc /= 2
				}
				if ps[k].cpEnd < ps[k].cpStart || (k > 0 && ps[k].cpStart != ps[k-1].cpEnd) {
					return nil, fmt.Errorf("piece %d covers CPs %d-%d, out of order", k, ps[k].cpStart, ps[k].cpEnd)
				}
			}
			return ps, nil
		default:
			return nil, fmt.Errorf("unknown piece table entry %#x", clx[i])
		}
	}
	return nil, errors.New("no piece table")
}

// run is a range of the WordDocument stream, [fcStart, fcEnd), with the
// property modifiers (grpprl) that apply to its text: a paragraph's or a
// run of characters'.
type run struct {
	fcStart, fcEnd int
	grpprl         []byte
}

// fkpPage is the size of a formatted disk page ([MS-DOC] 2.9.73).
const fkpPage = 512

// readFKPs reads the property runs of a PlcBtePapx (papx true) or
// PlcBteChpx: each entry names a 512-byte page of the WordDocument stream
// holding runs and their property lists. Runs are returned sorted.
func readFKPs(plc, wd []byte, papx bool) ([]run, error) {
	le := binary.LittleEndian
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return nil, fmt.Errorf("property index of %d bytes", len(plc))
	}
	n := (len(plc) - 4) / 8
	var runs []run
	for k := range n {
		pn := int(le.Uint32(plc[4*(n+1)+4*k:]) & 0x3FFFFF)
		if (pn+1)*fkpPage > len(wd) {
			return nil, fmt.Errorf("property page %d past the end of the WordDocument stream", pn)
		}
		page := wd[pn*fkpPage : (pn+1)*fkpPage]
		crun := int(page[fkpPage-1])
		stride := 1 // ChpxFkp: one byte offset per run
		if papx {
			stride = 13 // PapxFkp: BxPap, an offset and a 12-byte PHE
		}
		base := 4 * (crun + 1)
		if base+stride*crun > fkpPage-1 {
			return nil, fmt.Errorf("property page %d holds %d runs, more than fit", pn, crun)
		}
		for i := range crun {
			r := run{fcStart: int(le.Uint32(page[4*i:])), fcEnd: int(le.Uint32(page[4*i+4:]))}
			if off := 2 * int(page[base+stride*i]); off != 0 {
				r.grpprl = propList(page, off, papx)
			}
			runs = append(runs, r)
		}
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].fcStart < runs[j].fcStart })
	return runs, nil
}

// propList returns the property list stored at off in an FKP page: a
// PapxInFkp (a count of words, then the style index and the list) or a
// Chpx (a count of bytes, then the list). A list that does not fit is
// cut at the page's end.
func propList(page []byte, off int, papx bool) []byte {
	if off >= fkpPage-1 {
		return nil
	}
	cb := int(page[off])
	start, size := off+1, cb
	if papx {
		if cb == 0 {
			start, size = off+2, 2*int(page[off+1])
		} else {
			size = 2*cb - 1
		}
	}
	end := min(start+size, fkpPage-1)
	if start >= end {
		return nil
	}
	g := page[start:end]
	if papx {
		if len(g) < 2 {
			return nil
		}
		g = g[2:] // istd: the paragraph style, not read
	}
	return g
}

// find returns the property list of the run holding fc, nil when none
// does.
func find(runs []run, fc int) []byte {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].fcStart > fc }) - 1
	if i >= 0 && fc < runs[i].fcEnd {
		return runs[i].grpprl
	}
	return nil
}

// Single property modifiers read ([MS-DOC] 2.6).
const (
	sprmCFRMarkDel       = 0x0800 // deleted text (tracked)
	sprmCFVanish         = 0x083C // hidden text
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417 // the row-end mark of a table row
	sprmPFInnerTableCell = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPItap            = 0x6649 // table depth
	sprmPHugePapx        = 0x6646 // the property list is in the Data stream
	sprmTTableHeader     = 0x3404
	sprmTDefTable        = 0xD608
	sprmTVertMerge       = 0xD62B
)

// eachSprm calls fn with each modifier of a property list and its operand.
// It stops at a modifier whose operand does not fit.
func eachSprm(g []byte, fn func(op uint16, arg []byte)) {
	le := binary.LittleEndian
	for i := 0; i+2 <= len(g); {
		op := le.Uint16(g[i:])
		i += 2
		var n int
		switch op >> 13 { // spra: the operand's size
		case 0, 1:
			n = 1
		case 2, 4, 5:
			n = 2
		case 3:
			n = 4
		case 7:
			n = 3
		case 6:
			if op == sprmTDefTable {
				// TDefTableOperand: a 2-byte cb, one more than the bytes
				// that follow it.
				if i+2 > len(g) {
					return
				}
				n = 2 + int(le.Uint16(g[i:])) - 1
			} else {
				if i+1 > len(g) {
					return
				}
				n = int(g[i]) // a 1-byte size, then the operand
				i++
			}
		}
		if n < 0 || i+n > len(g) {
			return
		}
		fn(op, g[i:i+n])
		i += n
	}
}

// toggle reads the operand of a character toggle: 1 on, 0 off; 0x81 is
// "the opposite of the style", and styles in these reports do not hide
// or delete, so it counts as on.
func toggle(arg []byte) bool { return len(arg) > 0 && (arg[0] == 1 || arg[0] == 0x81) }

// chars are the character properties that decide whether text is read.
type chars struct{ deleted, hidden bool }

func charProps(g []byte) chars {
	var c chars
	eachSprm(g, func(op uint16, arg []byte) {
		switch op {
		case sprmCFRMarkDel:
			c.deleted = toggle(arg)
		case sprmCFVanish:
			c.hidden = toggle(arg)
		}
	})
	return c
}

// para are the paragraph properties that place a paragraph in a table,
// and for a row-end mark the row's properties.
type para struct {
	inTable, ttp      bool
	innerCell, innerT bool
	depth             int
	ilfo, ilvl        int // list membership: 1-based override, level
	tap               tap
}

// tap are the properties of a table row.
type tap struct {
	header bool
	bounds []int         // cell boundaries, twips: cell i spans bounds[i] to bounds[i+1]
	hmerge []uint8       // per cell: 0 none, 1 first of a legacy horizontal merge, 2-3 merged into the previous
	vmerge map[int]uint8 // per cell: 0 none, 1 continues the cell above, 3 starts a vertical merge
}

// paraProps decodes a paragraph's property list; data is the Data stream
// that a huge list lives in.
func paraProps(g, data []byte) para {
	var p para
	p.tap.vmerge = map[int]uint8{}
	le := binary.LittleEndian
	var visit func(op uint16, arg []byte)
	visit = func(op uint16, arg []byte) {
		switch op {
		case sprmPFInTable:
			p.inTable = arg[0] != 0
		case sprmPFTtp:
			p.ttp = arg[0] != 0
		case sprmPFInnerTableCell:
			p.innerCell = arg[0] != 0
		case sprmPFInnerTtp:
			p.innerT = arg[0] != 0
		case sprmPItap:
			p.depth = int(min(le.Uint32(arg), 64))
		case sprmPIlfo:
			p.ilfo = int(int16(le.Uint16(arg)))
		case sprmPIlvl:
			p.ilvl = int(arg[0])
		case sprmTTableHeader:
			p.tap.header = arg[0] != 0
		case sprmTDefTable:
			p.tap.defTable(arg)
		case sprmTVertMerge:
			if len(arg) >= 2 {
				p.tap.vmerge[int(arg[0])] = arg[1]
			}
		case sprmPHugePapx:
			// PrcData in the Data stream: a 2-byte size, then the list.
			off := int(le.Uint32(arg))
			if off >= 0 && off+2 <= len(data) {
				n := int(le.Uint16(data[off:]))
				if off+2+n <= len(data) {
					eachSprm(data[off+2:off+2+n], visit)
				}
			}
		}
	}
	eachSprm(g, visit)
	return p
}

// defTable reads a TDefTableOperand: the number of cells, their
// boundaries, then a TC80 per cell whose first word holds the merge
// flags.
func (t *tap) defTable(arg []byte) {
	le := binary.LittleEndian
	if len(arg) < 3 {
		return
	}
	n := int(arg[2])
	b := arg[3:]
	if len(b) < 2*(n+1) {
		return
	}
	t.bounds = make([]int, n+1)
	for i := range t.bounds {
		t.bounds[i] = int(int16(le.Uint16(b[2*i:])))
	}
	tcs := b[2*(n+1):]
	t.hmerge = make([]uint8, n)
	for i := 0; i < n && 20*i+2 <= len(tcs); i++ {
		grf := le.Uint16(tcs[20*i:])
		t.hmerge[i] = uint8(grf & 3)
		if v := uint8(grf >> 5 & 3); v != 0 {
			t.vmerge[i] = v
		}
	}
}
