package aztext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// The variants below are the seed as damaged copies of it arrive in real
// documents. Each must normalise, line by line, to what the seed itself
// normalises to.

// cyrillicSchwa writes every ə/Ə as the Cyrillic ә/Ә.
func cyrillicSchwa(s string) string {
	return strings.NewReplacer("ə", "ә", "Ə", "Ә").Replace(s)
}

// windows1254 writes s in the 1991 alphabet (ä for ə) and encodes it as
// Windows-1254. A rune the code page lacks (the seed's one "№") keeps its
// UTF-8 bytes, as in a file pasted together from two sources.
func windows1254(s string) string {
	s = strings.NewReplacer("ə", "ä", "Ə", "Ä").Replace(s)
	var b []byte
	for _, r := range s {
		if c, ok := charmap.Windows1254.EncodeRune(r); ok {
			b = append(b, c)
		} else {
			b = append(b, string(r)...)
		}
	}
	return string(b)
}

// mojibake reads the UTF-8 bytes of s as the code page m.
func mojibake(m *charmap.Charmap) func(string) string {
	return func(s string) string {
		out, err := m.NewDecoder().String(s)
		if err != nil {
			panic(err) // a single-byte decoder accepts every byte
		}
		return out
	}
}

// decode1254 is what a reader that knows the file is Windows-1254 passes on.
func decode1254(s string) string { return mojibake(charmap.Windows1254)(s) }

var variants = []struct {
	name string
	make func(string) string
}{
	{"Cyrillic schwa", cyrillicSchwa},
	{"Windows-1254 bytes with ä", windows1254},
	{"Windows-1254 decoded with ä", func(s string) string { return decode1254(windows1254(s)) }},
	{"UTF-8 read as Windows-1252", mojibake(charmap.Windows1252)},
	{"UTF-8 read as Windows-1254", mojibake(charmap.Windows1254)},
	{"UTF-8 read as Windows-1251", mojibake(charmap.Windows1251)},
}

func TestSeedVariantsLines(t *testing.T) {
	lines := seedLines(t)
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			changed := 0
			for i, line := range lines {
				in := v.make(line)
				if in != line {
					changed++
				}
				if got, want := Normalize(in), Normalize(line); got != want {
					t.Errorf("line %d:\n got %q\nwant %q", i+1, got, want)
				}
			}
			if changed == 0 {
				t.Fatal("the variant left every line unchanged")
			}
		})
	}
}

// TestVariantsCells normalises the cells of the seed and of every TXT
// report of the corpus as documents, the way an extractor delivers them:
// short cells such as "mütəmadi" carry no evidence of their own in the
// Windows-1254 variant.
func TestVariantsCells(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/corpus/txt/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus TXT files: %v", err)
	}
	for _, file := range append([]string{seedPath}, files...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var cells []string
		for _, line := range strings.Split(string(data), "\n") {
			cells = append(cells, strings.Split(line, "\t")...)
		}
		want := NormalizeDoc(cells)
		for _, v := range variants {
			t.Run(filepath.Base(file)+"/"+v.name, func(t *testing.T) {
				in := make([]string, len(cells))
				for i, c := range cells {
					in[i] = v.make(c)
				}
				got := NormalizeDoc(in)
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("cell %d:\n got %q\nwant %q", i, got[i], want[i])
					}
				}
			})
		}
	}
}
