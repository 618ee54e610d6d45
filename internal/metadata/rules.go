package metadata

import (
	"cmp"
	"slices"

	"github.com/graphshape/graphshape/internal/level"
)

// Rule is one kind of difference between a schema and the metadata: a
// stable kebab-case ID, the level every finding of the rule gets, and what
// it means. Levels are judged for a consumer that decodes Graph responses
// strictly with the schema (closed objects, enums as listed).
type Rule struct {
	ID          string      `json:"id"`
	Level       level.Level `json:"level"`
	Description string      `json:"description"`
}

// The rule IDs.
const (
	ruleEntityNotFound         = "entity-not-found"
	rulePropertyMissing        = "property-missing-in-schema"
	rulePropertyMissingOpen    = "property-missing-in-open-schema"
	ruleNavigationMissing      = "navigation-property-missing-in-schema"
	rulePropertyNotInMetadata  = "property-not-in-metadata"
	ruleRequiredNotInMetadata  = "required-property-not-in-metadata"
	ruleTypeMismatch           = "type-mismatch"
	ruleTypeWider              = "type-wider-in-schema"
	ruleTypeUnresolved         = "type-unresolved"
	ruleTypeOutsideMetadata    = "type-outside-metadata"
	ruleTypeNotChecked         = "type-not-checked"
	ruleFormatMismatch         = "format-mismatch"
	ruleFormatMissing          = "format-missing"
	ruleFormatNotInMetadata    = "format-not-in-metadata"
	ruleRangeMismatch          = "range-mismatch"
	ruleNullabilityMismatch    = "nullability-mismatch"
	ruleNullableInSchemaOnly   = "nullable-in-schema-only"
	ruleEnumMemberMissing      = "enum-member-missing"
	ruleEnumMemberExtra        = "enum-member-extra"
	ruleEnumOrderDiffers       = "enum-order-differs"
	ruleEnumValueMismatch      = "enum-value-mismatch"
	ruleEnumIsFlags            = "enum-is-flags"
	ruleOpenTypeClosed         = "open-type-closed-in-schema"
	ruleObjectOpenInSchema     = "object-open-in-schema"
	ruleDerivedTypeNotModelled = "derived-type-not-modelled"
	ruleODataTypeMismatch      = "odata-type-mismatch"
	ruleDerivedNotInMetadata   = "derived-type-not-in-metadata"
	ruleBaseTypeMismatch       = "base-type-mismatch"
	ruleDerivedTypeMissing     = "derived-type-missing-in-schema"
	ruleSchemaUnsupported      = "schema-unsupported"
	ruleNameNotInMetadata      = "name-not-in-metadata"
)

