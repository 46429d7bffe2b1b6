package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// minTextShare is the share of a report's text that must end in a field,
// an extra, a note or furniture for the summary not to name the report:
// below it, text may have gone missing (see hesabat.TextAccount).
const minTextShare = 0.99

// summary is what an ingest run did: printed in words, or as one JSON
// object with --json. The JSON's fields are documented in README; fields
// are only ever added.
type summary struct {
	SchemaVersion int    `json:"schema_version"`
	Database      string `json:"database"`
	// FilesSeen counts every file found: each is loaded, re-extracted,
	// unchanged, failed, still failing or skipped (a skipped folder counts
	// once).
	FilesSeen    int            `json:"files_seen"`
	Loaded       int            `json:"loaded"`
	Reextracted  int            `json:"reextracted"`
	Unchanged    int            `json:"unchanged"`
	Failed       int            `json:"failed"`
	StillFailing int            `json:"still_failing"`
	Skipped      map[string]int `json:"skipped"`
	// Pages, Measures, Facts and Warnings count the reports loaded or
	// re-extracted in this run.
	Pages    int `json:"pages"`
	Measures int `json:"measures"`
	Facts    int `json:"facts"`
	Warnings int `json:"warnings"`
	// PDFPages counts the PDF pages read in this run by each reader.
	PDFPages     pdfPages    `json:"pdf_pages"`
	Seconds      float64     `json:"seconds"`
	Interrupted  bool        `json:"interrupted"`
	Errors       []fileError `json:"errors"`
	LowText      []lowText   `json:"low_text"`
	SkippedFiles []skipped   `json:"skipped_files"`
}

// fileError is one file that failed in this run (New) or fails as before.
type fileError struct {
	Path    string `json:"path"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
	Hint    string `json:"hint"`
	Page    int    `json:"page"`
	New     bool   `json:"new"`
}

// lowText is a report with less than minTextShare of its text accounted
// for.
type lowText struct {
	Path  string  `json:"path"`
	Share float64 `json:"share"`
}

func (s *summary) init(db string, seen int) {
	*s = summary{SchemaVersion: outputVersion, Database: db, FilesSeen: seen, Skipped: map[string]int{},
		Errors: []fileError{}, LowText: []lowText{}, SkippedFiles: []skipped{}}
	for reason := range skipText {
		s.Skipped[reason] = 0
	}
}

func (s *summary) addError(path string, f *load.Failure, isNew bool) {
	s.Errors = append(s.Errors, fileError{path, f.Kind, f.Message, f.Hint, f.Page, isNew})
}

func (s *summary) addReport(r *hesabat.Report) {
	s.Pages += r.Pages
	s.Measures += len(r.Measures)
	for _, m := range r.Measures {
		s.Facts += len(m.Facts)
	}
	s.Warnings += len(r.Warnings)
	if r.Text.Read > 0 && r.Text.Share < minTextShare {
		s.LowText = append(s.LowText, lowText{r.Source, r.Text.Share})
	}
}

// print writes the summary in words; c is what the database holds.
func (s *summary) print(w io.Writer, c load.Counts) {
	fmt.Fprintf(w, "%s: loaded %d reports (%d pages, %d measures, %d facts, %d warnings)", s.Database, s.Loaded, s.Pages, s.Measures, s.Facts, s.Warnings)
	if s.Reextracted > 0 {
		fmt.Fprintf(w, ", re-extracted %d made by older rules", s.Reextracted)
	}
	fmt.Fprintf(w, ", %d unchanged, %d failed", s.Unchanged, s.Failed)
	if s.StillFailing > 0 {
		fmt.Fprintf(w, ", %d still failing", s.StillFailing)
	}
	var reasons []string
	n := 0
	for reason, k := range s.Skipped {
		if k > 0 {
			n += k
			reasons = append(reasons, fmt.Sprintf("%d %s", k, skipText[reason]))
		}
	}
	slices.Sort(reasons)
	if n > 0 {
		fmt.Fprintf(w, ", %d skipped (%s)", n, strings.Join(reasons, ", "))
	}
	fmt.Fprintf(w, " in %.1fs; the database holds %d files (%d current reports), %d measures, %d facts\n", s.Seconds, c.Reports, c.Current, c.Measures, c.Facts)
	if s.StillFailing > 0 {
		fmt.Fprintln(w, "'hesabat errors' lists the files that fail; --retry-failed reads them again")
	}
	if len(s.LowText) > 0 {
		fmt.Fprintf(w, "reports with under %.0f%% of their text accounted for:\n", minTextShare*100)
		for _, l := range s.LowText {
			fmt.Fprintf(w, "  %s: %.1f%%\n", l.Path, l.Share*100)
		}
	}
}

// writeJSON writes v as one JSON object, indented when pretty.
func writeJSON(w io.Writer, v any, pretty bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
