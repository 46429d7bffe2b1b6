package transform

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// role is what a table column holds.
type role int

const (
	none role = iota
	number
	title
	executor
	term
	work
)

// headerWords lists, in the order they are tried, the words by which a
// header cell names its column, as headerKey writes them.
var headerWords = []struct {
	role  role
	words []string
}{
	{number, []string{"sira", "nomre"}},
	{executor, []string{"icraci", "mesul"}},
	{term, []string{"muddet", "icravaxti", "icratarixi"}},
	{work, []string{"gorul", "icraveziyyet", "icrasi", "heyatakecir", "netice"}},
	{title, []string{"tedbir"}},
}

// headerKey folds a header cell to ASCII letters and digits: look-alikes
// and case by aztext.LooseKey, then the Azerbaijani letters to their bare
// forms, so that headings typed without them ("Icra muddeti") match too.
func headerKey(text string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ':
			return -1
		case 'ə':
			return 'e'
		case 'ü':
			return 'u'
		case 'ö':
			return 'o'
		case 'ş':
			return 's'
		case 'ç':
			return 'c'
		case 'ğ':
			return 'g'
		}
		return r
	}, aztext.LooseKey(text))
}

// roleOf names the column a header cell stands for, from its meaning:
// "Sıra N-si"/"№" (number), "İcraçı"/"Məsul icraçı" (executor), "İcra
// müddəti" (term), "Görülmüş işlər" (work done), "Tədbirin adı" (title).
func roleOf(text string) role {
	k := headerKey(text)
	switch {
	case len(k) > 40:
		return none // prose, not a heading
	case strings.Contains(text, "№") && len(k) <= 12, k == "n", k == "nsi", k == "no":
		return number
	case strings.HasPrefix(k, "adi"):
		return title
	}
	for _, h := range headerWords {
		for _, w := range h.words {
			if strings.Contains(k, w) {
				return h.role
			}
		}
	}
	return none
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

// headerRoles maps grid columns to roles when texts are a table header's:
// they must name the title column and at least one more, and hold no
// measure number. ok is false otherwise.
func headerRoles(texts []string) (cols []role, ok bool) {
	seen := map[role]bool{}
	for _, t := range texts {
		if numberRe.MatchString(t) {
			return nil, false // a measure row
		}
		r := roleOf(t)
		if seen[r] {
			r = none // a second column of the same meaning is not ours
		}
		seen[r] = true
		cols = append(cols, r)
	}
	delete(seen, none)
	return cols, seen[title] && len(seen) >= 2
}

var (
	numberRe   = regexp.MustCompile(`^\d{1,3}(\.\d{1,3})*[.)]?$`)
	sectionRe  = regexp.MustCompile(`^(\d{1,2}|[IVX]{1,5})[.)]\s*\p{L}`)
	columnNums = regexp.MustCompile(`^\d{1,2}$`)
)

// stitcher builds measures from rows, one row at a time.
type stitcher struct {
	doc      *hesabat.Document
	report   *hesabat.Report
	cols     []role   // roles of grid columns; nil until a header is seen
	head     []string // the header's text by grid column
	pre      []string
	section  string
	cur      *hesabat.Measure
	work     paragraphs
	inHeader bool // the row before was a header
}

// Stitch builds the report from the document's rows: it finds the table
// header by meaning, maps columns by it, drops repeated headers and rows of
// column numbers, folds continuation rows (empty number cell) into the
// measure above, turns rows of one spanning cell into sections, and reads
// the report title and metadata from the paragraphs above the table.
// Rows it cannot place are dropped with a warning. It fails with
// hesabat.ErrNoTable when no header or no measure is found.
func Stitch(doc *hesabat.Document) (*hesabat.Report, error) {
	s := &stitcher{doc: doc, report: &hesabat.Report{
		Source:   doc.Source.Path,
		Format:   doc.Source.Format,
		SHA256:   doc.Source.SHA256,
		Pages:    doc.Pages,
		Measures: []hesabat.Measure{},
		Notes:    []string{},
		Warnings: append([]hesabat.Warning{}, doc.Warnings...),
	}}
	for _, row := range doc.Rows {
		s.row(row)
	}
	s.flush()
	if s.cols == nil {
		return nil, hesabat.Errorf(doc.Source.Path, hesabat.ErrNoTable, `is this a report on a plan's measures?`, `no header with "Tədbirin adı"`)
	}
	if len(s.report.Measures) == 0 {
		return nil, hesabat.Errorf(doc.Source.Path, hesabat.ErrNoTable, "", "no numbered measure rows under the table header")
	}
	readMetadata(s.report, s.pre)
	return s.report, nil
}

func (s *stitcher) warn(page int, format string, args ...any) {
	s.report.Warnings = append(s.report.Warnings, hesabat.Warnf(hesabat.WarnSkippedRow, page, format, args...))
}

func (s *stitcher) row(row hesabat.Row) {
	if texts := gridTexts(row); s.header(texts) {
		return
	}
	wasHeader := s.inHeader
	s.inHeader = false
	if s.cols == nil {
		if !row.InTable {
			for _, c := range row.Cells {
				s.pre = append(s.pre, c.Paras...)
			}
		}
		return
	}
	text := rowText(row)
	if text == "" {
		return
	}
	if !row.InTable {
		if sectionRe.MatchString(text) && len(strings.Fields(text)) <= 25 {
			s.flush()
			s.section = text
		}
		return // page furniture, notes and signatures
	}
	if wasHeader && namesColumns(row) >= 1 && s.extendHeader(gridTexts(row)) {
		return // the next line of a header that wraps
	}
	if row.Header || isColumnNumbers(row) || headerPiece(row) {
		s.inHeader = row.Header
		return
	}
	if c, ok := s.spanningCell(row); ok {
		if numberRe.MatchString(c) {
			s.warn(row.Page, "row %q has a number and nothing else; skipped", c)
			return
		}
		s.flush()
		s.section = c
		return
	}
	cells := s.byRole(row)
	num := cells[number].Text()
	switch {
	case numberRe.MatchString(num):
		s.flush()
		s.start(row, cells)
	case num == "" && s.cur != nil:
		s.extend(row, cells)
	case num == "":
		s.warn(row.Page, "text before the first measure skipped: %.60q", text)
	default:
		s.warn(row.Page, "row with number cell %.30q skipped: %.60q", num, text)
	}
}

// header takes texts as the table header if they are one. Once a header
// is known, a new one must name as many columns: fewer is more likely a
// row of short cells than a new table.
func (s *stitcher) header(texts []string) bool {
	cols, ok := headerRoles(texts)
	if ok && named(cols) >= named(s.cols) {
		s.cols, s.head, s.inHeader = cols, texts, true
		return true
	}
	return false
}

// named counts the columns whose role is known.
func named(cols []role) int {
	n := 0
	for _, r := range cols {
		if r != none {
			n++
		}
	}
	return n
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
		s.cols, s.head, s.inHeader = cols, joined, true
	}
	return ok
}

