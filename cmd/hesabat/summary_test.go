package main

import (
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// TestSummaryLowText checks that the summary counts warnings and names the
// reports with under 99 % of their text accounted for, and only those
// (the transform fills Report.Text; this test sets it).
func TestSummaryLowText(t *testing.T) {
	var s summary
	s.init("h.db", 3)
	for _, r := range []*hesabat.Report{
		{Source: "full.pdf", Pages: 2, Text: hesabat.TextAccount{Read: 1000, Fields: 1000, Share: 1}},
		{Source: "lossy.pdf", Pages: 3, Text: hesabat.TextAccount{Read: 1000, Fields: 950, Lost: 50, Share: 0.95},
			Warnings: []hesabat.Warning{hesabat.Warnf(hesabat.WarnLostText, 2, "text in no field")}},
		{Source: "edge.txt", Pages: 1, Text: hesabat.TextAccount{Read: 100, Fields: 99, Lost: 1, Share: 0.99}},
	} {
		s.Loaded++
		s.addReport(r)
	}
	var b strings.Builder
	s.print(&b, load.Counts{Reports: 3})
	out := b.String()
	for _, want := range []string{"loaded 3 reports (6 pages, 0 measures, 0 facts, 1 warnings)", "under 99% of their text accounted for:\n  lossy.pdf: 95.0%\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary %q lacks %q", out, want)
		}
	}
	if strings.Contains(out, "full.pdf") || strings.Contains(out, "edge.txt") {
		t.Errorf("summary names a report at 99%% or more: %q", out)
	}
}
