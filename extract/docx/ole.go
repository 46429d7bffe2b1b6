package docx

import (
	"encoding/binary"
	"errors"
	"io"
	"unicode/utf16"

	"github.com/hesabat/hesabat"
)

// oleMagic starts an OLE compound file ([MS-CFB]): a legacy .doc, or an
// OOXML file encrypted with a password ([MS-OFFCRYPTO] §2.3.4).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// oleError names what an OLE compound file is: encrypted OOXML when its
// directory holds an "EncryptionInfo" stream, else a legacy Word file.
func oleError(name string, r io.ReaderAt, size int64) error {
	names, err := oleNames(r, size)
	if err != nil {
		return hesabat.Errorf(name, hesabat.ErrCorrupt, "an Office file in the old binary container, damaged; open and re-save it as .docx in Word", "OLE compound file: %v", err)
	}
	for _, n := range names {
		if n == "EncryptionInfo" {
			return hesabat.Errorf(name, hesabat.ErrEncrypted, "remove the password in Word (File > Info > Protect Document > Encrypt with Password, clear it) and save again", "a password-protected Word file")
		}
	}
	return hesabat.Errorf(name, hesabat.ErrUnsupported, "convert to .docx (e.g. soffice --headless --convert-to docx)", "legacy Word 97 format")
}

// Special sector numbers of [MS-CFB] §2.1.
const (
	endOfChain = 0xFFFFFFFE
	maxRegSect = 0xFFFFFFFA
)

// oleNames returns the names in an OLE compound file's directory. It reads
// the header, the FAT (through the DIFAT) and the directory chain, bounded
// by the file size.
func oleNames(r io.ReaderAt, size int64) ([]string, error) {
	hdr := make([]byte, 512)
	if _, err := r.ReadAt(hdr, 0); err != nil {
		return nil, errors.New("truncated header")
	}
	le := binary.LittleEndian
	shift := le.Uint16(hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return nil, errors.New("bad sector size")
	}
	ss := int64(1) << shift
	nsect := size/ss + 1 // bound on chain lengths
	sector := func(id uint32) ([]byte, error) {
		off := (int64(id) + 1) * ss
		if id > maxRegSect || off >= size {
			return nil, errors.New("sector out of range")
		}
		b := make([]byte, ss)
		r.ReadAt(b, off) // a short last sector reads as zero-padded
		return b, nil
	}
	// FAT sector ids: 109 in the header, then chained DIFAT sectors.
	var fatIDs []uint32
	for i := range 109 {
		fatIDs = append(fatIDs, le.Uint32(hdr[0x4C+4*i:]))
	}
	for id, n := le.Uint32(hdr[0x44:]), int64(0); id <= maxRegSect && n < nsect; n++ {
		b, err := sector(id)
		if err != nil {
			return nil, err
		}
		for i := int64(0); i < ss/4-1; i++ {
			fatIDs = append(fatIDs, le.Uint32(b[4*i:]))
		}
		id = le.Uint32(b[ss-4:])
	}
	var fat []uint32
	for _, id := range fatIDs {
		if id > maxRegSect {
			continue
		}
		b, err := sector(id)
		if err != nil {
			return nil, err
		}
		for i := int64(0); i < ss/4; i++ {
			fat = append(fat, le.Uint32(b[4*i:]))
		}
		if int64(len(fat)) > nsect+ss/4 {
			break
		}
	}
	var names []string
	for id, n := le.Uint32(hdr[0x30:]), int64(0); id != endOfChain; n++ {
		if n >= nsect || int64(id) >= int64(len(fat)) {
			return nil, errors.New("broken directory chain")
		}
		b, err := sector(id)
		if err != nil {
			return nil, err
		}
		for e := int64(0); e+128 <= ss; e += 128 {
			ent := b[e : e+128]
			l := int(le.Uint16(ent[0x40:]))
			if l < 2 || l > 64 || ent[0x42] == 0 {
				continue // unused entry
			}
			u := make([]uint16, l/2-1)
			for i := range u {
				u[i] = le.Uint16(ent[2*i:])
			}
			names = append(names, string(utf16.Decode(u)))
		}
		id = fat[id]
	}
	return names, nil
}
