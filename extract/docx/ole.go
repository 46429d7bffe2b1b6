package docx

import (
	"io"

	"github.com/richardlehane/mscfb"

	"github.com/hesabat/hesabat"
)

// oleMagic starts an OLE compound file ([MS-CFB]): a legacy .doc, or an
// OOXML file encrypted with a password ([MS-OFFCRYPTO] §2.3.4).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// oleError names what an OLE compound file is: encrypted OOXML when its
// directory holds an "EncryptionInfo" stream, else a legacy Word file
// (which extract/doc reads).
func oleError(name string, r io.ReaderAt) error {
	cf, err := mscfb.New(r)
	if err != nil {
		return hesabat.Errorf(name, hesabat.ErrCorrupt, "an Office file in the old binary container, damaged; open and re-save it as .docx in Word", "OLE compound file: %v", err)
	}
	for _, f := range cf.File {
		if f.Name == "EncryptionInfo" {
			return hesabat.Errorf(name, hesabat.ErrEncrypted, "remove the password in Word (File > Info > Protect Document > Encrypt with Password, clear it) and save again", "a password-protected Word file")
		}
	}
	return hesabat.Errorf(name, hesabat.ErrUnsupported, "name it .doc: hesabat reads Word 97-2003 files as .doc", "legacy Word 97 format")
}
