package pipeline

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/internal/schematest"
)

// schemaDef is one object of the schema, its properties in written order.
type schemaDef struct {
	keys     []string
	props    map[string]map[string]any
	required []string
	extra    any
}

func parseDef(t *testing.T, raw json.RawMessage) schemaDef {
	t.Helper()
	var d struct {
		Properties json.RawMessage `json:"properties"`
		Required   []string        `json:"required"`
		Additional any             `json:"additionalProperties"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	keys, err := topLevelKeys(d.Properties)
	if err != nil {
		t.Fatal(err)
	}
	var props map[string]map[string]any
	if err := json.Unmarshal(d.Properties, &props); err != nil {
		t.Fatal(err)
	}
	return schemaDef{keys: keys, props: props, required: d.Required, extra: d.Additional}
}

// TestSchemaMatchesTypes holds the schema and the Go types together: each
// object of the schema has the json fields of its type, in the same order,
// all required but those the encoder may leave out, no others allowed, and
// each of a matching JSON type; the enums list the Go constants.
func TestSchemaMatchesTypes(t *testing.T) {
	var root struct {
		Schema string                     `json:"$schema"`
		ID     string                     `json:"$id"`
		Defs   map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(Schema(), &root); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	if root.Schema != "https://json-schema.org/draft/2020-12/schema" || root.ID != SchemaID {
		t.Errorf("$schema %q, $id %q; want draft 2020-12 and %q", root.Schema, root.ID, SchemaID)
	}
	objects := []struct {
		def string // "" for the record itself
		typ reflect.Type
	}{
		{"", reflect.TypeFor[record]()},
		{"stats", reflect.TypeFor[Stats]()},
		{"mention", reflect.TypeFor[Mention]()},
		{"entity", reflect.TypeFor[Entity]()},
		{"topic", reflect.TypeFor[Topic]()},
		{"keyword", reflect.TypeFor[Keyword]()},
	}
	for _, o := range objects {
		t.Run("def "+o.def, func(t *testing.T) {
			raw := json.RawMessage(Schema())
			if o.def != "" {
				raw = root.Defs[o.def]
			}
			d := parseDef(t, raw)
			var names, required []string
			for f := range o.typ.Fields() {
				tag := f.Tag.Get("json")
				name, opts, _ := strings.Cut(tag, ",")
				if name == "-" || !f.IsExported() {
					continue
				}
				names = append(names, name)
				if !strings.Contains(opts, "omitempty") {
					required = append(required, name)
				}
				checkType(t, root.Defs, name, f.Type, strings.Contains(opts, "omitempty"), d.props[name])
			}
			if !slices.Equal(d.keys, names) {
				t.Errorf("schema properties %v, Go fields %v", d.keys, names)
			}
			if !slices.Equal(d.required, required) {
				t.Errorf("schema requires %v, the encoder always writes %v", d.required, required)
			}
			if d.extra != false {
				t.Errorf("additionalProperties %v, want false", d.extra)
			}
		})
	}
	enums := []struct {
		where string
		want  []string
	}{
		{"type", []string{string(Person), string(Country), string(Location), string(Org)}},
		{"mention.form", []string{string(FormName), string(FormAdjective)}},
		{"mention.source", []string{string(SourceGazetteer), string(SourceRule), string(SourceModel)}},
	}
	for _, e := range enums {
		def, prop, _ := strings.Cut(e.where, ".")
		var node map[string]any
		if err := json.Unmarshal(root.Defs[def], &node); err != nil {
			t.Fatal(err)
		}
		if prop != "" {
			node = parseDef(t, root.Defs[def]).props[prop]
		}
		var got []string
		for _, v := range node["enum"].([]any) {
			got = append(got, v.(string))
		}
		if !slices.Equal(got, e.want) {
			t.Errorf("enum %s = %v, Go constants %v", e.where, got, e.want)
		}
	}
}

// checkType compares the JSON type a Go field encodes to with the schema
// of its property.
// A pointer left out when nil is of its element's type, one written as
// null is nullable.
func checkType(t *testing.T, defs map[string]json.RawMessage, name string, typ reflect.Type, omitempty bool, prop map[string]any) {
	t.Helper()
	if prop == nil {
		t.Errorf("%s: not in the schema", name)
		return
	}
	ref, _ := prop["$ref"].(string)
	want := ""
	switch typ {
	case reflect.TypeFor[Score]():
		if ref != "#/$defs/score" {
			t.Errorf("%s: a Score, schema %v", name, prop)
		}
		return
	case reflect.TypeFor[EntityType]():
		if ref != "#/$defs/type" {
			t.Errorf("%s: an EntityType, schema %v", name, prop)
		}
		return
	case reflect.TypeFor[Form](), reflect.TypeFor[Source]():
		if prop["enum"] == nil {
			t.Errorf("%s: an enum, schema %v", name, prop)
		}
		return
	case reflect.TypeFor[json.RawMessage](), reflect.TypeFor[Attrs]():
		want = `"object"`
	case reflect.TypeFor[*string]():
		want = `["string","null"]`
		if omitempty {
			want = `"string"`
		}
	default:
		switch typ.Kind() {
		case reflect.String:
			want = `"string"`
		case reflect.Int:
			want = `"integer"`
		case reflect.Struct:
			if _, ok := defs[strings.TrimPrefix(ref, "#/$defs/")]; !ok || ref == "" {
				t.Errorf("%s: a struct, schema %v", name, prop)
			}
			return
		case reflect.Slice:
			want = `"array"`
		default:
			t.Errorf("%s: Go type %v not covered by the test", name, typ)
			return
		}
	}
	if got, _ := json.Marshal(prop["type"]); string(got) != want {
		t.Errorf("%s: schema type %s, want %s (Go %v)", name, got, want, typ)
	}
}

// TestRecordsValidate validates the records of the sample documents,
// failed ones included, with and without text, as lines and as an array.
func TestRecordsValidate(t *testing.T) {
	docs := append(sampleDocs(),
		&Document{ID: "m", Source: "in.jsonl:9", Meta: json.RawMessage(`{"date":"2024-01-02"}`), Text: "x"},
		&Document{ID: "e", Err: &Error{Err: ErrTooLarge}},
	)
	for _, opt := range []EncodeOptions{{}, {Text: true}} {
		var lines, array bytes.Buffer
		jl, ja := NewJSONLines(&lines, opt), NewJSONArray(&array, opt)
		for _, d := range docs {
			if err := jl.Encode(d); err != nil {
				t.Fatal(err)
			}
			if err := ja.Encode(d); err != nil {
				t.Fatal(err)
			}
		}
		ja.Close()
		if n := schematest.ValidRecords(t, Schema(), SchemaID, lines.Bytes()); n != len(docs) {
			t.Errorf("%d records validated, want %d", n, len(docs))
		}
		schematest.ValidRecords(t, Schema(), SchemaID, array.Bytes())
	}
}

// TestSchemaRejects makes sure the validation can fail: records that break
// the contract do not validate.
func TestSchemaRejects(t *testing.T) {
	good := `{"id":"a","source":"-","meta":{},"lang":"ar","stats":{"chars":0,"tokens":0,"sentences":0},"mentions":[],"entities":[],"topics":[],"keywords":[],"error":null}`
	bad := map[string]string{
		"error missing":   strings.Replace(good, `,"error":null`, "", 1),
		"meta null":       strings.Replace(good, `"meta":{}`, `"meta":null`, 1),
		"unknown field":   strings.Replace(good, `"lang":"ar"`, `"lang":"ar","extra":1`, 1),
		"list null":       strings.Replace(good, `"topics":[]`, `"topics":null`, 1),
		"unknown lang":    strings.Replace(good, `"lang":"ar"`, `"lang":"fr"`, 1),
		"bad entity type": strings.Replace(good, `"entities":[]`, `"entities":[{"id":"x","type":"THING","name":"","name_ar":"","count":1,"first":0,"attrs":{}}]`, 1),
	}
	for name, rec := range bad {
		t.Run(name, func(t *testing.T) {
			ft := &fakeT{TB: t}
			schematest.ValidRecords(ft, Schema(), SchemaID, []byte(rec))
			if !ft.failed {
				t.Errorf("validated: %s", rec)
			}
		})
	}
	schematest.ValidRecords(t, Schema(), SchemaID, []byte(good))
}

// fakeT records a failure instead of failing the test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Helper()               {}
