package doc

import (
	"context"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"github.com/hesabat/hesabat"
)

// reader turns the streams of one .doc into a Document.
type reader struct {
	ctx                  context.Context
	fib                  *fib
	wd, table, data      []byte
	doc                  *hesabat.Document
	pieces               []piece
	papx, chpx           []run
	cp1252               *charmap.Charmap // the code page of 8-bit pieces
	pageBreaks, fastProp int
	notes                map[int][]string // footnote paragraphs by the CP of their reference
	num                  *numbering       // lists; nil when they cannot be read
}

// Languages whose 8-bit text is in Windows-1254 ([MS-LCID]).
const (
	lidTurkish     = 0x041F
	lidAzeriLatin  = 0x042C
	maxStoryLength = 1 << 26 // CPs; bounds the text of one story
)

// read reads the piece table and the property runs, then the main story
// into rows and the other stories into furniture.
func (d *reader) read() error {
	clx, err := d.fib.span(d.table, rgClx)
	if err != nil {
		return err
	}
	if d.pieces, err = readPieces(clx); err != nil {
		return err
	}
	for _, p := range d.pieces {
		if p.prm != 0 {
			d.fastProp++
		}
	}
	if d.fastProp > 0 {
		d.doc.Warnings = append(d.doc.Warnings, hesabat.Warnf(hesabat.WarnPartial, 0,
			"the file was fast-saved: formatting changes in %d pieces since the last full save are not read (re-save it to apply them)", d.fastProp))
	}
	plc, err := d.fib.span(d.table, rgPlcfBtePapx)
	if err != nil {
		return err
	}
	if d.papx, err = readFKPs(plc, d.wd, true); err != nil {
		return err
	}
	if plc, err = d.fib.span(d.table, rgPlcfBteChpx); err != nil {
		return err
	}
	if d.chpx, err = readFKPs(plc, d.wd, false); err != nil {
		return err
	}
	d.cp1252 = codePage(d.fib.lid)
	if d.num, err = readNumbering(d.fib, d.table); err != nil {
		d.doc.Warnings = append(d.doc.Warnings, hesabat.Warnf(hesabat.WarnPartial, 0, "automatic numbers may be missing: %v", err))
	}
	start := 0
	var stories [5][2]int // [from, to) CPs of each story
	for i, n := range d.fib.ccp {
		// Every character takes a byte of the WordDocument stream at least.
		if int(n) > len(d.wd)-start || n > maxStoryLength {
			return fmt.Errorf("a story of %d characters, more than the file holds", n)
		}
		stories[i] = [2]int{start, start + int(n)}
		start += int(n)
	}
	// Footnotes go with the paragraph that cites them, when their index
	// can be read; else they are furniture like the other stories.
	notesRead := d.readNotes(stories[ccpFtn][0]) == nil
	for i, st := range stories {
		if i == ccpFtn && notesRead {
			continue
		}
		units, fcs, err := d.story(st[0], st[1])
		if err != nil {
			return err
		}
		if i == ccpText {
			if err := d.body(units, fcs, st[0]); err != nil {
				return err
			}
		} else {
			d.furniture(units, fcs, []string{"", "footnote", "header", "comment", "endnote"}[i])
		}
	}
	d.doc.Pages = d.pageBreaks + 1
	return nil
}

// readNotes reads the footnotes' index: the CPs of their references in
// the main text (PlcffndRef) and of their text in the footnote story,
// which starts at CP base (PlcffndTxt). Each footnote's paragraphs go in
// d.notes under its reference's CP.
func (d *reader) readNotes(base int) error {
	le := binary.LittleEndian
	refs, err := d.fib.span(d.table, rgPlcffndRef)
	if err != nil {
		return err
	}
	txt, err := d.fib.span(d.table, rgPlcffndTxt)
	if err != nil {
		return err
	}
	d.notes = map[int][]string{}
	if len(refs) == 0 {
		return nil
	}
	n := (len(refs) - 4) / 6 // n+1 CPs, then n 2-byte FRDs
	if len(refs) < 10 || (len(refs)-4)%6 != 0 || len(txt) < 4*(n+1) {
		return fmt.Errorf("footnote index of %d and %d bytes", len(refs), len(txt))
	}
	for i := range n {
		from, to := int(le.Uint32(txt[4*i:])), int(le.Uint32(txt[4*i+4:]))
		if from > to || to > int(d.fib.ccp[ccpFtn]) {
			return fmt.Errorf("footnote %d at CPs %d-%d", i, from, to)
		}
		units, fcs, err := d.story(base+from, base+to)
		if err != nil {
			return err
		}
		t := &text{d: d}
		ref := int(le.Uint32(refs[4*i:]))
		for k, u := range units {
			if u == chPara || u == chCell {
				if s := t.end(); s != "" {
					d.notes[ref] = append(d.notes[ref], s)
				}
				continue
			}
			t.add(u, fcs[k])
		}
		if s := t.end(); s != "" {
			d.notes[ref] = append(d.notes[ref], s)
		}
	}
	return nil
}

