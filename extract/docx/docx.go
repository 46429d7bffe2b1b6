// Package docx reads Word (.docx, WordprocessingML) reports into a
// hesabat.Document: every paragraph outside tables and every table row, in
// reading order, with page and byte-offset provenance. It uses only
// archive/zip and encoding/xml and streams the main document part.
//
// The package delivers rows, not measures: the stitcher in transform finds
// the header, maps columns and folds continuation rows.
//
// What becomes text follows Word's accepted, printed view: insertions and
// moves in, deletions and moves away out, field results in and field codes
// out, hidden runs out, content controls' placeholder prompts out, one
// branch of mc:AlternateContent. Line breaks
// inside a paragraph become spaces, not new paragraphs. A nested table's
// text stays in its outer cell as paragraphs. Word's automatic numbers
// (numbering.xml) are computed and put in front of the paragraph they
// number, as Word shows them.
//
// The parts around the text are read too. A text box's paragraphs
// (w:txbxContent, in a DrawingML wps:txbx or a VML v:textbox) follow the
// paragraph that anchors the box: in its cell, or as rows of their own.
// Footnotes and endnotes go where their reference stands: the reference
// mark is not text; a paragraph in a table ends with the notes it cites,
// each labelled as Word numbers them by default, "[1] " and so on for
// footnotes, "[i] " and so on for endnotes ("…dərc edilmişdir. [1] Bax:
// opendata.az"), so a note stays with its measure; a note cited outside
// tables (on the title, a signature) is Furniture of kind "footnote" or
// "endnote" on the page of its reference, as the footnote area of a
// printed page is, and leaves the title as it is. The running headers and
// footers the sections use are Furniture of kind "header" and "footer",
// one entry per paragraph or table row, page 0 (they stand on every page
// of their section). A damaged notes, header or footer part is a warning
// (what it held before the fault is kept); one over the size caps fails
// the file.
//
// Rows are paged by w:lastRenderedPageBreak when the file has them (Word's
// last layout), else by explicit page breaks, page-break-before and section
// breaks; a file with neither is one page. Document.Pages is the larger of
// that count and the page count the producer saved in docProps/app.xml
// (<Pages>, Word's and LibreOffice's last layout; pandoc writes a constant
// 1 there, so the breaks are a floor).
package docx

// BUG(docx): Comments, drawings' alternative text, charts and w:altChunk
// parts are not read.

// BUG(docx): Every header and footer a section names is read, also a
// first-page or even-page one the section does not show (w:titlePg,
// w:evenAndOddHeaders are not read).

// BUG(docx): Notes are labelled 1, 2, 3 (footnotes) and i, ii, iii
// (endnotes) in the order of their references, as Word does by default: a
// number format or restart set in w:footnotePr or w:endnotePr is not read,
// and a custom mark (w:customMarkFollows) stays in the text where it is.

// BUG(docx): A main part encoded in UTF-16, which OPC allows and Word does
// not write, is rejected as unsupported.

// BUG(docx): A report laid out inside an outer one-cell table comes out as
// one row whose cell holds every paragraph of the inner tables.

// BUG(docx): Hidden text set by a character or paragraph style (not on the
// run itself) is read as text.

// BUG(docx): Lists that share an abstractNum share their counters, as
// Word was observed to do; a list with a w:startOverride counts on its own.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/zipsafe"
)

// Options bounds the work one file may cause (see zipsafe.Limits). The
// zero value picks the defaults.
type Options = zipsafe.Limits

// Defaults for Options fields left zero.
const (
	DefaultMaxUncompressed = zipsafe.DefaultMaxUncompressed
	DefaultMaxRatio        = zipsafe.DefaultMaxRatio
)

// Extractor reads DOCX files. It holds only its options, so one Extractor
// may be used by several goroutines at once.
type Extractor struct {
	opts Options
}

// New returns an Extractor with opts, zero fields replaced by defaults.
func New(opts Options) *Extractor {
	return &Extractor{opts: opts.WithDefaults()}
}

