package transform

import (
	"strings"
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
	// A number out of order ("5.5." read as "2.5") goes too; "1.10" comes
	// after "1.9".
	r = &hesabat.Report{Measures: []hesabat.Measure{m("1.9", true), m("1.10", true), m("5.4", true), m("2.5", true), m("5.6", true)}}
	if dropUnsureNumbers(r); len(r.Measures) != 4 || r.Measures[3].Number != "5.6" || len(r.Warnings) != 1 ||
		!strings.Contains(r.Warnings[0].Message, `"2.5", out of the document's order`) {
		t.Errorf("out of order: %+v, warnings %v", r.Measures, r.Warnings)
	}
	r = &hesabat.Report{Measures: []hesabat.Measure{m("1.9", false), m("5.4", false), m("2.5", false), m("5.6", false)}}
	if dropUnsureNumbers(r); len(r.Measures) != 4 {
		t.Errorf("text-layer measure out of order dropped: %+v", r.Measures)
	}
	// Without a clear numbering (half of them two-level), nothing is dropped.
	r = &hesabat.Report{Measures: []hesabat.Measure{m("1", true), m("2", true), m("2.1", true), m("2.2", true)}}
	if dropUnsureNumbers(r); len(r.Measures) != 4 {
		t.Errorf("mixed numbering: %+v", r.Measures)
	}
}
