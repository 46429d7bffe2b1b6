package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/hesabat/hesabat"
)

// oleFile builds a minimal OLE compound file (512-byte sectors: header,
// FAT in sector 0, directory in sector 1) whose directory holds the root
// and names (at most three, empty streams), followed by the sectors in
// tail.
func oleFile(names []string, tail ...[]byte) []byte {
	le := binary.LittleEndian
	b := make([]byte, 3*512)
	copy(b, oleMagic)
	le.PutUint16(b[0x18:], 0x3E)
	le.PutUint16(b[0x1A:], 3)
	le.PutUint16(b[0x1C:], 0xFFFE)
	le.PutUint16(b[0x1E:], 9)
	le.PutUint16(b[0x20:], 6)
	le.PutUint32(b[0x2C:], 1)
	le.PutUint32(b[0x30:], 1)
	le.PutUint32(b[0x38:], 4096)
	le.PutUint32(b[0x3C:], 0xFFFFFFFE)
	le.PutUint32(b[0x44:], 0xFFFFFFFE)
	for i := range 109 {
		le.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(b[0x4C:], 0)
	fat := b[512:1024]
	for i := range 128 {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD)
	le.PutUint32(fat[4:], 0xFFFFFFFE) // end of chain
	all := append([]string{"Root Entry"}, names...)
	for i, n := range all {
		e := b[1024+128*i:]
		// The directory tree: the root's child is entry 1, each entry's
		// right sibling the next one; 0xFFFFFFFF is "none".
		for _, f := range []int{0x44, 0x48, 0x4C} {
			le.PutUint32(e[f:], 0xFFFFFFFF)
		}
		switch {
		case i == 0 && len(all) > 1:
			le.PutUint32(e[0x4C:], 1)
		case i > 0 && i+1 < len(all):
			le.PutUint32(e[0x48:], uint32(i+1))
		}
		u := utf16.Encode([]rune(n))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42] = 2
		if i == 0 {
			e[0x42] = 5
		}
	}
	for _, s := range tail {
		b = append(b, s...)
	}
	return b
}

// utf16le encodes s as UTF-16LE, as OLE directories store names.
func utf16le(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// rawEntry writes a zip whose word/document.xml is stored with the given
// header (sizes, CRC, method), its data deflated from content, next to the
// other parts of a minimal package.
func rawEntry(t *testing.T, content string, edit func(*zip.FileHeader)) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, s := range docxFiles("", "", "") {
		if n == "word/document.xml" {
			continue
		}
		w, _ := zw.Create(n)
		io.WriteString(w, s)
	}
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	io.WriteString(fw, content)
	fw.Close()
	h := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(content)),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(len(content))}
	edit(h)
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// panicReader panics when read, as a buggy library under us might.
type panicReader struct{}

func (panicReader) ReadAt([]byte, int64) (int, error) { panic("boom") }

