package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/load"
)

// version and commit name this build. The Makefile sets them with
// -ldflags "-X main.version=… -X main.commit=…"; left empty, they come from
// the build information Go records (module version, VCS revision).
var version, commit string

// outputVersion is the schema_version of hesabat's JSON output (extract's
// reports, ingest's --json summary, errors and stats --json). Fields are
// only ever added; a change that removes or redefines one bumps it.
const outputVersion = 1

// printVersion prints the version, the commit, the database schema, the
// extraction rules and the PDF engine of this build.
func printVersion(w io.Writer) {
	v, c, modified := version, commit, false
	pdfium, wazero := "unknown", "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if c == "" {
					c = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		for _, d := range info.Deps {
			switch d.Path {
			case "github.com/klippa-app/go-pdfium":
				pdfium = d.Version
			case "github.com/tetratelabs/wazero":
				wazero = d.Version
			}
		}
	}
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	if c == "" {
		c = "unknown"
	} else if modified {
		c += " (modified)"
	}
	fmt.Fprintf(w, "hesabat %s\ncommit: %s\nschema version: %d\nextraction rules: %d\nPDF engine: PDFium from go-pdfium %s, WebAssembly on wazero %s\n",
		v, c, load.SchemaVersion(), hesabat.RulesVersion, pdfium, wazero)
}
