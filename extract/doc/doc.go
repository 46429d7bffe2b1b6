// Package doc reads Word 97-2003 binary documents (.doc, [MS-DOC]) into a
// hesabat.Document: every paragraph outside tables and every table row, in
// reading order, in Go and without Word or LibreOffice. The compound file
// is read with github.com/richardlehane/mscfb; this package reads the FIB,
// the piece table (8-bit pieces in Windows-1252, or 1254 when the file's
// language is Turkish or Azerbaijani; UTF-16 pieces), the paragraph
// properties that mark table cells and row ends, the table properties of
// each row (cell boundaries, merges, header rows) and the character
// properties that mark deleted and hidden text, and the list tables that
// give Word's automatic numbers, put in front of the paragraphs they
// number as Word shows them.
//
// What becomes text follows Word's accepted, printed view, as for DOCX:
// field results in and field codes out, tracked deletions out, hidden text
// out, footnote and comment reference marks out, pictures and drawn
// objects out. Line breaks and tabs are spaces. A nested table's text
// stays in its outer cell as paragraphs. Cells are given spans on the grid
// of all the cell boundaries of their table, as DOCX gridSpan gives them;
// a vertically merged cell's continuations are empty cells. Rows are paged
// by the page and section breaks in the text (a .doc holds no rendered
// layout); Offset is the character position (CP) of the row's start.
// A footnote's text follows the paragraph that cites it, in the same cell,
// as for ODT; headers, footers, comments and endnotes are not part of the
// body: their text becomes Furniture (and so do footnotes whose index is
// damaged).
package doc

// BUG(doc): Automatic list numbers are computed from the list tables (LST,
// LFO) for paragraphs that name their list; numbering that a paragraph
// style carries (the stylesheet is not read) is not shown.

// BUG(doc): Text boxes (their own story) are not read, as for DOCX.

// BUG(doc): Property changes that a fast save left in the piece table
// (Prm) are not applied; such a file is read with a warning.

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"

	"github.com/hesabat/hesabat"
)

// Extractor reads .doc files. It has no state, so one Extractor may be used
// by several goroutines at once.
type Extractor struct{}

// MaxSize is the largest file read; a report is a few megabytes.
const MaxSize = 256 << 20

// oleMagic starts an OLE compound file ([MS-CFB]).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// resave is the hint for files that are damaged or of a kind not read.
const resave = "open it in Word or LibreOffice and save it again as .docx"

// Extract reads the .doc file r of size bytes. It fails with an
// *hesabat.Error naming src.Path and wrapping hesabat.ErrEmpty,
// ErrUnsupported (not an OLE file, RTF, Word 6/95, not a Word document),
// ErrEncrypted (a password-protected .doc, or an encrypted .docx, which
// is an OLE file too), ErrCorrupt (a damaged container, FIB or piece
// table) or ErrTooLarge; when ctx is done it returns an *hesabat.Error
// wrapping ctx.Err(). Extract never panics.
func (Extractor) Extract(ctx context.Context, src hesabat.Source, r io.ReaderAt, size int64) (doc *hesabat.Document, err error) {
	defer func() {
		if v := recover(); v != nil {
			doc, err = nil, hesabat.Bug(src.Path, v)
		}
	}()
	if size == 0 {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrEmpty, "", "")
	}
	if size > MaxSize {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrTooLarge, "", "%d bytes, the limit for .doc is %d", size, MaxSize)
	}
	var head [8]byte
	n, _ := r.ReadAt(head[:], 0)
	if !bytes.Equal(head[:n], oleMagic) {
		what := "not an OLE compound file, so not a Word 97-2003 document"
		if bytes.HasPrefix(head[:n], []byte(`{\rtf`)) {
			what = "an RTF file, not a Word 97-2003 document"
		}
		return nil, hesabat.Errorf(src.Path, hesabat.ErrUnsupported, resave, "%s", what)
	}
	streams, err := readStreams(r, size)
	if err != nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrCorrupt, "the file is damaged; "+resave, "OLE compound file: %v", err)
	}
	// An encrypted OOXML file is a compound file too, sometimes with a
	// stub WordDocument stream for old readers.
	if streams["EncryptionInfo"] != nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrEncrypted, "remove the password in Word (File > Info > Protect Document > Encrypt with Password, clear it) and save again", "a password-protected Word file")
	}
	wd := streams["WordDocument"]
	if wd == nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrUnsupported, "only Word documents are read", "an Office file in the old binary format, but not a Word document (no WordDocument stream)")
	}
	f, err := readFIB(wd)
	if err != nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrCorrupt, "the file is damaged; "+resave, "%v", err)
	}
	switch {
	case f.encrypted:
		return nil, hesabat.Errorf(src.Path, hesabat.ErrEncrypted, "remove the password in Word (Tools > Options > Security) and save again", "a password-protected Word 97-2003 file")
	case f.nFib < nFib97:
		return nil, hesabat.Errorf(src.Path, hesabat.ErrUnsupported, "open it in Word or LibreOffice and save it as .docx", "Word 6/95 format (nFib %#x), older than Word 97", f.nFib)
	}
	table := streams[f.tableStream()]
	if table == nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrCorrupt, "the file is damaged; "+resave, "no %s stream", f.tableStream())
	}
	d := &reader{ctx: ctx, fib: f, wd: wd, table: table, data: streams["Data"], doc: &hesabat.Document{Source: src}}
	if err := d.read(); err != nil {
		var he *hesabat.Error
		switch {
		case errors.As(err, &he):
			return nil, he
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return nil, &hesabat.Error{Path: src.Path, Err: err}
		}
		hint := "the file is damaged; " + resave
		if f.complex {
			hint = "the file was fast-saved (Word's \"Allow fast saves\"), which leaves it in pieces; open it in Word, turn fast saves off and save it again, or save it as .docx"
		}
		return nil, hesabat.Errorf(src.Path, hesabat.ErrCorrupt, hint, "%v", err)
	}
	return d.doc, nil
}

