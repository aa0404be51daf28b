package gazetteer

import (
	"bytes"
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
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
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
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxFileSize {
		return nil, tooLarge(path)
	}
	return load(path, f)
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
		entries, err := loadFSFile(fsys, name)
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

func loadFSFile(fsys fs.FS, name string) ([]Entry, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxFileSize {
		return nil, tooLarge(name)
	}
	return load(name, f)
}

func tooLarge(name string) error {
	return &LoadError{Errors: []*Error{{
		Pos: Position{File: name},
		Msg: fmt.Sprintf("file is over the %d MiB limit", MaxFileSize>>20),
		Err: ErrTooLarge,
	}}}
}

// load reads, parses and validates one file.
func load(name string, r io.Reader) ([]Entry, error) {
	if r == nil {
		return nil, fmt.Errorf("gazetteer: %s: nil reader", name)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: reading %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(name)
	}
	l := &loader{name: name, ids: make(map[string]Position)}
	entries := l.parse(data)
	if errs := l.probs.errors(); errs != nil {
		return nil, &LoadError{Errors: errs}
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
	name  string
	probs problems
	ids   map[string]Position // id → position of its first definition
}

func (l *loader) pos(n *yaml.Node) Position {
	return Position{File: l.name, Line: n.Line, Col: n.Column}
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	l.probs.add(l.pos(n), fmt.Sprintf(format, args...), nil)
}

// parse checks the encoding, parses the YAML and walks the document.
func (l *loader) parse(data []byte) []Entry {
	if !l.checkText(data) {
		return nil
	}
	doc, extra, err := decode(data)
	if err == io.EOF {
		l.probs.add(Position{File: l.name, Line: 1, Col: 1}, `empty file: want a mapping with the field "entries"`, nil)
		return nil
	}
	if err != nil {
		l.syntaxError(err, data)
		return nil
	}
	if extra != nil {
		l.errorf(extra, "more than one YAML document (a gazetteer file holds one)")
	}
	if len(doc.Content) != 1 {
		l.errorf(doc, "empty YAML document")
		return nil
	}
	l.checkAnchors(doc)
	return l.file(doc.Content[0])
}

// decode parses the first YAML document of data and returns the second
// one, if any, to report it. The parser builds the node tree without
// expanding aliases; a panic inside it becomes an error.
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

// checkText reports the first byte that is not valid UTF-8 or a control
// character that YAML forbids, with its position; the YAML parser itself
// reports these without one. A leading UTF-8 byte order mark is allowed.
func (l *loader) checkText(data []byte) bool {
	line, col := 1, 1
	s := data
	if bytes.HasPrefix(s, []byte("\uFEFF")) {
		s = s[3:]
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		var msg string
		switch {
		case r == utf8.RuneError && size <= 1:
			msg = fmt.Sprintf("invalid UTF-8 byte %#02x (gazetteer files must be UTF-8)", s[0])
		case !yamlAllowed(r):
			msg = fmt.Sprintf("control character %U is not allowed in YAML", r)
		}
		if msg != "" {
			l.probs.add(Position{File: l.name, Line: line, Col: col}, msg, nil)
			return false
		}
		switch {
		case r == '\n', r == '\r' && (len(s) == 1 || s[1] != '\n'):
			line, col = line+1, 1
		default:
			col++
		}
		s = s[size:]
	}
	return true
}

// yamlAllowed reports whether YAML allows r in a stream: tab, line feed,
// carriage return, printable ASCII, NEL and the code points from U+00A0
// up, without surrogates, U+FFFE and U+FFFF.
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

// parserProblems are the messages of the YAML parser proper (as opposed
// to its scanner). For these, go.yaml.in/yaml/v3 reports the 0-based line
// of the problem (its scanner errors and nodes count from 1), and no line
// at all on the first line.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// syntaxError reports a YAML parser error. The parser gives a line but no
// column; the position then has column 1.
func (l *loader) syntaxError(err error, data []byte) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, convErr := strconv.Atoi(m[1])
		if convErr == nil {
			if parserProblems[m[2]] {
				line++
			}
			l.probs.add(Position{File: l.name, Line: line, Col: 1}, "YAML syntax error: "+m[2], err)
			return
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	// Without a line, a parser or scanner problem is on the first line;
	// the decoder's own errors have no position.
	pos := Position{File: l.name, Line: 1, Col: 1}
	switch {
	case strings.HasPrefix(msg, "unknown anchor '"):
		// "unknown anchor 'x' referenced": find the alias.
		name := strings.TrimPrefix(msg, "unknown anchor '")
		if i := strings.LastIndex(name, "' referenced"); i >= 0 {
			pos = findAlias(l.name, data, name[:i])
		} else {
			pos = Position{File: l.name}
		}
		msg += " (YAML anchors and aliases are not supported)"
	case strings.HasPrefix(msg, "attempted to go past the end of stream"),
		strings.HasPrefix(msg, "internal parser error"):
		pos = Position{File: l.name}
	}
	l.probs.add(pos, "YAML syntax error: "+msg, err)
}

// findAlias returns the position of the first "*name" in data that stands
// where YAML would read it as an alias, or the whole file if none does.
func findAlias(file string, data []byte, name string) Position {
	target := []byte("*" + name)
	for off := 0; ; {
		i := bytes.Index(data[off:], target)
		if i < 0 {
			return Position{File: file}
		}
		i += off
		end := i + len(target)
		before := i == 0 || strings.IndexByte(" \t\r\n[{,", data[i-1]) >= 0
		after := end == len(data) || strings.IndexByte(" \t\r\n]},", data[end]) >= 0
		if before && after {
			line := bytes.Count(data[:i], []byte("\n")) + 1
			start := bytes.LastIndexByte(data[:i], '\n') + 1
			col := utf8.RuneCount(data[start:i]) + 1
			if line == 1 && bytes.HasPrefix(data, []byte("\uFEFF")) {
				col--
			}
			return Position{File: file, Line: line, Col: col}
		}
		off = i + 1
	}
}

// checkAnchors reports every anchor and alias in the tree. Gazetteer files
// use neither: forbidding them rules out "alias bombs" (small files that
// expand to huge trees). The parser itself never expands an alias into the
// node tree, and the walk below does not follow them.
func (l *loader) checkAnchors(root *yaml.Node) {
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			l.errorf(n, "alias *%s: YAML anchors and aliases are not supported", n.Value)
			continue
		}
		if n.Anchor != "" {
			l.errorf(n, "anchor &%s: YAML anchors and aliases are not supported", n.Anchor)
		}
		stack = append(stack, n.Content...)
	}
}

