#!/usr/bin/env bash
# Writes NAME.txt for every corpus PDF (fixtures/corpus/pdf/NAME.pdf): the
# PDF as `pdftotext -layout` renders it (columns aligned with spaces, a
# form feed between pages), the input of the layout-text gold test in
# cmd/hesabat (TestLayoutTextGold), compared with fixtures/corpus/gold.
# Needs poppler-utils. Tests do not run this script; they read its
# committed output.
set -euo pipefail
cd "$(dirname "$0")"
for pdf in ../../fixtures/corpus/pdf/*.pdf; do
	pdftotext -layout "$pdf" "$(basename "$pdf" .pdf).txt"
done
