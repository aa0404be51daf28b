package topics

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/alam-nlp/alam/arabic"
)

// MaxTaxonomySize is the largest taxonomy file LoadTaxonomy accepts, in
// bytes. The default taxonomy is under 100 KiB; the YAML node tree takes
// up to about a hundred times its input on hostile files, so the cap keeps
// a load well under a gigabyte.
const MaxTaxonomySize = 4 << 20

// MaxWeight is the largest weight a term, entity or kind may have. Weights
// must be greater than 0.
const MaxWeight = 10

// MaxTermWords is the number of words a term may have.
const MaxTermWords = 8

// The default taxonomy: the 17 top-level IPTC Media Topics with Arabic
// lexicons (see data/README.md of the extract package for its sources and
// licence).
//
//go:embed data/taxonomy.yaml
var defaultYAML []byte

var defaultTaxonomy = sync.OnceValues(func() (*Taxonomy, error) {
	return LoadTaxonomy("taxonomy.yaml", bytes.NewReader(defaultYAML))
})

// DefaultTaxonomy returns the taxonomy embedded in the package, the 17
// top-level IPTC Media Topics (ids medtop:01000000 … medtop:17000000) with
// Arabic terms and entity hints. It is compiled on the first call and
// shared afterwards; a Taxonomy is immutable, so sharing is safe.
func DefaultTaxonomy() (*Taxonomy, error) { return defaultTaxonomy() }

// LoadTaxonomy reads and compiles a taxonomy file; name is the file name in
// messages. It reads at most MaxTaxonomySize+1 bytes of r.
//
// The file is YAML:
//
//	version: 1
//	topics:
//	  - id: medtop:16000000                 # unique, required
//	    label: conflict, war and peace      # required
//	    label_ar: النزاعات والحروب والسلام   # optional
//	    terms: {حرب: 2.0, "وقف إطلاق النار": 3.0}
//	    entities: {org:isis: 3.0}           # gazetteer entity ids
//	    kinds: {armed-group: 2.0}           # gazetteer attrs.kind values
//
// Terms are Arabic words or phrases written as text writes them; each word
// is normalized (arabic.Normalize) and light-stemmed (arabic.Stem), so a
// term matches its inflections with clitics and suffixes (حرب matches
// الحرب، والحرب، حربها). Weights are numbers in (0, MaxWeight].
//
// Every problem with the content is reported, as "file:line:col: message",
// in a *LoadError: unknown or repeated fields, values of the wrong type,
// a missing id or label, a repeated topic id, a term that is empty, has
// more than MaxTermWords words or a token that is not a word, two terms of
// one topic with the same stems, a weight that is not a number or out of
// range, a version other than 1, anchors and aliases (not supported). A
// failure to read r is returned as a wrapped error.
func LoadTaxonomy(name string, r io.Reader) (*Taxonomy, error) {
	if r == nil {
		return nil, fmt.Errorf("topics: %s: nil reader", name)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxTaxonomySize+1))
	if err != nil {
		return nil, fmt.Errorf("topics: reading %s: %w", name, err)
	}
	l := &loader{name: name, ids: map[string]Position{}}
	if len(data) > MaxTaxonomySize {
		l.probs.add(Position{File: name}, fmt.Sprintf("file is over the %d MiB limit", MaxTaxonomySize>>20), ErrTooLarge)
		return nil, &LoadError{Errors: l.probs.errors()}
	}
	specs := l.parse(data)
	if errs := l.probs.errors(); errs != nil {
		return nil, &LoadError{Errors: errs}
	}
	return compile(specs), nil
}

// topicSpec is a validated topic of a file, its terms already stemmed.
type topicSpec struct {
	id, label, labelAr string
	terms              []termSpec
	entities, kinds    []keyWeight
}

type termSpec struct {
	stems  []string
	weight float64
}

type keyWeight struct {
	key    string
	weight float64
}

