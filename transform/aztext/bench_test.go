package aztext

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// BenchmarkNormalize measures Normalize over the seed: cells (the common
// case: already normal), whole lines (tabs to collapse), lines with the
// Cyrillic ә (every rule applies) and lines damaged into Windows-1252
// mojibake.
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
		b.Run(bc.name, func(b *testing.B) {
			size := 0
			for _, f := range bc.fields {
				size += len(f)
			}
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, f := range bc.fields {
					Normalize(f)
				}
			}
		})
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
