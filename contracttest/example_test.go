package contracttest_test

import (
	"fmt"

	"github.com/graphshape/graphshape/contracttest"
	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/schema"
)

// A downstream repository checks a captured response against the package it
// generated and the schema it generated it from. In a test, Run does the
// same for a list of files and compares with golden files:
//
//	contracttest.Run(t, target, files, *update, nil)
func ExampleTarget_Check() {
	schemaData, _, _ := schema.Builtin("v1.0") // a downstream repo reads its own schema file
	target := &contracttest.Target{
		Name:       "v1.0 Incident",
		SchemaName: "incident.schema.json",
		Schema:     schemaData,
		New:        func() shape.Decodable { return new(v1.Incident) },
	}
	captured := []byte(`{"id":"29","createdDateTime":"2026-01-22T12:09:23Z","lastUpdateDateTime":"2026-01-22T12:09:23Z",
		"severity":"High","status":"active","newProperty":1}`)
	result, err := target.Check(captured)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range result.Generated {
		fmt.Println(f.InstanceLocation, f.Keyword, f.KeywordLocation)
	}
	fmt.Println("disagreements:", len(result.Disagreements))
	// Output:
	// /newProperty additionalProperties /additionalProperties
	// /severity enum /properties/severity/$ref/enum
	// disagreements: 0
}

// A PATCH body: only what is set is sent; SetNull clears a member.
func Example_patchBody() {
	var upd v1.IncidentUpdate
	upd.Status.Set(v1.IncidentStatusResolved)
	upd.AssignedTo.SetNull()
	body, err := upd.MarshalJSON()
	fmt.Println(string(body), err, upd.Validate())

	// An Incident is the wrong type for it: its required members are sent
	// as zero values, and Validate says they are unset.
	var inc v1.Incident
	inc.Status = v1.IncidentStatusResolved
	fmt.Println(inc.Validate() != nil)
	// Output:
	// {"assignedTo":null,"status":"resolved"} <nil> <nil>
	// true
}
