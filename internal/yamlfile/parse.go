package yamlfile

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Format describes one kind of YAML file for reading it and for the
// messages about it. Its fields are set once, by the loader of that kind
// of file.
type Format struct {
	// Noun names the kind of file in messages: with "gazetteer", a bad
	// byte is reported with "(gazetteer files must be UTF-8)" and a second
	// document with "(a gazetteer file holds one)".
	Noun string
	// Prefix starts the text of the errors that are not problems with
	// the content (a failed read, a nil reader): "gazetteer" gives
	// "gazetteer: reading x.yaml: ...".
	Prefix string
	// MaxSize is the largest file accepted, in bytes.
	MaxSize int
	// ErrTooLarge is the cause of the Error reported for a file over
	// MaxSize, for errors.Is.
	ErrTooLarge error
	// Empty is the message for a file without a YAML document (nothing
	// but comments and space), reported at line 1, column 1.
	Empty string
}

// TooLarge returns the error for the file name over MaxSize: a *LoadError
// with one Error for the whole file, "name: file is over the N MiB limit",
// that wraps ErrTooLarge.
func (fm *Format) TooLarge(name string) *LoadError {
	return &LoadError{Errors: []*Error{{
		Pos: Position{File: name},
		Msg: fmt.Sprintf("file is over the %d MiB limit", fm.MaxSize>>20),
		Err: fm.ErrTooLarge,
	}}}
}

// Read reads the file name from r, stopping after MaxSize+1 bytes. For a
// file over MaxSize it returns the *LoadError of TooLarge. A failure to
// read, or a nil r, is returned as an ordinary error, "Prefix: reading
// name: cause" wrapping the reader's error, or "Prefix: name: nil reader".
func (fm *Format) Read(name string, r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("%s: %s: nil reader", fm.Prefix, name)
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(fm.MaxSize)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading %s: %w", fm.Prefix, name, err)
	}
	if len(data) > fm.MaxSize {
		return nil, fm.TooLarge(name)
	}
	return data, nil
}

// ReadFile is Read for an open file, which ReadFile does not close: a
// regular file whose size is over MaxSize is rejected before it is read.
func (fm *Format) ReadFile(name string, f fs.File) ([]byte, error) {
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > int64(fm.MaxSize) {
		return nil, fm.TooLarge(name)
	}
	return fm.Read(name, f)
}

// Parse parses data, the text of file f, as one YAML document and
// returns the root node of its tree, reporting every problem to f:
//
//   - the first byte that is not UTF-8, or the first character that YAML
//     does not allow (a control character), at its position; nothing
//     more is parsed then. A leading byte order mark is allowed.
//   - a file without a document, with the message Empty at line 1.
//   - a YAML syntax error, as "YAML syntax error: <the parser's message>"
//     at the line the parser names (column 1; the parser gives no column),
//     at line 1 if it names none, or for the whole file if the problem has
//     no place; its cause is the parser's error. An alias of an anchor
//     not defined before it is reported at the alias.
//   - a second YAML document, at its start; the first is still returned.
//   - an empty document (only "---").
//
// Parse returns nil when there is no root node to walk; it has reported
// why then. The tree is yaml.v3's, aliases not expanded; a panic of the
// parser is reported as a syntax error for the whole file. Parse does not
// look for anchors and aliases: see CheckAnchors.
func (fm *Format) Parse(f *File, data []byte) *yaml.Node {
	if line, col, msg := fm.checkText(data); msg != "" {
		f.Add(Position{File: f.Name, Line: line, Col: col}, msg, nil)
		return nil
	}
	doc, extra, err := decode(data)
	if err == io.EOF {
		f.Add(Position{File: f.Name, Line: 1, Col: 1}, fm.Empty, nil)
		return nil
	}
	if err != nil {
		pos, msg := syntaxProblem(f.Name, err, data)
		f.Add(pos, "YAML syntax error: "+msg, err)
		return nil
	}
	if extra != nil {
		f.Errorf(extra, "more than one YAML document (a %s file holds one)", fm.Noun)
	}
	if len(doc.Content) != 1 {
		f.Errorf(doc, "empty YAML document")
		return nil
	}
	return doc.Content[0]
}

