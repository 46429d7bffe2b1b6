package gopdf

import (
	"bytes"
	"context"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// framed returns a *Decline when the data pdfcpu read for stream sd (o,
// its reference) may not be the data PDFium reads. PDF 32000-1 7.3.8.1
// frames a stream's data with an end of line after the keyword stream
// and /Length bytes, then endstream; the two readers part where a
// damaged file breaks that (CPDF_SyntaxParser::ReadStream):
//   - PDFium starts the data after the first end of line after stream;
//     pdfcpu right after stream (and spaces) when no end of line follows.
//   - PDFium takes /Length bytes only when endstream follows them; pdfcpu
//     takes them whatever follows.
//   - Without a /Length that PDFium takes, PDFium ends the data at the
//     first endstream or endobj standing as a whole word (white space on
//     both sides); pdfcpu at the first "endstream" anywhere ("Tjendstream").
//
// So the data must start after an end of line and be followed by white
// space and endstream; and unless /Length gave it, that endstream must
// stand as a whole word with no endobj before it. The two may still differ
// in the ends of line before endstream, which no reading of the data
// depends on. In an encrypted document pdfcpu keeps only the decrypted
// length: the framing is not checked there.
func (r *reader) framed(o types.Object, sd *types.StreamDict) error {
	d := r.data
	if r.encrypted {
		return nil
	}
	s, n := sd.StreamOffset, int64(len(sd.Raw))
	if s < 1 || s+n > int64(len(d)) {
		return decline("stream data outside the file")
	}
	if c := d[s-1]; c != '\n' && c != '\r' {
		return decline("no end of line after the stream keyword")
	}
	p := s + n
	for p < int64(len(d)) && pdfiumSpace(d[p]) {
		p++
	}
	const end = "endstream"
	if !bytes.HasPrefix(d[p:], []byte(end)) {
		return decline("the stream's data is not followed by endstream")
	}
	if wholeWord(d, p, len(end)) && !hasWholeWord(d, s, p, "endobj") {
		return nil
	}
	if r.lengthIs(o, n) {
		return nil
	}
	return decline("a stream without /Length not ended by endstream as a word")
}

// pdfiumSpace reports white space as PDFium reads it: 0x80 and 0xFF too.
func pdfiumSpace(c byte) bool { return classes[c] == cSpace || classes[c] == cOdd }

// wholeWord reports whether the n bytes at d[i] stand as a keyword does
// for PDFium's search: white space (or the file's end) on both sides.
func wholeWord(d []byte, i int64, n int) bool {
	j := i + int64(n)
	return (i == 0 || pdfiumSpace(d[i-1])) && (j == int64(len(d)) || pdfiumSpace(d[j]))
}

// hasWholeWord reports whether word stands as a whole word in d[from:to].
func hasWholeWord(d []byte, from, to int64, word string) bool {
	for from < to {
		k := bytes.Index(d[from:to], []byte(word))
		if k < 0 {
			return false
		}
		if wholeWord(d, from+int64(k), len(word)) {
			return true
		}
		from += int64(k) + 1
	}
	return false
}

// lengthIs reports whether stream object o's /Length, as written in the
// file (pdfcpu's dictionary holds the length it read instead), is n:
// then PDFium, which takes it when endstream follows, reads the same data.
// It parses the object again, for the few streams that need it.
func (r *reader) lengthIs(o types.Object, n int64) bool {
	ref, ok := o.(types.IndirectRef)
	if !ok || r.ctx == nil {
		return false
	}
	e, ok := r.x.FindTableEntryForIndRef(&ref)
	if !ok || e.Offset == nil || e.Compressed {
		return false
	}
	po, err := pdfcpu.ParseObjectWithContext(context.Background(), r.ctx, *e.Offset, ref.ObjectNumber.Value(), ref.GenerationNumber.Value())
	sd, ok := po.(types.StreamDict)
	if err != nil || !ok {
		return false
	}
	if sd.StreamLengthObjNr != nil {
		l, ok := r.deref(*types.NewIndirectRef(*sd.StreamLengthObjNr, 0)).(types.Integer)
		return ok && int64(l) == n
	}
	return sd.StreamLength != nil && *sd.StreamLength == n
}

// runIn reports whether the text of object n, as written in the file,
// holds a reference whose keyword R runs into other regular bytes
// ("4 0 R0"). PDF 32000-1 7.3.10 writes a reference as two integers and
// the keyword R, a token of its own (7.2.2), and PDFium
// (CPDF_SyntaxParser::GetObjectBodyInternal) reads one only when the
// word after the two numbers is R; pdfcpu takes any word that starts
// with R. Then pdfcpu follows a reference where PDFium reads a number
// (/Contents 4), and what the page holds differs. Objects in object
// streams, not in the file as written, are not checked. An object's text
// is read up to the next object's offset at most, so that all the
// objects of a file cost one pass over it even when a string or comment
// runs on. The answer is kept per object.
func (r *reader) runIn(n int) bool {
	if v, ok := r.runIns[n]; ok {
		return v
	}
	if r.runIns == nil {
		r.runIns = map[int]bool{}
		for _, e := range r.x.Table {
			if e != nil && e.Offset != nil && !e.Compressed && !e.Free {
				r.offsets = append(r.offsets, *e.Offset)
			}
		}
		slices.Sort(r.offsets)
	}
	v := false
	if e, ok := r.x.Find(n); ok && e.Offset != nil && !e.Compressed && !e.Free && *e.Offset >= 0 && *e.Offset < int64(len(r.data)) {
		end := int64(len(r.data))
		if i, _ := slices.BinarySearch(r.offsets, *e.Offset+1); i < len(r.offsets) {
			end = min(end, r.offsets[i])
		}
		v = runInRef(r.data[*e.Offset:end])
	}
	r.runIns[n] = v
	return v
}

// runInRef reports whether the object at the start of s ("N G obj",
// then its body, up to endobj or its stream's data) holds two unsigned
// integers followed by a word that starts with R but is not R. Strings
// and comments are passed; words end at white space (as PDFium reads
// it) or a delimiter.
func runInRef(s []byte) bool {
	var ints [2]bool // whether the last two tokens were unsigned integers
	objs := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case pdfiumSpace(c):
			i++
			continue
		case c == '%':
			for i < len(s) && s[i] != '\n' && s[i] != '\r' {
				i++
			}
			continue
		case c == '(':
			depth := 0
			for ; i < len(s); i++ {
				if s[i] == '\\' {
					i++
				} else if s[i] == '(' {
					depth++
				} else if s[i] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			i++
		case c == '<' && i+1 < len(s) && s[i+1] == '<':
			i += 2
		case c == '<':
			for i < len(s) && s[i] != '>' {
				i++
			}
			i++
		case c == '/':
			for i++; i < len(s) && classes[s[i]] == cRegular; i++ {
			}
		case classes[c] == cDelim:
			i++
		default:
			j := i
			for j < len(s) && classes[s[j]] == cRegular {
				j++
			}
			w := s[i:j]
			i = j
			switch {
			case w[0] == 'R' && ints[0] && ints[1]:
				if len(w) > 1 {
					return true
				}
			case string(w) == "endobj" || string(w) == "stream":
				return false
			case string(w) == "obj":
				if objs++; objs > 1 { // the next object: endobj was lost
					return false
				}
			}
			ints = [2]bool{ints[1], unsignedInt(w)}
			continue
		}
		ints = [2]bool{}
	}
	return false
}

// unsignedInt reports whether w is all digits.
func unsignedInt(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(w) > 0
}
