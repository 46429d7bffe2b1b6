package main

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// measureData is the measure page.
type measureData struct {
	ID                               int64
	File                             *storedFile
	Number, Section, Title, Executor string
	Term, Pages                      string
	Work                             []workPart
	Facts                            []measureFact
	Extras                           []extraRow
	OCR                              sql.NullFloat64 // the measure's OCR confidence, where the schema has it
	OCRNotes                         []string        // the report's OCR warnings on the measure's pages
	Views                            []pageView
	MorePages                        int // pages of the measure not drawn
	Source                           *sourceText
	NoView                           string // why neither pages nor source text are shown
	Prev, Next                       sql.NullInt64
}

// workPart is a piece of the work-done text: a fact (FactID > 0) or the
// text between facts.
type workPart struct {
	Text   string
	FactID int64
	Kind   string
}

type measureFact struct {
	ID                                int64
	Kind, Unit, Span, Value, Currency string
}

type extraRow struct{ Header, Text string }

// pageView is one page of a PDF measure: its image and, in the image's
// frame (points), the measure's cell boxes on it.
type pageView struct {
	Page          int
	ReportID      int64
	Width, Height float64 // points
	Boxes         []boxRect
	Error         string
}

type boxRect struct{ X, Y, W, H float64 }

// storedBox is a row of measure_boxes.
type storedBox struct {
	page           int
	x0, y0, x1, y1 float64
}

// sourceText is the measure's part of a text or DOCX source, with some of
// what stands before and after it.
type sourceText struct {
	Before, Part, After string
}

// maxPageViews is how many pages a measure page draws; the rest are
// links to the file.
const maxPageViews = 4

func (s *site) measure(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r, "id", "measure")
	if !ok {
		return
	}
	ctx := r.Context()
	d, err := s.readMeasure(ctx, id)
	if err != nil {
		s.failErr(w, r, "measure", err)
		return
	}
	title := d.Number
	if title == "" {
		title = "measure"
	}
	s.render(w, r, "measure", fmt.Sprintf("%s %s — %s", title, d.Title, reportTitle(d.File)), d)
}

