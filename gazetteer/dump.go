package gazetteer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// WriteYAML writes g as one gazetteer file that Load reads back to the
// same entries (positions aside), Arabic as UTF-8 text. The output is
// deterministic: entries in order, separated by blank lines; fields in
// the schema's order (id, type, name, name_ar, aliases, demonyms, attrs,
// context), attrs by sorted key; empty fields left out. Strings that hold
// line breaks, controls or other invisible characters, or that start or
// end with space, are written double-quoted with escapes.
//
// Entries that Load would reject are written as they are, and do not load
// back; attribute values other than strings, ints, float64s, bools and
// []any of those make WriteYAML fail before writing anything.
func (g *Gazetteer) WriteYAML(w io.Writer) error {
	var entries []Entry
	if g != nil {
		entries = g.Entries
	}
	nodes := make([]*yaml.Node, len(entries))
	for i := range entries {
		n, err := entryNode(&entries[i])
		if err != nil {
			return err
		}
		nodes[i] = n
	}
	bw := bufio.NewWriter(w)
	if len(nodes) == 0 {
		bw.WriteString("entries: []\n")
		return flush(bw)
	}
	bw.WriteString("entries:\n")
	var buf bytes.Buffer
	for i, n := range nodes {
		if i > 0 {
			bw.WriteByte('\n')
		}
		buf.Reset()
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}})
		if err == nil {
			err = enc.Close()
		}
		if err != nil {
			return fmt.Errorf("gazetteer: encoding entry %q: %w", entries[i].ID, err)
		}
		// Indent the one-item list under "entries:". No string is written
		// as a block scalar, whose content indentation would matter.
		for line := range strings.Lines(buf.String()) {
			bw.WriteString("  ")
			bw.WriteString(line)
		}
	}
	return flush(bw)
}

func flush(bw *bufio.Writer) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gazetteer: writing YAML: %w", err)
	}
	return nil
}

// entryNode builds the YAML mapping of one entry.
func entryNode(e *Entry) (*yaml.Node, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		m.Content = append(m.Content, strNode(key), v)
	}
	add("id", strNode(e.ID))
	add("type", strNode(string(e.Type)))
	add("name", strNode(e.Name))
	add("name_ar", strNode(e.NameAr))
	if len(e.Aliases) > 0 {
		add("aliases", strList(e.Aliases, 0))
	}
	if len(e.Demonyms) > 0 {
		add("demonyms", strList(e.Demonyms, 0))
	}
	if len(e.Attrs) > 0 {
		attrs := &yaml.Node{Kind: yaml.MappingNode}
		for _, k := range slices.Sorted(maps.Keys(e.Attrs)) {
			v, err := attrNode(e.Attrs[k])
			if err != nil {
				return nil, fmt.Errorf("gazetteer: entry %q: attrs.%s: %w", e.ID, k, err)
			}
			attrs.Content = append(attrs.Content, strNode(k), v)
		}
		add("attrs", attrs)
	}
	if len(e.Context.Favour) > 0 || len(e.Context.Against) > 0 {
		ctx := &yaml.Node{Kind: yaml.MappingNode}
		if len(e.Context.Favour) > 0 {
			ctx.Content = append(ctx.Content, strNode("favour"), strList(e.Context.Favour, yaml.FlowStyle))
		}
		if len(e.Context.Against) > 0 {
			ctx.Content = append(ctx.Content, strNode("against"), strList(e.Context.Against, yaml.FlowStyle))
		}
		add("context", ctx)
	}
	return m, nil
}

// strNode returns a string scalar. The encoder quotes it if it would
// otherwise read as another type; strings it would write as block scalars
// or that need escapes are double-quoted here.
func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: strTag, Value: s}
	if needsEscapes(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// needsEscapes reports whether s has a character other than a printable
// one or an ASCII space, or starts or ends with space.
func needsEscapes(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != ' ' && !unicode.IsPrint(r) {
			return true
		}
	}
	return s[0] == ' ' || s[len(s)-1] == ' '
}

func strList(list []string, style yaml.Style) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: style}
	for _, s := range list {
		n.Content = append(n.Content, strNode(s))
	}
	return n
}

// attrNode encodes an attribute value; lists are written in flow style.
func attrNode(v any) (*yaml.Node, error) {
	if list, ok := v.([]any); ok {
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, x := range list {
			c, err := scalarNode(x)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, c)
		}
		return n, nil
	}
	return scalarNode(v)
}

// scalarNode encodes a string, int, float64 or bool so that Load decodes
// it to the same type and value.
func scalarNode(v any) (*yaml.Node, error) {
	switch x := v.(type) {
	case string:
		return strNode(x), nil
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: intTag, Value: strconv.Itoa(x)}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: boolTag, Value: strconv.FormatBool(x)}, nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, fmt.Errorf("%v is not a finite number", x)
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0" // keep it a float: "3" would read back as an int
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: floatTag, Value: s}, nil
	default:
		return nil, fmt.Errorf("unsupported value of type %T", v)
	}
}