// wanted are the streams read; others (pictures, macros, properties) are
// never loaded.
var wanted = map[string]bool{"WordDocument": true, "0Table": true, "1Table": true, "Data": true, "EncryptionInfo": true}

// readStreams reads the wanted root-level streams of the compound file.
// A stream claiming more bytes than the file has is damage.
func readStreams(r io.ReaderAt, size int64) (map[string][]byte, error) {
	cf, err := mscfb.New(r)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range cf.File {
		if len(f.Path) != 0 || !wanted[f.Name] || out[f.Name] != nil {
			continue
		}
		if f.Size < 0 || f.Size > size {
			return nil, fmt.Errorf("stream %s claims %d bytes in a %d-byte file", f.Name, f.Size, size)
		}
		b := make([]byte, f.Size)
		if _, err := io.ReadFull(f, b); err != nil {
			return nil, fmt.Errorf("stream %s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return out, nil
}

// nFib97 is the nFib of Word 97, the oldest FIB read ([MS-DOC] 2.5.2).
const nFib97 = 0x00C1

// fib is what is used of the File Information Block ([MS-DOC] 2.5.1).
type fib struct {
	nFib      uint16
	lid       uint16
	encrypted bool // fEncrypted or fObfuscated
	whichTbl  bool // fWhichTblStm: the table stream is 1Table
	complex   bool // fComplex: fast-saved
	ccp       [5]int32
	fcLcb     []byte // FibRgFcLcb: pairs of (fc, lcb)
}

// Indexes into FibRgFcLcb97 of the structures read.
const (
	rgPlcffndRef  = 2
	rgPlcffndTxt  = 3
	rgPlcfBteChpx = 12
	rgPlcfBtePapx = 13
	rgClx         = 33
)

// Indexes into fib.ccp: the lengths of the stories, in CPs.
const (
	ccpText = iota // main document
	ccpFtn         // footnotes
	ccpHdd         // headers and footers
	ccpAtn         // comments
	ccpEdn         // endnotes
)

func readFIB(wd []byte) (*fib, error) {
	le := binary.LittleEndian
	if len(wd) < 154 {
		return nil, errors.New("WordDocument stream too short for a FIB")
	}
	// 0xA5EC since Word 97; 0xA5DC in Word 6 and 95, whose nFib tells.
	if id := le.Uint16(wd); id != 0xA5EC && id != 0xA5DC {
		return nil, fmt.Errorf("FIB signature %#x, not a Word document", id)
	}
	f := &fib{nFib: le.Uint16(wd[2:]), lid: le.Uint16(wd[6:])}
	flags := le.Uint16(wd[10:])
	f.complex = flags&0x0004 != 0
	f.encrypted = flags&0x0100 != 0 || flags&0x8000 != 0
	f.whichTbl = flags&0x0200 != 0
	if f.nFib < nFib97 || f.encrypted {
		return f, nil
	}
	// FibBase (32 bytes), csw and FibRgW (14 words), cslw and FibRgLw (22
	// longs), cbRgFcLcb and FibRgFcLcb.
	csw := int(le.Uint16(wd[32:]))
	lw := 34 + 2*csw
	if lw+2 > len(wd) {
		return nil, errors.New("truncated FIB")
	}
	cslw := int(le.Uint16(wd[lw:]))
	rgLw := lw + 2
	fc := rgLw + 4*cslw
	if cslw < 11 || fc+2 > len(wd) {
		return nil, errors.New("truncated FIB")
	}
	// ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn; ccpMcr (6) is always 0, so
	// the stories follow each other in this order.
	for i, idx := range []int{3, 4, 5, 7, 8} {
		f.ccp[i] = int32(le.Uint32(wd[rgLw+4*idx:]))
		if f.ccp[i] < 0 {
			return nil, errors.New("negative story length in the FIB")
		}
	}
	n := int(le.Uint16(wd[fc:]))
	end := fc + 2 + 8*n
	if n <= rgClx || end > len(wd) {
		return nil, errors.New("truncated FIB")
	}
	f.fcLcb = wd[fc+2 : end]
	return f, nil
}

func (f *fib) tableStream() string {
	if f.whichTbl {
		return "1Table"
	}
	return "0Table"
}

// span returns the (fc, lcb) pair i of FibRgFcLcb as a slice of table,
// or an error when it does not fit.
func (f *fib) span(table []byte, i int) ([]byte, error) {
	le := binary.LittleEndian
	fc, lcb := le.Uint32(f.fcLcb[8*i:]), le.Uint32(f.fcLcb[8*i+4:])
	if uint64(fc)+uint64(lcb) > uint64(len(table)) {
		return nil, fmt.Errorf("structure %d at %d+%d runs past the table stream (%d bytes)", i, fc, lcb, len(table))
	}
	return table[fc : fc+lcb], nil
}
