module github.com/graphshape/graphshape/bench

go 1.26.8

require (
	github.com/graphshape/graphshape v0.0.0
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
)

require (
	github.com/goccy/go-json v0.10.5
	github.com/google/go-cmp v0.7.0
)

replace github.com/graphshape/graphshape => ..