// codePage returns the code page of 8-bit text in a file whose language
// is lid: Windows-1254 for Turkish and Azerbaijani (Latin), else 1252.
func codePage(lid uint16) *charmap.Charmap {
	if lid == lidTurkish || lid == lidAzeriLatin {
		return charmap.Windows1254
	}
	return charmap.Windows1252
}

// story returns the characters of the CPs [from, to) as UTF-16 units, with
// the stream offset (FC) of each.
func (d *reader) story(from, to int) ([]uint16, []int, error) {
	units := make([]uint16, 0, to-from)
	fcs := make([]int, 0, to-from)
	i := sort.Search(len(d.pieces), func(i int) bool { return d.pieces[i].cpEnd > from })
	for cp := from; cp < to; {
		if i >= len(d.pieces) {
			return nil, nil, fmt.Errorf("the piece table ends at CP %d, before the text does (%d)", cp, to)
		}
		p := d.pieces[i]
		end := min(to, p.cpEnd)
		for ; cp < end; cp++ {
			k := cp - p.cpStart
			if p.compressed {
				fc := p.fc + k
				if fc >= len(d.wd) {
					return nil, nil, fmt.Errorf("text at byte %d past the end of the WordDocument stream", fc)
				}
				units = append(units, uint16(d.cp1252.DecodeByte(d.wd[fc])))
				fcs = append(fcs, fc)
			} else {
				fc := p.fc + 2*k
				if fc+2 > len(d.wd) {
					return nil, nil, fmt.Errorf("text at byte %d past the end of the WordDocument stream", fc)
				}
				units = append(units, binary.LittleEndian.Uint16(d.wd[fc:]))
				fcs = append(fcs, fc)
			}
		}
		i++
	}
	return units, fcs, nil
}

// Characters with a meaning in the text stream ([MS-DOC] 2.8.25).
const (
	chFootnoteRef = 0x02
	chTab         = 0x09
	chLineBreak   = 0x0B
	chPageBreak   = 0x0C
	chPara        = 0x0D
	chCell        = 0x07 // the end of a cell, or of a row
	chColBreak    = 0x0E
	chFieldBegin  = 0x13
	chFieldSep    = 0x14
	chFieldEnd    = 0x15
	chNBHyphen    = 0x1E
	chSoftHyphen  = 0x1F
	chNBSP        = 0xA0
)

// maxFields bounds the stack of open fields.
const maxFields = 64

// text collects the characters of the paragraphs of one story: field codes,
// deleted and hidden text and objects are left out.
type text struct {
	d        *reader
	fields   []bool // open fields: past the separator?
	overflow int
	para     []uint16
}

// add handles one character that is not a paragraph or cell mark and
// reports whether it broke a page.
func (t *text) add(u uint16, fc int) bool {
	switch u {
	case chFieldBegin:
		if len(t.fields) == maxFields {
			t.overflow++
		} else {
			t.fields = append(t.fields, false)
		}
		return false
	case chFieldSep:
		if t.overflow == 0 && len(t.fields) > 0 {
			t.fields[len(t.fields)-1] = true
		}
		return false
	case chFieldEnd:
		if t.overflow > 0 {
			t.overflow--
		} else if len(t.fields) > 0 {
			t.fields = t.fields[:len(t.fields)-1]
		}
		return false
	}
	if t.overflow > 0 {
		return false
	}
	for _, sep := range t.fields {
		if !sep {
			return false // a field code
		}
	}
	if c := charProps(find(t.d.chpx, fc)); c.deleted || c.hidden {
		return false
	}
	switch {
	case u == chPageBreak:
		t.para = append(t.para, ' ')
		return true
	case u == chTab, u == chLineBreak, u == chColBreak, u == chNBSP:
		t.para = append(t.para, ' ')
	case u == chNBHyphen:
		t.para = append(t.para, '-')
	case u < 0x20, u == chSoftHyphen:
		// footnote and comment marks, pictures, drawn objects: not text
	default:
		t.para = append(t.para, u)
	}
	return false
}

