package main

import (
	"archive/zip"
	"bytes"

	"github.com/richardlehane/mscfb"

	"github.com/hesabat/hesabat"
)

// sniffLen is how much of a file's start sniffing looks at: enough for an
// XML declaration, a doctype and a few comments before the root element.
const sniffLen = 1024

// oleMagic starts an OLE compound file: a Word 97-2003 document, or an
// encrypted OOXML one.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff names the format of a file by its content: magic bytes, the
// entries of a zip, the root of markup. It returns "" when the content
// does not tell (plain text, damaged or unknown files), and then the
// extension decides.
func sniff(data []byte) hesabat.Format {
	switch {
	case bytes.HasPrefix(data, oleMagic):
		return sniffOLE(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return sniffZip(data)
	}
	head := data[:min(len(data), sniffLen)]
	if bytes.Contains(head, []byte("%PDF-")) {
		return hesabat.PDF // readers accept junk before the header
	}
	return sniffMarkup(head)
}

// sniffOLE tells an encrypted OOXML file (its EncryptionInfo stream; the
// DOCX reader names it) from a Word 97-2003 one. Other compound files
// (.xls, .ppt) are DOC too, for the DOC reader to name.
func sniffOLE(data []byte) hesabat.Format {
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return "" // damaged: the extension's reader will say so
	}
	for _, f := range cf.File {
		if len(f.Path) == 0 && f.Name == "EncryptionInfo" {
			return hesabat.DOCX
		}
	}
	return hesabat.DOC
}

// sniffZip tells DOCX from ODT by the entries the zip holds.
func sniffZip(data []byte) hesabat.Format {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "" // damaged: the extension's reader will say so
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml", "[Content_Types].xml":
			return hesabat.DOCX
		case "content.xml", "mimetype":
			return hesabat.ODT
		}
	}
	return ""
}

// sniffMarkup recognises flat OpenDocument, Word XML and HTML by the
// first element after byte order marks, white space, the XML declaration,
// doctypes and comments. UTF-16 markup is read by dropping its zero bytes,
// which keeps ASCII tags recognisable.
func sniffMarkup(head []byte) hesabat.Format {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		head = bytes.ReplaceAll(head[2:], []byte{0}, nil)
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	lower := bytes.ToLower(head) // ASCII markup only: tags are compared, not text
	for {
		lower = bytes.TrimLeft(lower, " \t\r\n\f")
		var end []byte
		switch {
		case bytes.HasPrefix(lower, []byte("<!doctype html")):
			return hesabat.HTML
		case bytes.HasPrefix(lower, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(lower, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(lower, []byte("<!")):
			end = []byte(">")
		case bytes.HasPrefix(lower, []byte("<office:document")):
			return hesabat.ODT
		case bytes.HasPrefix(lower, []byte("<w:worddocument")), bytes.HasPrefix(lower, []byte("<pkg:package")):
			return hesabat.DOCX // Word XML: the DOCX reader names it
		case bytes.HasPrefix(lower, []byte("<html")), bytes.HasPrefix(lower, []byte("<head")),
			bytes.HasPrefix(lower, []byte("<body")), bytes.HasPrefix(lower, []byte("<meta")),
			bytes.HasPrefix(lower, []byte("<title")), bytes.HasPrefix(lower, []byte("<table")):
			return hesabat.HTML
		default:
			return ""
		}
		i := bytes.Index(lower, end)
		if i < 0 {
			return ""
		}
		lower = lower[i+len(end):]
	}
}

// identify decides the format of a file named path with content data: by
// content first, by the extension (ext, already known to be one hesabat
// reads) when the content does not tell. A disagreement is a warning.
func identify(ext hesabat.Format, data []byte) (hesabat.Format, []hesabat.Warning) {
	f := sniff(data)
	if f == "" || f == ext {
		return ext, nil
	}
	return f, []hesabat.Warning{hesabat.Warnf(hesabat.WarnFormat, 0, "the file's name says %s but its content is %s; read as %s", ext, f, f)}
}
