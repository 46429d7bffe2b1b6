// Package hesabat holds the vocabulary shared by the stages of the hesabat
// pipeline: extract (a file to a Document of rows), transform (rows to a
// Report of measures and facts) and load (a Report into SQLite).
//
// Stage packages import this package and never each other; cmd/hesabat wires
// the concrete stages together.
package hesabat

import (
	"context"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format names a kind of input file.
type Format string

// The formats hesabat reads.
const (
	TXT  Format = "txt"
	DOCX Format = "docx"
	PDF  Format = "pdf"
	DOC  Format = "doc"  // Word 97-2003
	ODT  Format = "odt"  // OpenDocument text, zipped or flat (.fodt)
	HTML Format = "html" // a web page
)

// Source identifies one input file.
type Source struct {
	Path   string // the path as the user gave it
	Format Format
	SHA256 string // hex digest of the file's bytes; the document's identity
	Size   int64
}

// Extractor turns one file into a Document. Implementations must be safe for
// use by several goroutines at once, must honour ctx, and must never panic:
// malformed input yields an *Error wrapping one of the sentinel errors.
type Extractor interface {
	Extract(ctx context.Context, src Source, r io.ReaderAt, size int64) (*Document, error)
}

// Document is what an extractor delivers, in one of two forms: Rows, the
// file's rows of cells in reading order (tables and the paragraphs between
// them alike), for formats that mark their tables (DOCX, tab-separated
// text); or Layout, positioned words and rules per page, for formats whose
// tables must be rebuilt from where the text stands (PDF, layout text, OCR).
// The transform's layout engine turns Layout into Rows; the stitcher then
// builds the Report. An extractor may fill both when a file has both.
//
// Nothing an extractor reads may vanish: every piece of text it read is in
// Rows, in Layout or in Furniture, so that the transform can account for it.
type Document struct {
	Source Source
	Pages  int // number of pages; 1 for formats without pages
	Rows   []Row
	Layout []Page
	// Furniture is text the extractor itself recognised as not belonging to
	// the report's body: running headers and footers, footnote areas it
	// does not attach, and the like.
	Furniture []Furniture
	Warnings  []Warning // problems that did not stop extraction
}

// Furniture is one piece of text an extractor set aside as page furniture.
type Furniture struct {
	Page int    // 1-based; 0 when the format has no pages, or the text stands on every page (a running header)
	Kind string // "header", "footer", "page number", …
	Text string
}

// Row is one table row, or one paragraph outside any table.
type Row struct {
	// Cells are the row's cells left to right. A paragraph outside a table
	// is a Row with one Cell and InTable false.
	Cells []Cell
	// InTable is true for rows of a table.
	InTable bool
	// Header is true when the file itself marks the row as a (repeated)
	// table header, as DOCX w:tblHeader does. The stitcher also finds
	// headers by their text, so extractors that cannot know leave it false.
	Header bool
	// Page is the 1-based page on which the row starts.
	Page int
	// Offset is where the row starts, in bytes: into the file for text,
	// into word/document.xml for DOCX, into content.xml for ODT; for DOC
	// it is the character position (CP) in the main text; -1 where
	// unknown (PDF, HTML).
	Offset int64
}

// Box is a rectangle on a page, in points, with the origin at the page's
// top-left corner and y growing downwards (the display frame, /Rotate
// applied). The zero Box means "unknown".
type Box struct {
	Page           int // 1-based
	X0, Y0, X1, Y1 float64
}

// Cell is one table cell.
type Cell struct {
	// Paras are the cell's paragraphs in order, valid UTF-8 (see
	// Word.Text); an empty cell has none.
	Paras []string
	// Raw holds the paragraphs as the file had them, before normalisation.
	// Extractors leave it nil; the normalisation step fills it.
	Raw []string
	// Span is the number of grid columns the cell covers; 0 means 1.
	Span int
	// Continues is true when the cell's first paragraph carries on the last
	// paragraph of the same column in the row above, as when a page break
	// splits a paragraph. The stitcher then joins the two with a space
	// instead of starting a new paragraph.
	Continues bool
	// Box is where the cell's text stands, for formats with positions; the
	// zero Box where unknown.
	Box Box `json:",omitzero"`
	// OCR is true when the cell's text was recognised from an image; Conf
	// is then the mean confidence of its words, in [0, 1].
	OCR  bool    `json:",omitempty"`
	Conf float64 `json:",omitempty"`
}

// Text returns the cell's paragraphs joined by single spaces.
func (c Cell) Text() string {
	return strings.Join(c.Paras, " ")
}

// Columns returns the number of grid columns the cell covers (at least 1).
func (c Cell) Columns() int {
	if c.Span < 1 {
		return 1
	}
	return c.Span
}

// Report is one report as hesabat outputs it (the JSON of `hesabat extract`)
// and stores it. Missing values are "" or nil (null in JSON).
type Report struct {
	Source string `json:"source"`
	Format Format `json:"format"`
	SHA256 string `json:"sha256"`
	Pages  int    `json:"pages"`
	Title  string `json:"title"`
	Agency string `json:"agency"`
	Year   *int   `json:"year"`
	// Period is the part of Year the report covers, when its title says
	// so: "H1" or "H2" for a half year ("birinci yarımil", "6 aylıq"),
	// "Q1"…"Q4" for a quarter ("I rüb"), "9M" (any "NM") for the first
	// N months ("9 ay"); "" for the whole year.
	Period   string    `json:"period"`
	Plan     Plan      `json:"plan"`
	Measures []Measure `json:"measures"`
	// Notes is report-level text that is not part of any measure: text
	// between table rows, before the header or after the table ("Qeyd: …",
	// a signature), in reading order.
	Notes []string `json:"notes"`
	// Text accounts for every character read (see TextAccount).
	Text     TextAccount `json:"text"`
	Warnings []Warning   `json:"warnings"`
}

// TextAccount says where the text of a document went, in non-space
// characters after normalisation: Read is all that the extractor read;
// the others are the parts that ended in measure fields, in extras (columns
// without a role), in notes, in recognised furniture (title, header rows,
// running headers and footers, page numbers, column-number rows), or
// nowhere. Share is (Read - Lost) / Read, 1 for an empty document.
type TextAccount struct {
	Read      int     `json:"read"`
	Fields    int     `json:"fields"`
	Extras    int     `json:"extras"`
	Notes     int     `json:"notes"`
	Furniture int     `json:"furniture"`
	Lost      int     `json:"lost"`
	Share     float64 `json:"share"`
}

// Plan is the national action plan a report is about.
type Plan struct {
	Title string `json:"title"`
	Start *int   `json:"start"`
	End   *int   `json:"end"`
}

// Term is a measure's execution term as written ("2020-2022", "mütəmadi").
type Term struct {
	Raw       string `json:"raw"`
	Start     *int   `json:"start"`
	End       *int   `json:"end"`
	Recurring bool   `json:"recurring"` // "mütəmadi", "daim", "hər il", …
}

// Measure is one row of a report's table of measures, with its continuation
// rows folded in.
type Measure struct {
	Number   string `json:"number"` // "4.1", no trailing dot
	Section  string `json:"section"`
	Title    string `json:"title"` // one line, whitespace collapsed
	Executor string `json:"executor"`
	Term     Term   `json:"term"`
	// Paragraphs are the work-done paragraphs in order.
	Paragraphs []string `json:"paragraphs"`
	// WorkDone is Paragraphs joined by "\n"; fact offsets point into it.
	WorkDone string `json:"work_done"`
	// Raw is the work-done text as the file had it, before normalisation.
	Raw string `json:"-"`
	// Pages are the first and last page the measure spans.
	Pages [2]int `json:"pages"`
	// Offset is the byte offset of the measure's first row (see Row.Offset).
	Offset int64 `json:"-"`
	// Extra holds the measure's cells in columns without a role, by the
	// column's header text ("Qeyd", "İcra edən qurum"); empty, never nil.
	Extra map[string]string `json:"extra"`
	// Boxes are where the measure's cells stand on their pages, for formats
	// with positions; nil otherwise.
	Boxes []Box `json:"-"`
	// OCR is true when some of the measure's text was recognised from a
	// scanned page; Confidence is then the mean confidence of its OCR
	// words (weighted by characters), in [0, 1], and null otherwise.
	OCR        bool     `json:"ocr"`
	Confidence *float64 `json:"confidence"`
	Facts      []Fact   `json:"facts"`
}

// Fact is a number found in text, with what it counts.
type Fact struct {
	Kind      FactKind `json:"kind"`
	Value     *float64 `json:"value"`     // the number; nil for dates and doc numbers
	ValueEnd  *float64 `json:"value_end"` // the end of a range
	Unit      string   `json:"unit"`      // lemma of what is counted: "iclas", "elektron arayış"
	Currency  string   `json:"currency"`  // ISO 4217 for money: "AZN"
	Date      string   `json:"date"`      // ISO date, "--MM-DD" without a year
	Ref       string   `json:"ref"`       // identifier of a document number: "1/3"
	Qualifier string   `json:"qualifier"` // "about", "at least", "more than", "nearly", "up to"
	Text      string   `json:"text"`      // the matched span
	Start     int      `json:"start"`     // offset in runes of Text in the input
	End       int      `json:"end"`       // offset in runes just after Text
}

// FactKind classifies a Fact.
type FactKind string

// The kinds of fact.
const (
	Quantity  FactKind = "quantity"
	Percent   FactKind = "percent"
	Money     FactKind = "money"
	Date      FactKind = "date"
	Year      FactKind = "year"
	YearRange FactKind = "year_range"
	TimeRange FactKind = "time_range"
	Ordinal   FactKind = "ordinal"
	DocNumber FactKind = "doc_number"
)

// JoinText glues text that a line or page break split: with a space, but
// directly after a hyphen or en dash ending a word, which in these reports
// belongs to the text ("2020-" + "2022", "2020–" + "2022", "qeyri-" +
// "hökumət", "№-" + "li", "Planı”-" + "nın": a word is whatever ends
// in neither a space nor a dash; a dash after a space keeps its space,
// and so does a lone one, a list's dash), before closing
// punctuation, and before a lone lower-case letter, the end of a word
// wrapped in a narrow column ("mütəmad" + "i"). It is the one rule for
// joining split text: the layout engine uses it for the lines of a cell,
// the stitcher for text a page break split.
func JoinText(a, b string) string {
	return a + JoinSep(a, b) + b
}

// JoinSep returns what JoinText puts between a and b: " " or "". It reads
// only the end of a, and of b only its first rune and whether that is all
// of b, so text grown line by line in a strings.Builder can be joined
// without copying it at each line.
func JoinSep(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	if d, n := utf8.DecodeLastRuneInString(a); d == '-' || d == '–' {
		if r, m := utf8.DecodeLastRuneInString(a[:len(a)-n]); m > 0 && !unicode.IsSpace(r) && r != '-' && r != '–' {
			return ""
		}
	}
	r, n := utf8.DecodeRuneInString(b)
	if strings.ContainsRune(".,;:!?)]}”»’", r) || (n == len(b) && unicode.IsLower(r)) {
		return ""
	}
	return " "
}
