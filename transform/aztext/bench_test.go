package aztext

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// BenchmarkNormalize measures Normalize over the seed: cells (the common
// case: already normal), whole lines (tabs to collapse), lines with the
// Cyrillic ә (every rule applies) and lines damaged into Windows-1252
// mojibake. The baseline is x/text's NFC alone over the whole lines, the
// least any normaliser does; report Normalize as a ratio to it.
func BenchmarkNormalize(b *testing.B) {
	lines := seedLines(b)
	var cells []string
	for _, line := range lines {
		cells = append(cells, strings.Split(line, "\t")...)
	}
	moji := make([]string, len(lines))
	cyr := make([]string, len(lines))
	for i, line := range lines {
		moji[i] = mojibake(charmap.Windows1252)(line)
		cyr[i] = cyrillicSchwa(line)
	}
	for _, bc := range []struct {
		name   string
		fields []string
	}{
		{"cells", cells},
		{"lines", lines},
		{"cyrillic", cyr},
		{"mojibake", moji},
	} {
		b.Run(bc.name, func(b *testing.B) { benchFields(b, bc.fields, Normalize) })
	}
	b.Run("baseline-nfc", func(b *testing.B) { benchFields(b, lines, norm.NFC.String) })
}

// benchFields runs f over every field per iteration, counting their bytes.
func benchFields(b *testing.B, fields []string, f func(string) string) {
	size := 0
	for _, s := range fields {
		size += len(s)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range fields {
			f(s)
		}
	}
}

func BenchmarkKey(b *testing.B) {
	headings := []string{"Sıra N-si", "Tədbirin adı", "İcra müddəti", "Görülmüş işlər", "ICRA MUDDETI"}
	for b.Loop() {
		for _, h := range headings {
			Key(h)
		}
	}
}

// BenchmarkKeyText measures the keys the load stage stores for search
// over the seed's normalised lines (the text of measures): Key, LooseKey
// and BareKeyOf.
func BenchmarkKeyText(b *testing.B) {
	lines := seedLines(b)
	for i, line := range lines {
		lines[i] = Normalize(line)
	}
	b.Run("key", func(b *testing.B) { benchFields(b, lines, Key) })
	b.Run("loose", func(b *testing.B) { benchFields(b, lines, LooseKey) })
	keys := make([]string, len(lines))
	for i, line := range lines {
		keys[i] = Key(line)
	}
	b.Run("bare", func(b *testing.B) { benchFields(b, keys, BareKeyOf) })
}

// BenchmarkNormalizeDoc measures NormalizeDoc over the cells of the seed in
// the 1991 alphabet, read from Windows-1254: every ä needs the document's
// decision.
func BenchmarkNormalizeDoc(b *testing.B) {
	var cells []string
	size := 0
	for _, line := range seedLines(b) {
		for _, c := range strings.Split(line, "\t") {
			cells = append(cells, decode1254(windows1254(c)))
			size += len(c)
		}
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		NormalizeDoc(cells)
	}
}
