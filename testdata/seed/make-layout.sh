#!/usr/bin/env bash
# Writes seed.layout.txt, the seed PDF as `pdftotext -layout` renders it
# (columns aligned with spaces, a form feed between pages), the input of
# the space-layout test of the text reader. Needs poppler-utils. Tests do
# not run this script; they read its committed output.
set -euo pipefail
cd "$(dirname "$0")"
pdftotext -layout seed.pdf seed.layout.txt
