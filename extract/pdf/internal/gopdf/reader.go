// Package gopdf reads the text and the painted paths of PDF pages in pure
// Go: pdfcpu reads the file's objects and streams (repairing a broken
// cross-reference table and decrypting standard security handlers), and
// this package interprets the content streams.
//
// It is the fast path of package pdf, which falls back to PDFium for what
// this package declines. So it is conservative: a page whose text it cannot
// map to Unicode with certainty (Type3 fonts, symbolic fonts without
// ToUnicode, CMaps other than Identity-H, unknown encodings or glyph names,
// vertical writing) or whose content it cannot parse returns a *Decline
// error, never a guess.
//
// Characters come out as PDFium's text page gives them (see Page.Char):
// the same loose boxes, the same order within a line, and PDFium's mark
// U+0002 in place of a hyphen that ends a line inside a word, so that one
// layout engine reads both.
package gopdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"io"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/klauspost/compress/flate"
	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// ErrPassword reports a document that needs a user password.
var ErrPassword = errors.New("a user password is needed to open it")

// Decline is returned for a page (or document) the Go reader leaves to
// PDFium; Reason says why.
type Decline struct{ Reason string }

func (d *Decline) Error() string { return "declined: " + d.Reason }

func decline(format string, a ...any) error { return &Decline{fmt.Sprintf(format, a...)} }

// Doc is an open document. It is not safe for concurrent use. Close
// passes its buffers on to the next document opened.
type Doc struct {
	r *reader
	// Pages is the page count: the page tree root's /Count, as PDFium
	// counts (see pageTree).
	Pages int
	// Repaired reports a cross-reference table that was rebuilt from the
	// objects found in the file.
	Repaired bool
	in       *interp // the interpreter, its buffers reused page after page
	pages    []leaf  // the page objects, in order (see pageTree)
}

// interps holds the interpreters of closed documents: their buffers (a
// page's text objects, characters and content) serve the next document
// instead of being allocated and cleared again for each.
var interps sync.Pool

// Close ends the use of d: the glyphs of its last page are no longer
// valid, and Page must not be called again.
func (d *Doc) Close() {
	if d.in != nil {
		d.in.r, d.in.p = nil, nil
		interps.Put(d.in)
		d.in = nil
	}
}

var configOnce sync.Once

// Open reads the document in data. Errors: ErrPassword, *Decline, or a
// parse error.
func Open(data []byte) (doc *Doc, err error) {
	configOnce.Do(func() { model.ConfigPath = "disable" }) // no config files in the user's home
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := pdfcpu.Read(bytes.NewReader(data), conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			return nil, ErrPassword
		}
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	r := &reader{x: ctx.XRefTable, ctx: ctx, data: data, encrypted: ctx.E != nil || ctx.EncKey != nil, fonts: map[types.IndirectRef]*font{}}
	root, err := ctx.Pages()
	if err != nil {
		return nil, err
	}
	pages := r.pageTree(*root, ctx.PageCount)
	in, _ := interps.Get().(*interp)
	if in == nil {
		in = new(interp)
	}
	return &Doc{r: r, Pages: ctx.PageCount, Repaired: xrefDamaged(data), in: in, pages: pages}, nil
}

// xrefDamaged reports whether the last startxref of data does not point at
// a cross-reference table or stream: the table had to be rebuilt.
func xrefDamaged(data []byte) bool {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return true
	}
	rest := bytes.TrimLeft(data[i+len("startxref"):], " \t\r\n\f\x00")
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	off, err := strconv.ParseInt(string(rest[:j]), 10, 64)
	if err != nil || off <= 0 || off >= int64(len(data)) {
		return true
	}
	at := bytes.TrimLeft(data[off:min(int64(len(data)), off+64)], " \t\r\n\f\x00")
	if bytes.HasPrefix(at, []byte("xref")) {
		return false
	}
	// An xref stream: "N G obj".
	f := bytes.Fields(at)
	return len(f) < 3 || !bytes.HasPrefix(f[2], []byte("obj"))
}

// reader wraps pdfcpu's cross-reference table with lenient accessors.
type reader struct {
	x         *model.XRefTable
	ctx       *model.Context
	data      []byte // the file
	encrypted bool
	fonts     map[types.IndirectRef]*font
	// runIns caches runIn, which reads objects up to the next of the
	// sorted offsets; taint is the reason to decline the page being read,
	// set when it reads an object runIn reports.
	runIns  map[int]bool
	offsets []int64
	taint   string
}

func (r *reader) deref(o types.Object) types.Object {
	for range 8 {
		ref, ok := o.(types.IndirectRef)
		if !ok {
			return o
		}
		var err error
		if o, err = r.x.Dereference(ref); err != nil {
			return nil
		}
		r.check(ref)
	}
	return nil
}

// check sets r.taint when object ref's text holds a reference PDFium
// reads otherwise (see runIn).
func (r *reader) check(ref types.IndirectRef) {
	if n := ref.ObjectNumber.Value(); r.runIn(n) {
		r.taint = fmt.Sprintf("object %d holds a reference keyword R run into other characters", n)
	}
}

func (r *reader) dict(o types.Object) types.Dict {
	switch d := r.deref(o).(type) {
	case types.Dict:
		return d
	case types.StreamDict:
		return d.Dict
	}
	return nil
}

func (r *reader) array(o types.Object) types.Array {
	a, _ := r.deref(o).(types.Array)
	return a
}

