// Package generated holds the Go packages graphshape generates from its
// built-in schemas: v1 (Microsoft Graph v1.0) and beta, each with the
// security incident as its root type Incident, plus shape, the hand-written
// support package every generated package imports.
//
// Regenerate with "go generate ./..." (or "make generate"); a test fails
// when the committed code differs from a new generation.
package generated

//go:generate go run ../cmd/gen generate -schema ../schema/v1.0/incident.schema.json -out v1 -package v1 -root Incident
//go:generate go run ../cmd/gen generate -schema ../schema/beta/incident.schema.json -out beta -package beta -root Incident
