package transform

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// sectionRe finds a numbered section heading: "2. Hesabatlılıq", "IV) …".
var sectionRe = regexp.MustCompile(`^(\d{1,2}|[IVX]{1,5})[.)]\s*\p{L}`)

// stitcher builds measures from rows, one row at a time, and records in
// acc where the text of every cell went.
type stitcher struct {
	doc      *hesabat.Document
	report   *hesabat.Report
	acc      *ledger
	cols     []role        // roles of grid columns; nil until a header is seen
	named    int           // the columns the header's text names (spreadHeader and numberColumn may name more)
	head     []string      // the header's text by grid column
	keys     []string      // the extra key of each grid column (see extraKeys)
	headPage int           // the page of the first header
	pre      []hesabat.Row // the rows above the first header
	section  *section
	cur      *hesabat.Measure
	work     paragraphs
	conf     confidence // of the current measure's OCR text
	orphan   *orphan
	inHeader bool // the row before was a header
	// dropNotes is a test hook: with it, text that would become a note
	// goes nowhere, so that tests can see the accounting catch it.
	dropNotes bool
}

// section is the section heading measures fall under until the next one.
type section struct {
	text string
	page int
	used bool // a measure holds it (its text is accounted for there)
}

// orphan collects the rows of a table row that could not be made a
// measure and of its continuation rows, by grid column, so that they
// become one note rather than joining the measure above.
type orphan struct {
	cols []string
	slot int // its index in the report's notes; -1 when notes are dropped
}

// Stitch builds the report from the document's rows (after Normalize),
// losing nothing: it finds the table header by the meaning of its words
// (see headerRoles), maps columns by it, takes header rows, repeated
// headers and rows of column numbers as furniture, folds continuation
// rows (empty number cell) into the measure above, turns rows of one
// spanning cell, or numbered headings outside the table (the one just
// above the first header included), into sections, and reads the report
// title and metadata from the title block above the table (see
// readMetadata; the plan, when the title names none, from the first note
// that does, as a caption below the table). Cells in columns without a role, or
// beyond the header's width, go to the measure's Extra. Every other text
// (paragraphs above the table other than its title, paragraphs between
// rows or after the table, rows that cannot be made a measure with their
// continuation rows) becomes a report note, with a warning for rows.
//
// read is what the extractor delivered (CountRead before the layout
// engine ran); the report's Text accounts for it, with a warning for each
// page whose text went nowhere. Stitch fails with hesabat.ErrNoTable when
// no header or no measure is found.
func Stitch(doc *hesabat.Document, read Read) (*hesabat.Report, error) {
	return newStitcher(doc, nil).run(read)
}

// newStitcher makes a stitcher of doc; counted, when not nil, holds texts
// with their counts of non-space runes, for the ledger (see normalize).
func newStitcher(doc *hesabat.Document, counted map[string]int) *stitcher {
	return &stitcher{doc: doc, acc: newLedger(counted), report: &hesabat.Report{
		Source:   doc.Source.Path,
		Format:   doc.Source.Format,
		SHA256:   doc.Source.SHA256,
		Pages:    doc.Pages,
		Measures: []hesabat.Measure{},
		Notes:    []string{},
		Warnings: append([]hesabat.Warning{}, doc.Warnings...),
	}}
}

func (s *stitcher) run(read Read) (*hesabat.Report, error) {
	for _, row := range s.doc.Rows {
		s.row(row)
	}
	s.flush()
	s.endSection()
	if s.cols == nil {
		return nil, hesabat.Errorf(s.doc.Source.Path, hesabat.ErrNoTable, `is this a report on a plan's measures?`, `no table header naming the title column and another (number, executor, term, work done)`)
	}
	if len(s.report.Measures) == 0 {
		err := hesabat.Errorf(s.doc.Source.Path, hesabat.ErrNoTable, "", "no numbered measure rows under the table header")
		err.Page = s.headPage
		return nil, err
	}
	s.above()
	if s.report.Plan.Title == "" {
		// The plan named below the table, in a note or a caption.
		for _, n := range s.report.Notes {
			if readPlan(s.report, n) {
				break
			}
		}
	}
	account(s.report, s.doc, read, s.acc)
	return s.report, nil
}

