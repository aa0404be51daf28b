package pipeline

import (
	"bytes"
	"encoding/json"
)

// metaOf returns the members of the JSON object obj other than the fields
// idField and textField, as a JSON object, in the order they came, each
// value as it was written (nil when obj is not a valid object). A name
// written twice keeps both members.
func metaOf(obj []byte, idField, textField string) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	out := []byte{'{'}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		name, ok := t.(string)
		if !ok {
			return nil
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil
		}
		if name == idField || name == textField {
			continue
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		key, err := json.Marshal(name)
		if err != nil {
			return nil
		}
		out = append(out, key...)
		out = append(out, ':')
		out = append(out, value...)
	}
	return append(out, '}')
}
