# hesabat — see README.md. Needs Go and gcc (cgo, for SQLite).
GO     ?= go
TAGS   := sqlite_fts5
BIN    := bin/hesabat
DB     ?= hesabat.db
export CGO_ENABLED := 1
# hesabat --version reports these; without git they fall back to Go's build info.
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null)
COMMIT  := $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

.PHONY: all build run test bench fuzz clean

all: build

build:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/hesabat

## run: build, ingest fixtures/ into $(DB) and print what was loaded
run: build
	./$(BIN) ingest --db $(DB) fixtures/

## test: vet and run every test (installs Tesseract for the OCR tests where it can)
test:
	@bash .ci/deps
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) -count=1 ./...

## bench: every benchmark; pdftotext (poppler-utils) is the PDF baseline
bench:
	@command -v pdftotext >/dev/null || (command -v apt-get >/dev/null && \
		(apt-get install -y poppler-utils >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y poppler-utils >/dev/null))) || \
		echo "pdftotext not installed: the PDF baseline will be skipped"
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -cpu 1 ./...

## fuzz: a short run of each fuzz target
fuzz:
	@for pkg in $$($(GO) list -tags $(TAGS) ./...); do \
		for f in $$($(GO) test -tags $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			$(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime 20s -fuzzminimizetime 2s $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm
