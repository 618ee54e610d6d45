module github.com/graphshape/graphshape

// The oldest release this module can declare: the code needs go 1.24 (the
// tool directive, encoding/json's omitzero), but the staticcheck tool
// dependency (honnef.co/go/tools v0.8.2, golang.org/x/tools v0.51.0)
// requires go 1.26.0. Not a patch pin.
go 1.26.0

require (
	github.com/dave/jennifer v1.7.1
	github.com/google/go-cmp v0.7.0
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
)

require (
	github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c // indirect
	golang.org/x/exp/typeparams v0.0.0-20231108232855-2478ac86f678 // indirect
	golang.org/x/mod v0.41.0 // indirect
	golang.org/x/sync v0.23.0 // indirect
	golang.org/x/tools v0.51.0 // indirect
	honnef.co/go/tools v0.8.2 // indirect
)

tool honnef.co/go/tools/cmd/staticcheck
