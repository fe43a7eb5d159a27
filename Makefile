# starpack: a thin Makefile over the go command.
GO      ?= go
PKGS    := ./...
FUZZTIME ?= 20s
# bench: time per benchmark (1s, or 3x for a fixed count); BENCH picks
# benchmarks by name. The 1,000- and 10,000-story cases run when
# STARPACK_BENCH_DATA names the folder of bank-1000.txt and bank-10000.txt.
BENCHTIME ?= 1s
BENCH     ?= .

.PHONY: build test lint bench fuzz golden demo preview clean

build: ## the starpack binary, in the repository root
	$(GO) build -o starpack ./cmd/starpack

# The fpdf fork in third_party/fpdf is a module of its own: its tests are
# run apart, less the two upstream examples that fetch an image over the
# network (about 6 s, the upstream example suite and pdf/reference included).
FPDF_OFFLINE := ExampleFpdf_RegisterImageReader$$|ExampleRegister$$

test: ## every test, with the race detector off for speed
	$(GO) vet $(PKGS)
	$(GO) test -count=1 $(PKGS)
	cd third_party/fpdf && $(GO) vet . && $(GO) test -count=1 -skip '$(FPDF_OFFLINE)' ./...

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

preview: build ## every page of the example packet's PDFs as PNG in out/preview/
	@command -v pdftoppm >/dev/null 2>&1 || { echo "preview needs pdftoppm (poppler-utils)"; exit 1; }
	./starpack build --only brief,cheatsheet --out out
	rm -rf out/preview && mkdir -p out/preview
	pdftoppm -png -r 60 out/example/brief.pdf out/preview/brief
	pdftoppm -png -r 60 out/example/cheatsheet.pdf out/preview/cheatsheet
	@ls out/preview

clean:
	rm -rf starpack out