// above reads the metadata from the paragraphs above the table: the title
// block is furniture, the other paragraphs and rows there become the first
// notes.
func (s *stitcher) above() {
	var paras []string
	for _, row := range s.pre {
		if !row.InTable {
			for _, c := range row.Cells {
				paras = append(paras, c.Paras...)
			}
		}
	}
	from, to := readMetadata(s.report, paras)
	rest := s.report.Notes
	s.report.Notes = []string{}
	i := 0
	for _, row := range s.pre {
		if row.InTable {
			s.note(row.Page, rowText(row))
			continue
		}
		for _, c := range row.Cells {
			for _, p := range c.Paras {
				if i >= from && i <= to {
					s.acc.put(row.Page, toFurniture, p)
				} else {
					s.note(row.Page, p)
				}
				i++
			}
		}
	}
	s.report.Notes = append(s.report.Notes, rest...)
}

// note adds text from page to the report's notes.
func (s *stitcher) note(page int, text string) {
	if text == "" {
		return
	}
	s.acc.put(page, s.noteDest(), text)
	if i := s.noteSlot(); i >= 0 {
		s.report.Notes[i] = text
	}
}

// noteSlot appends an empty note and returns its index, or -1 when notes
// are dropped (see dropNotes).
func (s *stitcher) noteSlot() int {
	if s.dropNotes {
		return -1
	}
	s.report.Notes = append(s.report.Notes, "")
	return len(s.report.Notes) - 1
}

// noteDest is where text kept as a note is accounted.
func (s *stitcher) noteDest() dest {
	if s.dropNotes {
		return toLost
	}
	return toNote
}

// furniture accounts for a row the stitcher recognised as no content:
// a header, a repeated header, a row of column numbers.
func (s *stitcher) furniture(row hesabat.Row) {
	s.acc.put(row.Page, toFurniture, rowText(row))
}

func (s *stitcher) row(row hesabat.Row) {
	texts := gridTexts(row) // read, never changed, by the steps below
	if s.header(texts) {
		s.spreadHeader(row)
		if s.headPage == 0 {
			s.headPage = row.Page
			s.headingAbove()
		}
		s.furniture(row)
		return
	}
	wasHeader := s.inHeader
	s.inHeader = false
	if s.cols == nil {
		s.pre = append(s.pre, row)
		return
	}
	if !slices.ContainsFunc(texts, func(t string) bool { return t != "" }) {
		return // no text (rowText(row) == "")
	}
	if !row.InTable {
		text := joinTexts(texts) // rowText(row)
		if isHeading(text) {
			s.setSection(text, row.Page)
			return
		}
		s.note(row.Page, text) // notes, signatures, text between tables
		return
	}
	if wasHeader && namesColumns(row) >= 1 && s.extendHeader(texts) {
		s.furniture(row) // the next line of a header that wraps
		return
	}
	if row.Header || hesabat.ColumnNumbers(texts) || headerPiece(row) {
		s.inHeader = row.Header
		s.furniture(row)
		return
	}
	if c, ok := s.spanningCell(row); ok {
		if _, isNum := hesabat.MeasureNumber(c); isNum {
			s.skip(row, "row with a number and nothing else kept in notes")
			return
		}
		s.setSection(c, row.Page)
		return
	}
	s.numberColumn(row)
	num := s.numberCell(row)
	_, isNum := hesabat.MeasureNumber(num)
	_, _, withTitle := numberAndTitle(num)
	switch {
	case isNum || withTitle:
		s.flush()
		s.start(row)
	case num == "" && s.cur != nil:
		s.extend(row)
	case num == "" && s.orphan != nil:
		s.orphan.add(s, row)
	case num == "":
		s.skip(row, "table text before the first measure kept in notes")
	case roleOf(num) == number:
		s.mixedHeader(row)
	default:
		s.skip(row, fmt.Sprintf("row whose number cell %.30q is no measure number kept in notes", num))
	}
}

// skip makes row, with the continuation rows that follow it, a note
// instead of a measure, and warns. The measure above is finished first,
// so that the continuations do not join it.
func (s *stitcher) skip(row hesabat.Row, why string) {
	s.flush()
	s.report.Warnings = append(s.report.Warnings,
		hesabat.Warnf(hesabat.WarnSkippedRow, row.Page, "%s", why).Quoting(rowText(row)))
	s.orphan = &orphan{slot: s.noteSlot()}
	s.orphan.add(s, row)
}

