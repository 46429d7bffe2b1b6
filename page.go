package hesabat

// Page is one page of positioned text: what formats without explicit table
// structure deliver (PDF glyphs, `pdftotext -layout` characters at
// monospace positions, OCR words) for the one layout engine in transform to
// rebuild into rows. Coordinates are in points in the display frame (see
// Box); for layout text, one character is one unit of width and one line
// one unit of height scaled to points as the extractor documents.
type Page struct {
	Number        int // 1-based
	Width, Height float64
	Words         []Word // in the order the producer drew them
	Rules         []Rule // axis-aligned lines and thin rectangles: table rule candidates
	// OCR is true when the words were recognised from an image.
	OCR bool
	// LineOffsets holds, for layout text, the byte offset in the file of
	// each line of the page's character grid (line i stands i line
	// heights from the top); nil for other formats. The layout engine sets
	// Row.Offset from it.
	LineOffsets []int64
}

// Word is a run of characters with no space inside, with its box.
type Word struct {
	// Text is valid UTF-8, as every text an extractor delivers (Cell.Paras,
	// Furniture.Text): the text accounting counts characters after
	// normalisation, and only on valid UTF-8 do a paragraph's count and
	// the sum of its words' agree.
	Text           string
	X0, Y0, X1, Y1 float64
	// Size is the font size (for OCR and layout text: the line height).
	Size float64
	// Base is where most of the word's glyphs end at the bottom: its
	// baseline where glyph boxes are tight, which a descender (ş, y, ç)
	// does not move; 0 when unknown (then Y1 stands for it).
	Base float64
	// Hyphen is true when the producer marked the word as hyphenated at a
	// line end (PDFium's generated hyphen); the mark is not in Text.
	Hyphen bool
	// Soft is true when the word ends with a soft hyphen (not in Text).
	Soft bool
	// Space is true when a real space character follows the word, as
	// LibreOffice writes where it wrapped a line between two words.
	Space bool
	// Super is true for a mark set smaller and raised right after a
	// word's glyphs (digits or an asterisk): a footnote reference, a word
	// of its own (the layout engine sets it aside with its footnote, or
	// joins it back to the word when the page has no such footnote).
	Super bool
	// Lead is the advance width of the word's first glyph (its loose
	// box's width), in points; 0 when unknown. The layout engine compares
	// it with the room a line left: a renderer cutting a word too long
	// for its column fills the line until the next glyph would not fit.
	Lead float64
	// Conf is the recognition confidence in [0, 1] for OCR words; 0 for
	// words from a text layer.
	Conf float64
}

// Rule is an axis-aligned line segment drawn on a page. Horizontal rules
// have Y0 == Y1, vertical ones X0 == X1.
type Rule struct {
	X0, Y0, X1, Y1 float64
}

// Horizontal reports whether r runs left to right.
func (r Rule) Horizontal() bool { return r.Y0 == r.Y1 }
