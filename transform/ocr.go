package transform

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// sureOCR is the confidence from which an OCR word counts as read right:
// Tesseract gives words it is sure of 0.9 and more, and its misread
// diacritics (ə/e, ı/i, ş/s) come with lower values.
const sureOCR = 0.9

// RepairOCR puts right, in the words of doc's OCR pages that Tesseract was
// not sure of, the letters OCR confuses in Azerbaijani (ə/e/a, ı/i/l, ş/s,
// ğ/g, ç/c, ö/o, ü/u), where the document's own vocabulary shows the right
// form: the words of its text layer and the OCR words read with confidence
// (see aztext.OCRLexicon). Call it before Layout.
func RepairOCR(doc *hesabat.Document) {
	if !slices.ContainsFunc(doc.Layout, func(p hesabat.Page) bool { return p.OCR }) {
		return // nothing to repair: the lexicon is not built
	}
	lx := make(aztext.OCRLexicon)
	for _, p := range doc.Layout {
		for _, w := range p.Words {
			if !p.OCR || w.Conf >= sureOCR {
				lx.Add(aztext.Normalize(w.Text))
			}
		}
	}
	for _, r := range doc.Rows {
		for _, c := range r.Cells {
			for _, p := range c.Paras {
				lx.Add(aztext.Normalize(p))
			}
		}
	}
	for i := range doc.Layout {
		p := &doc.Layout[i]
		if !p.OCR {
			continue
		}
		for j := range p.Words {
			if w := &p.Words[j]; w.Conf < sureOCR {
				w.Text = lx.Repair(aztext.Normalize(w.Text))
			}
		}
	}
}

// numberingShare is how many of a document's measures must share one depth
// of numbering ("4.1" is two levels) for it to count as the document's
// numbering: a clear majority. Documents that mix "1)" and "1.1" about
// evenly have none, and are left alone.
const numberingShare = 0.6

// dropUnsureNumbers turns into notes, with a warning, the measures read by
// OCR whose number does not fit the document's numbering: of another depth
// (OCR loses the dots of a lone number, "1.2." read as "12"), or out of
// its order ("2.1" between "5.4" and "5.6": a misread digit). A wrong
// number is worse than a measure set aside. Each test applies only where
// a clear majority of the measures pass it (see numberingShare), so that
// a document numbered otherwise is left alone. The measures' text moves
// from fields and extras to notes in r.Text.
func dropUnsureNumbers(r *hesabat.Report) {
	depth := func(n string) int { return strings.Count(n, ".") + 1 }
	count := map[int]int{}
	for _, m := range r.Measures {
		count[depth(m.Number)]++
	}
	best, n := 0, 0
	for d, c := range count {
		if c > n || (c == n && d < best) {
			best, n = d, c
		}
	}
	if float64(n) >= numberingShare*float64(len(r.Measures)) {
		dropMeasures(r, func(m hesabat.Measure) bool { return depth(m.Number) != best }, "unlike the document's numbering")
	}
	inOrder, n := ascending(r.Measures)
	if float64(n) >= numberingShare*float64(len(r.Measures)) {
		i := 0
		dropMeasures(r, func(hesabat.Measure) bool { i++; return !inOrder[i-1] }, "out of the document's order")
	}
}

// ascending marks the measures of the longest run, not necessarily
// contiguous, whose numbers rise ("1.9" < "1.10" < "2.1"), and returns
// how many it marked.
func ascending(ms []hesabat.Measure) ([]bool, int) {
	keys := make([][]int, len(ms))
	for i, m := range ms {
		for _, g := range strings.Split(m.Number, ".") {
			v, _ := strconv.Atoi(g)
			keys[i] = append(keys[i], v)
		}
	}
	// length[i]: the longest rising run ending at i; prev[i] its previous.
	length, prev := make([]int, len(ms)), make([]int, len(ms))
	end := -1
	for i := range ms {
		length[i], prev[i] = 1, -1
		for j := range i {
			if slices.Compare(keys[j], keys[i]) < 0 && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if end < 0 || length[i] > length[end] {
			end = i
		}
	}
	in := make([]bool, len(ms))
	n := 0
	for i := end; i >= 0; i = prev[i] {
		in[i] = true
		n++
	}
	return in, n
}

// dropMeasures moves to r's notes, with a warning saying why, the measures
// read by OCR for which drop is true (it is called once for each measure,
// in order).
func dropMeasures(r *hesabat.Report, drop func(hesabat.Measure) bool, why string) {
	kept := r.Measures[:0]
	for _, m := range r.Measures {
		if d := drop(m); !m.OCR || !d {
			kept = append(kept, m)
			continue
		}
		fields := []string{m.Number, m.Title, m.Term.Raw, m.Executor, m.WorkDone}
		var extras []string
		for _, k := range slices.Sorted(maps.Keys(m.Extra)) {
			extras = append(extras, m.Extra[k])
		}
		text := strings.Join(slices.DeleteFunc(append(slices.Clone(fields), extras...), func(s string) bool { return s == "" }), " ")
		f, e := aztext.NonSpace(strings.Join(fields, " ")), aztext.NonSpace(strings.Join(extras, " "))
		r.Text.Fields -= f
		r.Text.Extras -= e
		r.Text.Notes += f + e
		r.Notes = append(r.Notes, text)
		r.Warnings = append(r.Warnings, hesabat.Warnf(hesabat.WarnSkippedRow, m.Pages[0],
			"OCR read the measure number as %q, %s; kept in notes", m.Number, why).Quoting(text))
	}
	r.Measures = kept
}
