package doc

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/docx"
	"github.com/hesabat/hesabat/extract/internal/doccheck"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func extract(data []byte) (*hesabat.Document, error) {
	return Extractor{}.Extract(context.Background(), hesabat.Source{Path: "t.doc"}, bytes.NewReader(data), int64(len(data)))
}

// TestSeedAsDocx reads the seed's .doc (LibreOffice's rendering of the
// seed's DOCX) and the DOCX itself: both must give the same rows.
func TestSeedAsDocx(t *testing.T) {
	got, err := extract(read(t, "formats/doc/seed.doc"))
	if err != nil {
		t.Fatal(err)
	}
	src := read(t, "seed/seed.docx")
	want, err := docx.New(docx.Options{}).Extract(context.Background(), hesabat.Source{Path: "seed.docx"}, bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	g, w := doccheck.Show(got.Rows), doccheck.Show(want.Rows)
	if len(g) != len(w) {
		t.Fatalf("%d rows, DOCX has %d", len(g), len(w))
	}
	for i := range g {
		if g[i] != w[i] {
			t.Errorf("row %d:\n got %.300q\nwant %.300q", i, g[i], w[i])
		}
	}
}

// TestFeatures reads testdata/formats/features.doc, rendered from the
// hand-written features.fodt: the expected rows are read off that source.
func TestFeatures(t *testing.T) {
	doc, err := extract(read(t, "formats/features.doc"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"P p1 [1:Sınaq hesabatı]",
		"T H p1 [1:Sıra N-si] [1:Tədbirin adı] [1:Görülmüş işlər]",
		"T p1 [1:1.1.] [1:Birinci tədbir] [1:Səhifə 1 qeydə alınıb.|Haşiyə mətni]", // field result kept, code and note mark dropped, note after
		"T p1 [1:] [1:] [1:Qalan hissə əlavə]",                                     // merge continuation empty; deletion out, insertion in
		"T p1 [1:1.2.] [1:İkinci tədbir] [1:Xarici|daxili a|daxili b|son]",
		"P p1 [1:Qeyd: sınaq.]",
	}
	if got := doccheck.Show(doc.Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	if want := []hesabat.Furniture{{Kind: "header", Text: "Dövlət Statistika Komitəsi"}}; !reflect.DeepEqual(doc.Furniture, want) {
		t.Errorf("furniture %v, want %v", doc.Furniture, want)
	}
}

// TestMerges reads the seed's hand-written web page as LibreOffice saved
// it in .doc: the section row spans the table's four columns, and the row
// under cells merged over two rows has them empty.
func TestMerges(t *testing.T) {
	doc, err := extract(read(t, "formats/doc/seed-handwritten.doc"))
	if err != nil {
		t.Fatal(err)
	}
	rows := doccheck.Show(doc.Rows)
	var section, continued string
	for i, r := range rows {
		if strings.Contains(r, "Dövlət xidmətləri]") {
			section = r
		}
		if strings.HasPrefix(r, "T p1 [1:4.1.]") && i+1 < len(rows) {
			continued = rows[i+1]
		}
	}
	if section != "T p1 [4:4. Dövlət xidmətləri]" {
		t.Errorf("section row %q", section)
	}
	if !strings.HasPrefix(continued, "T p1 [1:] [1:] [1:] [1:Dövlət Statistika Komitəsi tərəfindən") {
		t.Errorf("row after 4.1: %.100q", continued)
	}
}

// TestText checks the characters of the text stream: fields keep their
// result, nested ones too; deleted and hidden runs, note marks and
// objects are not text; breaks and tabs are spaces.
func TestText(t *testing.T) {
	del := []byte{0x00, 0x08, 0x01}    // sprmCFRMarkDel on
	hidden := []byte{0x3C, 0x08, 0x81} // sprmCFVanish, opposite of the style
	d := &reader{chpx: []run{{fcStart: 100, fcEnd: 110, grpprl: del}, {fcStart: 110, fcEnd: 120, grpprl: hidden}}}
	for _, tc := range []struct {
		in   string
		fc   int // fc of every character
		want string
	}{
		{"a\x13 PAGE \x141\x15 b", 0, "a1 b"},
		{"\x13 REF \x13 X \x14in\x15 \x14out\x15.", 0, "out."},
		{"\x13 TOC without result\x15after", 0, "after"},
		{"x\x02y\x01z\x08", 0, "xyz"},
		{"a\tb\vc\x1ed\x1fe\u00a0f", 0, "a b c-de f"},
		{"silinmiş", 105, ""},
		{"gizli", 115, ""},
	} {
		tx := &text{d: d}
		for _, u := range utf16.Encode([]rune(tc.in)) {
			tx.add(u, tc.fc)
		}
		if got := tx.end(); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPieces reads text from a compressed piece (8-bit, in the file
// language's code page) and a UTF-16 one.
func TestPieces(t *testing.T) {
	wd := append([]byte("ab\xfd\xfe"), 0x59, 0x02, 0x4b, 0x00) // "ab", then 0xFD 0xFE: "ýþ" in 1252, "ış" in 1254; then "əK" in UTF-16
	for _, tc := range []struct {
		lid  uint16
		want string
	}{{0x0409, "abýþəK"}, {lidTurkish, "abışəK"}, {lidAzeriLatin, "abışəK"}} {
		d := &reader{wd: wd, cp1252: codePage(tc.lid), pieces: []piece{
			{cpStart: 0, cpEnd: 4, fc: 0, compressed: true},
			{cpStart: 4, cpEnd: 6, fc: 4},
		}}
		units, fcs, err := d.story(0, 6)
		if err != nil || string(utf16.Decode(units)) != tc.want || !reflect.DeepEqual(fcs, []int{0, 1, 2, 3, 4, 6}) {
			t.Errorf("lid %#x: %q at %v, %v; want %q", tc.lid, string(utf16.Decode(units)), fcs, err, tc.want)
		}
	}
}

// TestTableProps decodes a row's properties as LibreOffice writes them:
// TDefTable with four cells, the first three starting vertical merges.
func TestTableProps(t *testing.T) {
	g := []byte{0x16, 0x24, 0x01, 0x17, 0x24, 0x01, 0x04, 0x34, 0x01, 0x08, 0xd6, 0x5c, 0x00, 0x04}
	for _, b := range []int{0, 547, 3029, 4100, 10205} {
		g = binary.LittleEndian.AppendUint16(g, uint16(b))
	}
	for i := range 4 {
		tc := make([]byte, 20)
		tc[0] = 0x80
		if i < 3 {
			tc[0] = 0xE0 // vertMerge 3: the first cell of a merge
		}
		g = append(g, tc...)
	}
	g = append(g, 0x2B, 0xD6, 0x02, 0x03, 0x01) // sprmTVertMerge: cell 3 continues
	p := paraProps(g, nil)
	want := tap{header: true, bounds: []int{0, 547, 3029, 4100, 10205}, hmerge: []uint8{0, 0, 0, 0}, vmerge: map[int]uint8{0: 3, 1: 3, 2: 3, 3: 1}}
	if !p.inTable || !p.ttp || !reflect.DeepEqual(p.tap, want) {
		t.Errorf("got %+v, want in table, row end, %+v", p, want)
	}
	if got := want.span(1, []int{0, 547, 1000, 3029, 4100, 10205}); got != 2 {
		t.Errorf("span on a finer grid = %d, want 2", got)
	}
}

// fibAt returns the offset of the FIB in a compound file: the
// WordDocument stream starts on a sector with the FIB's signature.
func fibAt(t *testing.T, b []byte) int {
	for i := 512; i+2 <= len(b); i += 512 {
		if b[i] == 0xEC && b[i+1] == 0xA5 {
			return i
		}
	}
	t.Fatal("no FIB")
	return 0
}

func TestBadInput(t *testing.T) {
	seed := read(t, "formats/doc/seed.doc")
	patched := func(off int, v uint16) []byte {
		b := bytes.Clone(seed)
		at := fibAt(t, b) + off
		binary.LittleEndian.PutUint16(b[at:], binary.LittleEndian.Uint16(b[at:])|v)
		return b
	}
	word6 := bytes.Clone(seed)
	binary.LittleEndian.PutUint16(word6[fibAt(t, word6)+2:], 0x0065)
	noClx := bytes.Clone(seed)
	// fcClx past the table stream: FibRgFcLcb starts at 154 in Word 97's FIB.
	binary.LittleEndian.PutUint32(noClx[fibAt(t, noClx)+154+8*rgClx:], 0x7FFFFFFF)
	fastNoClx := bytes.Clone(noClx)
	binary.LittleEndian.PutUint16(fastNoClx[fibAt(t, fastNoClx)+10:], binary.LittleEndian.Uint16(fastNoClx[fibAt(t, fastNoClx)+10:])|0x0004) // fComplex
	for _, tc := range []struct {
		name string
		data []byte
		kind error
		text string
	}{
		{"empty", nil, hesabat.ErrEmpty, "empty"},
		{"truncated", seed[:len(seed)/3], hesabat.ErrCorrupt, "OLE compound file"},
		{"not a .doc", []byte("Bu mətndir, Word sənədi deyil."), hesabat.ErrUnsupported, "not an OLE compound file"},
		{"RTF named .doc", []byte(`{\rtf1\ansi Hesabat}`), hesabat.ErrUnsupported, "RTF"},
		{"a DOCX named .doc", read(t, "seed/seed.docx"), hesabat.ErrUnsupported, "not an OLE compound file"},
		{"password-protected", patched(10, 0x0100), hesabat.ErrEncrypted, "password"},
		{"obfuscated", patched(10, 0x8000), hesabat.ErrEncrypted, "password"},
		{"Word 6/95", word6, hesabat.ErrUnsupported, "Word 6/95"},
		{"piece table out of the stream", noClx, hesabat.ErrCorrupt, "runs past the table stream"},
		{"fast-saved, piece table out of the stream", fastNoClx, hesabat.ErrCorrupt, "fast-saved"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := extract(tc.data)
			var he *hesabat.Error
			if !errors.Is(err, tc.kind) || !errors.As(err, &he) || he.Path != "t.doc" || he.Hint == "" && tc.kind != hesabat.ErrEmpty || !strings.Contains(err.Error(), tc.text) {
				t.Errorf("err = %v, want an *hesabat.Error for t.doc wrapping %v, with a hint, mentioning %q", err, tc.kind, tc.text)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := read(t, "formats/doc/seed.doc")
	_, err := Extractor{}.Extract(ctx, hesabat.Source{Path: "t.doc"}, bytes.NewReader(data), int64(len(data)))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// FuzzExtract feeds whole files to the extractor, and streams to the
// reader past the compound file (where random bytes rarely get): the
// WordDocument and table streams of the seed, mutated. Reading may fail
// but must not panic, and what it returns must be valid UTF-8 with sane
// pages and spans.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"formats/doc/seed.doc", "formats/features.doc"} {
		b := read(f, name)
		st, err := readStreams(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, st["WordDocument"], st["1Table"])
	}
	f.Fuzz(func(t *testing.T, file, wd, table []byte) {
		doc, err := extract(file)
		check(t, doc, err)
		d := &reader{ctx: context.Background(), wd: wd, table: table, doc: &hesabat.Document{}}
		if d.fib, err = readFIB(wd); err != nil || d.fib.encrypted || d.fib.nFib < nFib97 {
			return
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("panic: %v", p)
				}
			}()
			err = d.read()
		}()
		if err == nil { // errors here are plain: Extract wraps them
			check(t, d.doc, nil)
		}
	})
}

// check fails on an error other than an *hesabat.Error or a recovered
// panic, and on a Document that breaks an invariant.
func check(t *testing.T, doc *hesabat.Document, err error) {
	if err == nil {
		err = doccheck.Sane(doc)
	}
	if err != nil && (errors.Is(err, hesabat.ErrInternal) || !errors.As(err, new(*hesabat.Error))) {
		t.Fatal(err)
	}
}

// BenchmarkSeed reads the seed as .doc, with the DOCX reader on the seed's
// DOCX as the baseline: compare ns/op of the two.
func BenchmarkSeed(b *testing.B) {
	docFile, docxFile := read(b, "formats/doc/seed.doc"), read(b, "seed/seed.docx")
	b.Run("doc", func(b *testing.B) {
		for b.Loop() {
			if _, err := extract(docFile); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("docx-baseline", func(b *testing.B) {
		x := docx.New(docx.Options{})
		for b.Loop() {
			if _, err := x.Extract(context.Background(), hesabat.Source{}, bytes.NewReader(docxFile), int64(len(docxFile))); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestListNumbers reads testdata/formats/numbered.doc, rendered from the
// hand-written numbered.fodt: a number column that is an automatically
// numbered list of two levels.
func TestListNumbers(t *testing.T) {
	doc, err := extract(read(t, "formats/numbered.doc"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"T p1 [1:1.] [1:Şəffaflıq]",
		"T p1 [1:1.1.] [1:Hesabatlar dərc edilmişdir.]",
		"T p1 [1:1.2.] [1:Sorğular cavablandırılmışdır.]",
		"T p1 [1:2.] [1:Hesabatlılıq]",
		"T p1 [1:2.1.] [1:Təlimlər keçirilmişdir.]",
	}
	if got := doccheck.Show(doc.Rows); !reflect.DeepEqual(got, want) || len(doc.Warnings) > 0 {
		t.Errorf("rows\n got %q\nwant %q\nwarnings %v", got, want, doc.Warnings)
	}
}
