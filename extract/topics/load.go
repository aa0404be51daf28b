package topics

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/yamlfile"
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
// Terms are Arabic or English words or phrases written as text writes
// them; each word is normalized (arabic.Normalize, which lower-cases Latin
// letters) and light-stemmed (arabic.Stem; for English words, the plural
// and possessive endings off), so a term matches its inflections with
// clitics and suffixes (حرب matches الحرب، والحرب، حربها; "air strike"
// matches "air strikes"). Weights are numbers in (0, MaxWeight].
//
// Every problem with the content is reported, as "file:line:col: message",
// in a *LoadError: unknown or repeated fields, values of the wrong type,
// a missing id or label, a repeated topic id, a term that is empty, has
// more than MaxTermWords words or a token that is not a word, two terms of
// one topic with the same stems, a weight that is not a number or out of
// range, a version other than 1, anchors and aliases (not supported). A
// failure to read r is returned as a wrapped error.
func LoadTaxonomy(name string, r io.Reader) (*Taxonomy, error) {
	data, err := format.Read(name, r)
	if err != nil {
		return nil, err
	}
	l := &loader{File: yamlfile.File{Name: name}, ids: map[string]Position{}}
	var specs []topicSpec
	// A file with anchors or aliases is not walked further.
	if root := format.Parse(&l.File, data); root != nil && l.CheckAnchors(root) {
		specs = l.file(root)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return compile(specs), nil
}

// format describes taxonomy files to yamlfile.
var format = yamlfile.Format{
	Noun:        "taxonomy",
	Prefix:      "topics",
	MaxSize:     MaxTaxonomySize,
	ErrTooLarge: ErrTooLarge,
	Empty:       `empty file: want a mapping with the fields "version" and "topics"`,
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

// loader validates one file and collects its problems.
type loader struct {
	yamlfile.File
	ids map[string]Position // topic id → position of its first definition
}

// fields walks the mapping n: it reports keys that are not strings, keys
// repeated, and keys not in known, and calls f for every other key.
func (l *loader) fields(n *yaml.Node, path string, known []string, f func(key string, v *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != strTag {
			l.Errorf(k, "%sfield name must be a string, got %s", path, yamlfile.KindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			l.Errorf(k, "%sduplicate field %q (first at %s)", path, k.Value, l.Pos(first))
			continue
		}
		seen[k.Value] = k
		if !slices.Contains(known, k.Value) {
			l.Errorf(k, "%sunknown field %q (want one of %s)", path, k.Value, strings.Join(known, ", "))
			continue
		}
		f(k.Value, v)
	}
}

// file walks the top-level mapping.
func (l *loader) file(root *yaml.Node) []topicSpec {
	if root.Kind != yaml.MappingNode {
		l.Errorf(root, `top level: must be a mapping with the fields "version" and "topics", got %s`, yamlfile.KindName(root))
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
		l.Errorf(root, `missing required field "version" (want version: 1)`)
	case version.Kind != yaml.ScalarNode || version.ShortTag() != intTag:
		l.Errorf(version, "version: must be the number 1, got %s", yamlfile.KindName(version))
	case version.Value != "1":
		l.Errorf(version, "version: %s is not supported (this alam reads version 1)", version.Value)
	}
	if list == nil {
		l.Errorf(root, `missing required field "topics"`)
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		l.Errorf(list, "topics: must be a list of topics, got %s", yamlfile.KindName(list))
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
		l.Errorf(n, "%s: must be a mapping, got %s", path, yamlfile.KindName(n))
		return topicSpec{}, false
	}
	var s topicSpec
	l.fields(n, path+": ", topicFields, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			if id, ok := l.str(v, path+".id"); ok {
				s.id = id
				if first, dup := l.ids[id]; dup {
					l.Errorf(v, "%s.id: duplicate topic id %q (first at %s)", path, id, first)
				} else {
					l.ids[id] = l.Pos(v)
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
			l.Errorf(n, "%s: missing required field %q", path, f.name)
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
		l.Errorf(n, "%s: must be a string, got %s", path, yamlfile.KindName(n))
		return "", false
	}
	if strings.TrimSpace(n.Value) == "" {
		l.Errorf(n, "%s: empty string", path)
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
		l.Errorf(n, "%s: must be a mapping of names to weights, got %s", path, yamlfile.KindName(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != strTag {
			l.Errorf(k, "%s: key must be a string, got %s", path, yamlfile.KindName(k))
			continue
		}
		if strings.TrimSpace(k.Value) == "" {
			l.Errorf(k, "%s: empty key", path)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			l.Errorf(k, "%s: duplicate key %q (first at %s)", path, k.Value, l.Pos(first))
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
		l.Errorf(n, "%s: weight must be a number, got %s", path, yamlfile.KindName(n))
		return 0, false
	}
	var w float64
	if err := n.Decode(&w); err != nil {
		l.Errorf(n, "%s: weight %q is not a number", path, n.Value)
		return 0, false
	}
	if math.IsNaN(w) || w <= 0 || w > MaxWeight {
		l.Errorf(n, "%s: weight %s is out of range (want a number > 0 and <= %d)", path, n.Value, MaxWeight)
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
			l.Errorf(k, "%s: term %q: %s", path, k.Value, msg)
			return
		}
		key := strings.Join(stems, " ")
		if first, dup := seen[key]; dup {
			l.Errorf(k, "%s: term %q has the same stems (%s) as %q at %s", path, k.Value, key, first.Value, l.Pos(first))
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
		stems = append(stems, termStem(arabic.Stem(t.Norm)))
	}
	return stems, ""
}