// kindName names the YAML type of n for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
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
	case boolTag:
		return "bool"
	case nullTag:
		return "null"
	case timestampTag:
		return "timestamp"
	case mergeTag:
		return "merge key"
	default:
		return "value tagged " + tag
	}
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
			continue // reported by checkAnchors
		}
		if k.Kind != yaml.ScalarNode || (k.ShortTag() != strTag && k.ShortTag() != mergeTag) {
			l.errorf(k, "%sfield name must be a string, got %s", prefix, kindName(k))
			continue
		}
		key := k.Value
		if key == "" {
			l.errorf(k, "%sempty field name", prefix)
			continue
		}
		if first, dup := seen[key]; dup {
			l.errorf(k, "%sduplicate field %q (first at %s)", prefix, key, l.pos(first))
			continue
		}
		seen[key] = k
		if known != nil && !slices.Contains(known, key) {
			l.errorf(k, "%sunknown field %q%s", prefix, key, didYouMean(key, known))
			continue
		}
		f(key, k, v)
	}
}

// file walks the top-level mapping and returns the entries.
func (l *loader) file(root *yaml.Node) []Entry {
	if root.Kind != yaml.MappingNode {
		if root.Kind != yaml.AliasNode {
			l.errorf(root, `top level: must be a mapping with the field "entries", got %s`, kindName(root))
		}
		return nil
	}
	var list *yaml.Node
	l.fields(root, "", topFields, func(_ string, _, v *yaml.Node) { list = v })
	if list == nil {
		l.errorf(root, `missing required field "entries"`)
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		if list.Kind != yaml.AliasNode {
			l.errorf(list, "entries: must be a list of entries, got %s", kindName(list))
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
			l.errorf(n, "%s: must be a mapping, got %s", path, kindName(n))
		}
		return Entry{}, false
	}
	e := Entry{Pos: l.pos(n)}
	var idNode, typeNode, isoNode, demonymsNode *yaml.Node
	var aliasNodes, againstNodes []*yaml.Node
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
		case "name_ar":
			e.NameAr, _ = l.text(v, key)
		case "aliases":
			e.Aliases, aliasNodes = l.texts(v, key)
		case "demonyms":
			e.Demonyms, _ = l.texts(v, key)
			demonymsNode = v
		case "attrs":
			e.Attrs, isoNode = l.attrs(v)
		case "context":
			e.Context, againstNodes = l.context(v)
		}
	})
	for _, f := range entryFields[:4] {
		if !present[f] {
			l.errorf(n, "missing required field %q", f)
		}
	}
	l.checkID(&e, idNode, typeNode)
	l.checkType(&e, typeNode)
	if idNode != nil && typeNode != nil && e.Type.Valid() && idPattern.MatchString(e.ID) {
		ns, _, _ := strings.Cut(e.ID, ":")
		if want := namespaceType[ns]; e.Type != want {
			l.errorf(typeNode, "type: %s does not match id %q (%s: ids are %s)", e.Type, e.ID, ns, want)
		}
	}
	if isoNode != nil && e.Type == Country {
		if code, ok := strings.CutPrefix(e.ID, "country:"); ok && isoNode.Value != code && countryProblem(code) == "" {
			l.errorf(isoNode, "attrs.iso: %q does not match id %q", isoNode.Value, e.ID)
		}
	}
	if len(e.Demonyms) > 0 && (e.Type == Person || e.Type == Org) {
		l.errorf(demonymsNode, "demonyms: only COUNTRY and LOCATION entries take demonyms, not %s", e.Type)
	}
	for i, a := range e.Aliases {
		switch a {
		case e.NameAr:
			l.errorf(aliasNodes[i], "aliases: %q repeats name_ar", a)
		case e.Name:
			l.errorf(aliasNodes[i], "aliases: %q repeats name", a)
		}
	}
	for i, w := range e.Context.Against {
		if slices.Contains(e.Context.Favour, w) {
			l.errorf(againstNodes[i], "context.against: %q is also in context.favour", w)
		}
	}
	return e, true
}

