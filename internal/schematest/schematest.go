// Package schematest validates output records against the record schema in
// tests, with github.com/santhosh-tekuri/jsonschema/v6. It is a package of
// its own so that the validator is linked only into the tests that use it.
package schematest

import (
	"bytes"
	"encoding/json"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	schemaOnce sync.Once
	schemaVal  *jsonschema.Schema
	schemaErr  error
)

// compileSchema compiles the record schema, once for all tests.
func compileSchema(schema []byte, id string) (*jsonschema.Schema, error) {
	schemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource(id, doc); err != nil {
			schemaErr = err
			return
		}
		schemaVal, schemaErr = c.Compile(id)
	})
	return schemaVal, schemaErr
}

// ValidRecords checks that out, JSON Lines or one JSON array of records,
// holds at least one record and that every record validates against
// schema (pass pipeline.Schema() and pipeline.SchemaID). It returns the
// number of records.
func ValidRecords(t testing.TB, schema []byte, id string, out []byte) int {
	t.Helper()
	sch, err := compileSchema(schema, id)
	if err != nil {
		t.Fatalf("record schema: %v", err)
	}
	var records [][]byte
	if trimmed := bytes.TrimSpace(out); bytes.HasPrefix(trimmed, []byte("[")) {
		var list []json.RawMessage
		if err := json.Unmarshal(trimmed, &list); err != nil {
			t.Fatalf("not a JSON array: %v", err)
		}
		for _, r := range list {
			records = append(records, r)
		}
	} else {
		for _, line := range bytes.Split(trimmed, []byte("\n")) {
			if len(bytes.TrimSpace(line)) > 0 {
				records = append(records, line)
			}
		}
	}
	if len(records) == 0 {
		t.Fatal("no records to validate")
	}
	for i, r := range records {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(r))
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("record %d does not validate: %v\n%s", i+1, err, r)
		}
	}
	return len(records)
}
