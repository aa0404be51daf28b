package pipeline

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
)

// Attrs are the attributes of an entity (role, iso, member_of, ...): names
// mapped to a string, a number, a bool, or a list of those.
//
// An Attrs is immutable, so the entities of many documents, on many
// goroutines, may share one: NewAttrs copies the map it is given, and Get
// returns copies of lists. The zero Attrs has no attributes.
type Attrs struct {
	m map[string]any
}

// NewAttrs returns the attributes of m, copied (lists included).
func NewAttrs(m map[string]any) Attrs {
	if len(m) == 0 {
		return Attrs{}
	}
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = copyValue(v)
	}
	return Attrs{m: c}
}

// copyValue copies the lists in v, at any depth.
func copyValue(v any) any {
	switch v := v.(type) {
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = copyValue(x)
		}
		return c
	case []string:
		return slices.Clone(v)
	case map[string]any:
		c := make(map[string]any, len(v))
		for k, x := range v {
			c[k] = copyValue(x)
		}
		return c
	}
	return v
}

// Get returns the attribute name, and whether there is one. A list comes
// as a copy.
func (a Attrs) Get(name string) (any, bool) {
	v, ok := a.m[name]
	return copyValue(v), ok
}

// String returns the attribute name when it is a string, or "".
func (a Attrs) String(name string) string {
	s, _ := a.m[name].(string)
	return s
}

// Len returns the number of attributes.
func (a Attrs) Len() int { return len(a.m) }

// Names returns the names of the attributes, sorted.
func (a Attrs) Names() []string { return slices.Sorted(maps.Keys(a.m)) }

// MarshalJSON writes the attributes as a JSON object, names sorted; {}
// when there are none.
func (a Attrs) MarshalJSON() ([]byte, error) {
	if len(a.m) == 0 {
		return []byte("{}"), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a.m); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads a JSON object (or null, for no attributes).
func (a *Attrs) UnmarshalJSON(b []byte) error {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*a = Attrs{m: m}
	if len(m) == 0 {
		*a = Attrs{}
	}
	return nil
}
