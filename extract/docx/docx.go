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
// Rows are paged by w:lastRenderedPageBreak when the file has them (Word's
// last layout), else by explicit page breaks, page-break-before and section
// breaks; a file with neither is one page.
package docx

// BUG(docx): Headers, footers, footnotes, comments, text boxes, drawings
// and w:altChunk parts are not read.

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
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/hesabat/hesabat"
)

// Options bounds the work one file may cause. The zero value picks the
// defaults.
type Options struct {
	// MaxUncompressed caps the total bytes decompressed from the parts read
	// (document, numbering, styles, relationships); 0 means 256 MiB.
	MaxUncompressed int64
	// MaxRatio caps the compression ratio of a part larger than 1 MiB
	// (uncompressed/compressed), declared or counted while reading;
	// 0 means 100.
	MaxRatio float64
}

// Defaults for Options fields left zero.
const (
	DefaultMaxUncompressed = 256 << 20
	DefaultMaxRatio        = 100
	// ratioFloor is the size below which a part's ratio is not checked:
	// small parts cannot be bombs, and tiny XML parts compress very well.
	ratioFloor = 1 << 20
	// maxEntries caps the number of entries in the zip directory.
	maxEntries = 10000
)

// Extractor reads DOCX files. It holds only its options, so one Extractor
// may be used by several goroutines at once.
type Extractor struct {
	opts Options
}

// New returns an Extractor with opts, zero fields replaced by defaults.
func New(opts Options) *Extractor {
	if opts.MaxUncompressed <= 0 {
		opts.MaxUncompressed = DefaultMaxUncompressed
	}
	if opts.MaxRatio <= 0 {
		opts.MaxRatio = DefaultMaxRatio
	}
	return &Extractor{opts: opts}
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
		if p := recover(); p != nil {
			doc, err = nil, hesabat.Errorf(src.Path, hesabat.ErrCorrupt, "please report this file as a bug", "internal error: %v", p)
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
	main, err := pk.open(pk.main)
	if err != nil {
		return nil, err
	}
	defer main.Close()
	br := bufio.NewReader(main)
	if bom, _ := br.Peek(2); string(bom) == "\xff\xfe" || string(bom) == "\xfe\xff" {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrUnsupported, "re-save the file in Word (it writes UTF-8)", "%s is encoded in UTF-16", pk.main)
	}
	p := newParser(ctx, br, num, doc)
	if err := p.parse(); err != nil {
		return nil, pk.wrap(pk.main, p, err)
	}
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
		return oleError(name, r, size)
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
)

// pkg is an opened OPC package: its parts by normalised name and the caps
// on reading them.
type pkg struct {
	path   string
	parts  map[string]*zip.File
	opts   Options
	budget int64 // uncompressed bytes still allowed
	main   string
	rels   map[string]string // relationship type suffix -> part name, from the main part's rels
}