// spanningCell returns the text of a section heading: a row whose one
// non-empty cell spans the table, or stands alone in its row, or is a
// numbered heading ("2. Hesabatlılıq") in the number column.
func (s *stitcher) spanningCell(row hesabat.Row) (string, bool) {
	if len(s.cols) < 2 {
		return "", false
	}
	var text string
	col := 0
	for _, c := range row.Cells {
		t := c.Text()
		if t != "" {
			heading := col < len(s.cols) && s.cols[col] == number && sectionRe.MatchString(t)
			if text != "" || (c.Columns() < len(s.cols) && len(row.Cells) > 1 && !heading) {
				return "", false
			}
			text = t
		}
		col += c.Columns()
	}
	return text, text != ""
}

// byRole returns the row's cells by the role of the grid column they start in.
func (s *stitcher) byRole(row hesabat.Row) map[role]hesabat.Cell {
	out := map[role]hesabat.Cell{}
	col := 0
	for _, c := range row.Cells {
		if col < len(s.cols) && s.cols[col] != none {
			out[s.cols[col]] = c
		}
		col += c.Columns()
	}
	return out
}

func (s *stitcher) start(row hesabat.Row, cells map[role]hesabat.Cell) {
	s.cur = &hesabat.Measure{
		Number:   strings.TrimRight(cells[number].Text(), ".)"),
		Section:  s.section,
		Title:    cells[title].Text(),
		Executor: strings.Join(cells[executor].Paras, "; "),
		Pages:    [2]int{row.Page, row.Page},
		Offset:   row.Offset,
	}
	s.cur.Term.Raw = cells[term].Text()
	s.work = paragraphs{}
	s.work.add(cells[work])
}

func (s *stitcher) extend(row hesabat.Row, cells map[role]hesabat.Cell) {
	m := s.cur
	m.Title = hesabat.JoinText(m.Title, cells[title].Text())
	m.Term.Raw = hesabat.JoinText(m.Term.Raw, cells[term].Text())
	m.Executor = hesabat.JoinText(m.Executor, strings.Join(cells[executor].Paras, "; "))
	s.work.add(cells[work])
	m.Pages[1] = row.Page
}

// flush finishes the current measure.
func (s *stitcher) flush() {
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
	m.Extra = map[string]string{}
	s.report.Measures = append(s.report.Measures, *m)
	s.cur = nil
}

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

func rowText(row hesabat.Row) string {
	var parts []string
	for _, c := range row.Cells {
		if t := c.Text(); t != "" {
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
			if roleOf(t) == none || numberRe.MatchString(t) || strings.HasSuffix(t, ".") {
				return 0 // a measure, or a sentence
			}
			n++
		}
	}
	return n
}

// headerPiece reports a row of labels, one of them the number column's
// ("Sıra N-si"): a header whose columns could not all be told apart, as in
// text laid out with spaces. Continuations never have a number label.
func headerPiece(row hesabat.Row) bool {
	if namesColumns(row) < 2 {
		return false
	}
	for _, c := range row.Cells {
		if roleOf(c.Text()) == number {
			return true
		}
	}
	return false
}

// isColumnNumbers reports a row that numbers the columns: "1 2 3 4".
func isColumnNumbers(row hesabat.Row) bool {
	want := 1
	for _, c := range row.Cells {
		t := c.Text()
		if t == "" {
			continue
		}
		if !columnNums.MatchString(t) || t != fmt.Sprint(want) {
			return false
		}
		want++
	}
	return want > 2
}