func (s *site) readMeasure(ctx context.Context, id int64) (*measureData, error) {
	d := &measureData{ID: id}
	var reportID int64
	var position, p0, p1 int
	var offset sql.NullInt64
	var work string
	ocr := "NULL"
	if s.schema.ocrConfidence != "" {
		ocr = "m." + s.schema.ocrConfidence
	}
	err := s.db.SQL().QueryRowContext(ctx, `SELECT m.report_id, m.position, coalesce(m.number, ''), coalesce(m.section, ''),
			coalesce(m.title, ''), coalesce(m.executor, ''), coalesce(m.term_raw, ''), coalesce(m.work_done, ''),
			m.page_first, m.page_last, m.byte_offset, `+ocr+`,
			(SELECT id FROM measures WHERE report_id = m.report_id AND position < m.position ORDER BY position DESC LIMIT 1),
			(SELECT id FROM measures WHERE report_id = m.report_id AND position > m.position ORDER BY position LIMIT 1)
		FROM measures AS m WHERE m.id = ?`, id).Scan(&reportID, &position, &d.Number, &d.Section, &d.Title, &d.Executor,
		&d.Term, &work, &p0, &p1, &offset, &d.OCR, &d.Prev, &d.Next)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	d.Pages = pageRange(p0, p1)
	if d.File, err = s.readFileRow(ctx, reportID); err != nil {
		return nil, err
	}
	type spanFact struct {
		measureFact
		start, end int
	}
	facts, err := queryRows(ctx, s, `SELECT id, kind, coalesce(unit, ''), span_text, coalesce(value, ''),
			coalesce(currency, ''), span_start, span_end
		FROM facts WHERE measure_id = ? ORDER BY span_start, position`, []any{id},
		func(rs *sql.Rows) (spanFact, error) {
			var f spanFact
			var value any
			err := rs.Scan(&f.ID, &f.Kind, &f.Unit, &f.Span, &value, &f.Currency, &f.start, &f.end)
			f.Value = fmt.Sprint(value)
			return f, err
		})
	if err != nil {
		return nil, err
	}
	// Facts are marked by their rune offsets into work_done; an
	// overlapping fact is listed but not marked twice.
	runes := []rune(work)
	at := 0
	for _, f := range facts {
		d.Facts = append(d.Facts, f.measureFact)
		if f.start < at || f.end > len(runes) || f.start > f.end {
			continue
		}
		if f.start > at {
			d.Work = append(d.Work, workPart{Text: string(runes[at:f.start])})
		}
		d.Work = append(d.Work, workPart{Text: string(runes[f.start:f.end]), FactID: f.ID, Kind: f.Kind})
		at = f.end
	}
	if at < len(runes) {
		d.Work = append(d.Work, workPart{Text: string(runes[at:])})
	}
	if d.OCRNotes, err = queryRows(ctx, s, `SELECT message FROM report_warnings
		WHERE report_id = ? AND kind = 'ocr' AND page BETWEEN ? AND ? ORDER BY position`, []any{reportID, p0, p1},
		func(rs *sql.Rows) (string, error) {
			var m string
			err := rs.Scan(&m)
			return m, err
		}); err != nil {
		return nil, err
	}
	if d.Extras, err = queryRows(ctx, s, `SELECT header, text FROM measure_extras WHERE measure_id = ? ORDER BY position`, []any{id},
		func(rs *sql.Rows) (extraRow, error) {
			var x extraRow
			err := rs.Scan(&x.Header, &x.Text)
			return x, err
		}); err != nil {
		return nil, err
	}
	switch d.File.Format {
	case "pdf":
		err = s.pageViews(ctx, d, p0, p1)
	case "txt", "docx":
		if !offset.Valid {
			d.NoView = "the source position of this measure was not recorded"
			break
		}
		var next sql.NullInt64
		if err = s.db.SQL().QueryRowContext(ctx, `SELECT min(byte_offset) FROM measures
			WHERE report_id = ? AND position > ? AND byte_offset > ?`, reportID, position, offset.Int64).Scan(&next); err != nil {
			return nil, err
		}
		d.Source, err = sourceExcerpt(d.File, offset.Int64, next)
		if err != nil {
			d.NoView, err = err.Error(), nil
		}
	default:
		d.NoView = fmt.Sprintf("a %s file keeps no page positions: the work done above is as stored", d.File.Format)
	}
	return d, err
}

// pageViews fills the page images of a PDF measure with its boxes.
func (s *site) pageViews(ctx context.Context, d *measureData, first, last int) error {
	if s.images == nil {
		d.NoView = "page images are off"
		return nil
	}
	var boxes []storedBox
	if s.schema.boxes {
		var err error
		boxes, err = queryRows(ctx, s, `SELECT page, x0, y0, x1, y1 FROM measure_boxes WHERE measure_id = ? ORDER BY position`,
			[]any{d.ID}, func(rs *sql.Rows) (storedBox, error) {
				var b storedBox
				err := rs.Scan(&b.page, &b.x0, &b.y0, &b.x1, &b.y1)
				return b, err
			})
		if err != nil {
			return err
		}
	}
	if len(boxes) == 0 {
		d.NoView = "no cell positions were stored for this measure (stored before hesabat kept them: ingest the file again): its pages are shown without outlines"
	}
	for p := first; p <= last; p++ {
		if p-first == maxPageViews {
			d.MorePages = last - p + 1
			break
		}
		v := pageView{Page: p, ReportID: d.File.ID}
		_, size, err := s.images.get(ctx, d.File, p)
		if err != nil {
			v.Error = err.Error()
			d.Views = append(d.Views, v)
			continue
		}
		scale := 72 / float64(s.opts.dpi)
		v.Width, v.Height = float64(size.X)*scale, float64(size.Y)*scale
		// A little air around the text, so the outline does not cross it.
		const pad = 1.5
		for _, b := range boxes {
			if b.page == p {
				v.Boxes = append(v.Boxes, boxRect{b.x0 - pad, b.y0 - pad, b.x1 - b.x0 + 2*pad, b.y1 - b.y0 + 2*pad})
			}
		}
		d.Views = append(d.Views, v)
	}
	return nil
}

