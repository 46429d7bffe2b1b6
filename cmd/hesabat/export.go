package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/hesabat/hesabat/load"
)

// runExport writes a view of the database (by default the current
// measures) as CSV, XLSX or JSON lines, row by row.
func runExport(ctx context.Context, args []string, std stdio) int {
	stdout, stderr := std.out, std.err
	fs := flags("export", "[flags]", `Writes a view of the database row by row: CSV (RFC 4180, UTF-8), XLSX (typed
cells, frozen header) or JSON lines (one object a row).`, std)
	dbPath := fs.String("db", load.DefaultPath, "SQLite database file")
	format := fs.String("format", "csv", "csv, xlsx or jsonl")
	view := fs.String("view", "current_measures", "the view to export (see load/SCHEMA.md)")
	out := fs.String("out", "-", `output file, or "-" for standard output`)
	excel := fs.Bool("excel", false, "CSV for Excel: start with a UTF-8 byte-order mark, so that Excel shows ə")
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	if fs.NArg() > 0 {
		misuse(std, "export", "unexpected argument %q (hint: hesabat export --format csv --out measures.csv)", fs.Arg(0))
		return exitMisuse
	}
	var w tableWriter
	switch *format {
	case "csv":
		w = &csvWriter{bom: *excel}
	case "jsonl":
		w = &jsonlWriter{}
	case "xlsx":
		if *out == "-" && isTerminal(stdout) {
			misuse(std, "export", "XLSX is binary; name a file (hint: --out measures.xlsx)")
			return exitMisuse
		}
		w = &xlsxWriter{sheet: *view, warn: stderr}
	default:
		misuse(std, "export", "--format %q: use csv, xlsx or jsonl", *format)
		return exitMisuse
	}
	db, err := load.Open(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	defer db.Close()
	if err := export(ctx, db, *view, *out, stdout, w); err != nil {
		fmt.Fprintf(stderr, "hesabat export: %v\n", err)
		return 1
	}
	return 0
}

// export writes view through w to path ("-": stdout). A file is written
// under a temporary name and renamed when complete, so a failed export
// leaves no half-written file.
func export(ctx context.Context, db *load.DB, view, path string, stdout io.Writer, w tableWriter) error {
	dst := stdout
	var f *os.File
	if path != "-" {
		var err error
		f, err = os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		defer f.Close()
		dst = f
	}
	bw := bufio.NewWriterSize(dst, 1<<16)
	if err := db.Export(ctx, view, func(cols []load.Column) error { return w.head(bw, cols) }, w.row); err != nil {
		return err
	}
	if err := w.close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f == nil {
		return nil
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// tableWriter writes rows in one format: head once, row per row, close.
type tableWriter interface {
	head(w io.Writer, cols []load.Column) error
	row(vals []any) error
	close() error
}

// text formats a value for CSV: NULL as empty, numbers without exponent.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		return v
	case bool:
		if v {
			return "1"
		}
		return "0"
	}
	return fmt.Sprint(v)
}

type csvWriter struct {
	bom bool
	w   *csv.Writer
	rec []string
}

func (c *csvWriter) head(w io.Writer, cols []load.Column) error {
	if c.bom {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	c.w = csv.NewWriter(w)
	c.w.UseCRLF = true // RFC 4180
	c.rec = make([]string, len(cols))
	for i, col := range cols {
		c.rec[i] = col.Name
	}
	return c.w.Write(c.rec)
}

func (c *csvWriter) row(vals []any) error {
	for i, v := range vals {
		c.rec[i] = text(v)
	}
	return c.w.Write(c.rec)
}

func (c *csvWriter) close() error {
	c.w.Flush()
	return c.w.Error()
}

type jsonlWriter struct {
	w    io.Writer
	keys [][]byte
	buf  []byte
}

func (j *jsonlWriter) head(w io.Writer, cols []load.Column) error {
	j.w = w
	for _, c := range cols {
		k, err := json.Marshal(c.Name)
		if err != nil {
			return err
		}
		j.keys = append(j.keys, k)
	}
	return nil
}

func (j *jsonlWriter) row(vals []any) error {
	j.buf = append(j.buf[:0], '{')
	for i, v := range vals {
		if i > 0 {
			j.buf = append(j.buf, ',')
		}
		j.buf = append(j.buf, j.keys[i]...)
		j.buf = append(j.buf, ':')
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		j.buf = append(j.buf, b...)
	}
	j.buf = append(j.buf, '}', '\n')
	_, err := j.w.Write(j.buf)
	return err
}

func (j *jsonlWriter) close() error { return nil }

// XLSX column widths, in characters: from the header and the first rows,
// within bounds that keep a sheet readable.
const (
	widthRows = 200 // rows looked at before the widths are fixed
	minWidth  = 6
	maxWidth  = 80
)

// maxCellChars is the most characters an Excel cell holds.
const maxCellChars = 32767

type xlsxWriter struct {
	sheet   string
	warn    io.Writer
	w       io.Writer
	f       *excelize.File
	sw      *excelize.StreamWriter
	cols    []load.Column
	pending [][]any // rows held until the column widths are known
	n       int     // rows written, header included
}

func (x *xlsxWriter) head(w io.Writer, cols []load.Column) error {
	x.w, x.cols = w, cols
	x.f = excelize.NewFile()
	name := x.sheet
	if utf8.RuneCountInString(name) > 31 { // Excel's limit on sheet names
		name = string([]rune(name)[:31])
	}
	if err := x.f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	x.sw = sw
	return nil
}

func (x *xlsxWriter) row(vals []any) error {
	if x.pending != nil || x.n == 0 {
		x.pending = append(x.pending, append([]any(nil), vals...))
		if len(x.pending) < widthRows {
			return nil
		}
		return x.flushPending()
	}
	return x.write(vals)
}

// flushPending fixes the column widths from the rows held, writes the
// header (bold, frozen) and the rows.
func (x *xlsxWriter) flushPending() error {
	widths := make([]int, len(x.cols))
	for i, c := range x.cols {
		widths[i] = utf8.RuneCountInString(c.Name) + 2
	}
	for _, r := range x.pending {
		for i, v := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(text(v))+1)
		}
	}
	for i, wd := range widths {
		if err := x.sw.SetColWidth(i+1, i+1, float64(min(max(wd, minWidth), maxWidth))); err != nil {
			return err
		}
	}
	if err := x.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	bold, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	header := make([]any, len(x.cols))
	for i, c := range x.cols {
		header[i] = excelize.Cell{StyleID: bold, Value: c.Name}
	}
	if err := x.sw.SetRow("A1", header); err != nil {
		return err
	}
	x.n = 1
	rows := x.pending
	x.pending = nil
	for _, r := range rows {
		if err := x.write(r); err != nil {
			return err
		}
	}
	return nil
}

func (x *xlsxWriter) write(vals []any) error {
	x.n++
	cells := make([]any, len(vals))
	for i, v := range vals {
		if s, ok := v.(string); ok && utf8.RuneCountInString(s) > maxCellChars {
			fmt.Fprintf(x.warn, "hesabat export: row %d, column %s: %d characters cut to Excel's %d (the CSV and JSON exports keep all)\n",
				x.n, x.cols[i].Name, utf8.RuneCountInString(s), maxCellChars)
			v = string([]rune(s)[:maxCellChars])
		}
		cells[i] = v
	}
	cell, err := excelize.CoordinatesToCellName(1, x.n)
	if err != nil {
		return err
	}
	return x.sw.SetRow(cell, cells)
}

func (x *xlsxWriter) close() error {
	if x.f == nil {
		return errors.New("no header")
	}
	if x.n == 0 {
		if err := x.flushPending(); err != nil {
			return err
		}
	}
	if err := x.sw.Flush(); err != nil {
		return err
	}
	_, err := x.f.WriteTo(x.w)
	return err
}
