package hesabat

import (
	"fmt"
	"strings"
)

// WarningKind classifies a Warning. Kinds are stable strings: they are
// stored in the database and filtered on by analysts.
type WarningKind string

// The kinds of warning.
const (
	// WarnNoTextLayer: a page has no text (a scan) and was not recognised.
	WarnNoTextLayer WarningKind = "no_text_layer"
	// WarnUnmapped: a page's text has no Unicode mapping; page skipped.
	WarnUnmapped WarningKind = "unmapped_text"
	// WarnRepaired: the file was damaged and repaired; parts may be missing.
	WarnRepaired WarningKind = "repaired"
	// WarnPageSkipped: a page could not be read.
	WarnPageSkipped WarningKind = "page_skipped"
	// WarnPartial: a feature of the file was read only in part (automatic
	// numbering, fields, …).
	WarnPartial WarningKind = "partial"
	// WarnSkippedRow: a table row the stitcher could not make a measure of.
	WarnSkippedRow WarningKind = "skipped_row"
	// WarnLostText: text that ended in no field, extra, note or furniture.
	WarnLostText WarningKind = "lost_text"
	// WarnFormat: the file's content and its extension disagree.
	WarnFormat WarningKind = "format_mismatch"
	// WarnOCR: a page was read by OCR, or could have been.
	WarnOCR WarningKind = "ocr"
	// WarnIdentity: the report's agency, plan or period was not found, or
	// its agency is not a known state body (see load's report identity).
	WarnIdentity WarningKind = "identity"
)

// Warning is a problem that did not stop a document: its kind, the page
// where known (0 otherwise), what happened, and the start of the text it
// concerns ("" when none).
type Warning struct {
	Kind    WarningKind `json:"kind"`
	Page    int         `json:"page"`
	Message string      `json:"message"`
	Text    string      `json:"text"`
}

// Warnf returns a Warning of kind on page with a message built from format.
func Warnf(kind WarningKind, page int, format string, args ...any) Warning {
	return Warning{Kind: kind, Page: page, Message: fmt.Sprintf(format, args...)}
}

// maxQuote is how many characters of the concerned text a warning quotes.
const maxQuote = 80

// Quoting returns w with Text set to the start of text (at most maxQuote
// characters, whitespace collapsed).
func (w Warning) Quoting(text string) Warning {
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > maxQuote {
		text = string(r[:maxQuote]) + "…"
	}
	w.Text = text
	return w
}

// String prints w on one line: `page 3: row skipped: "4.1 …"`.
func (w Warning) String() string {
	var b strings.Builder
	if w.Page > 0 {
		fmt.Fprintf(&b, "page %d: ", w.Page)
	}
	b.WriteString(w.Message)
	if w.Text != "" {
		fmt.Fprintf(&b, ": %q", w.Text)
	}
	return b.String()
}
