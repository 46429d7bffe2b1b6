package pdf

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/klippa-app/go-pdfium"
)

// Synthetic text: every glyph is charW wide and lineH high, so positions
// are easy to reason about.
const (
	charW = 5.0
	lineH = 12.0
)

// text lays s out as glyphs from (x, y) (top-left); "\x02" stands for
// PDFium's hyphen mark.
func text(s string, x, y float64) []glyph {
	var gs []glyph
	for _, r := range s {
		gs = append(gs, glyph{r: r, x0: x, y0: y, x1: x + charW, y1: y + lineH})
		x += charW
	}
	return gs
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{"real spaces", text("bir iki", 0, 0), []string{"bir", "iki"}},
		{"gap without a space", append(text("bir", 0, 0), text("iki", 30, 0)...), []string{"bir", "iki"}},
		{"touching glyphs", append(text("bir", 0, 0), text("iki", 15, 0)...), []string{"biriki"}},
		{"detached hyphen mark stays with its word", append(text("qeyri", 0, 0), glyph{r: hyphenMark, x0: 40, y0: 0, x1: 44, y1: lineH}), []string{"qeyri"}},
		{"word drawn in two runs", append(text("kom", 0, 0), glyph{r: 'ə', x0: 15, y0: -1, x1: 20, y1: lineH + 1}), []string{"komə"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l layouter
			ls := l.glyphLines(tt.gs)
			if len(ls) != 1 {
				t.Fatalf("got %d lines, want 1", len(ls))
			}
			var got []string
			for _, w := range l.splitWords(nil, ls[0]) {
				got = append(got, w.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWordMarks(t *testing.T) {
	gs := append(text("bir iki ", 0, 0), text("qeyri\x02", 50, 0)...)
	gs = append(gs, text("kommuni\u00ad", 100, 0)...)
	ws := new(layouter).splitWords(nil, new(layouter).glyphLines(gs)[0])
	got := make([]string, len(ws))
	for i, w := range ws {
		got[i] = w.Text
		if w.Space {
			got[i] += " space"
		}
		if w.Hyphen {
			got[i] += " hyphen"
		}
		if w.Soft {
			got[i] += " soft"
		}
	}
	if want := []string{"bir space", "iki space", "qeyri hyphen", "kommuni soft"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestWordLead records each word's first glyph width: the layout engine
// compares it with the room a line left to tell a cut word from a line
// wrapped between words.
func TestWordLead(t *testing.T) {
	gs := append([]glyph{{r: 'i', x0: 0, y0: 0, x1: 2.5, y1: lineH}}, text("ki məs", 2.5, 0)...)
	ws := new(layouter).splitWords(nil, new(layouter).glyphLines(gs)[0])
	if len(ws) != 2 || ws[0].Lead != 2.5 || ws[1].Lead != charW {
		t.Errorf("got %+v, want leads 2.5 and %v", ws, charW)
	}
}

func TestCleanGlyphs(t *testing.T) {
	in := []glyph{
		{r: '\uFB01', x0: 0, x1: 10, y1: lineH},          // fi ligature
		{r: 'x', x0: 10, x1: 15, y1: lineH},              // drawn twice: fake bold
		{r: 'x', x0: 10.2, x1: 15.2, y0: 0.1, y1: lineH}, // the second stroke
		{r: '\u0007', x0: 15, x1: 20, y1: lineH},         // control character
		{r: hyphenMark, x0: 20, x1: 24, y1: lineH},       // kept: marks a line-end hyphen
	}
	var got []rune
	for _, g := range cleanGlyphs(in) {
		got = append(got, g.r)
	}
	if want := []rune{'f', 'i', 'x', hyphenMark}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFrame(t *testing.T) {
	// An A4 page (595 x 842 unrotated) with its crop box at (10, 20).
	tests := []struct {
		rot          int
		x, y         float64
		wantX, wantY float64
		wantW, wantH float64
	}{
		{0, 10, 862, 0, 0, 595, 842}, // top-left corner
		{0, 110, 762, 100, 100, 595, 842},
		{1, 10, 20, 0, 0, 842, 595},     // Rotate 90: bottom-left goes to top-left
		{1, 10, 862, 842, 0, 842, 595},  // top-left goes to top-right
		{2, 10, 20, 595, 0, 595, 842},   // Rotate 180
		{3, 10, 20, 842, 595, 842, 595}, // Rotate 270: bottom-left goes to bottom-right
	}
	for _, tt := range tests {
		f := frame{rot: tt.rot, left: 10, bottom: 20, width: 595, height: 842}
		x, y := f.point(tt.x, tt.y)
		w, h := f.size()
		if x != tt.wantX || y != tt.wantY || w != tt.wantW || h != tt.wantH {
			t.Errorf("rot %d: (%g, %g) -> (%g, %g) in %gx%g, want (%g, %g) in %gx%g",
				tt.rot, tt.x, tt.y, x, y, w, h, tt.wantX, tt.wantY, tt.wantW, tt.wantH)
		}
	}
}

func TestUnmappedText(t *testing.T) {
	garbage := &page{n: 1, w: 595, h: 842, chars: text("\ue001\ue002\ue003 \ue004", 55, 110)}
	p, w := new(layouter).page(garbage)
	if len(p.Words) != 0 || w == nil || !strings.Contains(w.String(), "page 1: text has no Unicode mapping") || w.Kind != hesabat.WarnUnmapped {
		t.Errorf("words %d, warning %v", len(p.Words), w)
	}
}

func TestNoTextLayer(t *testing.T) {
	p, w := new(layouter).page(&page{n: 1, w: 595, h: 842})
	if want := hesabat.Warnf(hesabat.WarnNoTextLayer, 1, "page has no text layer; OCR not enabled"); len(p.Words) != 0 || w == nil || *w != want {
		t.Errorf("warning %v, want %v", w, want)
	}
	if _, w := new(layouter).page(&page{n: 2, w: 595, h: 842, chars: text("Sıra", 55, 110)}); w != nil {
		t.Errorf("warning %v for a page with text", w)
	}
	if _, w := new(layouter).page(&page{n: 3, w: 595, h: 842, blank: true}); w != nil {
		t.Errorf("warning %v for a blank page", w)
	}
}

// TestBlankPage reads a corpus report whose page 15 paints nothing (a
// clip, no object) as word processors leave an empty last page: both
// readers find it blank and its neighbour not, and the document has no
// warning about it, so OCR never renders it.
func TestBlankPage(t *testing.T) {
	const in = "../../fixtures/corpus/pdf/r004-2020.pdf"
	data := readFile(t, in)
	gd, err := openGo(data)
	if err != nil {
		t.Fatal(err)
	}
	e := extractor(t)
	var want []*page
	err = e.withPDFium(context.Background(), in, func(inst pdfium.Pdfium) (err error) {
		want, _, err = readPages(context.Background(), inst, in, data, []int{13, 14})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, i := range []int{13, 14} {
		got, err := readGoPage(gd, i, nil)
		if err != nil {
			t.Fatal(err)
		}
		if blank := i == 14; got.blank != blank || want[k].blank != blank {
			t.Errorf("page %d: blank: go %v, PDFium %v, want %v", i+1, got.blank, want[k].blank, blank)
		}
	}
	doc, err := extractBytes(t, e, in, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range doc.Warnings {
		if w.Page == 15 {
			t.Errorf("warning on the blank page: %v", w)
		}
	}
}

// TestWordsWithoutSpaceGlyphs reads the title of the seed as Chromium
// prints it in fonts whose space is narrower than a quarter of the glyph
// box (Liberation Serif, Liberation Sans Narrow, Noto Sans, Noto Serif)
// and draws no space glyph (issue #11 variants, class
// words-glued-no-space-glyph), and in DejaVu Sans, whose space is wider:
// each word of the title is a word of its own, and no word is two.
func TestWordsWithoutSpaceGlyphs(t *testing.T) {
	e := extractor(t)
	want := strings.Fields("“Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı”nın icra vəziyyətinə dair Dövlət Statistika Komitəsinin 2022-ci il üzrə hesabatı")
	for _, p := range []string{"chrome-horizontal-serif11", "chrome-sans-narrow-tight-columns", "chrome-noto-sans12-plain-header", "chrome-noto-serif14-landscape", "chrome-grid-portrait"} {
		t.Run(p, func(t *testing.T) {
			in := "../../testdata/variants/out/" + p + "/seed.pdf"
			doc, err := extractBytes(t, e, in, readFile(t, in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range doc.Layout[0].Words {
				if len(got) < len(want) {
					got = append(got, w.Text)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("title words %q, want %q", got, want)
			}
		})
	}
}

// TestFootnoteMarkWord reads the title of the seed as LibreOffice prints
// it with a footnote cited after its last word, from HTML and from a
// DOCX (issue #11 variants, class footnote-mark-in-title): the mark, set
// smaller and raised, is a word of its own marked Super, and no other
// word of the page is.
func TestFootnoteMarkWord(t *testing.T) {
	e := extractor(t)
	for _, p := range []string{"lo-pdf-furnished", "pandoc-pdf-furnished"} {
		t.Run(p, func(t *testing.T) {
			in := "../../testdata/variants/out/" + p + "/seed.pdf"
			doc, err := extractBytes(t, e, in, readFile(t, in))
			if err != nil {
				t.Fatal(err)
			}
			var marks []string
			for i, w := range doc.Layout[0].Words {
				if w.Super {
					marks = append(marks, doc.Layout[0].Words[i-1].Text+" ^"+w.Text)
				}
			}
			if want := []string{"hesabatı ^1"}; !slices.Equal(marks, want) {
				t.Errorf("marks %q, want %q", marks, want)
			}
		})
	}
}

// TestSharedGlyphBox reads "office" as LibreOffice embeds it in the
// variants of issue #11 (one glyph for "ffi", each letter given its box):
// both f stay, where a fake bold's second stroke goes.
func TestSharedGlyphBox(t *testing.T) {
	e := extractor(t)
	in := "../../testdata/variants/out/lo-pdf-landscape-none/r039-2022.pdf"
	doc, err := extractBytes(t, e, in, readFile(t, in))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, p := range doc.Layout {
		for _, w := range p.Words {
			if strings.Contains(w.Text, "commission") {
				found++
				if !strings.Contains(w.Text, "office@") {
					t.Errorf("page %d: %q", p.Number, w.Text)
				}
			}
		}
	}
	if found == 0 {
		t.Error("no e-mail address read")
	}
	fake := []glyph{{r: 'b', x0: 0, x1: 5, y1: lineH}, {r: 'b', x0: 0, x1: 5, y1: lineH}, {r: 'o', x0: 5, x1: 10, y1: lineH}, {r: 'o', x0: 5, x1: 10, y1: lineH}}
	if got := cleanGlyphs(fake); len(got) != 2 {
		t.Errorf("fake bold drawn in place: %d glyphs, want 2", len(got))
	}
}

// TestWordBaseOnTie: a word whose glyphs split evenly between a baseline
// and a lower bottom has the baseline for base: LibreOffice sets "ə" from
// a fallback font with a loose box (its bottom the font's descent) among
// tight glyphs ("və", "Əmək"; pandoc-pdf-furnished), and a descender goes
// below the baseline too ("üç"). A raised mark's bottom, above the word's
// middle, is no baseline ("“A").
func TestWordBaseOnTie(t *testing.T) {
	tight := func(r rune, x float64) glyph { return glyph{r: r, x0: x, y0: 2, x1: x + charW, y1: 10} }
	loose := func(r rune, x float64) glyph { return glyph{r: r, x0: x, y0: 0, x1: x + charW, y1: 12.25} }
	quote := glyph{r: '“', x0: 0, y0: 2, x1: charW, y1: 5}
	for _, tt := range []struct {
		name string
		gs   []glyph
		want float64
	}{
		{"loose letter", []glyph{tight('v', 0), loose('ə', 5)}, 10},
		{"two of each", []glyph{loose('Ə', 0), tight('m', 5), loose('ə', 10), tight('k', 15)}, 10},
		{"most glyphs", []glyph{loose('ə', 0), tight('l', 5), loose('ə', 10)}, 12.25},
		{"raised mark", []glyph{quote, tight('A', 5)}, 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ws := new(layouter).splitWords(nil, tt.gs)
			if len(ws) != 1 || ws[0].Base != tt.want {
				t.Errorf("got %+v, want one word with base %v", ws, tt.want)
			}
		})
	}
}