// Rules is the fixed rule list, in a stable order. Every finding's Rule is
// one of these IDs and its Level the rule's.
var Rules = []Rule{
	{ruleEntityNotFound, level.Breaking, "The entity type named on the command line is not in the metadata (or the name lists): nothing else can be checked."},
	{rulePropertyMissing, level.Breaking, "The metadata type has a property the schema object lacks, and the object is closed: strict decoders reject every response that carries it."},
	{rulePropertyMissingOpen, level.Info, "The metadata type has a property the schema object lacks, but the object is open: decoders keep the member as additional data."},
	{ruleNavigationMissing, level.Warning, "The metadata type has a navigation property the closed schema object lacks: responses carry it only with $expand, and then strict decoders reject them."},
	{rulePropertyNotInMetadata, level.Warning, "The schema declares a property the metadata type does not have (not even inherited): generated code carries a field the service never sends, and writers sending it are rejected."},
	{ruleRequiredNotInMetadata, level.Breaking, "The schema requires a property the metadata type does not have: strict decoders reject every response."},
	{ruleTypeMismatch, level.Breaking, "The schema's type for a value is not the metadata's (Edm primitive to JSON type, enum or complex type by $defs name, Collection to array): strict decoders reject values the service sends."},
	{ruleTypeWider, level.Warning, "The schema accepts more JSON types than the metadata's type allows (for example number for Edm.Int32, or no type at all): nothing is rejected, but generated code is less precise."},
	{ruleTypeUnresolved, level.Warning, "A type the metadata refers to (a property's type or a base type) is in a namespace the document declares but is not declared there: that part is not checked."},
	{ruleTypeOutsideMetadata, level.Info, "A type the metadata refers to is in a namespace the document does not contain (trimmed metadata): only its $defs name is checked."},
	{ruleTypeNotChecked, level.Info, "The metadata type is an Edm primitive the check has no JSON mapping for (Edm.Stream, geography, ...): not checked."},
	{ruleFormatMismatch, level.Breaking, "The schema's format is not the one the Edm type implies (date-time for Edm.DateTimeOffset, date for Edm.Date, uuid for Edm.Guid, duration for Edm.Duration): strict decoders reject valid values."},
	{ruleFormatMissing, level.Warning, "The Edm type implies a format the schema lacks: any string passes, and generated code keeps a plain string."},
	{ruleFormatNotInMetadata, level.Warning, "The schema asserts a format on a value the metadata types as a plain string (or Edm.TimeOfDay, which has no offset): values the metadata allows may be rejected."},
	{ruleRangeMismatch, level.Warning, "An integer's minimum or maximum is not the Edm type's range (Edm.Byte, SByte, Int16, Int32, Int64): narrower rejects values the service may send; wider or absent loses precision in generated code."},
	{ruleNullabilityMismatch, level.Breaking, "The metadata allows null (Nullable is true or absent) but the schema does not: strict decoders reject a null the service may send."},
	{ruleNullableInSchemaOnly, level.Warning, "The schema allows null where the metadata does not (Nullable=\"false\", or a collection, which is never null): generated code carries a null state the service never sends."},
	{ruleEnumMemberMissing, level.Breaking, "The metadata enum has a member the schema lacks (members after unknownFutureValue included: the service sends them with Prefer: include-unknown-enum-members): strict decoders reject it."},
	{ruleEnumMemberExtra, level.Warning, "The schema enum has a member the metadata does not: the service never sends it, and writers sending it are rejected."},
	{ruleEnumOrderDiffers, level.Warning, "The members both sides have are in a different order: the schema should keep the metadata's order, which says which members come after unknownFutureValue."},
	{ruleEnumValueMismatch, level.Info, "x-enumValues gives a member a numeric value that is not the metadata's (values do not travel on the wire; documentation only)."},
	{ruleEnumIsFlags, level.Warning, "The metadata enum is a flags enum (IsFlags=\"true\"): the service may send several members joined by commas, which a plain enum rejects."},
	{ruleOpenTypeClosed, level.Breaking, "The metadata type is open (OpenType=\"true\") but the schema object is closed: strict decoders reject the dynamic members the service may send."},
	{ruleObjectOpenInSchema, level.Info, "The schema object accepts undeclared members although the metadata type is not open: unknown members pass and are kept as additional data."},
	{ruleDerivedTypeNotModelled, level.Breaking, "Types derive from the metadata type and the schema object is closed: a derived instance (named by @odata.type) carries members strict decoders reject."},
	{ruleDerivedNotInMetadata, level.Warning, "A branch of a discriminated union names a derived type the metadata does not have: generated code carries a type the service never sends."},
	{ruleBaseTypeMismatch, level.Breaking, "A branch of a discriminated union is a type the metadata does not derive from the union's base type: the schema's inheritance is not Graph's."},
	{ruleDerivedTypeMissing, level.Warning, "The metadata derives a concrete type from a union's base that the union has no branch for: strict decoders reject instances of it (lenient decoding keeps them as the base type)."},
	{ruleODataTypeMismatch, level.Breaking, "The schema's @odata.type const does not name the metadata type (#namespace.name): strict decoders reject every instance."},
	{ruleSchemaUnsupported, level.Warning, "The schema uses a construct the check cannot follow here (a $ref leaving $defs, a union of several non-null types, a definition that is not an object): that part is not checked."},
	{ruleNameNotInMetadata, level.Warning, "With -names: a $defs entry that stands for a type reached from the entity is not in the published type names, as enum, complex or entity type."},
}

var ruleLevels = func() map[string]level.Level {
	m := make(map[string]level.Level, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r.Level
	}
	return m
}()

// Finding is one difference between the schema and the metadata.
type Finding struct {
	Rule        string      `json:"rule"`        // an ID from Rules
	Level       level.Level `json:"level"`       // the rule's level
	SchemaPath  string      `json:"schemaPath"`  // JSON Pointer into the schema document ("" is the root)
	CSDLElement string      `json:"csdlElement"` // e.g. "microsoft.graph.security.incident/priorityScore"
	Message     string      `json:"message"`
}

// sortFindings orders findings by schema path, rule, CSDL element and
// message, and drops exact duplicates.
func sortFindings(fs []Finding) []Finding {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.SchemaPath, b.SchemaPath), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.CSDLElement, b.CSDLElement), cmp.Compare(a.Message, b.Message))
	})
	return slices.Compact(fs)
}