// mixedHeader keeps as a note, with a warning, a row whose number cell
// is the number column's label ("Sıra N-si") but whose other cells are no
// header: a repeated header run together with the text below it, as a
// layout that cannot tell the two apart delivers it. The labels cannot be
// told from the text, so none of it joins a measure; but the rows after it
// are the measure's continuation on a new page, so the measure stays open.
func (s *stitcher) mixedHeader(row hesabat.Row) {
	s.report.Warnings = append(s.report.Warnings, hesabat.Warnf(hesabat.WarnSkippedRow, row.Page,
		"repeated header run together with text kept in notes").Quoting(rowText(row)))
	s.note(row.Page, rowText(row))
}

// add joins row's cells to the orphan's columns and accounts for them as
// notes.
func (o *orphan) add(s *stitcher, row hesabat.Row) {
	col := 0
	for _, c := range row.Cells {
		for len(o.cols) <= col {
			o.cols = append(o.cols, "")
		}
		if t := c.Text(); t != "" {
			o.cols[col] = hesabat.JoinText(o.cols[col], t)
			s.acc.put(row.Page, s.noteDest(), t)
		}
		col += c.Columns()
	}
}

// endOrphan writes the orphan's text into its note.
func (s *stitcher) endOrphan() {
	o := s.orphan
	s.orphan = nil
	if o == nil || o.slot < 0 {
		return
	}
	var parts []string
	for _, t := range o.cols {
		if t != "" {
			parts = append(parts, t)
		}
	}
	s.report.Notes[o.slot] = strings.Join(parts, " ")
}

// headingAbove makes the paragraph just above the first header the
// section of the measures below when it is a numbered section heading
// ("1. Dövlət satınalmalarında şəffaflığın təmin edilməsi") below other
// paragraphs (the title): a report split into one table per section names
// the first section there, as it names the later ones between the tables.
func (s *stitcher) headingAbove() {
	n := len(s.pre)
	if n < 2 || s.pre[n-1].InTable || s.pre[n-2].InTable {
		return
	}
	if last := s.pre[n-1]; isHeading(rowText(last)) {
		s.pre = s.pre[:n-1]
		s.setSection(rowText(last), last.Page)
	}
}

// isHeading reports whether a paragraph outside the table is a numbered
// section heading: a number and a short title, no sentence.
func isHeading(text string) bool {
	return sectionRe.MatchString(text) && len(strings.Fields(text)) <= 25
}

// setSection starts a section: the measures that follow fall under it.
func (s *stitcher) setSection(text string, page int) {
	s.flush()
	s.endSection()
	s.section = &section{text: text, page: page}
}

// endSection ends the current section; a heading no measure fell under is
// kept as a note.
func (s *stitcher) endSection() {
	if sec := s.section; sec != nil && !sec.used {
		s.note(sec.page, sec.text)
	}
	s.section = nil
}

// header takes texts as the table header if they are one. Once a header
// is known, a new one must name as many columns: fewer is more likely a
// row of short cells than a new table.
func (s *stitcher) header(texts []string) bool {
	cols, ok := headerRoles(texts)
	if ok && named(cols) >= s.named {
		s.setHeader(cols, texts)
		return true
	}
	return false
}

func (s *stitcher) setHeader(cols []role, texts []string) {
	s.cols, s.head, s.inHeader = cols, texts, true
	s.named = named(cols)
	s.keys = extraKeys(texts)
}

// spreadHeader gives the grid columns under a header cell that spans
// several of them the roles its words name, in the order they name them,
// when it names as many roles, none of them held by another column: a
// layout that could not tell two header cells apart runs them into one
// ("Sıra N-Tədbirin adı si" over the number and title columns of a table
// without rules).
func (s *stitcher) spreadHeader(row hesabat.Row) {
	col := 0
	for _, c := range row.Cells {
		n := c.Columns()
		if n > 1 && col+n <= len(s.cols) {
			var roles []role
			for _, w := range headerWords(c.Text(), maxLabels) {
				if r := stemRole(w); r != none && !slices.Contains(roles, r) {
					roles = append(roles, r)
				}
			}
			free := len(roles) == n
			for i, r := range s.cols {
				free = free && (r == none || (i >= col && i < col+n) || !slices.Contains(roles, r))
			}
			if free {
				copy(s.cols[col:], roles)
			}
		}
		col += n
	}
}

