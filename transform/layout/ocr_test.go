package layout

import (
	"slices"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestHeadWords: OCR reads a repeated two-line header ("Sıra" over
// "N-si", "Tədbirin adı" centred between) as other lines on each page,
// with a speck read as "-" and "Sıra" as "Sira"; matched by its words, it
// is the header on every page.
func TestHeadWords(t *testing.T) {
	pages := [][][]hesabat.Word{
		{text("Sıra İcra", 60, 60), text("Tədbirin adı Görülmüş işlər", 110, 67), text("N-si müddəti", 60, 74), text("1.1. Dövlət", 60, 100)},
		{text("Sira İcra", 60, 60), slices.Concat(text("N-si", 60, 72), text("Tədbirin adı müddəti - Görülmüş işlər.", 110, 72)), text("1.2. Korrupsiya", 60, 100)},
		{text("Sıra İcra", 60, 60), text("N-si Tədbirin adı müddəti Görülmüş işlər", 60, 72), text("2.1. Açıq", 60, 100)},
	}
	var tables [][]tline
	for _, ws := range pages {
		var all []hesabat.Word
		for _, w := range ws {
			all = append(all, w...)
		}
		tables = append(tables, buildLines(all))
	}
	b := &borderless{header: repeatedHead(tables), headWords: repeatedHeadWords(tables)}
	if b.headWords != "adi görülmüş icra işlər müddəti n si sira tədbirin" {
		t.Fatalf("header words %q", b.headWords)
	}
	for i, tb := range tables {
		if got, want := b.headerLen(tb), len(tb)-1; got != want {
			t.Errorf("page %d: header of %d lines, want %d", i+1, got, want)
		}
	}
}
