package transform

import (
	"testing"

	"github.com/hesabat/hesabat"
)

func TestDropUnsureNumbers(t *testing.T) {
	m := func(num string, ocr bool) hesabat.Measure {
		return hesabat.Measure{Number: num, Title: "Tədbir " + num, WorkDone: "iş", OCR: ocr, Pages: [2]int{1, 1}, Extra: map[string]string{}}
	}
	r := &hesabat.Report{Measures: []hesabat.Measure{m("1.1", true), m("12", true), m("1.6", true), m("1.9", true), m("2.1", true)},
		Text: hesabat.TextAccount{Read: 100, Fields: 100}}
	dropUnsureNumbers(r)
	if len(r.Measures) != 4 || r.Measures[1].Number != "1.6" {
		t.Fatalf("measures %+v", r.Measures)
	}
	// "12" + "Tədbir12" + "iş": 2 + 8 + 2 non-space characters.
	if len(r.Notes) != 1 || r.Notes[0] != "12 Tədbir 12 iş" || r.Text.Fields != 88 || r.Text.Notes != 12 ||
		len(r.Warnings) != 1 || r.Warnings[0].Kind != hesabat.WarnSkippedRow {
		t.Errorf("notes %q, text %+v, warnings %v", r.Notes, r.Text, r.Warnings)
	}
	// Read from a text layer, the same number stays: only OCR is unsure.
	r = &hesabat.Report{Measures: []hesabat.Measure{m("1.1", false), m("12", false), m("1.6", false), m("1.9", false), m("2.1", false)}}
	if dropUnsureNumbers(r); len(r.Measures) != 5 {
		t.Errorf("text-layer measure dropped: %+v", r.Measures)
	}
	// Without a clear numbering (half of them two-level), nothing is dropped.
	r = &hesabat.Report{Measures: []hesabat.Measure{m("1", true), m("2", true), m("2.1", true), m("2.2", true)}}
	if dropUnsureNumbers(r); len(r.Measures) != 4 {
		t.Errorf("mixed numbering: %+v", r.Measures)
	}
}