// extraKeys names each grid column for Measure.Extra: by its header text,
// "column N" when the header cell is empty, and with " (column N)" added
// when two columns share a text.
func extraKeys(head []string) []string {
	keys := make([]string, len(head))
	seen := map[string]bool{}
	for i, h := range head {
		h = strings.Join(strings.Fields(h), " ")
		switch {
		case h == "":
			h = fmt.Sprintf("column %d", i+1)
		case seen[h]:
			h = fmt.Sprintf("%s (column %d)", h, i+1)
		}
		seen[h] = true
		keys[i] = h
	}
	return keys
}

// extraKey returns the Extra key of grid column col, which may lie beyond
// the header's width.
func (s *stitcher) extraKey(col int) string {
	if col < len(s.keys) {
		return s.keys[col]
	}
	return fmt.Sprintf("column %d (beyond the header)", col+1)
}

// extendHeader adds a row of texts to the header above, as the next line
// of its cells, if the result is a header that names every column the
// header above did; it reports whether it did.
func (s *stitcher) extendHeader(texts []string) bool {
	joined := append([]string{}, s.head...)
	for i, t := range texts {
		if i < len(joined) {
			joined[i] = hesabat.JoinText(joined[i], t)
		}
	}
	cols, ok := headerRoles(joined)
	for i, r := range s.cols {
		ok = ok && (r == none || (i < len(cols) && cols[i] == r))
	}
	if ok {
		s.setHeader(cols, joined)
	}
	return ok
}

// spanningCell returns the text of a section heading: a row whose one
// non-empty cell spans the table, or stands alone in its row, or is a
// numbered heading ("2. Hesabatlılıq") in the number column or over
// several columns (a borderless heading row whose number cell is empty:
// no measure's title runs into the columns beside it).
func (s *stitcher) spanningCell(row hesabat.Row) (string, bool) {
	if len(s.cols) < 2 {
		return "", false
	}
	if t, ok := s.headingAcross(row); ok {
		return t, true
	}
	var text string
	col := 0
	for _, c := range row.Cells {
		t := c.Text()
		if t != "" {
			heading := (c.Columns() > 1 || col < len(s.cols) && s.cols[col] == number) && sectionRe.MatchString(t)
			if text != "" || (c.Columns() < len(s.cols) && len(row.Cells) > 1 && !heading) {
				return "", false
			}
			text = t
		}
		col += c.Columns()
	}
	return text, text != ""
}

// headingAcross returns the text of a numbered section heading that a
// table without rules cut into cells at its gutters ("2. Ekoloji" |
// "məlumatlara çıxışın genişləndirilməsi"): the number column holds a
// section number and words (sectionRe; a measure number with its title
// is no heading, see numberAndTitle), and no term or work-done column
// holds text, as every measure's row does.
func (s *stitcher) headingAcross(row hesabat.Row) (string, bool) {
	var num string
	found := false
	s.cells(row, func(r role, _ int, c hesabat.Cell) {
		switch r {
		case number:
			num = c.Text()
		case term, work:
			found = true // a measure's cells
		}
	})
	if found || !sectionRe.MatchString(num) {
		return "", false
	}
	if _, isNum := hesabat.MeasureNumber(num); isNum {
		return "", false
	}
	if _, _, ok := numberAndTitle(num); ok {
		return "", false
	}
	return rowText(row), true
}

// numberColumn gives the number role to the grid column of row's first
// non-empty cell when the header names no number column, that column has
// no role, and the cell is a measure number: a number column headed by a
// sign the header words do not know ("#", a "№" that a code page could not
// hold and wrote "?") or by nothing.
func (s *stitcher) numberColumn(row hesabat.Row) {
	if slices.Contains(s.cols, number) {
		return
	}
	col := 0
	for _, c := range row.Cells {
		if t := c.Text(); t != "" {
			if _, isNum := hesabat.MeasureNumber(t); isNum && col < len(s.cols) && s.cols[col] == none {
				s.cols[col] = number
			}
			return
		}
		col += c.Columns()
	}
}