// openPackage indexes the zip's entries and finds the main document part.
func openPackage(name string, zr *zip.Reader, opts Options) (*pkg, error) {
	if len(zr.File) > maxEntries {
		return nil, hesabat.Errorf(name, hesabat.ErrTooLarge, "", "%d zip entries (limit %d)", len(zr.File), maxEntries)
	}
	pk := &pkg{path: name, parts: map[string]*zip.File{}, opts: opts, budget: opts.MaxUncompressed}
	for _, f := range zr.File {
		n := partName(f.Name)
		if _, dup := pk.parts[n]; dup {
			return nil, hesabat.Errorf(name, hesabat.ErrCorrupt, "the file may have been tampered with; re-save it in Word", "duplicate zip entry %q", f.Name)
		}
		pk.parts[n] = f
	}
	rels, err := pk.relationships("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
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
	if pk.rels, err = pk.relationships(dir+"_rels/"+base+".rels", dir); err != nil {
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
		if strings.HasSuffix(asciiLower(ct), s) {
			return true
		}
	}
	return false
}

// partName normalises a zip entry name or relationship target to compare
// OPC part names: percent-decoded, "/" separated, no leading "/", ASCII
// lower case, "." and ".." segments resolved.
func partName(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	s = strings.ReplaceAll(s, `\`, "/")
	s = strings.TrimPrefix(path.Clean("/"+s), "/")
	return asciiLower(s)
}

// asciiLower lowers ASCII letters only; part names and content types are
// ASCII-case-insensitive, and Unicode case mapping would be wrong for them.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// partError is the error of reading one part: kind and message, turned into
// an *hesabat.Error by pkg.wrap.
type partError struct {
	kind error
	hint string
	msg  string
}

func (e *partError) Error() string { return e.msg }

var errTooLarge = &partError{kind: hesabat.ErrTooLarge, hint: "a zip bomb, or a document too big for the configured limits", msg: "uncompressed size over the limit"}

// open opens part for reading under the size and ratio caps. It fails with
// an *hesabat.Error.
func (pk *pkg) open(part string) (io.ReadCloser, error) {
	f := pk.parts[part]
	if f == nil {
		return nil, hesabat.Errorf(pk.path, hesabat.ErrCorrupt, "", "no part %s", part)
	}
	if int64(f.UncompressedSize64) > pk.budget || f.UncompressedSize64 > 1<<62 {
		return nil, hesabat.Errorf(pk.path, hesabat.ErrTooLarge, errTooLarge.hint, "%s declares %d bytes uncompressed, over what is left of the %d-byte limit", part, f.UncompressedSize64, pk.opts.MaxUncompressed)
	}
	if tooDense(float64(f.UncompressedSize64), f.CompressedSize64, pk.opts.MaxRatio) {
		return nil, hesabat.Errorf(pk.path, hesabat.ErrTooLarge, errTooLarge.hint, "%s declares compression ratio over %g", part, pk.opts.MaxRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, hesabat.Errorf(pk.path, hesabat.ErrUnsupported, "re-save the file in Word", "%s: %v", part, err)
	}
	return &capReader{rc: rc, pk: pk, compressed: f.CompressedSize64}, nil
}

// tooDense reports whether n uncompressed bytes from compressed ones exceed
// the ratio cap, for parts over ratioFloor.
func tooDense(n float64, compressed uint64, ratio float64) bool {
	return n > ratioFloor && n > ratio*float64(compressed)
}

// capReader counts the bytes read from a part against the package budget
// and the ratio cap; past either it fails with errTooLarge, whatever the
// zip headers declared.
type capReader struct {
	rc         io.ReadCloser
	pk         *pkg
	n          int64
	compressed uint64
}

func (c *capReader) Read(b []byte) (int, error) {
	if int64(len(b)) > c.pk.budget+1 {
		b = b[:c.pk.budget+1]
	}
	n, err := c.rc.Read(b)
	c.n += int64(n)
	c.pk.budget -= int64(n)
	if c.pk.budget < 0 || tooDense(float64(c.n), c.compressed, c.pk.opts.MaxRatio) {
		return n, errTooLarge
	}
	return n, err
}

func (c *capReader) Close() error { return c.rc.Close() }

// readAll reads a whole small part.
func (pk *pkg) readAll(part string) ([]byte, error) {
	rc, err := pk.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, pk.wrap(part, nil, err)
	}
	return b, nil
}

// wrap turns an error from reading part into an *hesabat.Error. p, when
// not nil, is the parser that was reading the part, for the byte offset.
func (pk *pkg) wrap(part string, p *parser, err error) error {
	var he *hesabat.Error
	var pe *partError
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &he):
		return he
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &hesabat.Error{Path: pk.path, Err: err}
	case errors.As(err, &pe):
		if pe == errTooLarge {
			return hesabat.Errorf(pk.path, pe.kind, pe.hint, "%s: uncompressed size or compression ratio over the limit (%d bytes, ratio %g)", part, pk.opts.MaxUncompressed, pk.opts.MaxRatio)
		}
		return hesabat.Errorf(pk.path, pe.kind, pe.hint, "%s: %s", part, pe.msg)
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, io.ErrUnexpectedEOF):
		return hesabat.Errorf(pk.path, hesabat.ErrCorrupt, "the zip container is damaged; open and re-save it in Word", "%s: %v", part, err)
	case errors.As(err, &se), p != nil:
		off := int64(-1)
		if p != nil {
			off = p.d.InputOffset()
		}
		return hesabat.Errorf(pk.path, hesabat.ErrCorrupt, "the document is damaged; open and re-save it in Word", "%s: malformed XML at byte %d: %v", part, off, err)
	}
	return hesabat.Errorf(pk.path, hesabat.ErrCorrupt, "the file is damaged; open and re-save it in Word", "%s: %v", part, err)
}
