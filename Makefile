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

.PHONY: all build run test bench bench-table bench-deps profile fuzz clean

all: build

build:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/hesabat

## run: build, ingest fixtures/ into $(DB) and print what was loaded
run: build
	./$(BIN) ingest --db $(DB) fixtures/

## test: vet and run every test: the unit packages with the race
## detector, the corpus and variant suites of cmd/hesabat without it (they
## would take most of CI's half hour under -race); installs Tesseract for
## the OCR tests where it can
test:
	@bash .ci/deps
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -tags $(TAGS) -count=1 -race -timeout 30m $$($(GO) list -tags $(TAGS) ./... | grep -v '/cmd/hesabat$$')
	$(GO) test -tags $(TAGS) -count=1 -timeout 30m ./cmd/hesabat

## bench: every package benchmark, then the table of issue 17 (bench-table)
bench: build bench-deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -cpu 1 ./...
	$(BENCHTABLE)

## bench-table: one table from one run: stages, ingest of the corpus PDFs with
## the built binary beside pdftotext -layout at the same parallelism, peak RSS,
## start-up of extract, the corpus repeated 10 times; each row with its target
BENCHTABLE = $(GO) run -tags $(TAGS) ./cmd/hesabat/internal/benchtable -bin $(BIN)
bench-table: build bench-deps
	$(BENCHTABLE)

# pdftotext (poppler-utils) is the PDF baseline: installed when missing.
bench-deps:
	@command -v pdftotext >/dev/null || (command -v apt-get >/dev/null && \
		(apt-get install -y poppler-utils >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y poppler-utils >/dev/null))) || \
		echo "pdftotext not installed: the PDF baseline will be skipped"

## profile: CPU profile of one ingest of the corpus PDFs (BenchmarkIngest), top entries
profile:
	@mkdir -p bin
	$(GO) test -tags $(TAGS) -run '^$$' -bench '^BenchmarkIngest$$' -benchtime 1x -cpuprofile bin/ingest.pprof -o bin/hesabat.test ./cmd/hesabat
	$(GO) tool pprof -top -nodecount 25 bin/hesabat.test bin/ingest.pprof

## fuzz: a short run of each fuzz target
fuzz:
	@for pkg in $$($(GO) list -tags $(TAGS) ./...); do \
		for f in $$($(GO) test -tags $(TAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			$(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime 20s -fuzzminimizetime 2s $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm
