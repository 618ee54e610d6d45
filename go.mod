module github.com/graphshape/graphshape

// The oldest release this module needs: go 1.24 for encoding/json's
// omitzero (generated code relies on it), testing.B.Loop and T.Chdir, and
// go 1.25 for sync.WaitGroup.Go in generated/shape's tests (go vet's
// stdversion check finds nothing newer). staticcheck, which needs go
// 1.26, is a tool of the separate module in tools/, so it does not raise
// this line.
go 1.25

require (
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
)
