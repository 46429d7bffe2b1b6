// Package txt reads plain-text reports.
//
// Two layouts are understood. In the tab layout (as agencies export it)
// every line holding a tab is a table row whose cells are separated by
// tabs; cells may hold HTML (<p> paragraphs, entities, tags); lines
// outside the table become paragraphs (Row.InTable false), consecutive
// lines one paragraph. Such text is delivered as Document.Rows. In the
// space layout (what `pdftotext -layout` writes) columns are aligned with
// runs of spaces and a form feed separates pages: it is delivered as
// Document.Layout, words at monospace positions, for the layout engine to
// rebuild like a PDF's (see layoutPages). Plain prose, in neither layout,
// goes the space layout's way too: the engine makes it paragraphs.
package txt

import (
	"context"
	"html"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/textenc"
)

// MaxSize is the largest text file read, in bytes.
const MaxSize = 64 << 20

// Extractor reads .txt reports. The zero value is ready to use and safe
// for concurrent use.
type Extractor struct{}

// Extract implements hesabat.Extractor. A panic in it is a bug, returned
// as an error wrapping hesabat.ErrInternal.
func (Extractor) Extract(ctx context.Context, src hesabat.Source, r io.ReaderAt, size int64) (doc *hesabat.Document, err error) {
	defer func() {
		if v := recover(); v != nil {
			doc, err = nil, hesabat.Bug(src.Path, v)
		}
	}()
	if size == 0 {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrEmpty, "check the export; the file has no bytes", "")
	}
	if size > MaxSize {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrTooLarge, "", "%d bytes, the limit for text is %d", size, MaxSize)
	}
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, &hesabat.Error{Path: src.Path, Err: err}
	}
	d, err := textenc.Decode(b)
	if err != nil {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrUnsupported, "is it really a text file? DOCX and PDF need their own extension", "%v", err)
	}
	if strings.TrimSpace(d.Text) == "" {
		return nil, hesabat.Errorf(src.Path, hesabat.ErrEmpty, "the file holds only white space", "")
	}
	lines := splitLines(d)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc = &hesabat.Document{Source: src}
	if tabLayout(lines) {
		pagesFromHeaders(lines, func(s string) bool { return strings.Contains(s, "\t") })
		doc.Rows = tabRows(lines)
	} else {
		pagesFromHeaders(lines, columnLine)
		doc.Layout = layoutPages(lines)
	}
	doc.Pages = lines[len(lines)-1].page
	return doc, nil
}

// line is one line of the text with its page and file offset.
type line struct {
	text   string
	page   int
	offset int64
}

// splitLines splits the text at LF, CRLF and CR; a form feed starts a new
// page wherever it stands.
func splitLines(d *textenc.Decoded) []line {
	var out []line
	page, runes, start := 1, 0, 0
	startRunes := 0
	s := d.Text
	emit := func(end int) {
		out = append(out, line{text: s[start:end], page: page, offset: d.Offset(start, startRunes)})
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\n', '\r':
			emit(i)
			i++
			runes++
			if c == '\r' && i < len(s) && s[i] == '\n' {
				i++
				runes++
			}
			start, startRunes = i, runes
			continue
		case '\f':
			if strings.TrimSpace(s[start:i]) != "" {
				emit(i)
			}
			page++
			i++
			runes++
			start, startRunes = i, runes
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		runes++
	}
	if start < len(s) {
		emit(len(s))
	}
	if len(out) == 0 {
		out = append(out, line{page: page})
	}
	return out
}

// tabLayout reports whether the table is written with tabs.
func tabLayout(lines []line) bool {
	for _, l := range lines {
		if strings.Contains(l.text, "\t") {
			return true
		}
	}
	return false
}

// pagesFromHeaders numbers pages in exports without form feeds, where
// the table's first row, its header (the first line that is a table
// line, by isRow), repeats at each page break: every repeat that no form
// feed precedes starts a new page.
func pagesFromHeaders(lines []line, isRow func(string) bool) {
	header, added := "", 0
	prev := 0 // the page of the last non-blank line
	for i := range lines {
		l := &lines[i]
		t := strings.TrimSpace(l.text)
		switch {
		case header == "" && isRow(l.text):
			header = t
		case t != "" && t == header && l.page+added == prev:
			added++
		}
		l.page += added
		if t != "" {
			prev = l.page
		}
	}
}