func (r *reader) num(o types.Object) (float64, bool) {
	switch v := r.deref(o).(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

func (r *reader) int(o types.Object, def int) int {
	if v, ok := r.num(o); ok && v > math.MinInt32 && v < math.MaxInt32 {
		return int(v)
	}
	return def
}

func name(d types.Dict, key string) string {
	if n, ok := d[key].(types.Name); ok {
		return string(n)
	}
	return ""
}

// stream returns the decoded data of stream o.
func (r *reader) stream(o types.Object) ([]byte, error) {
	sd, err := r.streamDict(o)
	if err != nil {
		return nil, err
	}
	return decode(sd, nil)
}

// streamDict returns stream o's dictionary; a missing stream is an error,
// and one whose data PDFium may read otherwise (see framed) a *Decline.
func (r *reader) streamDict(o types.Object) (*types.StreamDict, error) {
	sd, _, err := r.x.DereferenceStreamDict(o)
	if err == nil && sd == nil {
		err = errors.New("missing stream")
	}
	if err == nil {
		err = r.framed(o, sd)
	}
	if ref, ok := o.(types.IndirectRef); ok {
		r.check(ref)
	}
	return sd, err
}

// flateOnly reports whether sd's data, not yet decoded, is compressed
// with FlateDecode alone and no parameters: what inflate reads.
func flateOnly(sd *types.StreamDict) bool {
	f := sd.FilterPipeline
	return sd.Content == nil && len(f) == 1 && f[0].Name == filter.Flate && f[0].DecodeParms == nil
}

// intactStream is stream for data that must decode cleanly: a stream
// compressed with FlateDecode alone that does not inflate without error
// (damaged: pdfcpu would return what it could read) is an error.
func (r *reader) intactStream(o types.Object) ([]byte, error) {
	sd, err := r.streamDict(o)
	if err != nil {
		return nil, err
	}
	if flateOnly(sd) {
		if out, ok := inflate(sd.Raw, nil, true); ok {
			return out, nil
		}
		return nil, errors.New("damaged deflate stream")
	}
	return decode(sd, nil)
}

// decode appends the decoded data of sd to dst. A stream with FlateDecode
// alone (content streams, fonts, CMaps) is inflated here, without
// pdfcpu's buffers; anything else, or data that does not inflate cleanly,
// is decoded by pdfcpu, whose rules for damaged streams hold.
func decode(sd *types.StreamDict, dst []byte) ([]byte, error) {
	if flateOnly(sd) {
		if out, ok := inflate(sd.Raw, dst, false); ok {
			return out, nil
		}
	}
	if sd.Content == nil {
		if err := sd.Decode(); err != nil {
			return dst, err
		}
	}
	return append(dst, sd.Content...), nil
}

// inflater is a deflate reader kept for the next stream.
type inflater struct {
	src bytes.Reader
	fr  io.ReadCloser
}

var inflaters sync.Pool

// inflate appends the zlib data raw, decompressed, to dst; ok is false
// for data that is not clean zlib or inflates beyond pdfcpu's limit. The
// two-byte zlib header is checked and the deflate data read to its final
// block; the Adler-32 checksum after it only when checked. PDFium (zlib's
// inflate, whose output it keeps when the check fails) reads a stream
// whatever its checksum says, and producers that write a wrong one or none
// exist, so content streams are read unchecked: the checksum cannot change
// a byte of what both readers interpret, and costs a pass over it. A font
// program is checked (see loadProgram): PDFium's font engine may refuse
// what a failed checksum hides, and its glyph boxes come from the program.
func inflate(raw, dst []byte, checked bool) (_ []byte, ok bool) {
	if !zlibHeader(raw) {
		return dst, false
	}
	in, _ := inflaters.Get().(*inflater)
	if in == nil {
		in = &inflater{}
	}
	in.src.Reset(raw[2:])
	if in.fr == nil {
		in.fr = flate.NewReader(&in.src)
	} else if err := in.fr.(flate.Resetter).Reset(&in.src, nil); err != nil {
		in.fr = nil
		return dst, false
	}
	defer inflaters.Put(in)
	start := len(dst)
	dst = slices.Grow(dst, 4*len(raw))
	for {
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, cap(dst))
		}
		n, err := in.fr.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		if int64(len(dst)-start) > filter.DefaultMaxDecodeBytes {
			return dst[:start], false
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return dst[:start], false
		}
	}
	if checked {
		// The deflate reader reads src a byte at a time and no further
		// than its final block: the checksum is the next four bytes.
		var sum [4]byte
		if _, err := io.ReadFull(&in.src, sum[:]); err != nil || binary.BigEndian.Uint32(sum[:]) != adler32.Checksum(dst[start:]) {
			return dst[:start], false
		}
	}
	return dst, true
}

// zlibHeader reports whether b starts with a zlib header (RFC 1950) of
// deflate data without a preset dictionary, as compress/zlib checks it.
func zlibHeader(b []byte) bool {
	return len(b) >= 2 && b[0]&0x0f == 8 && b[0]>>4 <= 7 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0 && b[1]&0x20 == 0
}

// rect reads a rectangle array, normalised.
func (r *reader) rect(o types.Object) ([4]float64, bool) {
	a := r.array(o)
	if len(a) != 4 {
		return [4]float64{}, false
	}
	var v [4]float64
	for i := range v {
		var ok bool
		if v[i], ok = r.num(a[i]); !ok {
			return v, false
		}
	}
	return [4]float64{math.Min(v[0], v[2]), math.Min(v[1], v[3]), math.Max(v[0], v[2]), math.Max(v[1], v[3])}, true
}
