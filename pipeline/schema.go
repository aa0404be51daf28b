package pipeline

import (
	"bytes"
	_ "embed"
)

//go:embed record.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of the records that
// NewJSONLines and NewJSONArray write, kept beside the types it describes
// (a test holds the two together). Its $id is SchemaID.
func Schema() []byte { return bytes.Clone(schema) }

// SchemaID is the $id of the Schema. Its last segment is the version of
// the record's shape, major.minor: the minor number grows when a field or
// an enum value is added (readers of the old shape still read the new
// records), the major one when a field is removed or renamed or its type
// or meaning changes.
const SchemaID = "https://github.com/alam-nlp/alam/schema/record/1.0"
