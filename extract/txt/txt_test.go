package txt

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
	"github.com/hesabat/hesabat/transform/layout"
)

func extract(t *testing.T, b []byte) (*hesabat.Document, error) {
	t.Helper()
	return Extractor{}.Extract(context.Background(), hesabat.Source{Path: "r.txt", Format: hesabat.TXT}, bytes.NewReader(b), int64(len(b)))
}

func mustExtract(t *testing.T, b []byte) *hesabat.Document {
	t.Helper()
	doc, err := extract(t, b)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// cells returns the rows as text, cells joined by " | ", paragraphs by
// " ¶ ": the document's rows, then those the layout engine builds from
// its pages.
func cells(doc *hesabat.Document) []string {
	var out []string
	rows, _, _ := layout.Rows(doc.Layout)
	for _, r := range append(doc.Rows, rows...) {
		var cs []string
		for _, c := range r.Cells {
			cs = append(cs, strings.Join(c.Paras, " ¶ "))
		}
		prefix := "P "
		if r.InTable {
			prefix = "T "
		}
		out = append(out, prefix+strings.Join(cs, " | "))
	}
	return out
}

func seed(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../testdata/seed/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTabLayout(t *testing.T) {
	in := "\n**Hesabat\nbaşlığı**\n\nSıra N-si\tTədbirin adı\tİcra müddəti\tGörülmüş işlər\n" +
		"1.2.\tAd &amp; <b>soyad</b>\t2020-2022\t<p>Bir.</p> <p>İki &quot;x&quot;</p>\n" +
		"\f\t\t\tdavamı\nİmza\n"
	doc := mustExtract(t, []byte(in))
	want := []string{
		"P Hesabat başlığı",
		"T Sıra N-si | Tədbirin adı | İcra müddəti | Görülmüş işlər",
		`T 1.2. | Ad & soyad | 2020-2022 | Bir. ¶ İki "x"`,
		"T  |  |  | davamı",
		"P İmza",
	}
	if got := cells(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if doc.Pages != 2 || doc.Rows[3].Page != 2 || doc.Rows[2].Page != 1 {
		t.Errorf("pages: doc %d, rows %d %d", doc.Pages, doc.Rows[2].Page, doc.Rows[3].Page)
	}
	if !doc.Rows[3].Cells[3].Continues || doc.Rows[2].Cells[3].Continues {
		t.Errorf("Continues: plain text continues, <p> does not")
	}
	if off := doc.Rows[2].Offset; !strings.HasPrefix(in[off:], "1.2.") {
		t.Errorf("offset %d points at %q", off, in[off:off+5])
	}
}

// TestContinuationRows: tab-separated text with each paragraph after a
// measure's first on a row of its own, without <p> (as the txt-utf8-tsv-rows
// variants write 4.1 of the seed). Such a row starts a paragraph; only the
// first row of a page, after a form feed or the header repeated, carries
// on the paragraph the page break cut.
func TestContinuationRows(t *testing.T) {
	h := "Sıra N-si\tTədbirin adı\tİcra müddəti\tGörülmüş işlər\n"
	in := h +
		"4.1\tDövlət xidmətlərinin göstərilməsi\t2020-2022\tFəaliyyətini müvəqqəti dayandırmış statistik vahidlər üçün\n" +
		"\t\t\t2012-ci ildən etibarən həyata keçirilən elektron xidmətlər\n" +
		"\t\t\tKomitə tərəfindən göstərilən elektron xidmətlərin təkmilləşdirilməsi\n" +
		h + "\t\t\tişləri görülmüş, uyğunsuzluqlar aradan qaldırılmışdır.\n" +
		"\t\t\tDövlət Statistika Komitəsi tərəfindən göstərilən xidmətlər\n" +
		"\f\t\t\tvə elektron qaydada təqdim edilir.\n"
	doc := mustExtract(t, []byte(in))
	for _, tc := range []struct {
		row       int
		continues bool
	}{
		{2, false}, // a row below a row: a new paragraph
		{3, false},
		{5, true}, // the first row after the repeated header
		{6, false},
		{7, true}, // the first row after a form feed
	} {
		if c := doc.Rows[tc.row].Cells[3]; c.Continues != tc.continues {
			t.Errorf("row %d %.30q: Continues %v, want %v", tc.row, c.Paras, c.Continues, tc.continues)
		}
	}
}

// TestEncodings converts the seed in the test and checks that every
// encoding gives the rows of the UTF-8 original.
// TestPagesFromHeaders checks that a header repeated without a form feed
// starts a page, and one after a form feed does not start another.
func TestPagesFromHeaders(t *testing.T) {
	h := "Sıra N-si\tTədbirin adı\tİcra müddəti\tGörülmüş işlər\n"
	in := "Başlıq\n" + h + "1.1.\tA\t2020\ta\n\n" + h + "\t\t\tdavamı\n1.2.\tB\t2021\tb\n\f" + h + "1.3.\tC\t2022\tc\n"
	doc := mustExtract(t, []byte(in))
	var got []int
	for _, r := range doc.Rows {
		got = append(got, r.Page)
	}
	if want := []int{1, 1, 1, 2, 2, 2, 3, 3}; !reflect.DeepEqual(got, want) || doc.Pages != 3 {
		t.Errorf("pages %v (document %d), want %v (3)", got, doc.Pages, want)
	}
	if doc := mustExtract(t, seed(t)); doc.Pages != 6 {
		t.Errorf("the seed has %d pages; its header stands 6 times", doc.Pages)
	}
}

func TestEncodings(t *testing.T) {
	orig := seed(t)
	want := cells(mustExtract(t, orig))
	// Windows-1254 has no ə and no №: write ə as ä (as such files do) and
	// № as an HTML reference.
	turkish := strings.NewReplacer("ə", "ä", "Ə", "Ä", "№", "&#8470;").Replace(string(orig))
	wantTurkish := cells(mustExtract(t, []byte(turkish)))
	for _, tc := range []struct {
		name string
		in   []byte
		want []string
	}{
		{"utf-8", orig, want},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, orig...), want},
		{"utf-16le BOM", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), orig), want},
		{"utf-16be BOM", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), orig), want},
		{"CRLF", bytes.ReplaceAll(orig, []byte("\n"), []byte("\r\n")), want},
		{"windows-1254", encode(t, charmap.Windows1254, []byte(turkish)), wantTurkish},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cells(mustExtract(t, tc.in))
			if !reflect.DeepEqual(got, tc.want) {
				for i := range min(len(got), len(tc.want)) {
					if got[i] != tc.want[i] {
						t.Fatalf("row %d:\n got %.200q\nwant %.200q", i, got[i], tc.want[i])
					}
				}
				t.Fatalf("%d rows, want %d", len(got), len(tc.want))
			}
		})
	}
}