var (
	topFields   = []string{"version", "topics"}
	topicFields = []string{"id", "label", "label_ar", "terms", "entities", "kinds"}
)

// YAML short tags.
const (
	strTag   = "!!str"
	intTag   = "!!int"
	floatTag = "!!float"
	nullTag  = "!!null"
)

type loader struct {
	name  string
	probs problems
	ids   map[string]Position
}

func (l *loader) pos(n *yaml.Node) Position {
	return Position{File: l.name, Line: n.Line, Col: n.Column}
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	l.probs.add(l.pos(n), fmt.Sprintf(format, args...), nil)
}

// parse checks the text, parses the YAML and walks the document.
func (l *loader) parse(data []byte) []topicSpec {
	if !l.checkText(data) {
		return nil
	}
	doc, extra, err := decode(data)
	if err == io.EOF {
		l.probs.add(Position{File: l.name, Line: 1, Col: 1}, `empty file: want a mapping with the fields "version" and "topics"`, nil)
		return nil
	}
	if err != nil {
		l.syntaxError(err)
		return nil
	}
	if extra != nil {
		l.errorf(extra, "more than one YAML document (a taxonomy file holds one)")
	}
	if len(doc.Content) != 1 {
		l.errorf(doc, "empty YAML document")
		return nil
	}
	if !l.checkAnchors(doc) {
		return nil
	}
	return l.file(doc.Content[0])
}

// decode parses the first YAML document of data and returns the second
// one, if any, so that it can be reported. A panic in the parser becomes
// an error.
func decode(data []byte) (doc, extra *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, extra, err = nil, nil, fmt.Errorf("yaml: internal parser error: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc = new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		return nil, nil, err
	}
	extra = new(yaml.Node)
	switch err := dec.Decode(extra); {
	case err == io.EOF:
		return doc, nil, nil
	case err != nil:
		return nil, nil, err
	}
	return doc, extra, nil
}

// checkText reports the first byte that is not valid UTF-8, or a control
// character that YAML forbids, with its position. A leading byte order
// mark is allowed.
func (l *loader) checkText(data []byte) bool {
	line, col := 1, 1
	s := bytes.TrimPrefix(data, []byte("\uFEFF"))
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		var msg string
		switch {
		case r == utf8.RuneError && size <= 1:
			msg = fmt.Sprintf("invalid UTF-8 byte %#02x (taxonomy files must be UTF-8)", s[0])
		case !yamlAllowed(r):
			msg = fmt.Sprintf("control character %U is not allowed in YAML", r)
		}
		if msg != "" {
			l.probs.add(Position{File: l.name, Line: line, Col: col}, msg, nil)
			return false
		}
		if r == '\n' || r == '\r' && (len(s) == 1 || s[1] != '\n') {
			line, col = line+1, 1
		} else {
			col++
		}
		s = s[size:]
	}
	return true
}

// yamlAllowed reports whether YAML allows r in a stream.
func yamlAllowed(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// yamlLine matches the parser's "yaml: line N: message" errors.
var yamlLine = regexp.MustCompile(`(?s)^yaml: line ([0-9]+): (.*)$`)

// zeroBasedLine lists the messages for which go.yaml.in/yaml/v3 reports a
// 0-based line (those of its parser; its scanner counts from 1).
var zeroBasedLine = []string{
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found undefined tag handle",
}

// syntaxError reports a YAML syntax error at its line (column 1: the
// parser gives none), or at line 1 when it gives no line either.
func (l *loader) syntaxError(err error) {
	pos := Position{File: l.name, Line: 1, Col: 1}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			pos.Line, msg = n, m[2]
			if slices.Contains(zeroBasedLine, m[2]) {
				pos.Line++
			}
		}
	}
	l.probs.add(pos, "YAML syntax error: "+msg, err)
}