// end ends a paragraph and returns its text, trimmed. Fields still in
// their code are dropped, as for DOCX: a lost field end would hide the
// rest of the document.
func (t *text) end() string {
	s := strings.TrimSpace(string(utf16.Decode(t.para)))
	t.para = t.para[:0]
	for i, sep := range t.fields {
		if !sep {
			t.fields = t.fields[:i]
			break
		}
	}
	t.overflow = 0
	return strings.ToValidUTF8(s, "\uFFFD")
}

// furniture adds the non-empty paragraphs of a story other than the main
// one as furniture of kind.
func (d *reader) furniture(units []uint16, fcs []int, kind string) {
	t := &text{d: d}
	for i, u := range units {
		if u == chPara || u == chCell {
			if s := t.end(); s != "" {
				d.doc.Furniture = append(d.doc.Furniture, hesabat.Furniture{Kind: kind, Text: s})
			}
			continue
		}
		t.add(u, fcs[i])
	}
	if s := t.end(); s != "" {
		d.doc.Furniture = append(d.doc.Furniture, hesabat.Furniture{Kind: kind, Text: s})
	}
}

// body reads the main story into rows. cp0 is the CP of units[0].
func (d *reader) body(units []uint16, fcs []int, cp0 int) error {
	t := &text{d: d}
	tb := &tableBuf{}
	var cell []string // paragraphs of the open cell
	var cells []cellText
	rowStart, page := -1, 0 // CP and page of the open row's or paragraph's first text
	var pending []string    // paragraphs of the notes cited in the open paragraph
	for i, u := range units {
		if i%4096 == 0 {
			if err := d.ctx.Err(); err != nil {
				return err
			}
		}
		if u != chPara && u != chCell {
			if u == chFootnoteRef {
				pending = append(pending, d.notes[cp0+i]...)
			}
			if t.add(u, fcs[i]) {
				d.pageBreaks++
			}
			if n := len(t.para); rowStart < 0 && n > 0 && t.para[n-1] != ' ' {
				rowStart, page = cp0+i, d.pageBreaks+1 // the first text
			}
			continue
		}
		p := paraProps(find(d.papx, fcs[i]), d.data)
		depth := p.depth
		if depth == 0 && (p.inTable || u == chCell) {
			depth = 1
		}
		paras := pending
		if s := strings.TrimSpace(d.num.label(p.ilfo, p.ilvl) + t.end()); s != "" {
			paras = append([]string{s}, pending...)
		}
		pending = nil
		if rowStart < 0 {
			rowStart, page = cp0+i, d.pageBreaks+1
		}
		switch {
		case depth == 0:
			d.flush(tb)
			for _, s := range paras {
				d.doc.Rows = append(d.doc.Rows, hesabat.Row{Cells: []hesabat.Cell{{Paras: []string{s}, Span: 1}}, Page: page, Offset: int64(rowStart)})
			}
			rowStart = -1
		case depth > 1 || p.innerCell || p.innerT:
			// A nested table: its text stays in the outer cell.
			cell = append(cell, paras...)
		case p.ttp:
			tb.rows = append(tb.rows, rowText{cells: cells, tap: p.tap, page: page, offset: rowStart})
			cells, rowStart = nil, -1
		case u == chCell:
			cells = append(cells, cellText{paras: append(cell, paras...)})
			cell = nil
		default:
			cell = append(cell, paras...)
		}
	}
	// Text after the last mark (a damaged or cut file): keep what was
	// read, in the open row if there is one.
	if rowStart < 0 {
		rowStart, page = cp0+len(units), d.pageBreaks+1
	}
	if s := t.end(); s != "" {
		cell = append(cell, s)
	}
	cell = append(cell, pending...)
	switch {
	case len(cells) > 0 || (len(cell) > 0 && len(tb.rows) > 0):
		if len(cell) > 0 {
			cells = append(cells, cellText{paras: cell})
		}
		tb.rows = append(tb.rows, rowText{cells: cells, page: page, offset: rowStart})
		d.flush(tb)
	case len(cell) > 0:
		d.flush(tb)
		d.doc.Rows = append(d.doc.Rows, hesabat.Row{Cells: []hesabat.Cell{{Paras: cell, Span: 1}}, Page: page, Offset: int64(rowStart)})
	default:
		d.flush(tb)
	}
	return nil
}