// excerptContext is how much of the source around the measure's part a
// measure page shows, in bytes of the file (TXT) or of document.xml (DOCX).
const excerptContext = 1500

// maxPart bounds the measure's part shown.
const maxPart = 64 << 10

// sourceExcerpt reads the measure's part of a TXT or DOCX source: from its
// byte offset to the next measure's (or the end), with context around.
func sourceExcerpt(f *storedFile, offset int64, next sql.NullInt64) (*sourceText, error) {
	data, err := readStored(f)
	if err != nil {
		return nil, err
	}
	if f.Format == "docx" {
		if data, err = documentXML(data); err != nil {
			return nil, fmt.Errorf("the DOCX source cannot be read: %w", err)
		}
	}
	end := int64(len(data))
	if next.Valid && next.Int64 <= end {
		end = next.Int64
	}
	if offset > end {
		return nil, fmt.Errorf("the measure's position (byte %d) is past the end of the source (%d bytes): the file differs from what was read", offset, end)
	}
	end = min(end, offset+maxPart)
	from, to := max(0, offset-excerptContext), min(int64(len(data)), end+excerptContext)
	before, part, after := data[from:offset], data[offset:end], data[end:to]
	if f.Format == "docx" {
		return &sourceText{xmlText(before, true), xmlText(part, false), xmlText(after, false)}, nil
	}
	// Text: start and stop the context at line ends.
	if i := bytes.IndexByte(before, '\n'); i >= 0 && from > 0 {
		before = before[i+1:]
	}
	if i := bytes.LastIndexByte(after, '\n'); i >= 0 && to < int64(len(data)) {
		after = after[:i+1]
	}
	return &sourceText{validText(before), validText(part), validText(after)}, nil
}

// validText turns file bytes into text for the page: UTF-8 kept, any
// other byte shown as U+FFFD.
func validText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// documentXML returns word/document.xml of a DOCX, at most 256 MB.
func documentXML(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(io.LimitReader(rc, 256<<20))
		}
	}
	return nil, errors.New("no word/document.xml")
}

// xmlText returns the text of a piece of WordprocessingML cut anywhere:
// the content of w:t elements, paragraphs ending lines, a table row's
// cells on one line separated by " │ ", tabs and breaks kept. cutStart
// says the piece may start inside an element, whose text is then dropped
// up to the first tag.
func xmlText(b []byte, cutStart bool) string {
	var out []byte
	inText := false
	s := string(b)
	if cutStart {
		if i := strings.IndexByte(s, '<'); i >= 0 {
			s = s[i:]
		}
	}
	const cellSep = " │ "
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			if inText {
				out = append(out, html.UnescapeString(s)...)
			}
			break
		}
		if inText && i > 0 {
			out = append(out, html.UnescapeString(s[:i])...)
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break // a tag cut at the end
		}
		tag := s[i+1 : i+j]
		s = s[i+j+1:]
		name, _, _ := strings.Cut(strings.TrimSuffix(tag, "/"), " ")
		switch name {
		case "w:t":
			inText = !strings.HasSuffix(tag, "/")
		case "/w:t":
			inText = false
		case "/w:p", "w:br", "w:cr":
			out = append(out, '\n')
		case "w:tab":
			out = append(out, '\t')
		case "/w:tc":
			out = append(bytes.TrimRight(out, "\n"), cellSep...)
		case "/w:tr":
			out = append(bytes.TrimSuffix(out, []byte(cellSep)), '\n')
		}
	}
	return string(out)
}