// checkAnchors reports every anchor and alias: taxonomy files use
// neither, which rules out alias bombs. It reports whether there were
// none.
func (l *loader) checkAnchors(root *yaml.Node) bool {
	ok := true
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			l.errorf(n, "alias *%s: YAML anchors and aliases are not supported", n.Value)
			ok = false
			continue
		}
		if n.Anchor != "" {
			l.errorf(n, "anchor &%s: YAML anchors and aliases are not supported", n.Anchor)
			ok = false
		}
		stack = append(stack, n.Content...)
	}
	return ok
}

// kindName names the YAML type of n for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.DocumentNode:
		return "document"
	}
	switch tag := n.ShortTag(); tag {
	case strTag:
		return "string"
	case intTag:
		return "int"
	case floatTag:
		return "float"
	case nullTag:
		return "null"
	case "!!bool":
		return "bool"
	default:
		return "value tagged " + tag
	}
}

// fields walks the mapping n: it reports keys that are not strings, keys
// repeated, and keys not in known, and calls f for every other key.
func (l *loader) fields(n *yaml.Node, path string, known []string, f func(key string, v *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != strTag {
			l.errorf(k, "%sfield name must be a string, got %s", path, kindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			l.errorf(k, "%sduplicate field %q (first at %s)", path, k.Value, l.pos(first))
			continue
		}
		seen[k.Value] = k
		if !slices.Contains(known, k.Value) {
			l.errorf(k, "%sunknown field %q (want one of %s)", path, k.Value, strings.Join(known, ", "))
			continue
		}
		f(k.Value, v)
	}
}

// file walks the top-level mapping.
func (l *loader) file(root *yaml.Node) []topicSpec {
	if root.Kind != yaml.MappingNode {
		l.errorf(root, `top level: must be a mapping with the fields "version" and "topics", got %s`, kindName(root))
		return nil
	}
	var version, list *yaml.Node
	l.fields(root, "", topFields, func(key string, v *yaml.Node) {
		if key == "version" {
			version = v
		} else {
			list = v
		}
	})
	switch {
	case version == nil:
		l.errorf(root, `missing required field "version" (want version: 1)`)
	case version.Kind != yaml.ScalarNode || version.ShortTag() != intTag:
		l.errorf(version, "version: must be the number 1, got %s", kindName(version))
	case version.Value != "1":
		l.errorf(version, "version: %s is not supported (this alam reads version 1)", version.Value)
	}
	if list == nil {
		l.errorf(root, `missing required field "topics"`)
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		l.errorf(list, "topics: must be a list of topics, got %s", kindName(list))
		return nil
	}
	specs := make([]topicSpec, 0, len(list.Content))
	for i, n := range list.Content {
		if s, ok := l.topic(n, fmt.Sprintf("topics[%d]", i)); ok {
			specs = append(specs, s)
		}
	}
	return specs
}

// topic walks and validates one topic. It reports false if n is not a
// mapping or lacks an id or a label.
func (l *loader) topic(n *yaml.Node, path string) (topicSpec, bool) {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%s: must be a mapping, got %s", path, kindName(n))
		return topicSpec{}, false
	}
	var s topicSpec
	l.fields(n, path+": ", topicFields, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			if id, ok := l.str(v, path+".id"); ok {
				s.id = id
				if first, dup := l.ids[id]; dup {
					l.errorf(v, "%s.id: duplicate topic id %q (first at %s)", path, id, first)
				} else {
					l.ids[id] = l.pos(v)
				}
			}
		case "label":
			s.label, _ = l.str(v, path+".label")
		case "label_ar":
			s.labelAr, _ = l.str(v, path+".label_ar")
		case "terms":
			s.terms = l.terms(v, path+".terms")
		case "entities":
			s.entities = l.weights(v, path+".entities")
		case "kinds":
			s.kinds = l.weights(v, path+".kinds")
		}
	})
	ok := true
	for _, f := range []struct {
		name, val string
	}{{"id", s.id}, {"label", s.label}} {
		if f.val == "" && !l.present(n, f.name) {
			l.errorf(n, "%s: missing required field %q", path, f.name)
		}
		ok = ok && f.val != ""
	}
	return s, ok
}

