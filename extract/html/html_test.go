package html

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/internal/doccheck"
)

func extract(data []byte) (*hesabat.Document, error) {
	return Extractor{}.Extract(context.Background(), hesabat.Source{Path: "t.html"}, bytes.NewReader(data), int64(len(data)))
}

func TestRows(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"title before the table, thead, paragraphs in cells, note after",
			`<html><head><title>Başlıq deyil</title><style>p{}</style></head><body><h1>Hesabat</h1><p>2022-ci il</p>
			<table><thead><tr><th>N</th><th>Ad</th></tr></thead><tbody>
			<tr><td>1.1.</td><td><p>bir</p><p>iki</p></td></tr>
			<tr><td>1.2.</td><td>üç<br>dörd<br/>  beş   altı</td></tr></tbody></table><p>Qeyd</p></body></html>`,
			[]string{"P p1 [1:Hesabat]", "P p1 [1:2022-ci il]", "T H p1 [1:N] [1:Ad]", "T p1 [1:1.1.] [1:bir|iki]", "T p1 [1:1.2.] [1:üç|dörd|beş altı]", "P p1 [1:Qeyd]"}},
		{"colspan and rowspan",
			`<table><tr><td colspan="3">Bölmə</td></tr>
			<tr><td rowspan="2">1.1.</td><td rowspan="2" colspan="1">Ad</td><td>a</td></tr>
			<tr><td>b</td></tr>
			<tr><td>1.2.</td><td>x</td><td rowspan="0">y</td></tr>
			<tr><td>1.3.</td><td>z</td></tr></table>`,
			[]string{"T p1 [3:Bölmə]", "T p1 [1:1.1.] [1:Ad] [1:a]", "T p1 [1:] [1:] [1:b]", "T p1 [1:1.2.] [1:x] [1:y]", "T p1 [1:1.3.] [1:z] [1:]"}},
		{"the measure table is the one with numbered rows, even nested in a layout table",
			`<table><tr><td><a href="/">Ana səhifə</a></td><td><h2>Hesabat</h2>
			<table><tr><td>1.1.</td><td>bir</td></tr><tr><td>1.2.</td><td>iki</td></tr></table></td></tr></table>
			<table><tr><td>Əlaqə</td><td>012 000 00 00</td></tr></table>`,
			[]string{"P p1 [1:Ana səhifə]", "P p1 [1:Hesabat]", "T p1 [1:1.1.] [1:bir]", "T p1 [1:1.2.] [1:iki]", "P p1 [1:Əlaqə]", "P p1 [1:012 000 00 00]"}},
		{"a table split in pieces, each with its header, is read whole; other tables are text",
			`<table><thead><tr><th>N</th><th>Ad</th></tr></thead><tr><td>1.1.</td><td>bir</td></tr><tr><td>1.2.</td><td>iki</td></tr></table>
			<p>- 2 -</p>
			<table><thead><tr><th>N</th><th>Ad</th></tr></thead><tr><td>1.3.</td><td>üç</td></tr></table>
			<table><tr><td>2.1.</td><td>enli</td><td>cədvəl</td></tr></table>`,
			[]string{"T H p1 [1:N] [1:Ad]", "T p1 [1:1.1.] [1:bir]", "T p1 [1:1.2.] [1:iki]", "P p1 [1:- 2 -]", "T H p1 [1:N] [1:Ad]", "T p1 [1:1.3.] [1:üç]", "P p1 [1:2.1.]", "P p1 [1:enli]", "P p1 [1:cədvəl]"}},
		{"a table nested in a cell of the measure table stays in its cell",
			`<table><tr><td>1.1.</td><td>üst<table><tr><td>a</td><td>b</td></tr></table>alt</td></tr><tr><td>1.2.</td><td>c</td></tr></table>`,
			[]string{"T p1 [1:1.1.] [1:üst|a|b|alt]", "T p1 [1:1.2.] [1:c]"}},
		{"scripts, styles, templates and forms are not read, nor run",
			`<body><script>document.write("<table><tr><td>9.9.</td></tr></table>")</script><noscript>JS yoxdur</noscript>
			<template><p>şablon</p></template><p>Mətn <select><option>seçim</option></select>son</p></body>`,
			[]string{"P p1 [1:Mətn son]"}},
		{"ordered lists are numbered as a browser shows them",
			`<table><tr><td>Əlaqə</td><td>012</td></tr><tr><td>Ünvan</td><td>Bakı</td></tr><tr><td>Poçt</td><td>AZ1000</td></tr></table>
			<table><tr><td><ol><li><p></p></li></ol></td><td>Bölmə</td></tr>
			<tr><td><ol start="2"><li><p>2-ci</p></li></ol></td><td>x</td></tr></table>
			<ol type="a"><li>bir</li><li value="5">beş<ol type="I"><li>alt</li></ol></li><li><p></p><p>altı</p></li>qaçaq</ol><ul><li>nöqtə</li></ul>`,
			[]string{"P p1 [1:Əlaqə]", "P p1 [1:012]", "P p1 [1:Ünvan]", "P p1 [1:Bakı]", "P p1 [1:Poçt]", "P p1 [1:AZ1000]",
				"T p1 [1:1.] [1:Bölmə]", "T p1 [1:2. 2-ci] [1:x]", "P p1 [1:a. bir]", "P p1 [1:e. beş]", "P p1 [1:I. alt]", "P p1 [1:f. altı]", "P p1 [1:qaçaq]", "P p1 [1:nöqtə]"}},
		{"entities and inline markup",
			`<p>A&amp;B&nbsp;<b>qalın</b><i>maili</i> &laquo;sitat&raquo;</p>`,
			[]string{"P p1 [1:A&B qalınmaili «sitat»]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extract([]byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := doccheck.Show(doc.Rows); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCharset(t *testing.T) {
	turkish := "<p>Hesabatın icrası üçün Dövlet Statistika Komitesi</p>" // Azerbaijani as 1254 pages write it, ə as e
	russian := "<p>Отчёт Государственного комитета по статистике</p>"
	for _, tc := range []struct {
		name string
		data []byte
		want string
		warn bool
	}{
		{"UTF-8 without declaration", []byte("<p>Tədbirin adı</p>"), "Tədbirin adı", false},
		{"UTF-8 BOM overrides a wrong meta", append([]byte("\xef\xbb\xbf"), `<meta charset="windows-1251"><p>Tədbirin adı</p>`...), "Tədbirin adı", false},
		{"UTF-16 BOM", append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "<p>Tədbirin adı</p>")...), "Tədbirin adı", false},
		{"meta charset windows-1254", append([]byte(`<meta charset="windows-1254">`), encode(t, charmap.Windows1254, turkish)...), "Hesabatın icrası üçün Dövlet Statistika Komitesi", false},
		{"meta http-equiv iso-8859-9 (read as 1254)", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-9">`), encode(t, charmap.Windows1254, turkish)...), "Hesabatın icrası üçün Dövlet Statistika Komitesi", false},
		{"meta charset windows-1251", append([]byte(`<META CHARSET='windows-1251'>`), encode(t, charmap.Windows1251, russian)...), "Отчёт Государственного комитета по статистике", false},
		{"undeclared 1251, guessed from the bytes", encode(t, charmap.Windows1251, russian), "Отчёт Государственного комитета по статистике", false},
		{"undeclared 1254, guessed from the bytes", encode(t, charmap.Windows1254, turkish), "Hesabatın icrası üçün Dövlet Statistika Komitesi", false},
		{"an unknown declared charset is ignored", append([]byte(`<meta charset="x-klingon">`), encode(t, charmap.Windows1251, russian)...), "Отчёт Государственного комитета по статистике", true},
		{"declared UTF-8 but 1251", append([]byte(`<meta charset="utf-8">`), encode(t, charmap.Windows1251, russian)...), "Отчёт Государственного комитета по статистике", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extract(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := doccheck.Show(doc.Rows); !reflect.DeepEqual(got, []string{"P p1 [1:" + tc.want + "]"}) {
				t.Errorf("rows %q, want one paragraph %q", got, tc.want)
			}
			if (len(doc.Warnings) > 0) != tc.warn {
				t.Errorf("warnings %v, want some: %v", doc.Warnings, tc.warn)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/formats/html/seed.html")
	if err != nil {
		t.Fatal(err)
	}
	huge := "<table>" + strings.Repeat("<tr>"+strings.Repeat("<td>1.1.</td>", 10)+"</tr>", maxCells/10+1) + "</table>"
	deep := strings.Repeat("<div>", maxDepth+10) + "x"
	for _, tc := range []struct {
		name string
		data []byte
		kind error
	}{
		{"empty", nil, hesabat.ErrEmpty},
		{"binary data named .html", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"), hesabat.ErrUnsupported},
		{"a PDF named .html", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00"), hesabat.ErrUnsupported},
		{"a huge table", []byte(huge), hesabat.ErrTooLarge},
		{"nested too deep", []byte(deep), hesabat.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := extract(tc.data)
			var he *hesabat.Error
			if !errors.Is(err, tc.kind) || !errors.As(err, &he) || he.Path != "t.html" || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want an *hesabat.Error for t.html wrapping %v", err, tc.kind)
			}
		})
	}
	// A page cut short is still a page: what is there is read.
	doc, err := extract(seed[:len(seed)/2])
	if err != nil || len(doc.Rows) < 3 {
		t.Errorf("truncated page: %v, %d rows", err, len(doc.Rows))
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := []byte("<table>" + strings.Repeat("<tr><td>1.1.</td></tr>", 10000) + "</table>")
	_, err := Extractor{}.Extract(ctx, hesabat.Source{Path: "t.html"}, bytes.NewReader(data), int64(len(data)))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// FuzzExtract: extraction may fail but must not panic, and what it
// returns must be valid UTF-8 with sane spans.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"seed.html", "seed-handwritten.html"} {
		b, err := os.ReadFile("../../testdata/formats/html/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<table><tr><td rowspan=3 colspan=2>1.1.</td></tr><tr><td>x</td></tr></table>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract(data)
		if err == nil {
			err = doccheck.Sane(doc)
		}
		if err != nil && (errors.Is(err, hesabat.ErrInternal) || !errors.As(err, new(*hesabat.Error))) {
			t.Fatal(err)
		}
	})
}

// BenchmarkSeed reads the seed as LibreOffice's web page and as the
// hand-written one; the DOCX reader's time on the seed's DOCX
// (extract/doc's BenchmarkSeed) is the baseline.
func BenchmarkSeed(b *testing.B) {
	for _, name := range []string{"seed.html", "seed-handwritten.html"} {
		data, err := os.ReadFile("../../testdata/formats/html/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := extract(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