// TestLatin1Mojibake reads the seed as the mojibake-latin1 variants hold
// it: UTF-8 decoded as ISO-8859-1 and saved as UTF-8, so that ə is "É"
// and the C1 control U+0099. The controls are the trace of the mojibake,
// not binary data: the text is read, and aztext repairs it to the rows of
// the original.
func TestLatin1Mojibake(t *testing.T) {
	orig := seed(t)
	latin1, err := charmap.ISO8859_1.NewDecoder().Bytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(latin1, []byte("\u00c9\u0099")) {
		t.Fatal("the mojibake has no C1 control after É")
	}
	want := cells(mustExtract(t, orig))
	got := cells(mustExtract(t, latin1))
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range got {
		if g := aztext.Normalize(got[i]); g != aztext.Normalize(want[i]) {
			t.Fatalf("row %d repaired:\n got %.200q\nwant %.200q", i, g, want[i])
		}
	}
	// Controls outside such runs still make binary data.
	if _, err := extract(t, bytes.Repeat([]byte("a\u0099\u0085"), 50)); !errors.Is(err, hesabat.ErrUnsupported) {
		t.Errorf("lone C1 controls: err = %v, want binary data", err)
	}
}

func TestWindows1251(t *testing.T) {
	text := "Отчёт Государственного комитета\nСıra N-si\tTədbirin adı\n1.\tМероприятие по статистике\n"
	// Azerbaijani Cyrillic and Russian text, as old files are: all of it
	// representable in 1251 except the Latin header, so write that in Cyrillic too.
	text = strings.NewReplacer("Сıra N-si", "Сыра", "Tədbirin adı", "Тядбирин ады").Replace(text)
	doc := mustExtract(t, encode(t, charmap.Windows1251, []byte(text)))
	if got := cells(doc)[0]; got != "P Отчёт Государственного комитета" {
		t.Errorf("decoded as %q", got)
	}
}