// checkID validates the id's syntax, its country code and its uniqueness
// in the file.
func (l *loader) checkID(e *Entry, idNode, typeNode *yaml.Node) {
	if idNode == nil {
		return
	}
	if !idPattern.MatchString(e.ID) {
		l.errorf(idNode, "id: bad id %q (want country:<ISO code>, city:<slug>, place:<slug>, person:<slug> or org:<slug>, slugs of ASCII letters, digits, '-', '_' and '.')", e.ID)
	} else if code, ok := strings.CutPrefix(e.ID, "country:"); ok {
		if msg := countryProblem(code); msg != "" {
			l.errorf(idNode, "id: %q: %s", e.ID, msg)
		}
	}
	if first, dup := l.ids[e.ID]; dup {
		l.errorf(idNode, "duplicate id %q (first at %s)", e.ID, first)
	} else {
		l.ids[e.ID] = l.pos(idNode)
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
	l.errorf(typeNode, "type: unknown type %q (want PERSON, COUNTRY, LOCATION or ORG)%s", e.Type, didYouMean(string(e.Type), names))
}

// str reads a string scalar. Aliases were reported already.
func (l *loader) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind == yaml.AliasNode {
		return "", false
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == nullTag {
		l.errorf(n, "%s: empty string", path)
		return "", false
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != strTag {
		l.errorf(n, "%s: must be a string, got %s", path, kindName(n))
		return "", false
	}
	if n.Value == "" {
		l.errorf(n, "%s: empty string", path)
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
		l.errorf(n, "%s: %s", path, msg)
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
		l.errorf(n, "%s: must be a list of strings, got %s", path, kindName(n))
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
			l.errorf(c, "%s: %q repeats %s[%d]", p, s, path, j)
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
		l.errorf(n, "context: must be a mapping, got %s", kindName(n))
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
		l.errorf(n, "attrs: must be a mapping, got %s", kindName(n))
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
						l.errorf(c, "%s: must be a scalar, got %s", p, kindName(c))
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
			l.errorf(v, "%s: must be a scalar or a list of scalars, got %s", path, kindName(v))
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
				l.errorf(v, "%s: %s is not a Wikidata item id (Q followed by digits, e.g. Q817)", path, describe(v))
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
	return "a " + kindName(n)
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
			l.errorf(n, "%s: integer %s out of range", path, n.Value)
			return nil, false
		}
		return i, true
	case floatTag:
		var f float64
		if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			l.errorf(n, "%s: %s is not a finite number", path, n.Value)
			return nil, false
		}
		return f, true
	case boolTag:
		var b bool
		if err := n.Decode(&b); err != nil {
			l.errorf(n, "%s: bad bool %s", path, n.Value)
			return nil, false
		}
		return b, true
	case nullTag:
		l.errorf(n, "%s: empty value", path)
		return nil, false
	default:
		l.errorf(n, "%s: must be a string, number or bool, got %s", path, kindName(n))
		return nil, false
	}
}

// countryCode checks that n holds an ISO 3166-1 alpha-2 country code.
func (l *loader) countryCode(n *yaml.Node, path string) bool {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != strTag {
		l.errorf(n, "%s: must be an ISO 3166-1 alpha-2 country code, got %s", path, kindName(n))
		return false
	}
	if msg := countryProblem(n.Value); msg != "" {
		l.errorf(n, "%s: %s", path, msg)
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
