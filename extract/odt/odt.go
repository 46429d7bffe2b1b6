// Package odt reads OpenDocument text reports (.odt, and flat .fodt) into a
// hesabat.Document: every paragraph outside tables and every table row, in
// reading order, with page and byte-offset provenance. It uses archive/zip
// (under the caps of extract/internal/zipsafe, shared with DOCX) and
// encoding/xml (through extract/internal/xmlsafe's limits), and streams
// content.xml.
//
// What becomes text follows the printed view: spans, links, sections and
// fields read through (a field's text is its result), text:s, text:tab and
// text:line-break are spaces, tracked changes show their accepted state
// (deletions, kept in text:tracked-changes, are not read), frames and
// drawings are skipped, and annotations (comments) are furniture. A note's
// citation mark is dropped and its body becomes paragraphs right after the
// paragraph that cites it, in the same cell. List items are paragraphs, numbered as the list styles
// say (formats, prefixes and suffixes, levels shown, start values, lists
// continuing others), or by the number the writer stored in text:number.
//
// Tables: table:number-columns-spanned is the cell's Span; the covered
// cells a horizontal span hides are dropped; a cell covered by a vertical
// span (table:number-rows-spanned above it) is an empty cell as wide as the
// spanning cell, as DOCX vertical-merge continuations are; rows in
// table:table-header-rows are Header rows; a nested table's text stays in
// its outer cell as paragraphs. Rows are paged by text:soft-page-break,
// LibreOffice's last layout; a file without them is one page. Running
// headers and footers of the master pages become Furniture.
package odt

// BUG(odt): List styles attached to paragraph styles (style:list-style-name)
// rather than to the list are not read: such items have no number.

// BUG(odt): Page breaks set by paragraph styles (fo:break-before) count
// only where LibreOffice wrote a soft page break.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/xmlsafe"
	"github.com/hesabat/hesabat/extract/internal/zipsafe"
)

// Options bounds the work one file may cause: the same caps as DOCX.
type Options = zipsafe.Limits

// Extractor reads ODT and flat ODT files. It holds only its options, so
// one Extractor may be used by several goroutines at once.
type Extractor struct {
	opts Options
}

// New returns an Extractor with opts, zero fields replaced by defaults.
func New(opts Options) *Extractor { return &Extractor{opts: opts.WithDefaults()} }

// Namespaces of the elements read.
const (
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
)

// resave is the hint for damaged files.
const resave = "open and re-save it in LibreOffice"

// textMime is the media type of a text document; templates end in
// "-template".
const textMime = "application/vnd.oasis.opendocument.text"

// Extract reads the ODT (zip) or flat ODT (XML) file r of size bytes. It
// fails with an *hesabat.Error naming src.Path and wrapping
// hesabat.ErrEmpty, ErrUnsupported (not an OpenDocument text: a
// spreadsheet, a DOCX, anything else), ErrEncrypted (a password-protected
// file), ErrCorrupt (a broken zip or malformed XML, with the byte offset)
// or ErrTooLarge (over the caps in Options); when ctx is done it returns
// an *hesabat.Error wrapping ctx.Err(). Extract never panics.
func (x *Extractor) Extract(ctx context.Context, src hesabat.Source, r io.ReaderAt, size int64) (doc *hesabat.Document, err error) {
	defer func() {
		if v := recover(); v != nil {
			doc, err = nil, hesabat.Bug(src.Path, v)
		}
	}()
	if size == 0 {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrEmpty, "", "")
	}
	var head [4]byte
	n, _ := r.ReadAt(head[:], 0)
	doc = &hesabat.Document{Source: src}
	if !bytes.HasPrefix(head[:n], []byte("PK")) {
		return x.flat(ctx, doc, r, size)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrCorrupt, "the zip container is damaged; "+resave, "%v", err)
	}
	a, err := zipsafe.New(src.Path, zr, x.opts, resave)
	if err != nil {
		return nil, err
	}
	if err := checkPackage(src.Path, a); err != nil {
		return nil, err
	}
	// Styles first: the list styles number the content's lists, the master
	// pages' headers and footers are furniture.
	ls := newLists()
	if a.Files["styles.xml"] != nil {
		if err := parsePart(ctx, a, "styles.xml", doc, ls); err != nil {
			return nil, err
		}
	}
	furniture := doc.Furniture
	doc.Furniture = nil
	if err := parsePart(ctx, a, "content.xml", doc, ls); err != nil {
		return nil, err
	}
	doc.Furniture = append(doc.Furniture, furniture...)
	return doc, nil
}

// checkPackage checks a zip is an unencrypted OpenDocument text.
func checkPackage(path string, a *zipsafe.Archive) error {
	if a.Files["mimetype"] != nil {
		b, err := a.ReadAll("mimetype")
		if err != nil {
			return err
		}
		if m := strings.TrimSpace(string(b)); m != textMime && m != textMime+"-template" {
			return hesabat.Errorf(path, hesabat.ErrUnsupported, "only text documents (.odt) are read; save the report as .odt in LibreOffice Writer", "an OpenDocument file of type %q", m)
		}
	}
	if a.Files["content.xml"] == nil {
		if a.Files["word/document.xml"] != nil {
			return hesabat.Errorf(path, hesabat.ErrUnsupported, "name it .docx", "a DOCX file, not ODT")
		}
		return hesabat.Errorf(path, hesabat.ErrCorrupt, "not an OpenDocument text, or a damaged one; "+resave, "no content.xml in the zip")
	}
	if a.Files["meta-inf/manifest.xml"] != nil {
		b, err := a.ReadAll("meta-inf/manifest.xml")
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte("encryption-data")) {
			return hesabat.Errorf(path, hesabat.ErrEncrypted, "remove the password in LibreOffice (File > Properties > General > Change Password, or save without \"Save with password\") and save again", "a password-protected OpenDocument file")
		}
	}
	return nil
}

// parsePart streams one XML part of the package into doc.
func parsePart(ctx context.Context, a *zipsafe.Archive, part string, doc *hesabat.Document, ls *lists) error {
	rc, err := a.Open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	p := newParser(ctx, bufio.NewReader(rc), doc, ls)
	if err := p.parse(); err != nil {
		if we := a.Wrap(part, err); we != nil {
			return we
		}
		return p.wrap(part, err)
	}
	return nil
}

// flat reads a flat ODT: one XML document holding styles and content.
func (x *Extractor) flat(ctx context.Context, doc *hesabat.Document, r io.ReaderAt, size int64) (*hesabat.Document, error) {
	path := doc.Source.Path
	if size > x.opts.MaxUncompressed {
		return nil, hesabat.Errorf(path, hesabat.ErrTooLarge, "", "%d bytes, over the %d-byte limit", size, x.opts.MaxUncompressed)
	}
	br := bufio.NewReader(io.NewSectionReader(r, 0, size))
	head, _ := br.Peek(1024)
	if !bytes.Contains(head, []byte("<office:document")) && !bytes.Contains(head, []byte(nsOffice)) {
		return nil, hesabat.Errorf(path, hesabat.ErrUnsupported, "is it really an .odt? open and re-save it in LibreOffice", "neither a zip archive nor a flat OpenDocument XML file")
	}
	p := newParser(ctx, br, doc, newLists())
	if err := p.parse(); err != nil {
		var he *hesabat.Error
		switch {
		case errors.As(err, &he):
			return nil, he
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return nil, &hesabat.Error{Path: path, Err: err}
		}
		return nil, p.wrap("the XML", err)
	}
	if p.mime != "" && p.mime != textMime && p.mime != textMime+"-template" {
		return nil, hesabat.Errorf(path, hesabat.ErrUnsupported, "only text documents (.fodt) are read", "an OpenDocument file of type %q", p.mime)
	}
	return doc, nil
}

// parser streams one XML part (content.xml, styles.xml, or a flat ODT)
// into a Document.
type parser struct {
	xmlsafe.Tokens
	ctx  context.Context
	doc  *hesabat.Document
	mime string

	breaks int // soft page breaks seen so far
	lists  *lists
	open   []openList // the lists being read, outermost first
}

func newParser(ctx context.Context, r io.Reader, doc *hesabat.Document, ls *lists) *parser {
	tokens := xmlsafe.New(r, func(label string) error {
		return errors.New("XML encoding " + strconv.Quote(label) + " not supported")
	})
	return &parser{Tokens: tokens, ctx: ctx, doc: doc, lists: ls}
}

