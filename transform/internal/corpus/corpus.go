// Package corpus reads the corpus PDFs for the benchmarks of the transform
// packages, which measure their stages on what the PDF reader delivers.
package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/extract/pdf"
)

// Docs returns the documents the PDF reader (default options) makes of
// the PDFs in dir, in file name order; it fails tb when there are none.
func Docs(tb testing.TB, dir string) []*hesabat.Document {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(paths) == 0 {
		tb.Fatalf("no PDFs in %s", dir)
	}
	x, err := pdf.New(pdf.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer x.Close()
	docs := make([]*hesabat.Document, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		src := hesabat.Source{Path: p, Format: hesabat.PDF, Size: int64(len(data))}
		if docs[i], err = x.Extract(context.Background(), src, bytes.NewReader(data), int64(len(data))); err != nil {
			tb.Fatal(err)
		}
	}
	return docs
}

// CPUTime returns the CPU time the process has used, user and system:
// steadier than wall time on a busy machine.
func CPUTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