func encode(t *testing.T, enc encoding.Encoding, b []byte) []byte {
	t.Helper()
	out, err := enc.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSpaceLayout(t *testing.T) {
	in := "        Hesabat başlığı\n" +
		"Sıra       Tədbirin adı     İcra          Görülmüş işlər\n" +
		"N-si                        müddəti\n" +
		"           Birinci          2020-         Çox uzun bir mətn burada yazılır\n" +
		"1.1.       tədbir           2022          və növbəti sətirdə davam edir.\n" +
		"\n" +
		"1.2.       İkinci tədbir    mütəmadi      Qısa mətn orada yazılıb\n" +
		"                            1\n" +
		"\f" +
		"Sıra       Tədbirin adı     İcra          Görülmüş işlər\n" +
		"N-si                        müddəti\n" +
		"           davamı                         və burada bitir, sonra isə yenə davam edir\n" +
		"           edən tədbirin                  ikinci sətri də buradadır və yenə də davam\n" +
		"           adı                            edərək üçüncü sətirdə tamamlanır.\n"
	doc := mustExtract(t, []byte(in))
	want := []string{
		"P Hesabat başlığı",
		"T Sıra N-si | Tədbirin adı | İcra müddəti | Görülmüş işlər",
		"T 1.1. | Birinci tədbir | 2020-2022 | Çox uzun bir mətn burada yazılır və növbəti sətirdə davam edir.",
		"T 1.2. | İkinci tədbir | mütəmadi | Qısa mətn orada yazılıb",
		"T Sıra N-si | Tədbirin adı | İcra müddəti | Görülmüş işlər",
		"T  | davamı edən tədbirin adı |  | və burada bitir, sonra isə yenə davam edir ikinci sətri də buradadır və yenə də davam edərək üçüncü sətirdə tamamlanır.",
	}
	if got := cells(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	rows, furniture, _ := layout.Rows(doc.Layout)
	if doc.Pages != 2 || !rows[5].Cells[3].Continues {
		t.Errorf("pages %d; the first block of page 2 must continue", doc.Pages)
	}
	if want := []hesabat.Furniture{{Page: 1, Kind: "page number", Text: "1"}}; !reflect.DeepEqual(furniture, want) {
		t.Errorf("furniture %+v, want %+v", furniture, want)
	}
	if b := rows[2].Cells[0].Box; b != (hesabat.Box{Page: 1, X0: 0, Y0: 4 * lineHeight, X1: 4 * charWidth, Y1: 5 * lineHeight}) {
		t.Errorf("box of 1.1 %+v", b)
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		kind error
		msg  string
	}{
		{"empty", nil, hesabat.ErrEmpty, "r.txt: empty file"},
		{"white space", []byte(" \n\t\r\n"), hesabat.ErrEmpty, "r.txt: empty file"},
		{"binary", []byte("%PDF-1.7\n\x00\x01\x02binary"), hesabat.ErrUnsupported, "r.txt: unsupported format: binary data"},
		{"control characters", bytes.Repeat([]byte{0x01, 'a', 0x02}, 100), hesabat.ErrUnsupported, "r.txt: unsupported format: binary data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := extract(t, tc.in)
			if !errors.Is(err, tc.kind) {
				t.Fatalf("err = %v, want %v", err, tc.kind)
			}
			if !strings.HasPrefix(err.Error(), tc.msg) || strings.Contains(err.Error(), "\n") {
				t.Errorf("message %q, want one line starting %q", err, tc.msg)
			}
		})
	}
}

// FuzzExtract feeds the reader anything: it must not panic, and what it
// returns must be valid UTF-8. Seeded with the seed in both layouts.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"seed.txt", "seed.layout.txt"} {
		b, err := os.ReadFile("../../testdata/seed/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("a\tb\n1.\tx\n"))
	f.Add([]byte("Sıra   Ad\n1.1.   x\n\f   y  z\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := extract(t, b)
		if err != nil {
			var he *hesabat.Error
			if errors.As(err, &he) && errors.Is(err, hesabat.ErrInternal) {
				t.Fatalf("bug: %v\n%s", err, he.Stack)
			}
			return
		}
		rows, _, _ := layout.Rows(doc.Layout)
		for _, r := range append(doc.Rows, rows...) {
			for _, c := range r.Cells {
				for _, p := range c.Paras {
					if !utf8.ValidString(p) {
						t.Fatalf("invalid UTF-8 %q", p)
					}
				}
			}
		}
	})
}
