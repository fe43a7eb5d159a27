# starpack: a thin Makefile over the go command.
GO      ?= go
PKGS    := ./...
FUZZTIME ?= 20s
# bench: time per benchmark (1s, or 3x for a fixed count); BENCH picks
# benchmarks by name. The 1,000- and 10,000-story cases run when
# STARPACK_BENCH_DATA names the folder of bank-1000.txt and bank-10000.txt.
BENCHTIME ?= 1s
BENCH     ?= .

.PHONY: build test lint bench fuzz golden demo preview readme clean

build: ## the starpack binary, in the repository root
	$(GO) build -o starpack ./cmd/starpack

# The fpdf fork in third_party/fpdf is a module of its own: its tests are
# run apart, less the two upstream examples that fetch an image over the
# network (about 6 s, the upstream example suite and pdf/reference included).
FPDF_OFFLINE := ExampleFpdf_RegisterImageReader$$|ExampleRegister$$

test: ## every test, with the race detector off for speed
	$(GO) vet $(PKGS)
	cd third_party/fpdf && $(GO) vet .
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-starpack test-fpdf

# The two test suites run side by side, each printing when it is done.
.PHONY: test-starpack test-fpdf
test-starpack:
	$(GO) test -count=1 $(PKGS)
test-fpdf:
	cd third_party/fpdf && $(GO) test -count=1 -skip '$(FPDF_OFFLINE)' ./...

lint: ## gofmt, go vet, and staticcheck when installed
	@out=$$(gofmt -l $$(git ls-files '*.go' ':!:third_party/*')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	@if command -v staticcheck >/dev/null 2>&1; then staticcheck $(PKGS); else echo "staticcheck not installed; skipped"; fi

bench: ## Go benchmarks with allocations (BENCHTIME, BENCH; STARPACK_BENCH_DATA for the big banks)
	@[ -n "$$STARPACK_BENCH_DATA" ] || echo "STARPACK_BENCH_DATA is not set: the 1,000- and 10,000-story cases are skipped"
	$(GO) test -run='^$$' -bench='$(BENCH)' -benchmem -benchtime=$(BENCHTIME) $(PKGS)

fuzz: ## run each fuzz target for FUZZTIME
	@for pkg in $$($(GO) list $(PKGS)); do \
	  for f in $$($(GO) test -list='^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run='^$$' -fuzz="^$$f$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

golden: ## rewrite the golden files (go test -update) of every package that has them
	$(GO) test -count=1 $$($(GO) list -f '{{.ImportPath}} {{join .TestImports " "}} {{join .XTestImports " "}}' $(PKGS) | awk '/internal\/golden/ && $$1 !~ /internal\/golden$$/ {print $$1}') -update

demo: build ## build the example packet into out/example/
	./starpack build

# preview: every page type of the two PDFs as PNG in out/preview/, to look
# at: the example, a role with two stories per question, a story longer
# than a page (Letter paper), and the 1,000-story bank built whole
# (BANK1000: its plain-text file; skipped when it is not there).
BANK1000 ?= $(if $(STARPACK_BENCH_DATA),$(STARPACK_BENCH_DATA),../shared/bench/data)/bank-1000.txt
PREVIEW  := $(CURDIR)/out/preview
PREVIEW_DATE := --date 2026-11-26 --only brief,cheatsheet -q

preview: build ## every page type of the PDFs as PNG in out/preview/ (needs pdftoppm)
	@command -v pdftoppm >/dev/null 2>&1 || { echo "preview needs pdftoppm (poppler-utils)"; exit 1; }
	rm -rf $(PREVIEW) && mkdir -p $(PREVIEW)
	./starpack build --out $(PREVIEW)/pdf $(PREVIEW_DATE)
	./starpack --workspace export/pdf/testdata/bank build acme --out $(PREVIEW)/pdf $(PREVIEW_DATE)
	./starpack --workspace testdata/preview build long --out $(PREVIEW)/pdf $(PREVIEW_DATE)
	@if [ -f "$(BANK1000)" ]; then \
	  ./starpack init -q $(PREVIEW)/bank1000 && ./starpack import -q "$(BANK1000)" --into $(PREVIEW)/bank1000 && \
	  ./starpack --workspace $(PREVIEW)/bank1000 build --all --out $(PREVIEW)/pdf $(PREVIEW_DATE); \
	else echo "$(BANK1000) not found: the 1,000-story preview is skipped (set BANK1000 or STARPACK_BENCH_DATA)"; fi
	@for d in $(PREVIEW)/pdf/*/; do n=$$(basename $$d); \
	  pdftoppm -png -r 80 $$d/brief.pdf $(PREVIEW)/$$n-brief && pdftoppm -png -r 80 $$d/cheatsheet.pdf $(PREVIEW)/$$n-cheatsheet; done
	@ls $(PREVIEW)/*.png | wc -l | xargs echo "pages in $(PREVIEW):"

# readme: the pictures of the README, from the example packet.
readme: build ## the README's pictures of the two PDFs and the printed workbook, in testdata/readme/
	@command -v pdftoppm >/dev/null 2>&1 || { echo "readme needs pdftoppm (poppler-utils)"; exit 1; }
	rm -rf $(PREVIEW)/readme && ./starpack build --out $(PREVIEW)/readme --date 2026-11-26 -q
	mkdir -p testdata/readme
	pdftoppm -png -r 80 -singlefile $(PREVIEW)/readme/example/cheatsheet.pdf testdata/readme/cheatsheet
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile $(PREVIEW)/readme/example/brief.pdf testdata/readme/brief-cover
	pdftoppm -png -r 80 -f 3 -l 3 -singlefile $(PREVIEW)/readme/example/brief.pdf testdata/readme/brief-story
	@if command -v soffice >/dev/null 2>&1; then \
	  soffice --headless --convert-to pdf --outdir $(PREVIEW)/readme/example $(PREVIEW)/readme/example/matrix.xlsx >/dev/null && \
	  pdftoppm -png -r 60 -f 1 -l 1 -singlefile $(PREVIEW)/readme/example/matrix.pdf testdata/readme/workbook-coach && \
	  pdftoppm -png -r 60 -f 4 -l 4 -singlefile $(PREVIEW)/readme/example/matrix.pdf testdata/readme/workbook-stories; \
	else echo "soffice (LibreOffice) not installed: the workbook's printed pages are not redrawn"; fi

clean:
	rm -rf starpack out
