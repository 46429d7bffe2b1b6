package docx

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/listnum"
	"github.com/hesabat/hesabat/extract/internal/xmlsafe"
)

// Namespaces, matched on xml.Name.Space: prefixes are the file's choice.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxFields bounds the stack of open complex fields.
const maxFields = 64

// wrappers are elements read through as if absent, in any context: content
// controls (see sdt), custom XML, accepted insertions and moves, hyperlinks, simple
// fields (their runs are the result), bidi embeddings.
var wrappers = set("sdtContent", "customXml", "ins", "moveTo", "smartTag",
	"hyperlink", "fldSimple", "dir", "bdo")

// skipped are elements whose content is never text of the accepted view:
// deletions, moves away, properties, field instructions, comment
// references, ruby annotations and section properties. (Drawings, VML
// pictures and objects are searched for text boxes by paragraph; note
// references are read there too.)
var skipped = set("del", "moveFrom", "sdtPr", "sdtEndPr", "rPr", "pPr", "tblPr",
	"tblGrid", "trPr", "tcPr", "tblPrEx", "instrText",
	"delText", "commentReference",
	"fldData", "rt", "customXmlPr", "smartTagPr", "sectPr", "ffData")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// isW reports whether n is the WordprocessingML element local.
func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

func inW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// attr returns the value of e's attribute local in the w namespace (or in
// none, which some writers emit), and whether it is present.
func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || inW(a.Name)) {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads an ST_OnOff property: present without val, or with a val
// other than 0/false/off, is on.
func onOff(e xml.StartElement) bool {
	v, ok := attr(e, "val")
	return !ok || (v != "0" && v != "false" && v != "off")
}

// intAttr reads e's val as an integer clamped to [lo, hi]; def when absent
// or junk.
func intAttr(e xml.StartElement, def, lo, hi int) int {
	v, ok := attr(e, "val")
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return def
	}
	return min(max(n, lo), hi)
}

// pageMark is the page-break counts at a row's first text: breaks Word
// rendered (w:lastRenderedPageBreak) and breaks the author made.
type pageMark struct {
	set                bool
	rendered, explicit int
}

// parser streams the main document part into a Document.
type parser struct {
	xmlsafe.Tokens
	ctx context.Context
	num *numbering
	doc *hesabat.Document

	rendered, explicit int  // page breaks seen so far
	textSinceBreak     bool // text since the last explicit page break
	open               int  // rows and body paragraphs open; marks belong to the outermost
	mark               pageMark
	marks              []pageMark // one per row of doc.Rows

	fields   []bool // open complex fields: past separate?
	overflow int    // fields opened beyond maxFields

	tables    int                // tables open around the current paragraph
	notes     map[noteKey]string // footnote and endnote texts, read before the main part
	noteSeq   [2]int             // references met so far, per note kind
	notePages []notePage         // furniture entries (notes outside tables) to page
	running   []string           // relationship ids of headers and footers, in order met
}

// notePage is a Furniture entry whose page is the page of a reference.
type notePage struct {
	at   int // index in doc.Furniture
	mark pageMark
}

func newParser(ctx context.Context, r io.Reader, num *numbering, doc *hesabat.Document) *parser {
	tokens := xmlsafe.New(r, func(label string) error {
		return &partError{kind: hesabat.ErrUnsupported, hint: "re-save the file in Word (it writes UTF-8)", msg: "XML encoding " + strconv.Quote(label) + " not supported"}
	})
	return &parser{Tokens: tokens, ctx: ctx, num: num, doc: doc}
}

// visitor handles one child element, reading it to its end, and reports
// whether it did; children it does not handle are left to walk.
type visitor func(xml.StartElement) (bool, error)

// walk reads the children of the element just started, up to its end.
// Each child goes to visit first; if visit does not take it, wrappers are
// read through with the same visitor, skipped elements are skipped,
// mc:AlternateContent yields one branch, and any other element is read
// through when inline (run content) and skipped otherwise.
func (p *parser) walk(inline bool, visit visitor) error {
	for {
		t, err := p.Next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if ok, err := visit(t); err != nil {
				return err
			} else if ok {
				continue
			}
			switch {
			case t.Name.Space == nsMC && t.Name.Local == "AlternateContent":
				err = p.alternate(inline, visit)
			case isW(t.Name, "sdt"):
				err = p.sdt(inline, visit)
			case inW(t.Name) && wrappers[t.Name.Local]:
				err = p.walk(inline, visit)
			case inW(t.Name) && skipped[t.Name.Local], !inline:
				err = p.Skip()
			default:
				err = p.walk(inline, visit)
			}
			if err != nil {
				return err
			}
		}
	}
}

// alternate reads the first mc:Choice of an mc:AlternateContent (or its
// mc:Fallback when there is no Choice) and skips the other branches:
// reading both would double the text.
func (p *parser) alternate(inline bool, visit visitor) error {
	taken := false
	for {
		t, err := p.Next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if !taken && t.Name.Space == nsMC && (t.Name.Local == "Choice" || t.Name.Local == "Fallback") {
				taken = true
				err = p.walk(inline, visit)
			} else {
				err = p.Skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

// sdt reads a content control (w:sdt) through to its content, unless the
// control shows its placeholder text ("Click or tap here to enter text."),
// which is a prompt, not content.
func (p *parser) sdt(inline bool, visit visitor) error {
	placeholder := false
	return p.walk(inline, func(e xml.StartElement) (bool, error) {
		switch {
		case isW(e.Name, "sdtPr"):
			return true, p.walk(false, func(e xml.StartElement) (bool, error) {
				if isW(e.Name, "showingPlcHdr") {
					placeholder = onOff(e)
				}
				return false, nil
			})
		case isW(e.Name, "sdtContent") && placeholder:
			return true, p.Skip()
		}
		return visit(e)
	})
}

// parse reads the whole main part: w:document, then the block content of
// w:body.
func (p *parser) parse() error {
	err := p.parseRoot("document", func(e xml.StartElement) (bool, error) {
		if !isW(e.Name, "body") {
			return false, nil
		}
		return true, p.walk(false, p.bodyBlock)
	})
	if err != nil {
		return err
	}
	p.finishPages()
	return nil
}

// parseRoot reads a part whose root element is the WordprocessingML
// element root, handing its children to visit, to the end of the part.
func (p *parser) parseRoot(root string, visit visitor) error {
	for {
		t, err := p.Next()
		if err != nil {
			return err
		}
		if e, ok := t.(xml.StartElement); ok {
			if !isW(e.Name, root) {
				return errors.New("root element is <" + e.Name.Local + ">, not a Word document part (<w:" + root + ">)")
			}
			break
		}
	}
	if err := p.walk(false, visit); err != nil {
		return err
	}
	return p.Finish()
}

// bodyBlock handles a block-level element of the body (or of a header or
// footer): a paragraph becomes a Row outside tables, followed by a Row for
// each paragraph of the text boxes anchored in it; a table becomes its
// rows; a section's properties name its headers and footers.
func (p *parser) bodyBlock(e xml.StartElement) (bool, error) {
	switch {
	case isW(e.Name, "p"):
		off := p.Start
		p.beginRow()
		text, boxes, err := p.paragraph()
		if err != nil {
			return true, err
		}
		if text == "" {
			p.endRow(nil)
		} else if err := p.endRow(&hesabat.Row{Cells: []hesabat.Cell{{Paras: []string{text}, Span: 1}}, Offset: off}); err != nil {
			return true, err
		}
		for _, b := range boxes {
			p.beginRow()
			if err := p.endRow(&hesabat.Row{Cells: []hesabat.Cell{{Paras: []string{b.text}, Span: 1}}, Offset: b.off}); err != nil {
				return true, err
			}
		}
		return true, nil
	case isW(e.Name, "tbl"):
		return true, p.table(nil)
	case isW(e.Name, "sectPr"):
		return true, p.sectPr(nil)
	}
	return false, nil
}

// blocks returns a visitor that reads block content into *into: each
// paragraph's text and then the paragraphs of the text boxes anchored in
// it, and a table's text cell by cell. Table cells, nested tables, text
// boxes and notes are read with it.
func (p *parser) blocks(into *[]string) visitor {
	return func(e xml.StartElement) (bool, error) {
		switch {
		case isW(e.Name, "p"):
			text, boxes, err := p.paragraph()
			if text != "" {
				*into = append(*into, text)
			}
			for _, b := range boxes {
				*into = append(*into, b.text)
			}
			return true, err
		case isW(e.Name, "tbl"):
			return true, p.table(into)
		}
		return false, nil
	}
}

// beginRow opens a row or body paragraph; the outermost one takes the page
// of its first text.
func (p *parser) beginRow() {
	if p.open == 0 {
		p.mark = pageMark{}
	}
	p.open++
}

// endRow closes what beginRow opened and, for the outermost row, appends
// row (when not nil) to the document. It honours cancellation.
func (p *parser) endRow(row *hesabat.Row) error {
	p.open--
	if p.open > 0 || row == nil {
		return nil
	}
	if err := p.ctx.Err(); err != nil {
		return err
	}
	p.markText()
	p.doc.Rows = append(p.doc.Rows, *row)
	p.marks = append(p.marks, p.mark)
	return nil
}

// markText records the current page as the open row's, if it has none yet.
func (p *parser) markText() {
	if p.open > 0 && !p.mark.set {
		p.mark = pageMark{set: true, rendered: p.rendered, explicit: p.explicit}
	}
}

// finishPages sets each row's page. Word records the page breaks of its
// last layout as w:lastRenderedPageBreak; a file that has them is paged by
// them, one without them by the author's explicit breaks (page breaks,
// page-break-before, section breaks).
func (p *parser) finishPages() {
	useRendered := p.rendered > 0
	page := func(m pageMark) int {
		if useRendered {
			return m.rendered + 1
		}
		return m.explicit + 1
	}
	for i, m := range p.marks {
		p.doc.Rows[i].Page = page(m)
	}
	for _, n := range p.notePages {
		p.doc.Furniture[n.at].Page = page(n.mark)
	}
	if useRendered {
		p.doc.Pages = p.rendered + 1
	} else {
		p.doc.Pages = p.explicit + 1
	}
}

// explicitBreak counts a page break the author made. soft breaks (page
// break before a paragraph, section breaks) are not counted at the top of
// a page, where Word does not add one.
func (p *parser) explicitBreak(soft bool) {
	if soft && !p.textSinceBreak {
		return
	}
	p.explicit++
	p.textSinceBreak = false
}

// row state of a table.
type tableState struct {
	above   map[int]bool // grid columns where a vertically merged cell of the row above starts
	leading bool         // no row yet, or only header rows
}

// table reads a w:tbl. With into nil its rows go to the document; a nested
// table's cell paragraphs are appended to *into, row by row, left to right.
func (p *parser) table(into *[]string) error {
	ts := &tableState{above: map[int]bool{}, leading: true}
	p.tables++
	defer func() { p.tables-- }()
	return p.walk(false, func(e xml.StartElement) (bool, error) {
		if !isW(e.Name, "tr") {
			return false, nil
		}
		return true, p.row(ts, into)
	})
}

// rowState collects one w:tr.
type rowState struct {
	cells                 []hesabat.Cell
	header, deleted       bool
	gridBefore, gridAfter int
	col                   int          // next grid column
	merged                map[int]bool // grid columns where this row's vertically merged cells start
	hmergeable            bool         // the last cell may absorb an hMerge continuation
}

// maxSpan clamps spans read from the file; Word allows 63 columns.
const maxSpan = 1000

// row reads a w:tr: gridBefore and gridAfter become empty cells spanning
// those columns, a vertical-merge continuation an empty cell, a legacy
// horizontal-merge continuation widens the cell before it. Rows deleted as
// tracked changes are dropped. Only the leading rows of a table can be
// header rows.
func (p *parser) row(ts *tableState, into *[]string) error {
	off := p.Start
	p.beginRow()
	rs := &rowState{merged: map[int]bool{}}
	// A row that runs over a page break has a w:lastRenderedPageBreak in
	// each cell that goes on: the cells run side by side, so the row ends
	// as many pages on as its longest cell, not their sum.
	base, longest := p.rendered, 0
	err := p.walk(false, func(e xml.StartElement) (bool, error) {
		switch {
		case isW(e.Name, "trPr"):
			return true, p.walk(false, func(e xml.StartElement) (bool, error) {
				switch {
				case isW(e.Name, "tblHeader"):
					rs.header = onOff(e)
				case isW(e.Name, "gridBefore"):
					rs.gridBefore = intAttr(e, 0, 0, maxSpan)
				case isW(e.Name, "gridAfter"):
					rs.gridAfter = intAttr(e, 0, 0, maxSpan)
				case isW(e.Name, "del"):
					rs.deleted = true
				default:
					return false, nil
				}
				return true, p.Skip()
			})
		case isW(e.Name, "tc"):
			if rs.col == 0 && rs.gridBefore > 0 {
				rs.cells = append(rs.cells, hesabat.Cell{Span: rs.gridBefore})
				rs.col = rs.gridBefore
			}
			p.rendered = base
			err := p.cell(ts, rs)
			longest = max(longest, p.rendered-base)
			return true, err
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	p.rendered = base + longest
	if rs.deleted {
		p.endRow(nil)
		return nil
	}
	// Word repeats only the table's leading run of header rows and ignores
	// the flag further down, where it would hide a measure row.
	rs.header = rs.header && ts.leading
	ts.leading = rs.header
	if len(rs.cells) == 0 && rs.gridBefore > 0 {
		rs.cells = append(rs.cells, hesabat.Cell{Span: rs.gridBefore})
	}
	if rs.gridAfter > 0 {
		rs.cells = append(rs.cells, hesabat.Cell{Span: rs.gridAfter})
	}
	ts.above = rs.merged
	if into != nil {
		for _, c := range rs.cells {
			*into = append(*into, c.Paras...)
		}
		p.endRow(nil)
		return nil
	}
	return p.endRow(&hesabat.Row{Cells: rs.cells, InTable: true, Header: rs.header, Offset: off})
}

// Values of w:vMerge and w:hMerge.
const (
	noMerge = iota
	mergeRestart
	mergeContinue
)

func mergeOf(e xml.StartElement) int {
	if v, _ := attr(e, "val"); v == "restart" {
		return mergeRestart
	}
	return mergeContinue
}

// cell reads a w:tc into rs, placing it by grid column.
func (p *parser) cell(ts *tableState, rs *rowState) error {
	span, vmerge, hmerge := 1, noMerge, noMerge
	var paras []string
	content := p.blocks(&paras)
	err := p.walk(false, func(e xml.StartElement) (bool, error) {
		switch {
		case isW(e.Name, "tcPr"):
			return true, p.walk(false, func(e xml.StartElement) (bool, error) {
				switch {
				case isW(e.Name, "gridSpan"):
					span = intAttr(e, 1, 1, maxSpan)
				case isW(e.Name, "vMerge"):
					vmerge = mergeOf(e)
				case isW(e.Name, "hMerge"):
					hmerge = mergeOf(e)
				default:
					return false, nil
				}
				return true, p.Skip()
			})
		}
		return content(e)
	})
	if err != nil {
		return err
	}
	col := rs.col
	rs.col += span
	if hmerge == mergeContinue && rs.hmergeable {
		rs.cells[len(rs.cells)-1].Span += span
		return nil
	}
	// A continuation joins the merged cell above it at the same grid
	// column; the merged cell's text is in the row where it starts. With no
	// merge above to continue, the spec says to ignore it: a cell of its own.
	if vmerge == mergeContinue && ts.above[col] {
		paras = nil
	}
	rs.cells = append(rs.cells, hesabat.Cell{Paras: paras, Span: span})
	rs.merged[col] = vmerge == mergeRestart || (vmerge == mergeContinue && ts.above[col])
	rs.hmergeable = hmerge != noMerge
	return nil
}

// paraState collects one w:p.
type paraState struct {
	b         strings.Builder
	style     string
	numID     string
	ilvl      int
	hasNumID  bool
	hasIlvl   bool
	sectBreak bool
	notes     []citedNote // notes cited, in order
	boxes     []boxPara   // paragraphs of text boxes anchored here
}

// citedNote is a note a paragraph cites: its kind ("footnote", "endnote"),
// its text with its label in front ("[1] Mətn"), and the page marks where
// the reference stands.
type citedNote struct {
	kind, text string
	mark       pageMark
}

// boxPara is a paragraph of a text box, with the byte offset of its w:p.
type boxPara struct {
	text string
	off  int64
}

// paragraph reads a w:p and returns its text, trimmed, with Word's
// automatic number in front when the paragraph is numbered, and the
// paragraphs of the text boxes anchored in it, in order. A line break
// (w:br, w:cr) does not end the paragraph: in these reports Word's soft
// return wraps lines by hand (titles, pasted text), so it becomes a space.
//
// The notes the paragraph cites follow its text when it stands in a table
// ("…edilmişdir. [1] Mətn"; see noteRef), so that they stay with their
// measure; outside tables (a title, a note or a signature) they become
// Furniture on the page of the reference, as a printed page's footnote
// area is, and the paragraph's text is left as it is.
func (p *parser) paragraph() (string, []boxPara, error) {
	ps := &paraState{}
	var visit visitor
	visit = func(e xml.StartElement) (bool, error) {
		if !inW(e.Name) {
			return false, nil
		}
		switch e.Name.Local {
		case "pPr":
			return true, p.pPr(ps)
		case "r":
			return true, p.run(visit)
		case "t":
			return true, p.text(ps)
		case "tab", "ptab":
			p.emit(ps, " ")
		case "br":
			if v, _ := attr(e, "type"); v == "page" {
				p.explicitBreak(false)
			}
			p.emit(ps, " ")
		case "cr":
			p.emit(ps, " ")
		case "noBreakHyphen":
			p.emit(ps, "-")
		case "softHyphen":
			// an optional hyphen is not text
		case "sym":
			p.emit(ps, symbol(e))
		case "lastRenderedPageBreak":
			p.rendered++
		case "fldChar":
			p.fieldChar(e)
		case "footnoteReference", "endnoteReference":
			p.noteRef(ps, e)
		case "drawing", "pict", "object":
			return true, p.textBoxes(ps)
		default:
			return false, nil
		}
		return true, p.Skip()
	}
	if err := p.walk(true, visit); err != nil {
		return "", nil, err
	}
	text := strings.TrimSpace(strings.ToValidUTF8(ps.b.String(), "\uFFFD"))
	if label := p.num.label(ps); label != "" {
		text = strings.TrimSpace(label + text)
	}
	for _, n := range ps.notes {
		if p.tables > 0 {
			text = strings.TrimSpace(text + " " + n.text)
			continue
		}
		p.notePages = append(p.notePages, notePage{at: len(p.doc.Furniture), mark: n.mark})
		p.doc.Furniture = append(p.doc.Furniture, hesabat.Furniture{Kind: n.kind, Text: n.text})
	}
	if ps.sectBreak {
		p.explicitBreak(true)
	}
	p.closeInstructions()
	return text, ps.boxes, nil
}

// textBoxes reads a drawing, VML picture or object in a run: the content
// of each text box in it (w:txbxContent, inside wps:txbx or v:textbox)
// goes to ps.boxes as paragraphs, in place of the anchor; the rest of it
// (shapes, pictures, charts) is not text.
func (p *parser) textBoxes(ps *paraState) error {
	return p.walk(true, func(e xml.StartElement) (bool, error) {
		if !isW(e.Name, "txbxContent") {
			return false, nil
		}
		var texts []string
		content := p.blocks(&texts)
		return true, p.walk(false, func(e xml.StartElement) (bool, error) {
			off, n := p.Start, len(texts)
			ok, err := content(e)
			for _, t := range texts[n:] {
				ps.boxes = append(ps.boxes, boxPara{text: t, off: off})
			}
			return ok, err
		})
	})
}

// noteRef reads a w:footnoteReference or w:endnoteReference: the note it
// cites is labelled as Word numbers notes by default, footnotes 1, 2, 3…
// and endnotes i, ii, iii… in the order of their references, and recorded
// in ps ("[1] Mətn"). The reference mark itself is not text. A reference
// inside a field instruction, or to a note that is missing or empty, adds
// nothing.
func (p *parser) noteRef(ps *paraState, e xml.StartElement) {
	kind, style := 0, listnum.Decimal
	if e.Name.Local == "endnoteReference" {
		kind, style = 1, listnum.LowerRoman
	}
	if !p.showing() {
		return
	}
	p.noteSeq[kind]++
	id, _ := attr(e, "id")
	text := p.notes[noteKey{kind, strings.TrimSpace(id)}]
	if text == "" {
		return
	}
	ps.notes = append(ps.notes, citedNote{
		kind: noteKinds[kind],
		text: "[" + listnum.Format(p.noteSeq[kind], style) + "] " + text,
		mark: pageMark{set: true, rendered: p.rendered, explicit: p.explicit},
	})
}

// sectPr reads a section's properties: the relationship ids of the
// headers and footers it uses (to p.running), and, when brk is not nil,
// whether the section ends with a page break.
func (p *parser) sectPr(brk *bool) error {
	if brk != nil {
		*brk = true
	}
	return p.walk(false, func(e xml.StartElement) (bool, error) {
		switch {
		case isW(e.Name, "type") && brk != nil:
			v, _ := attr(e, "val")
			*brk = v != "continuous" && v != "nextColumn"
		case isW(e.Name, "headerReference"), isW(e.Name, "footerReference"):
			if id := relID(e); id != "" && !slices.Contains(p.running, id) {
				p.running = append(p.running, id)
			}
		}
		return false, nil
	})
}

// relID returns the r:id attribute of e (in the relationships namespace,
// transitional or strict).
func relID(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Local == "id" && strings.HasSuffix(a.Name.Space, "/relationships") {
			return a.Value
		}
	}
	return ""
}

// run reads a w:r with visit. A run hidden with w:vanish is not text, as
// Word neither shows nor prints it; its field characters still count.
func (p *parser) run(visit visitor) error {
	hidden := false
	return p.walk(true, func(e xml.StartElement) (bool, error) {
		switch {
		case isW(e.Name, "rPr"):
			return true, p.walk(false, func(e xml.StartElement) (bool, error) {
				if isW(e.Name, "vanish") {
					hidden = onOff(e)
				}
				return false, nil
			})
		case hidden && !isW(e.Name, "fldChar"):
			return true, p.Skip()
		}
		return visit(e)
	})
}

// pPr reads the paragraph properties that matter: style and numbering,
// page break before, and a section break after the paragraph.
func (p *parser) pPr(ps *paraState) error {
	return p.walk(false, func(e xml.StartElement) (bool, error) {
		switch {
		case isW(e.Name, "pStyle"):
			ps.style, _ = attr(e, "val")
		case isW(e.Name, "numPr"):
			return true, p.walk(false, func(e xml.StartElement) (bool, error) {
				switch {
				case isW(e.Name, "numId"):
					ps.numID, ps.hasNumID = attr(e, "val")
				case isW(e.Name, "ilvl"):
					ps.ilvl, ps.hasIlvl = intAttr(e, 0, 0, 8), true
				default:
					return false, nil
				}
				return true, p.Skip()
			})
		case isW(e.Name, "pageBreakBefore"):
			if onOff(e) {
				p.explicitBreak(true)
			}
		case isW(e.Name, "sectPr"):
			return true, p.sectPr(&ps.sectBreak)
		default:
			return false, nil
		}
		return true, p.Skip()
	})
}

// text reads a w:t.
func (p *parser) text(ps *paraState) error {
	for {
		t, err := p.Next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.CharData:
			p.emit(ps, string(t))
		case xml.StartElement:
			if err := p.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// showing reports whether text read now is shown: not inside a field
// instruction.
func (p *parser) showing() bool {
	for _, sep := range p.fields {
		if !sep {
			return false
		}
	}
	return p.overflow == 0
}

// emit appends s to the paragraph unless a field instruction is being read.
func (p *parser) emit(ps *paraState, s string) {
	if !p.showing() || s == "" {
		return
	}
	ps.b.WriteString(s)
	if strings.TrimSpace(s) != "" {
		p.textSinceBreak = true
		p.markText()
	}
}

// fieldChar tracks complex fields: text shows only while every open field
// is past its separator, i.e. in the field's result. Fields nest and may
// span paragraphs.
func (p *parser) fieldChar(e xml.StartElement) {
	switch v, _ := attr(e, "fldCharType"); v {
	case "begin":
		if len(p.fields) == maxFields {
			p.overflow++
		} else {
			p.fields = append(p.fields, false)
		}
	case "separate":
		if p.overflow == 0 && len(p.fields) > 0 {
			p.fields[len(p.fields)-1] = true
		}
	case "end":
		if p.overflow > 0 {
			p.overflow--
		} else if len(p.fields) > 0 {
			p.fields = p.fields[:len(p.fields)-1]
		}
	}
}

// closeInstructions drops, at a paragraph's end, the fields still in their
// instruction: a result may run over paragraphs, but an instruction that
// does would hide all text after it if its end is lost.
func (p *parser) closeInstructions() {
	for i, sep := range p.fields {
		if !sep {
			p.fields = p.fields[:i]
			break
		}
	}
	p.overflow = 0
}

// symbol returns the character of a w:sym. Symbol fonts store their
// characters in the private-use range F000-F0FF; those map to the low byte.
func symbol(e xml.StartElement) string {
	v, _ := attr(e, "char")
	n, err := strconv.ParseUint(strings.TrimSpace(v), 16, 32)
	if err != nil {
		return ""
	}
	if n >= 0xF000 && n <= 0xF0FF {
		n -= 0xF000
	}
	r := rune(n)
	if r < 0x20 || !utf8.ValidRune(r) {
		return ""
	}
	return string(r)
}
