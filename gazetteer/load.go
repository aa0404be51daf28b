package gazetteer

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/alam-nlp/alam/internal/yamlfile"
)

// MaxFileSize is the largest gazetteer file Load accepts, in bytes. The
// YAML parser's node tree takes up to about 100 bytes of memory per input
// byte on hostile input (a long flow list of one-letter items), much less
// on ordinary gazetteer files, so the cap keeps one load well under a
// gigabyte. Split larger gazetteers into several files and load them with
// LoadFS.
const MaxFileSize = 8 << 20

// Load reads one gazetteer file from r and validates it; name is the file
// name used in positions and messages. It reads at most MaxFileSize+1
// bytes of r.
//
// Every problem with the content is reported, up to MaxErrors, in a
// *LoadError; the Gazetteer is then nil. A failure to read r is returned
// as a wrapped error. Ids must be unique within the file.
func Load(name string, r io.Reader) (*Gazetteer, error) {
	entries, err := load(name, r)
	if err != nil {
		return nil, err
	}
	return newGazetteer(entries), nil
}

// LoadFile loads the gazetteer file at path, like Load; path is the name in
// messages. A regular file over MaxFileSize is rejected before reading.
func LoadFile(path string) (*Gazetteer, error) {
	entries, err := loadFile(path)
	if err != nil {
		return nil, err
	}
	return newGazetteer(entries), nil
}

func loadFile(path string) ([]Entry, error) {
	return loadOpen(path, func(name string) (fs.File, error) { return os.Open(name) })
}

// LoadFS loads the files of fsys that match any of the patterns (fs.Glob
// syntax; "*.yaml" if none is given), in sorted order of their paths, and
// merges them as Merge does: an entry of a later file replaces the entry
// with the same id from an earlier file, in the earlier entry's place.
// Directories that match are skipped. The paths are the file names in
// messages.
//
// The problems of all files are reported together in one *LoadError. If no
// file matches, LoadFS returns an error wrapping ErrNoFiles.
func LoadFS(fsys fs.FS, patterns ...string) (*Gazetteer, error) {
	if len(patterns) == 0 {
		patterns = []string{"*.yaml"}
	}
	names, err := glob(fsys, patterns)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNoFiles, strings.Join(patterns, " "))
	}
	return loadFiles(fsys, names)
}

