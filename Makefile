# graphshape: `make` runs the main job on the embedded schemas; `make test`
# runs every test. Only Go is needed.

GO ?= go
GEN := $(GO) run ./cmd/gen

.PHONY: all generate check-generated samples diff docs test lint vet fmt-check golden bench fuzz suite clean

## all: regenerate, validate the documented samples, show the v1.0 -> beta diff
all: generate samples diff

## generate: regenerate generated/v1 and generated/beta from the schemas
generate:
	$(GO) generate ./...

## check-generated: fail if the committed generated code is stale
check-generated:
	$(GEN) generate -check -schema schema/v1.0/incident.schema.json -out generated/v1 -package v1 -root Incident
	$(GEN) generate -check -schema schema/beta/incident.schema.json -out generated/beta -package beta -root Incident

## samples: validate every sample of each version with its generated decoder
samples:
	$(GEN) validate -version v1.0 testdata/v1.0/*.json || true
	$(GEN) validate -version beta testdata/beta/*.json || true

## diff: show what differs between v1.0 and beta
diff:
	$(GEN) diff -fail-on never v1.0 beta

## test: every test, vet, gofmt and staticcheck
test: fmt-check vet lint
	$(GO) test ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## lint: staticcheck (a tool dependency in go.mod)
lint:
	$(GO) tool staticcheck ./...

## golden: rewrite every golden file (the only way goldens change)
golden:
	$(GO) test ./... -run . -update

## bench: benchmarks with allocations
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./contracttest
	$(GO) test -run '^$$' -fuzz '^FuzzDecoder$$' -fuzztime $(FUZZTIME) ./generated/shape