// children calls visit for each child element of the element just started,
// up to its end; visit must read the child to its end. Character data
// between children goes to text when it is not nil.
func (p *parser) children(visit func(xml.StartElement) error, text func(string)) error {
	for {
		t, err := p.Next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := visit(t); err != nil {
				return err
			}
		case xml.CharData:
			if text != nil {
				text(string(t))
			}
		}
	}
}

// wrap describes a malformed part.
func (p *parser) wrap(part string, err error) error {
	return hesabat.Errorf(p.doc.Source.Path, hesabat.ErrCorrupt, "the document is damaged; "+resave, "%s: malformed XML at byte %d: %v", part, p.D.InputOffset(), err)
}

func is(n xml.Name, space, local string) bool { return n.Space == space && n.Local == local }

func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// count reads an integer attribute such as number-columns-spanned,
// clamped to [1, hi]; 1 when absent or junk.
func count(e xml.StartElement, space, local string, hi int) int {
	n, err := strconv.Atoi(strings.TrimSpace(attr(e, space, local)))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, hi)
}

// parse reads a whole part: its root, then office:body's text and
// office:master-styles' headers and footers, wherever they stand.
func (p *parser) parse() error {
	for {
		t, err := p.Next()
		if err != nil {
			return err
		}
		if e, ok := t.(xml.StartElement); ok {
			if e.Name.Space != nsOffice {
				return errors.New("root element is <" + e.Name.Local + ">, not an OpenDocument part")
			}
			p.mime = attr(e, nsOffice, "mimetype")
			break
		}
	}
	err := p.children(func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsOffice, "body"):
			return p.children(func(e xml.StartElement) error {
				if is(e.Name, nsOffice, "text") {
					return p.children(p.block(nil), nil)
				}
				return p.Skip()
			}, nil)
		case is(e.Name, nsOffice, "master-styles"):
			return p.masterStyles()
		case is(e.Name, nsOffice, "styles"), is(e.Name, nsOffice, "automatic-styles"):
			return p.listStyles()
		}
		return p.Skip()
	}, nil)
	if err != nil {
		return err
	}
	if err := p.Finish(); err != nil {
		return err
	}
	p.doc.Pages = max(p.doc.Pages, p.breaks+1)
	return nil
}

// masterStyles reads the running headers and footers of the master pages
// as furniture.
func (p *parser) masterStyles() error {
	return p.children(func(e xml.StartElement) error {
		if !is(e.Name, nsStyle, "master-page") {
			return p.Skip()
		}
		return p.children(func(e xml.StartElement) error {
			kind := ""
			switch e.Name.Local {
			case "header", "header-first", "header-left":
				kind = "header"
			case "footer", "footer-first", "footer-left":
				kind = "footer"
			}
			if e.Name.Space != nsStyle || kind == "" {
				return p.Skip()
			}
			var paras []string
			err := p.children(p.block(&paras), nil)
			for _, t := range paras {
				p.doc.Furniture = append(p.doc.Furniture, hesabat.Furniture{Kind: kind, Text: t})
			}
			return err
		}, nil)
	}, nil)
}

// block returns the visitor of block content: paragraphs, headings, lists,
// sections and tables. With into nil, paragraphs become rows of the
// document; otherwise (cells, headers) they are appended to *into.
func (p *parser) block(into *[]string) func(xml.StartElement) error {
	var visit func(xml.StartElement) error
	visit = func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsText, "p"), is(e.Name, nsText, "h"):
			return p.paragraph(into, "")
		case is(e.Name, nsText, "list"):
			return p.list(e, visit)
		case is(e.Name, nsText, "section"),
			is(e.Name, nsText, "list-header"), is(e.Name, nsText, "index-body"),
			is(e.Name, nsText, "index-title"), is(e.Name, nsText, "table-of-content"),
			is(e.Name, nsText, "illustration-index"), is(e.Name, nsText, "alphabetical-index"):
			return p.children(visit, nil)
		case is(e.Name, nsText, "list-item"):
			return p.listItem(e, into, visit)
		case is(e.Name, nsText, "soft-page-break"):
			p.breaks++
			return p.Skip()
		case is(e.Name, nsTable, "table"):
			return p.table(into)
		}
		return p.Skip()
	}
	return visit
}

