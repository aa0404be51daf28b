package pipeline

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
)

// Attrs are the attributes of an entity (role, iso, member_of, ...): names
// mapped to a string, a number, a bool, or a list of those.
//
// An Attrs is immutable, so the entities of many documents, on many
// goroutines, may share one: NewAttrs copies the map it is given, and Get
// returns copies of lists. Its JSON is made once, when it is made, so that
// every record that holds it copies the same bytes. The zero Attrs has no
// attributes.
type Attrs struct {
	p *attrSet
}

// attrSet is what an Attrs with attributes points at.
type attrSet struct {
	m    map[string]any
	json string // m as MarshalJSON writes it, when err is nil
	err  error  // why m has no JSON
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
	return newAttrs(c)
}

// newAttrs returns the Attrs of m, which it keeps, with its JSON.
func newAttrs(m map[string]any) Attrs {
	s := &attrSet{m: m}
	if b, ok := appendAttrs(nil, m); ok {
		s.json = string(b)
	} else {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		s.err = enc.Encode(m)
		s.json = string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	return Attrs{p: s}
}

// appendAttrs appends m as encoding/json writes it (names sorted, HTML
// escaping off) when every value is a string, a bool, nil or a list of
// strings, which is what the gazetteer's attributes hold; ok is false for
// any other value, which the caller leaves to encoding/json.
func appendAttrs(b []byte, m map[string]any) (_ []byte, ok bool) {
	names := make([]string, 0, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case string, bool, nil, []string:
		case []any:
			for _, x := range v {
				if _, ok := x.(string); !ok {
					return b, false
				}
			}
		default:
			return b, false
		}
		names = append(names, k)
	}
	slices.Sort(names)
	b = append(b, '{')
	for i, k := range names {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		switch v := m[k].(type) {
		case string:
			b = appendString(b, v)
		case bool:
			b = strconv.AppendBool(b, v)
		case nil:
			b = append(b, "null"...)
		case []string:
			if v == nil {
				b = append(b, "null"...)
			} else {
				b = appendStrings(b, v)
			}
		case []any:
			if v == nil {
				b = append(b, "null"...)
				break
			}
			b = append(b, '[')
			for j, x := range v {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, x.(string))
			}
			b = append(b, ']')
		}
	}
	return append(b, '}'), true
}

// appendJSON appends the attributes as MarshalJSON writes them.
func (a Attrs) appendJSON(b []byte) ([]byte, error) {
	if a.p == nil {
		return append(b, "{}"...), nil
	}
	if a.p.err != nil {
		return b, a.p.err
	}
	return append(b, a.p.json...), nil
}

// copyValue copies the lists in v, at any depth; a nil list or map stays
// nil (encoding/json writes it null, an empty one [] or {}).
func copyValue(v any) any {
	switch v := v.(type) {
	case []any:
		if v == nil {
			return v
		}
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = copyValue(x)
		}
		return c
	case []string:
		return slices.Clone(v)
	case map[string]any:
		if v == nil {
			return v
		}
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
	if a.p == nil {
		return nil, false
	}
	v, ok := a.p.m[name]
	return copyValue(v), ok
}

// String returns the attribute name when it is a string, or "".
func (a Attrs) String(name string) string {
	if a.p == nil {
		return ""
	}
	s, _ := a.p.m[name].(string)
	return s
}

// Len returns the number of attributes.
func (a Attrs) Len() int {
	if a.p == nil {
		return 0
	}
	return len(a.p.m)
}

// Names returns the names of the attributes, sorted.
func (a Attrs) Names() []string {
	if a.p == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(a.p.m))
}

// MarshalJSON writes the attributes as a JSON object, names sorted, HTML
// characters as they are; {} when there are none.
func (a Attrs) MarshalJSON() ([]byte, error) {
	return a.appendJSON(nil)
}

// UnmarshalJSON reads a JSON object (or null, for no attributes).
func (a *Attrs) UnmarshalJSON(b []byte) error {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*a = Attrs{}
	if len(m) > 0 {
		*a = newAttrs(m)
	}
	return nil
}