// tabRows turns lines with tabs into table rows and the rest into
// paragraphs. Each line is one table row, and a row boundary ends a
// paragraph, as a cell boundary does in the table the text was exported
// from: only a row split by a page break (a form feed, or the header
// repeated, see pagesFromHeaders) can carry one paragraph over to the next
// row. So a cell without a paragraph tag continues the paragraph above
// (Cell.Continues) only in the first row of a page after the header.
func tabRows(lines []line) []hesabat.Row {
	var rows []hesabat.Row
	var para []line
	flush := func() {
		if len(para) > 0 {
			rows = append(rows, paragraph(para))
			para = para[:0]
		}
	}
	header, lastPage := "", 0 // the first table line; the page of the last row after it
	for _, l := range lines {
		switch {
		case strings.Contains(l.text, "\t"):
			flush()
			t := strings.TrimSpace(l.text)
			if header == "" {
				header = t
			}
			pageStart := t != header && l.page != lastPage
			if t != header {
				lastPage = l.page
			}
			fields := strings.Split(l.text, "\t")
			row := hesabat.Row{InTable: true, Page: l.page, Offset: l.offset, Cells: make([]hesabat.Cell, len(fields))}
			for i, f := range fields {
				row.Cells[i] = htmlCell(f, pageStart)
			}
			rows = append(rows, row)
		case strings.TrimSpace(l.text) == "":
			flush()
		default:
			para = append(para, l)
		}
	}
	flush()
	return rows
}

// paragraph joins consecutive non-table lines into one paragraph row.
func paragraph(ls []line) hesabat.Row {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = strings.TrimSpace(l.text)
	}
	text := stripEmphasis(plainText(strings.Join(parts, " ")))
	return hesabat.Row{Page: ls[0].page, Offset: ls[0].offset, Cells: []hesabat.Cell{{Paras: nonEmpty(text)}}}
}

var (
	paraTag = regexp.MustCompile(`(?i)<\s*/?\s*(p|br|div|li)(\s[^>]*)?/?\s*>`)
	anyTag  = regexp.MustCompile(`<\s*/?\s*[A-Za-z][A-Za-z0-9]*(\s[^>]*)?/?\s*>`)
)

// htmlCell reads one cell of the tab layout. <p>, <br>, <div> and <li>
// separate paragraphs; other tags are dropped and entities decoded. A cell
// that does not open with a paragraph tag is running text: in the first
// row of a page (pageStart) it carries on the paragraph the page break cut
// (Cell.Continues); elsewhere it starts a paragraph (see tabRows).
func htmlCell(s string, pageStart bool) hesabat.Cell {
	s = strings.TrimSpace(s)
	c := hesabat.Cell{Continues: pageStart && !paraTag.MatchString(prefixTag(s))}
	for _, part := range paraTag.Split(s, -1) {
		if p := stripEmphasis(plainText(part)); p != "" {
			c.Paras = append(c.Paras, p)
		}
	}
	return c
}

// prefixTag returns the tag s starts with, or "".
func prefixTag(s string) string {
	if !strings.HasPrefix(s, "<") {
		return ""
	}
	if i := strings.IndexByte(s, '>'); i > 0 {
		return s[:i+1]
	}
	return ""
}

// plainText drops tags, decodes entities and trims.
func plainText(s string) string {
	return strings.TrimSpace(html.UnescapeString(anyTag.ReplaceAllString(s, "")))
}

// stripEmphasis removes markdown emphasis (**, __, *, _) wrapped around
// the whole of s.
func stripEmphasis(s string) string {
	for _, m := range []string{"**", "__", "*", "_"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			return strings.TrimSpace(s[len(m) : len(s)-len(m)])
		}
	}
	return s
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