// listItem reads a text:list-item: its stored number, if any, goes in
// front of its first paragraph.
func (p *parser) listItem(e xml.StartElement, into *[]string, visit func(xml.StartElement) error) error {
	start, _ := strconv.Atoi(attr(e, nsText, "start-value"))
	label, first := "", true
	return p.children(func(e xml.StartElement) error {
		switch {
		case is(e.Name, nsText, "number"):
			var b strings.Builder
			err := p.children(func(xml.StartElement) error { return p.Skip() }, func(s string) { b.WriteString(s) })
			label = strings.TrimSpace(b.String())
			return err
		case first && (is(e.Name, nsText, "p") || is(e.Name, nsText, "h")):
			// The item is numbered at its first paragraph; one whose first
			// child is a nested list is not, at this level.
			first = false
			if n := p.number(start); label == "" {
				label = n
			}
			return p.paragraph(into, label)
		case is(e.Name, nsText, "list"):
			first = false
		}
		return visit(e)
	}, nil)
}

// emitRow appends a row to the document, honouring cancellation.
func (p *parser) emitRow(row hesabat.Row) error {
	if err := p.ctx.Err(); err != nil {
		return err
	}
	p.doc.Rows = append(p.doc.Rows, row)
	return nil
}

// paragraph reads a text:p or text:h. Its text, with label in front, and
// then the bodies of the notes it cites go to *into, or become rows when
// into is nil.
func (p *parser) paragraph(into *[]string, label string) error {
	off, page := p.Start, p.breaks+1
	var b strings.Builder
	var notes []string
	if err := p.inline(&b, &notes); err != nil {
		return err
	}
	text := strings.Join(strings.Fields(strings.ToValidUTF8(b.String(), "\uFFFD")), " ")
	if label != "" {
		text = strings.TrimSpace(label + " " + text)
	}
	paras := notes
	if text != "" {
		paras = append([]string{text}, notes...)
	}
	if into != nil {
		*into = append(*into, paras...)
		return nil
	}
	for _, t := range paras {
		if err := p.emitRow(hesabat.Row{Cells: []hesabat.Cell{{Paras: []string{t}, Span: 1}}, Page: page, Offset: off}); err != nil {
			return err
		}
	}
	return nil
}

// inline reads paragraph content into b; the paragraphs of the notes it
// cites go to *notes.
func (p *parser) inline(b *strings.Builder, notes *[]string) error {
	var visit func(xml.StartElement) error
	text := func(s string) { b.WriteString(s) }
	visit = func(e xml.StartElement) error {
		if is(e.Name, nsOffice, "annotation") {
			return p.annotation()
		}
		if e.Name.Space != nsText {
			return p.Skip() // frames, drawings, foreign elements
		}
		switch e.Name.Local {
		case "s":
			n, err := strconv.Atoi(attr(e, nsText, "c"))
			if err != nil || n < 1 {
				n = 1
			}
			b.WriteString(strings.Repeat(" ", min(n, 64)))
			return p.Skip()
		case "tab", "line-break":
			b.WriteString(" ")
			return p.Skip()
		case "soft-page-break":
			p.breaks++
			return p.Skip()
		case "note":
			return p.note(notes)
		case "tracked-changes", "note-citation", "ruby-text":
			return p.Skip()
		}
		// Spans, links, fields, bookmarks, change marks: read through.
		return p.children(visit, text)
	}
	return p.children(visit, text)
}

// annotation reads an office:annotation (a comment): its paragraphs are
// furniture, not text of the report; its author and date are not read.
func (p *parser) annotation() error {
	var paras []string
	err := p.children(func(e xml.StartElement) error {
		if is(e.Name, nsText, "p") || is(e.Name, nsText, "list") {
			return p.block(&paras)(e)
		}
		return p.Skip()
	}, nil)
	for _, t := range paras {
		p.doc.Furniture = append(p.doc.Furniture, hesabat.Furniture{Kind: "comment", Text: t})
	}
	return err
}

