package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPDFEngine extracts the seed PDF with each --pdf-engine: the reports
// are the same; a name that is no engine is misuse.
func TestPDFEngine(t *testing.T) {
	seed := filepath.Join("..", "..", "testdata", "seed", "seed.pdf")
	var want string
	for _, engine := range []string{"auto", "go", "pdfium"} {
		code, stdout, stderr := cli(t, "", "extract", "--pdf-engine", engine, seed)
		if code != 0 || !strings.Contains(stdout, `"measures"`) {
			t.Fatalf("%s: exit %d, stderr %q", engine, code, stderr)
		}
		if want == "" {
			want = stdout
		} else if stdout != want {
			t.Errorf("--pdf-engine %s: the report differs from --pdf-engine auto's", engine)
		}
	}
	if code, _, stderr := cli(t, "", "extract", "--pdf-engine", "mupdf", seed); code != exitMisuse || !strings.Contains(stderr, `--pdf-engine "mupdf"`) {
		t.Errorf("unknown engine: exit %d, stderr %q", code, stderr)
	}
}