// decode parses the first YAML document of data and returns the second
// one, if any, to report it; io.EOF if data holds no document. The parser
// builds the node tree without expanding aliases; a panic inside it
// becomes an error.
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

// checkText returns the position of the first byte of data that is not
// valid UTF-8, or of the first character that YAML forbids, and what is
// wrong there; msg is "" if there is no such byte. The YAML parser itself
// reports these without a position. A leading UTF-8 byte order mark is
// allowed and takes no column. Lines end at "\n", "\r\n" or a lone "\r".
func (fm *Format) checkText(data []byte) (line, col int, msg string) {
	line, col = 1, 1
	s := bytes.TrimPrefix(data, []byte("\uFEFF"))
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		switch {
		case r == utf8.RuneError && size <= 1:
			return line, col, fmt.Sprintf("invalid UTF-8 byte %#02x (%s files must be UTF-8)", s[0], fm.Noun)
		case !yamlAllowed(r):
			return line, col, fmt.Sprintf("control character %U is not allowed in YAML", r)
		}
		if r == '\n' || r == '\r' && (len(s) == 1 || s[1] != '\n') {
			line, col = line+1, 1
		} else {
			col++
		}
		s = s[size:]
	}
	return 0, 0, ""
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

// syntaxProblem returns the position and the message, without the
// "yaml: " prefix, of an error of the YAML decoder on data, the text of
// the file named file. The parser gives a line but no column; the
// position then has column 1, and line 1 if the parser gives no line
// either. An unknown anchor is placed at its alias, and its message says
// that anchors are not supported; the decoder's own errors, which have no
// place in the file, are for the whole file.
func syntaxProblem(file string, err error, data []byte) (Position, string) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if line, convErr := strconv.Atoi(m[1]); convErr == nil {
			if parserProblems[m[2]] {
				line++
			}
			return Position{File: file, Line: line, Col: 1}, m[2]
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	pos := Position{File: file, Line: 1, Col: 1}
	switch {
	case strings.HasPrefix(msg, "unknown anchor '"):
		// "unknown anchor 'x' referenced": find the alias.
		name := strings.TrimPrefix(msg, "unknown anchor '")
		if i := strings.LastIndex(name, "' referenced"); i >= 0 {
			pos = findAlias(file, data, name[:i])
		} else {
			pos = Position{File: file}
		}
		msg += " (YAML anchors and aliases are not supported)"
	case strings.HasPrefix(msg, "attempted to go past the end of stream"),
		strings.HasPrefix(msg, "internal parser error"):
		pos = Position{File: file}
	}
	return pos, msg
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

// CheckAnchors reports to f every anchor and alias in the tree under n,
// and reports whether there were none. alam's files use neither:
// forbidding them rules out "alias bombs" (small files that expand to
// huge trees). The parser never expands an alias into the node tree, and
// CheckAnchors does not follow them, so a walk of a tree with aliases is
// safe, but it must skip the alias nodes, which were reported here.
func (f *File) CheckAnchors(n *yaml.Node) bool {
	none := true
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			f.Errorf(n, "alias *%s: YAML anchors and aliases are not supported", n.Value)
			none = false
			continue
		}
		if n.Anchor != "" {
			f.Errorf(n, "anchor &%s: YAML anchors and aliases are not supported", n.Anchor)
			none = false
		}
		stack = append(stack, n.Content...)
	}
	return none
}

// KindName names the YAML type of n for messages: "mapping", "list",
// "alias", "document", or for a scalar "string", "int", "float", "bool",
// "null", "timestamp", "merge key" (the key "<<"), or "value tagged
// <tag>" for any other tag.
func KindName(n *yaml.Node) string {
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
	case "!!str":
		return "string"
	case "!!int":
		return "int"
	case "!!float":
		return "float"
	case "!!bool":
		return "bool"
	case "!!null":
		return "null"
	case "!!timestamp":
		return "timestamp"
	case "!!merge":
		return "merge key"
	default:
		return "value tagged " + tag
	}
}