// glob returns the sorted paths of the files of fsys that match any of the
// patterns, directories left out.
func glob(fsys fs.FS, patterns []string) ([]string, error) {
	var names []string
	for _, p := range patterns {
		m, err := fs.Glob(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: pattern %q: %w", p, err)
		}
		for _, name := range m {
			if fi, err := fs.Stat(fsys, name); err == nil && fi.IsDir() {
				continue
			}
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// loadFiles loads the named files of fsys in order and merges them.
func loadFiles(fsys fs.FS, names []string) (*Gazetteer, error) {
	var all []*Error
	var files [][]Entry
	for _, name := range names {
		entries, err := loadOpen(name, fsys.Open)
		var le *LoadError
		switch {
		case errors.As(err, &le):
			all = append(all, le.Errors...)
		case err != nil:
			return nil, err
		default:
			files = append(files, entries)
		}
	}
	if len(all) > 0 {
		return nil, &LoadError{Errors: all}
	}
	return mergeEntries(files...), nil
}

// loadOpen opens the named file with open and loads it. A regular file
// over MaxFileSize is rejected before reading.
func loadOpen(name string, open func(string) (fs.File, error)) ([]Entry, error) {
	f, err := open(name)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	data, err := format.ReadFile(name, f)
	if err != nil {
		return nil, err
	}
	return parse(name, data)
}

// format describes gazetteer files to yamlfile.
var format = yamlfile.Format{
	Noun:        "gazetteer",
	Prefix:      "gazetteer",
	MaxSize:     MaxFileSize,
	ErrTooLarge: ErrTooLarge,
	Empty:       `empty file: want a mapping with the field "entries"`,
}

// load reads, parses and validates one file.
func load(name string, r io.Reader) ([]Entry, error) {
	data, err := format.Read(name, r)
	if err != nil {
		return nil, err
	}
	return parse(name, data)
}

// parse parses and validates the text of one file. Anchors and aliases
// are reported, and the walk goes on without following them.
func parse(name string, data []byte) ([]Entry, error) {
	l := &loader{File: yamlfile.File{Name: name}, ids: make(map[string]Position)}
	var entries []Entry
	if root := format.Parse(&l.File, data); root != nil {
		l.CheckAnchors(root)
		entries = l.file(root)
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return entries, nil
}

// The fields of the schema, in the order messages and dumps use.
var (
	topFields     = []string{"entries"}
	entryFields   = []string{"id", "type", "name", "name_ar", "aliases", "demonyms", "attrs", "context"}
	contextFields = []string{"favour", "against"}
)

// idPattern is the syntax of an entry id.
var idPattern = regexp.MustCompile(`^(country|city|place|person|org):[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// namespaceType gives the entry type each id namespace requires.
var namespaceType = map[string]Type{
	"country": Country,
	"city":    Location,
	"place":   Location,
	"person":  Person,
	"org":     Org,
}

// wikidataPattern is the syntax of a Wikidata item id.
var wikidataPattern = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// YAML short tags.
const (
	strTag       = "!!str"
	intTag       = "!!int"
	floatTag     = "!!float"
	boolTag      = "!!bool"
	nullTag      = "!!null"
	timestampTag = "!!timestamp"
	mergeTag     = "!!merge"
)

// loader validates one file and collects its problems.
type loader struct {
	yamlfile.File
	ids map[string]Position // id → position of its first definition
}

// fields walks the key/value pairs of the mapping n. It reports keys that
// are not strings, keys repeated in the mapping, and, if known is not nil,
// keys not in known (suggesting the closest known one). It calls f for the
// first occurrence of each acceptable key. path prefixes the messages.
func (l *loader) fields(n *yaml.Node, path string, known []string, f func(key string, k, v *yaml.Node)) {
	prefix := ""
	if path != "" {
		prefix = path + ": "
	}
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.AliasNode {
			continue // reported by CheckAnchors
		}
		if k.Kind != yaml.ScalarNode || (k.ShortTag() != strTag && k.ShortTag() != mergeTag) {
			l.Errorf(k, "%sfield name must be a string, got %s", prefix, yamlfile.KindName(k))
			continue
		}
		key := k.Value
		if key == "" {
			l.Errorf(k, "%sempty field name", prefix)
			continue
		}
		if first, dup := seen[key]; dup {
			l.Errorf(k, "%sduplicate field %q (first at %s)", prefix, key, l.Pos(first))
			continue
		}
		seen[key] = k
		if known != nil && !slices.Contains(known, key) {
			l.Errorf(k, "%sunknown field %q%s", prefix, key, didYouMean(key, known))
			continue
		}
		f(key, k, v)
	}
}

// file walks the top-level mapping and returns the entries.
func (l *loader) file(root *yaml.Node) []Entry {
	if root.Kind != yaml.MappingNode {
		if root.Kind != yaml.AliasNode {
			l.Errorf(root, `top level: must be a mapping with the field "entries", got %s`, yamlfile.KindName(root))
		}
		return nil
	}
	var list *yaml.Node
	l.fields(root, "", topFields, func(_ string, _, v *yaml.Node) { list = v })
	if list == nil {
		l.Errorf(root, `missing required field "entries"`)
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		if list.Kind != yaml.AliasNode {
			l.Errorf(list, "entries: must be a list of entries, got %s", yamlfile.KindName(list))
		}
		return nil
	}
	entries := make([]Entry, 0, len(list.Content))
	for i, n := range list.Content {
		if e, ok := l.entry(n, fmt.Sprintf("entries[%d]", i)); ok {
			entries = append(entries, e)
		}
	}
	return entries
}

// entry walks and validates one entry. It returns false if the node is
// not a mapping.
func (l *loader) entry(n *yaml.Node, path string) (Entry, bool) {
	if n.Kind != yaml.MappingNode {
		if n.Kind != yaml.AliasNode {
			l.Errorf(n, "%s: must be a mapping, got %s", path, yamlfile.KindName(n))
		}
		return Entry{}, false
	}
	e := Entry{Pos: l.Pos(n)}
	var idNode, typeNode, isoNode, demonymsNode, nameNode, nameArNode *yaml.Node
	var aliasNodes, demonymNodes, againstNodes []*yaml.Node
	present := make(map[string]bool)
	l.fields(n, "", entryFields, func(key string, _, v *yaml.Node) {
		present[key] = true
		switch key {
		case "id":
			if s, ok := l.str(v, key); ok {
				e.ID, idNode = s, v
			}
		case "type":
			if s, ok := l.str(v, key); ok {
				e.Type, typeNode = Type(s), v
			}
		case "name":
			e.Name, _ = l.text(v, key)
			nameNode = v
		case "name_ar":
			e.NameAr, _ = l.text(v, key)
			nameArNode = v
		case "aliases":
			e.Aliases, aliasNodes = l.texts(v, key)
		case "demonyms":
			e.Demonyms, demonymNodes = l.texts(v, key)
			demonymsNode = v
		case "attrs":
			e.Attrs, isoNode = l.attrs(v)
		case "context":
			e.Context, againstNodes = l.context(v)
		}
	})
	for _, f := range entryFields[:4] {
		if !present[f] {
			l.Errorf(n, "missing required field %q", f)
		}
	}
	l.checkID(&e, idNode, typeNode)
	l.checkType(&e, typeNode)
	if idNode != nil && typeNode != nil && e.Type.Valid() && idPattern.MatchString(e.ID) {
		ns, _, _ := strings.Cut(e.ID, ":")
		if want := namespaceType[ns]; e.Type != want {
			l.Errorf(typeNode, "type: %s does not match id %q (%s: ids are %s)", e.Type, e.ID, ns, want)
		}
	}
	if isoNode != nil && e.Type == Country {
		if code, ok := strings.CutPrefix(e.ID, "country:"); ok && isoNode.Value != code && countryProblem(code) == "" {
			l.Errorf(isoNode, "attrs.iso: %q does not match id %q", isoNode.Value, e.ID)
		}
	}
	if len(e.Demonyms) > 0 && (e.Type == Person || e.Type == Org) {
		l.Errorf(demonymsNode, "demonyms: only COUNTRY and LOCATION entries take demonyms, not %s", e.Type)
	}
	for i, a := range e.Aliases {
		switch a {
		case e.NameAr:
			l.Errorf(aliasNodes[i], "aliases: %q repeats name_ar", a)
		case e.Name:
			l.Errorf(aliasNodes[i], "aliases: %q repeats name", a)
		}
	}
	for i, w := range e.Context.Against {
		if slices.Contains(e.Context.Favour, w) {
			l.Errorf(againstNodes[i], "context.against: %q is also in context.favour", w)
		}
	}
	l.checkMatched(&e, nameNode, nameArNode, aliasNodes, demonymNodes)
	return e, true
}

// checkMatched refuses the names, aliases and demonyms that would match
// in nearly every text (see matchProblem).
func (l *loader) checkMatched(e *Entry, nameNode, nameArNode *yaml.Node, aliasNodes, demonymNodes []*yaml.Node) {
	context := len(e.Context.Favour) > 0
	check := func(n *yaml.Node, path, s string) {
		if n != nil && s != "" {
			if msg := matchProblem(s, context); msg != "" {
				l.Errorf(n, "%s: %s", path, msg)
			}
		}
	}
	check(nameNode, "name", e.Name)
	check(nameArNode, "name_ar", e.NameAr)
	for i, n := range aliasNodes {
		check(n, "aliases", e.Aliases[i])
	}
	for i, n := range demonymNodes {
		check(n, "demonyms", e.Demonyms[i])
	}
}

// checkID validates the id's syntax, its country code and its uniqueness
// in the file.
func (l *loader) checkID(e *Entry, idNode, typeNode *yaml.Node) {
	if idNode == nil {
		return
	}
	if !idPattern.MatchString(e.ID) {
		l.Errorf(idNode, "id: bad id %q (want country:<ISO code>, city:<slug>, place:<slug>, person:<slug> or org:<slug>, slugs of ASCII letters, digits, '-', '_' and '.')", e.ID)
	} else if code, ok := strings.CutPrefix(e.ID, "country:"); ok {
		if msg := countryProblem(code); msg != "" {
			l.Errorf(idNode, "id: %q: %s", e.ID, msg)
		}
	}
	if first, dup := l.ids[e.ID]; dup {
		l.Errorf(idNode, "duplicate id %q (first at %s)", e.ID, first)
	} else {
		l.ids[e.ID] = l.Pos(idNode)
	}
}

// checkType validates the entry's type.
func (l *loader) checkType(e *Entry, typeNode *yaml.Node) {
	if typeNode == nil || e.Type.Valid() {
		return
	}
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = string(t)
	}
	l.Errorf(typeNode, "type: unknown type %q (want PERSON, COUNTRY, LOCATION or ORG)%s", e.Type, didYouMean(string(e.Type), names))
}

// str reads a string scalar. Aliases were reported already.
func (l *loader) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind == yaml.AliasNode {
		return "", false
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == nullTag {
		l.Errorf(n, "%s: empty string", path)
		return "", false
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != strTag {
		l.Errorf(n, "%s: must be a string, got %s", path, yamlfile.KindName(n))
		return "", false
	}
	if n.Value == "" {
		l.Errorf(n, "%s: empty string", path)
		return "", false
	}
	return n.Value, true
}

// text reads a name, alias, demonym or context word (see textProblem).
func (l *loader) text(n *yaml.Node, path string) (string, bool) {
	s, ok := l.str(n, path)
	if !ok {
		return "", false
	}
	if msg := textProblem(s); msg != "" {
		l.Errorf(n, "%s: %s", path, msg)
		return "", false
	}
	return s, true
}

// texts reads a list of names (aliases, demonyms, context words), none
// repeated, and returns them with their nodes. An empty list gives nil.
func (l *loader) texts(n *yaml.Node, path string) ([]string, []*yaml.Node) {
	if n.Kind == yaml.AliasNode {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		l.Errorf(n, "%s: must be a list of strings, got %s", path, yamlfile.KindName(n))
		return nil, nil
	}
	var out []string
	var nodes []*yaml.Node
	seen := make(map[string]int)
	for i, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		s, ok := l.text(c, p)
		if !ok {
			continue
		}
		if j, dup := seen[s]; dup {
			l.Errorf(c, "%s: %q repeats %s[%d]", p, s, path, j)
			continue
		}
		seen[s] = i
		out = append(out, s)
		nodes = append(nodes, c)
	}
	return out, nodes
}

// context reads the context mapping; it also returns the nodes of the
// words against.
func (l *loader) context(n *yaml.Node) (Context, []*yaml.Node) {
	var c Context
	var against []*yaml.Node
	if n.Kind == yaml.AliasNode {
		return c, nil
	}
	if n.Kind != yaml.MappingNode {
		l.Errorf(n, "context: must be a mapping, got %s", yamlfile.KindName(n))
		return c, nil
	}
	l.fields(n, "context", contextFields, func(key string, _, v *yaml.Node) {
		switch key {
		case "favour":
			c.Favour, _ = l.texts(v, "context.favour")
		case "against":
			c.Against, against = l.texts(v, "context.against")
		}
	})
	return c, against
}

// attrs reads the attrs mapping. It also returns the node of attrs.iso if
// that holds a valid code, for the check against the id.
func (l *loader) attrs(n *yaml.Node) (map[string]any, *yaml.Node) {
	if n.Kind == yaml.AliasNode {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		l.Errorf(n, "attrs: must be a mapping, got %s", yamlfile.KindName(n))
		return nil, nil
	}
	var attrs map[string]any
	var isoNode *yaml.Node
	l.fields(n, "attrs", nil, func(key string, _, v *yaml.Node) {
		path := "attrs." + key
		var val any
		var ok bool
		switch v.Kind {
		case yaml.AliasNode:
			return
		case yaml.ScalarNode:
			val, ok = l.scalar(v, path)
		case yaml.SequenceNode:
			list := make([]any, 0, len(v.Content))
			ok = true
			for i, c := range v.Content {
				p := fmt.Sprintf("%s[%d]", path, i)
				if c.Kind != yaml.ScalarNode {
					if c.Kind != yaml.AliasNode {
						l.Errorf(c, "%s: must be a scalar, got %s", p, yamlfile.KindName(c))
					}
					ok = false
					continue
				}
				x, xok := l.scalar(c, p)
				ok = ok && xok
				list = append(list, x)
			}
			val = list
		default:
			l.Errorf(v, "%s: must be a scalar or a list of scalars, got %s", path, yamlfile.KindName(v))
		}
		if !ok {
			return
		}
		switch key {
		case "iso":
			if l.countryCode(v, path) {
				isoNode = v
			}
		case "country":
			if v.Kind == yaml.SequenceNode {
				for i, c := range v.Content {
					l.countryCode(c, fmt.Sprintf("%s[%d]", path, i))
				}
			} else {
				l.countryCode(v, path)
			}
		case "wikidata":
			if s, isStr := val.(string); !isStr || !wikidataPattern.MatchString(s) {
				l.Errorf(v, "%s: %s is not a Wikidata item id (Q followed by digits, e.g. Q817)", path, describe(v))
			}
		}
		if attrs == nil {
			attrs = make(map[string]any)
		}
		attrs[key] = val
	})
	return attrs, isoNode
}

// describe quotes a scalar's text, or names the kind of other nodes.
func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return "a " + yamlfile.KindName(n)
}

// scalar decodes an attribute scalar into a string, int, float64 or bool.
// Timestamps stay strings, as written.
func (l *loader) scalar(n *yaml.Node, path string) (any, bool) {
	switch tag := n.ShortTag(); tag {
	case strTag, timestampTag:
		return n.Value, true
	case intTag:
		var i int
		if err := n.Decode(&i); err != nil {
			l.Errorf(n, "%s: integer %s out of range", path, n.Value)
			return nil, false
		}
		return i, true
	case floatTag:
		var f float64
		if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			l.Errorf(n, "%s: %s is not a finite number", path, n.Value)
			return nil, false
		}
		return f, true
	case boolTag:
		var b bool
		if err := n.Decode(&b); err != nil {
			l.Errorf(n, "%s: bad bool %s", path, n.Value)
			return nil, false
		}
		return b, true
	case nullTag:
		l.Errorf(n, "%s: empty value", path)
		return nil, false
	default:
		l.Errorf(n, "%s: must be a string, number or bool, got %s", path, yamlfile.KindName(n))
		return nil, false
	}
}

// countryCode checks that n holds an ISO 3166-1 alpha-2 country code.
func (l *loader) countryCode(n *yaml.Node, path string) bool {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != strTag {
		l.Errorf(n, "%s: must be an ISO 3166-1 alpha-2 country code, got %s", path, yamlfile.KindName(n))
		return false
	}
	if msg := countryProblem(n.Value); msg != "" {
		l.Errorf(n, "%s: %s", path, msg)
		return false
	}
	return true
}

// notCountries are codes that language.Region.IsCountry accepts but that
// name no country: the United Kingdom's reserved UK (ISO uses GB), and
// CLDR's Eurozone and United Nations.
var notCountries = map[string]string{
	"UK": ` (the United Kingdom is "GB")`,
	"EZ": " (EZ is the Eurozone)",
	"UN": " (UN is the United Nations)",
}

// countryProblem describes what is wrong with code as an ISO 3166-1
// alpha-2 country code, or returns "" if it is one: two upper-case ASCII
// letters that golang.org/x/text/language parses as a region and knows as
// a country (which includes the codes ISO reserves for Ascension, Kosovo
// and a few other places).
func countryProblem(code string) string {
	bad := fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", code)
	if len(code) != 2 || !isASCIILetter(code[0]) || !isASCIILetter(code[1]) {
		return bad
	}
	if up := strings.ToUpper(code); up != code {
		if countryProblem(up) == "" {
			return fmt.Sprintf("%s (write it in upper case: %q)", bad, up)
		}
		return bad
	}
	if note, ok := notCountries[code]; ok {
		return bad + note
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() {
		return bad
	}
	return ""
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
