package pdf

import (
	"slices"
	"testing"
)

// TestLigatureLetters reads a Chromium PDF whose font sets "ff" as the
// ligature U+FB00 (issue #11 variant tmpl-chrome-grid, the section row
// "Dövlət satınalmalarında şəffaflığın təmin edilməsi") with each reader:
// both letters stay. The Go reader gave both the ligature's whole box, so
// the second looked like a glyph drawn twice (fake bold) and was dropped.
func TestLigatureLetters(t *testing.T) {
	in := "../../testdata/variants/out/tmpl-chrome-grid/t-bolmeler-alti-sutun.pdf"
	data := readFile(t, in)
	for _, engine := range []string{EngineGo, EnginePDFium} {
		t.Run(engine, func(t *testing.T) {
			e, err := New(Options{Engine: engine, Timeout: extractor(t).opts.Timeout, OCR: OCROff})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			doc, err := extractBytes(t, e, in, data)
			if err != nil {
				t.Fatal(err)
			}
			var words []string
			for _, w := range doc.Layout[0].Words {
				words = append(words, w.Text)
			}
			if !slices.Contains(words, "şəffaflığın") {
				t.Errorf("no word %q among %q", "şəffaflığın", words[:min(len(words), 40)])
			}
		})
	}
}