// Extract reads the DOCX file r of size bytes. It fails with an
// *hesabat.Error naming src.Path and wrapping hesabat.ErrEmpty,
// ErrUnsupported (not a zip, a legacy .doc, RTF, not a Word document),
// ErrEncrypted (a password-protected file), ErrCorrupt (a broken zip or
// malformed XML, with the byte offset) or ErrTooLarge (over the caps in
// Options); when ctx is done it returns an *hesabat.Error wrapping ctx.Err().
// A problem in an optional part (numbering, styles) becomes a warning in the
// Document. Extract never panics.
func (x *Extractor) Extract(ctx context.Context, src hesabat.Source, r io.ReaderAt, size int64) (doc *hesabat.Document, err error) {
	defer func() {
		if v := recover(); v != nil {
			doc, err = nil, hesabat.Bug(src.Path, v)
		}
	}()
	if err := sniff(src.Path, r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrCorrupt, "the zip container is damaged; open and re-save it in Word", "%v", err)
	}
	pk, err := openPackage(src.Path, zr, x.opts)
	if err != nil {
		return nil, err
	}
	doc = &hesabat.Document{Source: src}
	num, err := pk.numbering(doc)
	if err != nil {
		return nil, err
	}
	notes, err := pk.readNotes(ctx, num, doc)
	if err != nil {
		return nil, err
	}
	var running []string
	err = pk.parsePart(ctx, pk.main, num, doc, func(p *parser) error {
		p.notes = notes
		err := p.parse()
		running = p.running
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := pk.readRunning(ctx, num, doc, running); err != nil {
		return nil, err
	}
	// Breaks give a lower bound; the producer's saved count may say more.
	doc.Pages = max(doc.Pages, pk.savedPages())
	return doc, nil
}

// sniff rejects files that are not zip archives, naming what they are.
func sniff(name string, r io.ReaderAt, size int64) error {
	if size == 0 {
		return hesabat.Errorf(name, hesabat.ErrEmpty, "", "")
	}
	var head [8]byte
	n, _ := r.ReadAt(head[:], 0)
	h := head[:n]
	switch {
	case bytes.HasPrefix(h, []byte("PK\x03\x04")), bytes.HasPrefix(h, []byte("PK\x05\x06")):
		return nil
	case bytes.Equal(h, oleMagic):
		return oleError(name, r)
	case bytes.HasPrefix(h, []byte(`{\rtf`)):
		return hesabat.Errorf(name, hesabat.ErrUnsupported, "save it as .docx in Word or LibreOffice", "an RTF file, not DOCX")
	case bytes.HasPrefix(h, []byte("<?xml")), bytes.HasPrefix(h, []byte("\xef\xbb\xbf<?xml")):
		return hesabat.Errorf(name, hesabat.ErrUnsupported, "save it as .docx in Word or LibreOffice", "a Word XML (2003 or flat OPC) file, not DOCX")
	}
	return hesabat.Errorf(name, hesabat.ErrUnsupported, "is it really a .docx? open and re-save it in Word", "not a zip archive, so not DOCX")
}

// Relationship types, transitional and strict, matched by their last
// segment.
const (
	relOfficeDocument = "/officeDocument"
	relNumbering      = "/numbering"
	relStyles         = "/styles"
	relFootnotes      = "/footnotes"
	relEndnotes       = "/endnotes"
	relHeader         = "/header"
	relFooter         = "/footer"
	// relExtendedProperties is docProps/app.xml, from the package's rels.
	relExtendedProperties = "/extended-properties"
)

// pkg is an opened OPC package: its parts by normalised name and the caps
// on reading them.
type pkg struct {
	*zipsafe.Archive
	path  string
	parts map[string]*zip.File
	main  string
	rels  map[string]string // relationship type suffix -> part name, from the main part's rels
	ids   map[string]rel    // relationship id -> relationship, from the main part's rels
	props string            // the extended properties part (docProps/app.xml), or ""
}

// openPackage indexes the zip's entries and finds the main document part.
func openPackage(name string, zr *zip.Reader, opts Options) (*pkg, error) {
	a, err := zipsafe.New(name, zr, opts, "open and re-save it in Word")
	if err != nil {
		return nil, err
	}
	pk := &pkg{Archive: a, path: name, parts: a.Files}
	rels, _, err := pk.relationships("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	pk.props = rels[relExtendedProperties]
	pk.main = rels[relOfficeDocument]
	if pk.main == "" {
		pk.main = "word/document.xml"
	}
	if pk.parts[pk.main] == nil {
		return nil, hesabat.Errorf(name, hesabat.ErrCorrupt, "not a Word document; is it an .xlsx or .pptx renamed, or a damaged file?", "no main document part (%s) in the zip", pk.main)
	}
	if ct := pk.contentType(pk.main); ct != "" && !isWordMain(ct) {
		return nil, hesabat.Errorf(name, hesabat.ErrUnsupported, "only Word documents are read", "main part has content type %q, not a Word document", ct)
	}
	dir, base := path.Split(pk.main)
	if pk.rels, pk.ids, err = pk.relationships(dir+"_rels/"+base+".rels", dir); err != nil {
		return nil, err
	}
	return pk, nil
}

// isWordMain reports whether ct is the content type of a Word main part.
func isWordMain(ct string) bool {
	for _, s := range []string{
		"wordprocessingml.document.main+xml",
		"wordprocessingml.template.main+xml",
		"application/vnd.ms-word.document.macroenabled.main+xml",
		"application/vnd.ms-word.template.macroenabledtemplate.main+xml",
	} {
		if strings.HasSuffix(zipsafe.ASCIILower(ct), s) {
			return true
		}
	}
	return false
}

// partError is the error of reading one part: kind and message, turned into
// an *hesabat.Error by pkg.wrap.
type partError struct {
	kind error
	hint string
	msg  string
}

func (e *partError) Error() string { return e.msg }

// wrap turns an error from reading part into an *hesabat.Error. p, when
// not nil, is the parser that was reading the part, for the byte offset.
func (pk *pkg) wrap(part string, p *parser, err error) error {
	var pe *partError
	var se *xml.SyntaxError
	if we := pk.Wrap(part, err); we != nil {
		return we
	}
	switch {
	case errors.As(err, &pe):
		return hesabat.Errorf(pk.path, pe.kind, pe.hint, "%s: %s", part, pe.msg)
	case errors.As(err, &se), p != nil:
		off := int64(-1)
		if p != nil {
			off = p.D.InputOffset()
		}
		return hesabat.Errorf(pk.path, hesabat.ErrCorrupt, "the document is damaged; open and re-save it in Word", "%s: malformed XML at byte %d: %v", part, off, err)
	}
	return hesabat.Errorf(pk.path, hesabat.ErrCorrupt, "the file is damaged; open and re-save it in Word", "%s: %v", part, err)
}