// numberCell returns the text of the row's cell in the number column.
func (s *stitcher) numberCell(row hesabat.Row) string {
	var text string
	s.cells(row, func(r role, _ int, c hesabat.Cell) {
		if r == number {
			text = c.Text()
		}
	})
	return text
}

// cells calls f for each non-empty cell of row with the role of the grid
// column it starts in (none beyond the header's width) and that column.
func (s *stitcher) cells(row hesabat.Row, f func(r role, col int, c hesabat.Cell)) {
	col := 0
	for _, c := range row.Cells {
		if len(c.Paras) > 0 {
			r := none
			if col < len(s.cols) {
				r = s.cols[col]
			}
			f(r, col, c)
		}
		col += c.Columns()
	}
}

// start begins a measure with a row whose number cell holds a number.
func (s *stitcher) start(row hesabat.Row) {
	s.cur = &hesabat.Measure{
		Pages:  [2]int{row.Page, row.Page},
		Offset: row.Offset,
		Extra:  map[string]string{},
	}
	s.work = paragraphs{}
	s.conf = confidence{}
	if sec := s.section; sec != nil {
		s.cur.Section = sec.text
		if !sec.used {
			sec.used = true
			s.acc.put(sec.page, toField, sec.text)
		}
	}
	s.add(row)
	s.cur.Number, _ = hesabat.MeasureNumber(s.cur.Number)
}

// extend adds a continuation row to the current measure.
func (s *stitcher) extend(row hesabat.Row) {
	s.add(row)
	s.cur.Pages[1] = row.Page
}

// add puts row's cells into the current measure's fields by their
// columns' roles, and the others into its Extra; the cells' known boxes go
// to its Boxes.
func (s *stitcher) add(row hesabat.Row) {
	m := s.cur
	s.cells(row, func(r role, col int, c hesabat.Cell) {
		if c.Box != (hesabat.Box{}) {
			m.Boxes = append(m.Boxes, c.Box)
		}
		if r == work {
			// The work done keeps its paragraphs: their text is
			// accounted and weighed without joining them (see Cell.Text).
			s.work.add(c)
			for _, p := range c.Paras {
				s.acc.putN(row.Page, toField, s.acc.count(p), "")
			}
			if c.OCR {
				runes := len(c.Paras) - 1 // the spaces that would join them
				for _, p := range c.Paras {
					runes += utf8.RuneCountInString(p)
				}
				s.ocrWeight(m, c, float64(runes))
			}
			return
		}
		t := c.Text()
		d := toField
		switch r {
		case number:
			n := t
			if num, rest, ok := numberAndTitle(t); ok && m.Number == "" {
				n, m.Title = num, hesabat.JoinText(rest, m.Title)
			}
			m.Number = hesabat.JoinText(m.Number, n)
		case title:
			m.Title = hesabat.JoinText(m.Title, t)
		case term:
			m.Term.Raw = hesabat.JoinText(m.Term.Raw, t)
		case executor:
			m.Executor = hesabat.JoinText(m.Executor, strings.Join(c.Paras, "; "))
		default:
			k := s.extraKey(col)
			m.Extra[k] = hesabat.JoinText(m.Extra[k], t)
			d = toExtra
		}
		s.acc.put(row.Page, d, t)
		if c.OCR {
			s.ocrWeight(m, c, float64(utf8.RuneCountInString(t)))
		}
	})
}

// ocrWeight marks m as recognised by OCR, as its cell c is, and weighs
// the cell's confidence by its n characters.
func (s *stitcher) ocrWeight(m *hesabat.Measure, c hesabat.Cell, n float64) {
	m.OCR = true
	s.conf.sum += c.Conf * n
	s.conf.n += n
}

// flush finishes the current measure, or the orphan rows.
func (s *stitcher) flush() {
	s.endOrphan()
	m := s.cur
	if m == nil {
		return
	}
	m.Term = parseTerm(m.Term.Raw)
	m.Paragraphs = s.work.norm
	if m.Paragraphs == nil {
		m.Paragraphs = []string{}
	}
	m.WorkDone = strings.Join(s.work.norm, "\n")
	m.Raw = strings.Join(s.work.raw, "\n")
	m.Facts = []hesabat.Fact{}
	if m.OCR && s.conf.n > 0 {
		c := s.conf.sum / s.conf.n
		m.Confidence = &c
	}
	s.report.Measures = append(s.report.Measures, *m)
	s.cur = nil
}

