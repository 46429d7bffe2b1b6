// Command mojibake writes the mojibake a program makes of UTF-8 text when
// it decodes the bytes with a single-byte code page: it reads UTF-8 on
// stdin, decodes the bytes as the code page named by its argument, and
// writes the result as UTF-8 on stdout. make.sh runs it; the tests do not.
//
// windows-1252, windows-1254 and windows-1251 are the WHATWG decoders of
// x/text (htmlindex), which pass an undefined byte through as the C1
// control of the same number. iso-8859-1 is true Latin-1 (charmap), every
// byte 0x80–0x9F a C1 control: WHATWG's "iso-8859-1" label means
// windows-1252, which would not show that reading.
package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mojibake windows-1252|windows-1254|windows-1251|iso-8859-1 <utf8 >mojibake")
		os.Exit(2)
	}
	var enc encoding.Encoding = charmap.ISO8859_1
	if os.Args[1] != "iso-8859-1" {
		var err error
		if enc, err = htmlindex.Get(os.Args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "mojibake:", err)
			os.Exit(2)
		}
	}
	if _, err := io.Copy(os.Stdout, enc.NewDecoder().Reader(os.Stdin)); err != nil {
		fmt.Fprintln(os.Stderr, "mojibake:", err)
		os.Exit(1)
	}
}