// note reads a text:note: its citation is dropped, its body's paragraphs
// appended to *notes.
func (p *parser) note(notes *[]string) error {
	return p.children(func(e xml.StartElement) error {
		if is(e.Name, nsText, "note-body") {
			return p.children(p.block(notes), nil)
		}
		return p.Skip()
	}, nil)
}

// maxSpan clamps spans and repetitions read from the file: a table wider
// than this is not a report, and LibreOffice writes "1024 empty columns
// repeated" for spreadsheets pasted in.
const maxSpan = 1000

// maxRepeat bounds how many rows one repeated row may become.
const maxRepeat = 1000

// vspan is a vertical span running down from a row above: rows it still
// covers, and its width.
type vspan struct{ rows, span int }

// tableState is the state of one table being read.
type tableState struct {
	into  *[]string     // nil for a top-level table
	below map[int]vspan // grid column where a vertical span starts -> span
}

// table reads a table:table. With into nil its rows go to the document;
// a nested table's cell paragraphs are appended to *into.
func (p *parser) table(into *[]string) error {
	ts := &tableState{into: into, below: map[int]vspan{}}
	var visit func(header bool) func(xml.StartElement) error
	visit = func(header bool) func(xml.StartElement) error {
		return func(e xml.StartElement) error {
			switch {
			case is(e.Name, nsTable, "table-row"):
				return p.row(ts, e, header)
			case is(e.Name, nsTable, "table-header-rows"):
				return p.children(visit(true), nil)
			case is(e.Name, nsTable, "table-rows"), is(e.Name, nsTable, "table-row-group"):
				return p.children(visit(header), nil)
			case is(e.Name, nsText, "soft-page-break"):
				p.breaks++
			}
			return p.Skip()
		}
	}
	return p.children(visit(false), nil)
}

// row reads a table:table-row (repeated as table:number-rows-repeated
// says).
func (p *parser) row(ts *tableState, e xml.StartElement, header bool) error {
	off, page := p.Start, p.breaks+1
	repeat := count(e, nsTable, "number-rows-repeated", maxRepeat)
	var cells []hesabat.Cell
	col, hidden := 0, 0 // next grid column; covered cells a span still hides
	// below is rebuilt: spans that go on past this row.
	above := ts.below
	ts.below = map[int]vspan{}
	err := p.children(func(e xml.StartElement) error {
		covered := is(e.Name, nsTable, "covered-table-cell")
		if !covered && !is(e.Name, nsTable, "table-cell") {
			return p.Skip()
		}
		n := count(e, nsTable, "number-columns-repeated", maxSpan)
		var paras []string
		if err := p.children(p.block(&paras), nil); err != nil {
			return err
		}
		for range n {
			if col >= maxSpan {
				break
			}
			switch {
			case covered && hidden > 0:
				hidden--
				col++
				continue
			case covered:
				// Under a vertical span: an empty cell as wide as the span,
				// hiding the covered cells it widens over.
				v, ok := above[col]
				span := 1
				if ok {
					span = v.span
					if v.rows > 1 {
						ts.below[col] = vspan{v.rows - 1, v.span}
					}
				}
				cells = append(cells, hesabat.Cell{Paras: paras, Span: span})
				hidden = span - 1
				col++
				continue
			}
			span := count(e, nsTable, "number-columns-spanned", maxSpan)
			if rows := count(e, nsTable, "number-rows-spanned", maxRepeat); rows > 1 {
				ts.below[col] = vspan{rows - 1, span}
			}
			cells = append(cells, hesabat.Cell{Paras: paras, Span: span})
			hidden = span - 1
			col++
		}
		return nil
	}, nil)
	if err != nil {
		return err
	}
	if ts.into != nil {
		for range repeat {
			for _, c := range cells {
				*ts.into = append(*ts.into, c.Paras...)
			}
		}
		return nil
	}
	if len(cells) == 0 {
		return nil
	}
	allEmpty := true
	for _, c := range cells {
		allEmpty = allEmpty && len(c.Paras) == 0
	}
	if allEmpty {
		repeat = 1 // padding rows repeated by the thousand carry nothing
	}
	for range repeat {
		if err := p.emitRow(hesabat.Row{Cells: cells, InTable: true, Header: header, Page: page, Offset: off}); err != nil {
			return err
		}
	}
	return nil
}