// confidence sums the confidence of a measure's OCR text, weighted by
// characters.
type confidence struct{ sum, n float64 }

// paragraphs collects a measure's work-done paragraphs, normalised and raw.
type paragraphs struct{ norm, raw []string }

// add appends a cell's paragraphs; a cell that continues a split paragraph
// joins its first paragraph to the last one.
func (p *paragraphs) add(c hesabat.Cell) {
	raw := c.Raw
	if raw == nil {
		raw = c.Paras
	}
	for i, text := range c.Paras {
		r := text
		if i < len(raw) {
			r = raw[i]
		}
		if i == 0 && c.Continues && len(p.norm) > 0 {
			p.norm[len(p.norm)-1] = hesabat.JoinText(p.norm[len(p.norm)-1], text)
			p.raw[len(p.raw)-1] = hesabat.JoinText(p.raw[len(p.raw)-1], r)
			continue
		}
		p.norm = append(p.norm, text)
		p.raw = append(p.raw, r)
	}
}

// gridTexts returns a row's text by grid column: a cell's text stands in
// the first column it covers.
func gridTexts(row hesabat.Row) []string {
	var out []string
	for _, c := range row.Cells {
		out = append(out, c.Text())
		for i := 1; i < c.Columns(); i++ {
			out = append(out, "")
		}
	}
	return out
}

// rowText returns the text of a row's non-empty cells joined by spaces.
func rowText(row hesabat.Row) string {
	return joinTexts(gridTexts(row))
}

// joinTexts returns the non-empty texts joined by spaces: rowText of a
// row whose gridTexts are texts.
func joinTexts(texts []string) string {
	parts := make([]string, 0, len(texts))
	for _, t := range texts {
		if t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// namesColumns returns the number of non-empty cells in a row all of
// whose non-empty cells name a column, and 0 for any other row.
func namesColumns(row hesabat.Row) int {
	n := 0
	for _, c := range row.Cells {
		if t := c.Text(); t != "" {
			if _, isNum := hesabat.MeasureNumber(t); isNum || roleOf(t) == none || strings.HasSuffix(t, ".") {
				return 0 // a measure, or a sentence
			}
			n++
		}
	}
	return n
}

// headerPiece reports a row of labels that name the number column
// ("Sıra N-si") and at least one other: a header whose columns could not
// all be told apart, as in text laid out with spaces, or that was run into
// one cell ("Sıra İcra Tədbirin adı Görülmüş işlər N-si müddəti"): most
// of the words of every non-empty cell name a column. Continuations never
// have a number label.
func headerPiece(row hesabat.Row) bool {
	var named [nRoles]bool
	n := 0
	for _, c := range row.Cells {
		t := c.Text()
		if t == "" {
			continue
		}
		if _, isNum := hesabat.MeasureNumber(t); isNum || strings.HasSuffix(t, ".") {
			return false // a measure, or a sentence
		}
		words := headerWords(t, maxLabels)
		stems := 0
		for _, w := range words {
			if r := stemRole(w); r != none {
				stems++
				if !named[r] {
					named[r] = true
					n++
				}
			}
		}
		if 2*stems < len(words) || len(words) == 0 {
			return false
		}
	}
	return named[number] && n >= 2
}

// numberAndTitle splits a number cell that holds a measure number of two
// or three groups and the start of a title ("3.4. Dövlət qurumları"), as
// when a layout could not tell the number column from the title column.
// A number of one group ("2. Hesabatlılıq") is a section heading.
func numberAndTitle(text string) (num, title string, ok bool) {
	first, rest, found := strings.Cut(text, " ")
	n, isNum := hesabat.MeasureNumber(first)
	rest = strings.TrimSpace(rest)
	if !found || !isNum || !strings.Contains(n, ".") || rest == "" {
		return "", "", false
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
		return "", "", false
	}
	return first, rest, true
}
