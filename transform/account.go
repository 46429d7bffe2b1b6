package transform

import (
	"maps"
	"slices"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// Text accounting: every character an extractor delivers must end in a
// measure field, an extra, a note or recognised furniture, or be reported
// lost with a warning that names its page. Characters are counted as
// non-space runes after aztext normalisation, per page (page 0 for formats
// without pages).

// dest is where a piece of text went.
type dest int

const (
	toField dest = iota
	toExtra
	toNote
	toFurniture
	toLost
	nDests
)

// Read is what an extractor delivered: the non-space characters of the
// words of doc.Layout, the cells of doc.Rows and doc.Furniture, per page.
type Read struct {
	chars map[int]int
	// words are doc.Layout's words per page as they were read, to quote
	// lost text: a page's own slice, which nothing changes, except for OCR
	// pages (RepairOCR changes their words), which are copied.
	words map[int][][]hesabat.Word
}

// CountRead counts what doc holds now. Call it before the layout engine
// turns doc.Layout into rows, so that what the engine drops counts as lost.
func CountRead(doc *hesabat.Document) Read {
	r := Read{chars: map[int]int{}, words: map[int][][]hesabat.Word{}}
	for _, p := range doc.Layout {
		if len(p.Words) == 0 {
			continue
		}
		chars := 0
		for wi := range p.Words {
			w := &p.Words[wi]
			chars += aztext.CountNonSpace(w.Text)
		}
		words := p.Words
		if p.OCR {
			words = slices.Clone(words)
		}
		r.chars[p.Number] += chars
		r.words[p.Number] = append(r.words[p.Number], words)
	}
	for _, row := range doc.Rows {
		for _, c := range row.Cells {
			for _, p := range c.Paras {
				r.chars[row.Page] += aztext.CountNonSpace(p)
			}
		}
	}
	for _, f := range doc.Furniture {
		r.chars[f.Page] += aztext.CountNonSpace(f.Text)
	}
	return r
}

// ledger records, per page, how many characters went to each dest.
type ledger struct {
	went map[int]*[nDests]int
	lost map[int]string // the first text lost on each page, to quote
	// counted holds texts counted before with their aztext.NonSpace, or is nil.
	counted map[string]int
}

// newLedger returns an empty ledger that takes the counts of the texts
// in counted (each text's aztext.NonSpace) instead of counting them.
func newLedger(counted map[string]int) *ledger {
	return &ledger{went: map[int]*[nDests]int{}, lost: map[int]string{}, counted: counted}
}

// count returns aztext.NonSpace(text).
func (l *ledger) count(text string) int {
	if n, ok := l.counted[text]; ok {
		return n
	}
	return aztext.NonSpace(text)
}

// put records that text from page went to d.
func (l *ledger) put(page int, d dest, text string) {
	l.putN(page, d, l.count(text), text)
}

// putN records that n characters of text from page went to d; text is
// read only when d is toLost, to quote.
func (l *ledger) putN(page int, d dest, n int, text string) {
	if n == 0 {
		return
	}
	w := l.went[page]
	if w == nil {
		w = new([nDests]int)
		l.went[page] = w
	}
	w[d] += n
	if d == toLost && l.lost[page] == "" {
		l.lost[page] = text
	}
}

// account fills r.Text from what was read and where the stitcher put it,
// adding doc.Furniture, and warns (hesabat.WarnLostText) for each page
// with text that went nowhere: text the stitcher dropped, and text read
// on the page that never reached the stitcher (the layout engine dropped
// it), quoting the start of it.
//
// A row belongs to the page it starts on, so text read on one page can
// reach the stitcher under an earlier one (a row the layout engine carried
// over a page break): what a page delivered beyond what it read covers the
// pages after it. Read = Fields + Extras + Notes + Furniture + Lost holds
// unless more was delivered than read over the whole document.
func account(r *hesabat.Report, doc *hesabat.Document, read Read, l *ledger) {
	for _, f := range doc.Furniture {
		l.put(f.Page, toFurniture, aztext.Normalize(f.Text))
	}
	pages := slices.Collect(maps.Keys(read.chars))
	for p := range l.went {
		if _, ok := read.chars[p]; !ok {
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)
	t := &r.Text
	carried := 0 // delivered on earlier pages beyond what they read
	for _, p := range pages {
		var went [nDests]int
		if w := l.went[p]; w != nil {
			went = *w
		}
		delivered := carried
		for _, n := range went {
			delivered += n
		}
		carried = max(0, delivered-read.chars[p])
		quote := l.lost[p]
		if missing := read.chars[p] - delivered; missing > 0 {
			went[toLost] += missing
			if quote == "" {
				quote = missingWords(doc, read, p)
			}
		}
		t.Read += read.chars[p]
		t.Fields += went[toField]
		t.Extras += went[toExtra]
		t.Notes += went[toNote]
		t.Furniture += went[toFurniture]
		t.Lost += went[toLost]
		if went[toLost] > 0 {
			r.Warnings = append(r.Warnings, hesabat.Warnf(hesabat.WarnLostText, p,
				"%d characters went into no field, extra, note or furniture", went[toLost]).Quoting(quote))
		}
	}
	t.Share = 1
	if t.Read > 0 {
		t.Share = float64(t.Read-min(t.Lost, t.Read)) / float64(t.Read)
	}
}

// missingWords returns, in reading order, the words of doc.Layout's page p
// that are in no row or furniture of that page.
func missingWords(doc *hesabat.Document, read Read, p int) string {
	have := map[string]bool{}
	add := func(text string) {
		for _, w := range strings.Fields(text) {
			have[w] = true
		}
	}
	for _, row := range doc.Rows {
		if row.Page == p {
			add(rowText(row))
		}
	}
	for _, f := range doc.Furniture {
		if f.Page == p {
			add(aztext.Normalize(f.Text))
		}
	}
	var out []string
	for _, ws := range read.words[p] {
		for wi := range ws {
			w := &ws[wi]
			if t := aztext.Normalize(w.Text); t != "" && !have[t] {
				out = append(out, t)
			}
		}
	}
	return strings.Join(out, " ")
}
