# graphshape: `make` runs the main job on the embedded schemas; `make test`
# runs every test. Only Go is needed.

GO ?= go
GEN := $(GO) run ./cmd/gen

.PHONY: all generate check-generated samples metadata diff docs test race purego cross lint tidy-check vet fmt-check golden bench fuzz

## all: regenerate, validate the samples, check the schemas against the metadata,
## show the v1.0 -> beta diff and refresh its report
all: generate samples metadata diff docs

## generate: regenerate generated/v1 and generated/beta from the schemas
generate:
	$(GO) generate ./...

## check-generated: fail if the committed generated code is stale
check-generated:
	$(GEN) generate -check -schema schema/v1.0/incident.schema.json -out generated/v1 -package v1 -root Incident
	$(GEN) generate -check -schema schema/beta/incident.schema.json -out generated/beta -package beta -root Incident

RESPONSES = get-incident-minimal get-incident-nulls get-incident-select list-select list-every-enum-member list-expand-alerts list-last-page list-paged patch-response

## samples: validate the samples with the generated decoders; the documented
## beta sample's known deviations are shown as expected, with the reasons
## contracttest/testdata/ledger.json gives (a deviation missing fails too)
samples:
	$(GEN) validate -version v1.0 testdata/v1.0/get-incident.json $(RESPONSES:%=testdata/v1.0/own/%.json)
	$(GEN) validate -version beta $(RESPONSES:%=testdata/beta/own/%.json) testdata/beta/own/list-expand-manual-alert.json
	$(GEN) validate -version beta -expect contracttest/testdata/ledger.json testdata/beta/get-incident.json
	$(GEN) validate -version v1.0 -type incidentUpdate testdata/v1.0/own/patch-request.json
	$(GEN) validate -version beta -type incidentUpdate testdata/beta/own/patch-request.json
	$(GEN) validate -version v1.0 -type alertCommentRequest testdata/v1.0/comments/post-comments-request.json
	$(GEN) validate -version v1.0 -type alertCommentCollectionResponse testdata/v1.0/comments/post-comments-response.json
	$(GEN) validate -version beta -type alertCommentRequest testdata/beta/comments/post-comments-request.json
	$(GEN) validate -version beta -type alertCommentCollectionResponse testdata/beta/comments/post-comments-response.json

## metadata: hold each built-in schema against Graph's metadata (v1.0 CSDL; beta type names and the
## national cloud's beta CSDL, with an allow-list naming each place it lags beta Prod)
metadata:
	$(GEN) metadata-check -metadata testdata/metadata/v1.0-security.csdl.xml -schema v1.0 -allow testdata/metadata/v1.0.allow.json
	$(GEN) metadata-check -names testdata/metadata/beta-security-type-names.json -schema beta -allow testdata/metadata/beta.names.allow.json
	$(GEN) metadata-check -metadata testdata/metadata/beta-security.csdl.xml -schema beta -allow testdata/metadata/beta.allow.json

## diff: show what differs between v1.0 and beta
diff:
	$(GEN) diff -fail-on never v1.0 beta

## docs: regenerate docs/v1.0-vs-beta.md (and its golden) from the built-in schemas
docs:
	$(GO) test ./cmd/gen -run '^TestMaintainersReport$$' -count=1 -update

## test: every test, vet, gofmt and staticcheck, and the concurrency tests
## under the race detector
test: fmt-check vet lint race purego cross
	$(GO) test ./...

## cross: vet every package for a 64-bit processor without the SSE2 scans
## (arm64) and for a 32-bit one (386), where int is 32 bits
cross:
	GOARCH=arm64 $(GO) vet ./...
	GOARCH=386 $(GO) vet ./...

## purego: the support packages built without assembly (-tags purego), as on
## processors other than amd64: the word-at-a-time string scans that stand
## in for the SSE2 ones, vetted and tested
purego:
	$(GO) vet -tags purego ./generated/...
	$(GO) test -tags purego -count=1 ./generated/...

## race: the concurrency tests under the race detector: pooled decoders and
## encoders (generated/shape), gen validate's workers (internal/capture).
## Only these run with -race, so that make test stays quick; the target
## fails if fewer than RACE_MIN of them ran (a renamed test is not lost).
RACE_PKGS = ./generated/shape ./internal/capture
RACE_RUN = ^(TestPooledConcurrent|TestPooledConcurrentDocuments|TestRunOrder)$$
RACE_MIN = 3
race:
	@out=$$($(GO) test -race -count=1 -v -run '$(RACE_RUN)' $(RACE_PKGS) 2>&1) || { echo "$$out"; exit 1; }; \
	n=$$(echo "$$out" | grep -c '^--- PASS: Test'); \
	echo "race: $$n concurrency tests passed under -race ($(RACE_PKGS))"; \
	[ "$$n" -ge $(RACE_MIN) ] || { echo "$$out"; echo "race: expected at least $(RACE_MIN) tests"; exit 1; }

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## lint: staticcheck with every check (staticcheck.conf), a tool of the module
## in tools/ (it needs go 1.26; the main module's go line stays what the code
## needs); tools/go.work puts this module beside it
lint:
	cd tools && GOWORK=$(CURDIR)/tools/go.work $(GO) tool staticcheck github.com/graphshape/graphshape/...

## tidy-check: go mod tidy would change nothing, in this module and in tools/
tidy-check:
	$(GO) mod tidy -diff
	cd tools && $(GO) mod tidy -diff

## golden: rewrite every golden file (the only way goldens change)
GOLDEN_PKGS = ./cmd/gen ./contracttest ./internal/emit
golden:
	$(GO) test $(GOLDEN_PKGS) -count=1 -update

## bench: benchmarks with allocations, then the table against goccy/go-json,
## encoding/json, json.Valid and jsonschema v5 (module bench/, its own go.mod)
ROUNDS ?= 5
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	cd bench && $(GO) test -count=1 ./... && $(GO) run ./cmd/table -rounds $(ROUNDS)

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
# GENTEST_N: random schemas the generative test tries in make fuzz (make test: 60)
GENTEST_N ?= 1000
# FUZZMIN: how long each new input is minimised (count-based: the slower
# targets otherwise spend the whole FUZZTIME minimising what they found first)
FUZZMIN ?= 200x
FUZZ = $(GO) test -run '^$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN)
fuzz:
	$(FUZZ) -fuzz '^FuzzDecode$$' ./contracttest
	$(FUZZ) -fuzz '^FuzzCheck$$' ./internal/capture
	$(FUZZ) -fuzz '^FuzzDecoder$$' ./generated/shape
	$(FUZZ) -fuzz '^FuzzScan$$' ./generated/shape/shapeimpl
	$(FUZZ) -fuzz '^FuzzParseDateTime$$' ./generated/shape/shapeimpl
	$(FUZZ) -fuzz '^FuzzContextSelect$$' ./generated/shape/shapeimpl
	$(FUZZ) -fuzz '^FuzzExported$$' ./internal/naming
	$(GO) test -count=1 -timeout 30m -v -run '^TestGenerative$$' ./internal/gentest -gentest.n=$(GENTEST_N)
