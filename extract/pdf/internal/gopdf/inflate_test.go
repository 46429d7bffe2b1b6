package gopdf

import (
	"bytes"
	"compress/zlib"
	"testing"
)

// TestInflate reads zlib streams as PDFium does: the header checked, the
// deflate data read to its final block, the Adler-32 after it not read
// unless checked (a wrong or missing checksum keeps the data of a content
// stream, and fails a font program); a bad header, a preset dictionary or
// deflate data cut short give ok false either way.
func TestInflate(t *testing.T) {
	want := bytes.Repeat([]byte("BT /F1 12 Tf (Tədbirlər) Tj ET\n"), 200)
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(want)
	w.Close()
	good := b.Bytes()
	badSum := append([]byte(nil), good...)
	badSum[len(badSum)-1] ^= 0xff
	noSum := good[:len(good)-4]
	dict := append([]byte(nil), good...)
	// FDICT set, FCHECK made again so that the header's check holds
	flg := uint16(dict[0])<<8 | uint16(dict[1]&0xc0|0x20)
	dict[1] = byte(flg) | byte((31-flg%31)%31)
	for _, c := range []struct {
		name             string
		raw              []byte
		unchecked, check bool // ok, unchecked and checked
	}{
		{"clean", good, true, true},
		{"wrong checksum", badSum, true, false},
		{"no checksum", noSum, true, false},
		{"checksum cut short", good[:len(good)-2], true, false},
		{"cut inside the data", good[:len(good)/2], false, false},
		{"header check broken", append([]byte{good[0], good[1] ^ 1}, good[2:]...), false, false},
		{"not deflate", append([]byte{0x79, good[1]}, good[2:]...), false, false},
		{"preset dictionary", dict, false, false},
		{"empty", nil, false, false},
	} {
		for _, checked := range []bool{false, true} {
			wantOK := c.unchecked
			if checked {
				wantOK = c.check
			}
			got, ok := inflate(c.raw, []byte("kept"), checked)
			if ok != wantOK {
				t.Errorf("%s, checked %v: ok %v, want %v", c.name, checked, ok, wantOK)
				continue
			}
			wantOut := []byte("kept")
			if ok {
				wantOut = append(wantOut, want...)
			}
			if !bytes.Equal(got, wantOut) {
				t.Errorf("%s, checked %v: got %d bytes, want %d", c.name, checked, len(got), len(wantOut))
			}
		}
	}
}