// present reports whether the mapping n has the key.
func (l *loader) present(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// str reads a non-empty string scalar.
func (l *loader) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != strTag {
		l.errorf(n, "%s: must be a string, got %s", path, kindName(n))
		return "", false
	}
	if strings.TrimSpace(n.Value) == "" {
		l.errorf(n, "%s: empty string", path)
		return "", false
	}
	return n.Value, true
}

// pairs walks a mapping of keys to weights and calls f with each key node
// and its valid weight.
func (l *loader) pairs(n *yaml.Node, path string, f func(k *yaml.Node, w float64)) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == nullTag {
		return // "terms:" with nothing after it: no terms
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%s: must be a mapping of names to weights, got %s", path, kindName(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != strTag {
			l.errorf(k, "%s: key must be a string, got %s", path, kindName(k))
			continue
		}
		if strings.TrimSpace(k.Value) == "" {
			l.errorf(k, "%s: empty key", path)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			l.errorf(k, "%s: duplicate key %q (first at %s)", path, k.Value, l.pos(first))
			continue
		}
		seen[k.Value] = k
		w, ok := l.weight(v, path+"."+k.Value)
		if ok {
			f(k, w)
		}
	}
}

// weight reads a weight: an int or float in (0, MaxWeight].
func (l *loader) weight(n *yaml.Node, path string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.ShortTag() != intTag && n.ShortTag() != floatTag) {
		l.errorf(n, "%s: weight must be a number, got %s", path, kindName(n))
		return 0, false
	}
	var w float64
	if err := n.Decode(&w); err != nil {
		l.errorf(n, "%s: weight %q is not a number", path, n.Value)
		return 0, false
	}
	if math.IsNaN(w) || w <= 0 || w > MaxWeight {
		l.errorf(n, "%s: weight %s is out of range (want a number > 0 and <= %d)", path, n.Value, MaxWeight)
		return 0, false
	}
	return w, true
}

// weights reads the entities or kinds of a topic.
func (l *loader) weights(n *yaml.Node, path string) []keyWeight {
	var out []keyWeight
	l.pairs(n, path, func(k *yaml.Node, w float64) {
		out = append(out, keyWeight{key: strings.TrimSpace(k.Value), weight: w})
	})
	return out
}

// terms reads and stems the terms of a topic, reporting terms that are
// not words and terms whose stems repeat those of an earlier term.
func (l *loader) terms(n *yaml.Node, path string) []termSpec {
	var out []termSpec
	seen := map[string]*yaml.Node{}
	l.pairs(n, path, func(k *yaml.Node, w float64) {
		stems, msg := stemTerm(k.Value)
		if msg != "" {
			l.errorf(k, "%s: term %q: %s", path, k.Value, msg)
			return
		}
		key := strings.Join(stems, " ")
		if first, dup := seen[key]; dup {
			l.errorf(k, "%s: term %q has the same stems (%s) as %q at %s", path, k.Value, key, first.Value, l.pos(first))
			return
		}
		seen[key] = k
		out = append(out, termSpec{stems: stems, weight: w})
	})
	return out
}

// stemTerm returns the light stems of the words of a term, or a message
// saying why it cannot be a term.
func stemTerm(term string) ([]string, string) {
	toks := arabic.Tokenize(term)
	if len(toks) == 0 {
		return nil, "no words"
	}
	if len(toks) > MaxTermWords {
		return nil, fmt.Sprintf("more than %d words", MaxTermWords)
	}
	stems := make([]string, 0, len(toks))
	for _, t := range toks {
		if !t.Kind.IsWord() || t.Norm == "" {
			return nil, fmt.Sprintf("%q is not a word (terms are words only)", t.Text(term))
		}
		stems = append(stems, arabic.Stem(t.Norm))
	}
	return stems, ""
}