func TestBadInput(t *testing.T) {
	good := buildDocx(t, fiveColumn, "", "")
	bigBody := strings.Repeat(p("Tədbir icra edilmişdir."), 40000) // ~2.4 MB, compresses over 100 times
	withDoc := func(doc string) []byte {
		files := docxFiles("", "", "")
		files["word/document.xml"] = doc
		return zipFiles(t, files)
	}
	badXML := wOpen + `<w:body><w:p><w:r><w:t>a</w:r></w:p></w:body></w:document>`
	badAt := strings.Index(badXML, "</w:r>") + len("</w:r>") // just after the end tag that does not match
	cases := []struct {
		name string
		data []byte
		r    io.ReaderAt // instead of data
		opts Options
		kind error
		msg  string // in the error text
	}{
		{"empty file", []byte{}, nil, Options{}, hesabat.ErrEmpty, "empty file"},
		{"plain text", []byte("Hesabat\n1.1 Tədbir"), nil, Options{}, hesabat.ErrUnsupported, "not a zip archive"},
		{"RTF named .docx", []byte(`{\rtf1\ansi hesabat}`), nil, Options{}, hesabat.ErrUnsupported, "RTF"},
		{"Word 2003 XML", []byte(`<?xml version="1.0"?><w:wordDocument/>`), nil, Options{}, hesabat.ErrUnsupported, "Word XML"},
		{"encrypted DOCX", oleFile([]string{"\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"}), nil, Options{}, hesabat.ErrEncrypted, "encrypted"},
		{"legacy .doc", oleFile([]string{"WordDocument", "1Table", "\x05SummaryInformation"}), nil, Options{}, hesabat.ErrUnsupported, "legacy Word 97 format"},
		{"legacy .doc mentioning EncryptionInfo outside the directory", oleFile([]string{"WordDocument"}, utf16le("EncryptionInfo")), nil, Options{}, hesabat.ErrUnsupported, "legacy Word 97 format"},
		{"damaged OLE file", append(append([]byte{}, oleMagic...), make([]byte, 600)...), nil, Options{}, hesabat.ErrCorrupt, "OLE compound file"},
		{"truncated zip", good[:len(good)/2], nil, Options{}, hesabat.ErrCorrupt, "zip"},
		{"zip without word/document.xml", zipFiles(t, map[string]string{"readme.txt": "salam"}), nil, Options{}, hesabat.ErrCorrupt, "no main document part (word/document.xml)"},
		{"spreadsheet renamed .docx", zipFiles(t, map[string]string{
			"_rels/.rels":         strings.Replace(rootRels, "word/document.xml", "xl/workbook.xml", 1),
			"[Content_Types].xml": strings.Replace(contentTypes, `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`, `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`, 1),
			"xl/workbook.xml":     "<workbook/>"}), nil, Options{}, hesabat.ErrUnsupported, "not a Word document"},
		{"duplicate entries", zipFiles(t, func() map[string]string {
			f := docxFiles(p("a"), "", "")
			f["Word/Document.XML"] = f["word/document.xml"]
			return f
		}()), nil, Options{}, hesabat.ErrCorrupt, "duplicate zip entry"},
		{"malformed XML", withDoc(badXML), nil, Options{}, hesabat.ErrCorrupt, fmt.Sprintf("word/document.xml: malformed XML at byte %d: XML syntax error on line 1: element <t> closed by </r>", badAt)},
		{"unclosed document", withDoc(wOpen + `<w:body>` + p("a")), nil, Options{}, hesabat.ErrCorrupt, "malformed XML at byte"},
		{"garbage after the document", withDoc(wOpen + `<w:body/></w:document><x`), nil, Options{}, hesabat.ErrCorrupt, "malformed XML at byte"},
		{"DOCTYPE", withDoc(`<!DOCTYPE x [<!ENTITY a "b">]>` + wOpen + `<w:body/></w:document>`), nil, Options{}, hesabat.ErrCorrupt, "directive"},
		{"undefined entity", withDoc(wOpen + `<w:body>` + p("&bomb;") + `</w:body></w:document>`), nil, Options{}, hesabat.ErrCorrupt, "malformed XML"},
		{"not WordprocessingML", withDoc(`<html><body/></html>`), nil, Options{}, hesabat.ErrCorrupt, "not a Word document"},
		{"deep nesting", withDoc(wOpen + `<w:body>` + strings.Repeat("<w:customXml>", 300) + strings.Repeat("</w:customXml>", 300) + `</w:body></w:document>`), nil, Options{}, hesabat.ErrCorrupt, "nested deeper than 256"},
		{"foreign encoding", withDoc(`<?xml version="1.0" encoding="windows-1251"?>` + wOpen + `<w:body/></w:document>`), nil, Options{}, hesabat.ErrUnsupported, `"windows-1251" not supported`},
		{"UTF-16 part", withDoc("\xff\xfe<\x00?\x00x\x00m\x00l\x00"), nil, Options{}, hesabat.ErrUnsupported, "word/document.xml is encoded in UTF-16"},
		{"empty main part", withDoc(""), nil, Options{}, hesabat.ErrCorrupt, "malformed XML at byte 0: the part ends before the document does"},
		{"over the size cap (declared)", good, nil, Options{MaxUncompressed: 1000}, hesabat.ErrTooLarge, "too large"},
		{"zip bomb (ratio)", buildDocx(t, bigBody, "", ""), nil, Options{}, hesabat.ErrTooLarge, "compression ratio over 100"},
		{"zip bomb in numbering", buildDocx(t, p("a"), strings.Repeat("<w:num/>", 300000), ""), nil, Options{}, hesabat.ErrTooLarge, "word/numbering.xml"},
		{"header understates size", rawEntry(t, wOpen+`<w:body>`+bigBody+`</w:body></w:document>`, func(h *zip.FileHeader) { h.UncompressedSize64 = 1000 }), nil, Options{}, hesabat.ErrCorrupt, "zip: not a valid zip file"},
		{"bad checksum", rawEntry(t, wOpen+`<w:body>`+p("a")+`</w:body></w:document>`, func(h *zip.FileHeader) { h.CRC32++ }), nil, Options{}, hesabat.ErrCorrupt, "checksum"},
		{"unknown compression method", rawEntry(t, wOpen+`<w:body/></w:document>`, func(h *zip.FileHeader) { h.Method = 99 }), nil, Options{}, hesabat.ErrUnsupported, "algorithm"},
		{"panic below the extractor", nil, panicReader{}, Options{}, hesabat.ErrInternal, "panic: boom"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, size := tc.r, int64(len(tc.data))
			if r == nil {
				r = bytes.NewReader(tc.data)
			} else {
				size = 1 << 20
			}
			doc, err := New(tc.opts).Extract(context.Background(), hesabat.Source{Path: "t.docx"}, r, size)
			if err == nil {
				t.Fatalf("no error; rows %q", dump(doc))
			}
			checkError(t, err, tc.kind, tc.msg)
		})
	}
}

// checkError checks err is a one-line *hesabat.Error for t.docx wrapping
// kind, with msg in its text and, but for empty files, a hint.
func checkError(t *testing.T, err, kind error, msg string) {
	t.Helper()
	var he *hesabat.Error
	if !errors.As(err, &he) || he.Path != "t.docx" {
		t.Fatalf("%v: not an *hesabat.Error for t.docx", err)
	}
	if !errors.Is(err, kind) {
		t.Errorf("%v: does not wrap %v", err, kind)
	}
	text := err.Error()
	if !strings.Contains(text, msg) || !strings.HasPrefix(text, "t.docx: ") || strings.Contains(text, "\n") {
		t.Errorf("error %q: want one line starting with the file and containing %q", text, msg)
	}
	if he.Hint == "" && kind != hesabat.ErrEmpty {
		t.Errorf("error %q has no hint", text)
	}
}

func TestCancel(t *testing.T) {
	data := buildDocx(t, fiveColumn, "", "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(Options{}).Extract(ctx, hesabat.Source{Path: "t.docx"}, bytes.NewReader(data), int64(len(data)))
	var he *hesabat.Error
	if !errors.Is(err, context.Canceled) || !errors.As(err, &he) || he.Path != "t.docx" {
		t.Errorf("err = %v, want an *hesabat.Error for t.docx wrapping context.Canceled", err)
	}
}
