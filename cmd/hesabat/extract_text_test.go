package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestExtractKeepsEverything extracts a tab-separated report with a column
// the stitcher has no field for, text under the table and a row that is
// no measure, and checks the JSON: the column is in "extra", the other
// text in "notes", and "text" accounts for every character.
func TestExtractKeepsEverything(t *testing.T) {
	report := strings.Join([]string{
		"Təsdiq edirəm",
		"",
		"Nazirliyin 2022-ci il üzrə hesabatı",
		"№\tTədbirlər\tİcra vəziyyəti\tQeyd",
		"1.1.\tAçıq məlumatlar\tPortal yaradılıb.\tilkin",
		"x.y\tYanlış sətir\tDavamı\t",
		"\tdavamı\t\t",
		"1.2.\tMaarifləndirmə\t3 seminar keçirilib.\t",
		"Qeyd: məlumatlar ilkindir.",
	}, "\n")
	path := write(t, t.TempDir(), "r.txt", []byte(report))
	code, stdout, stderr := cli(t, "", "extract", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Measures []struct {
			Number string         `json:"number"`
			Extra  map[string]any `json:"extra"`
		} `json:"measures"`
		Notes    []string       `json:"notes"`
		Text     map[string]any `json:"text"`
		Warnings []struct {
			Kind string `json:"kind"`
			Text string `json:"text"`
		} `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	var extras []any
	for _, m := range r.Measures {
		if m.Extra == nil {
			t.Errorf("measure %s has no \"extra\" object", m.Number)
		}
		extras = append(extras, m.Extra)
	}
	if want := []any{map[string]any{"Qeyd": "ilkin"}, map[string]any{}}; !reflect.DeepEqual(extras, want) {
		t.Errorf("extras = %v, want %v", extras, want)
	}
	wantNotes := []string{"Təsdiq edirəm", "x.y Yanlış sətir davamı Davamı", "Qeyd: məlumatlar ilkindir."}
	if !reflect.DeepEqual(r.Notes, wantNotes) {
		t.Errorf("notes = %q, want %q", r.Notes, wantNotes)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Kind != "skipped_row" || r.Warnings[0].Text != "x.y Yanlış sətir Davamı" {
		t.Errorf("warnings = %+v, want one skipped_row quoting the row", r.Warnings)
	}
	if r.Text["share"] != 1.0 || r.Text["lost"] != 0.0 || r.Text["read"] == 0.0 {
		t.Errorf("text = %v, want every character read accounted for", r.Text)
	}
}
