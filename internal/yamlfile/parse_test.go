package yamlfile

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"
)

var errTestTooLarge = errors.New("test: too large")

// testFormat is a Format with a small size limit.
var testFormat = Format{
	Noun:        "test",
	Prefix:      "yamltest",
	MaxSize:     2 << 20,
	ErrTooLarge: errTestTooLarge,
	Empty:       "empty file: want a mapping",
}

// checkProblems compares the problems of f with want, one line each, and
// shows both in hex when they differ (Arabic text can differ invisibly).
func checkProblems(t *testing.T, f *File, want []string) {
	t.Helper()
	var got []string
	for _, e := range f.Errors() {
		got = append(got, e.Error())
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("problems:\n%s\nwant:\n%s\nin hex:\n% x\nwant:\n% x", g, w, g, w)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantRoot string // the kind of the root node; "" for none
		want     []string
	}{
		{"mapping", "a: 1\n", "mapping", nil},
		{"list after a byte order mark, CRLF", "\uFEFF- a\r\n- b\r\n", "list", nil},
		{"scalar", "x\n", "string", nil},
		{"Arabic text", "اسم: الكويت\n", "mapping", nil},
		{"anchors are left to CheckAnchors", "a: &x 1\nb: *x\n", "mapping", nil},

		{"empty", "", "", []string{"t.yaml:1:1: empty file: want a mapping"}},
		{"only comments", "# nothing\n\n", "", []string{"t.yaml:1:1: empty file: want a mapping"}},
		{"empty document", "---\n", "null", nil},
		{"empty document with a comment", "--- # c\n...\n", "null", nil},
		{"second document", "a: 1\n---\nb: 2\n", "mapping", []string{
			"t.yaml:2:1: more than one YAML document (a test file holds one)"}},

		{"invalid UTF-8", "a: b\nc: \xffd\n", "", []string{
			"t.yaml:2:4: invalid UTF-8 byte 0xff (test files must be UTF-8)"}},
		{"UTF-16", "\xff\xfea\x00", "", []string{
			"t.yaml:1:1: invalid UTF-8 byte 0xff (test files must be UTF-8)"}},
		{"truncated UTF-8", "a: \xd8", "", []string{
			"t.yaml:1:4: invalid UTF-8 byte 0xd8 (test files must be UTF-8)"}},
		{"control character, columns in code points", "اسم: ال\x01كويت\n", "", []string{
			"t.yaml:1:8: control character U+0001 is not allowed in YAML"}},
		{"control character after a byte order mark", "\uFEFF\x02", "", []string{
			"t.yaml:1:1: control character U+0002 is not allowed in YAML"}},
		{"lone CR ends a line", "a: 1\rb: \x7f", "", []string{
			"t.yaml:2:4: control character U+007F is not allowed in YAML"}},
		{"CRLF is one line end", "a: 1\r\n\r\nb: \x00", "", []string{
			"t.yaml:3:4: control character U+0000 is not allowed in YAML"}},
		{"U+FFFE", "a: \uFFFE\n", "", []string{
			"t.yaml:1:4: control character U+FFFE is not allowed in YAML"}},
		{"NEL and tab are allowed", "a: \"x\u0085\ty\"\n", "mapping", nil},

		{"scanner error, 1-based line", "a: 1\n\tb: 2\n", "", []string{
			"t.yaml:2:1: YAML syntax error: found a tab character that violates indentation"}},
		{"parser error on the first line", "a: [}\n", "", []string{
			"t.yaml:1:1: YAML syntax error: did not find expected node content"}},
		{"parser error, 0-based line", "a:\n  - x\n  b: 1\n", "", []string{
			"t.yaml:2:1: YAML syntax error: did not find expected '-' indicator"}},
		{"unclosed flow list", "a: [x\nb: 1\n", "", []string{
			"t.yaml:2:1: YAML syntax error: did not find expected ',' or ']'"}},
		{"duplicate %YAML directive", "# c\n%YAML 1.1\n%YAML 1.1\n---\na\n", "", []string{
			"t.yaml:3:1: YAML syntax error: found duplicate %YAML directive"}},
		{"incompatible YAML version", "# c\n%YAML 2.0\n---\na\n", "", []string{
			"t.yaml:2:1: YAML syntax error: found incompatible YAML document"}},
		{"undefined tag handle", "a: 1\nb: !x!y 2\n", "", []string{
			"t.yaml:2:1: YAML syntax error: found undefined tag handle"}},
		{"unknown anchor", "a: 1\nb: [x, *nope]\n", "", []string{
			"t.yaml:2:8: YAML syntax error: unknown anchor 'nope' referenced (YAML anchors and aliases are not supported)"}},
		{"unknown anchor after a byte order mark", "\uFEFF{a: *e}", "", []string{
			"t.yaml:1:5: YAML syntax error: unknown anchor 'e' referenced (YAML anchors and aliases are not supported)"}},
		{"unknown anchor, text that is no alias first", "a: x*e\nb: *e\n", "", []string{
			"t.yaml:2:4: YAML syntax error: unknown anchor 'e' referenced (YAML anchors and aliases are not supported)"}},
		{"too deep", "a: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", "", []string{
			"t.yaml:1:1: YAML syntax error: exceeded max depth of 10000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := File{Name: "t.yaml"}
			root := testFormat.Parse(&f, []byte(tc.in))
			got := ""
			if root != nil {
				got = KindName(root)
			}
			if got != tc.wantRoot {
				t.Errorf("root %q, want %q", got, tc.wantRoot)
			}
			checkProblems(t, &f, tc.want)
		})
	}
}

func TestParseSyntaxErrorCause(t *testing.T) {
	f := File{Name: "t.yaml"}
	if root := testFormat.Parse(&f, []byte("a: [}\n")); root != nil {
		t.Fatal("a root for a syntax error")
	}
	list := f.Errors()
	if len(list) != 1 || list[0].Err == nil || !strings.Contains(list[0].Err.Error(), "did not find expected node content") {
		t.Errorf("problems %v, want one whose cause is the parser's error", list)
	}
}

func TestSyntaxProblem(t *testing.T) {
	// Errors the decoder may return that are hard to provoke with a file.
	tests := []struct {
		name    string
		err     string
		wantPos Position
		wantMsg string
	}{
		{"parser panic", "yaml: internal parser error: boom", Position{File: "t.yaml"}, "internal parser error: boom"},
		{"past the end", "yaml: attempted to go past the end of stream; corrupted value?", Position{File: "t.yaml"}, "attempted to go past the end of stream; corrupted value?"},
		{"stream start", "yaml: line 3: did not find expected <stream-start>", Position{File: "t.yaml", Line: 4, Col: 1}, "did not find expected <stream-start>"},
		{"line too large for an int", "yaml: line 99999999999999999999: x", Position{File: "t.yaml", Line: 1, Col: 1}, "line 99999999999999999999: x"},
		{"unknown anchor not in the text", "yaml: unknown anchor 'q' referenced", Position{File: "t.yaml"}, "unknown anchor 'q' referenced (YAML anchors and aliases are not supported)"},
		{"unknown anchor, odd message", "yaml: unknown anchor 'q", Position{File: "t.yaml"}, "unknown anchor 'q (YAML anchors and aliases are not supported)"},
		{"other error", "yaml: something else", Position{File: "t.yaml", Line: 1, Col: 1}, "something else"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pos, msg := syntaxProblem("t.yaml", errors.New(tc.err), []byte("a: *qq\n"))
			if pos != tc.wantPos || msg != tc.wantMsg {
				t.Errorf("syntaxProblem(%q) = %v, %q; want %v, %q", tc.err, pos, msg, tc.wantPos, tc.wantMsg)
			}
		})
	}
}

func TestCheckAnchors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"none", "a: [1, {b: c}]\n", nil},
		{"anchor on a scalar", "a: &x 1\n", []string{
			"t.yaml:1:4: anchor &x: YAML anchors and aliases are not supported"}},
		{"anchor and aliases, in order of position", "a: &x [1]\nb: *x\nc: [*x, 2]\n", []string{
			"t.yaml:1:4: anchor &x: YAML anchors and aliases are not supported",
			"t.yaml:2:4: alias *x: YAML anchors and aliases are not supported",
			"t.yaml:3:5: alias *x: YAML anchors and aliases are not supported"}},
		{"anchored key", "&k a: 1\n", []string{
			"t.yaml:1:1: anchor &k: YAML anchors and aliases are not supported"}},
		{"recursive alias is not followed", "a: &a [*a]\n", []string{
			"t.yaml:1:4: anchor &a: YAML anchors and aliases are not supported",
			"t.yaml:1:8: alias *a: YAML anchors and aliases are not supported"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := File{Name: "t.yaml"}
			root := testFormat.Parse(&f, []byte(tc.in))
			if root == nil {
				t.Fatalf("no root: %v", f.Err())
			}
			if none := f.CheckAnchors(root); none != (tc.want == nil) {
				t.Errorf("CheckAnchors = %v, want %v", none, tc.want == nil)
			}
			checkProblems(t, &f, tc.want)
		})
	}
}

func TestKindName(t *testing.T) {
	tests := []struct {
		name string
		in   string // a one-document YAML file; the node is the value of "v"
		want string
	}{
		{"mapping", "v: {a: 1}", "mapping"},
		{"list", "v: [1]", "list"},
		{"string", "v: x", "string"},
		{"quoted number", "v: '1'", "string"},
		{"int", "v: 0x1F", "int"},
		{"float", "v: .inf", "float"},
		{"bool", "v: true", "bool"},
		{"null", "v:", "null"},
		{"timestamp", "v: 2001-12-14", "timestamp"},
		{"binary", "v: !!binary aGk=", "value tagged !!binary"},
		{"custom tag", "v: !thing x", "value tagged !thing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(tc.in), &doc); err != nil {
				t.Fatal(err)
			}
			if got := KindName(doc.Content[0].Content[1]); got != tc.want {
				t.Errorf("KindName = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("merge key", func(t *testing.T) {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("<<: {a: 1}"), &doc); err != nil {
			t.Fatal(err)
		}
		if got := KindName(doc.Content[0].Content[0]); got != "merge key" {
			t.Errorf("KindName = %q, want %q", got, "merge key")
		}
	})
	t.Run("document and alias", func(t *testing.T) {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("a: &x 1\nb: *x\n"), &doc); err != nil {
			t.Fatal(err)
		}
		if got := KindName(&doc); got != "document" {
			t.Errorf("KindName(document) = %q", got)
		}
		if got := KindName(doc.Content[0].Content[3]); got != "alias" {
			t.Errorf("KindName(alias) = %q", got)
		}
	})
}

// countingReader yields n bytes of "#" and counts the bytes read from it.
type countingReader struct {
	n, read int
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	k := min(len(p), r.n-r.read)
	for i := range k {
		p[i] = '#'
	}
	r.read += k
	return k, nil
}

var errBroken = errors.New("broken reader")

type brokenReader struct{}

func (brokenReader) Read([]byte) (int, error) { return 0, errBroken }

func TestRead(t *testing.T) {
	tests := []struct {
		name     string
		r        io.Reader
		wantLen  int
		wantErr  string // "" for none
		tooLarge bool   // the error is a *LoadError wrapping ErrTooLarge
		wrapped  error  // the error wraps this
	}{
		{"at the limit", &countingReader{n: testFormat.MaxSize}, testFormat.MaxSize, "", false, nil},
		{"empty", strings.NewReader(""), 0, "", false, nil},
		{"over the limit", &countingReader{n: testFormat.MaxSize + 1}, 0, "x.yaml: file is over the 2 MiB limit", true, nil},
		{"far over the limit", &countingReader{n: 100 << 20}, 0, "x.yaml: file is over the 2 MiB limit", true, nil},
		{"nil reader", nil, 0, "yamltest: x.yaml: nil reader", false, nil},
		{"read error", brokenReader{}, 0, "yamltest: reading x.yaml: broken reader", false, errBroken},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := testFormat.Read("x.yaml", tc.r)
			if tc.wantErr == "" {
				if err != nil || len(data) != tc.wantLen {
					t.Fatalf("Read = %d bytes, %v; want %d bytes, no error", len(data), err, tc.wantLen)
				}
				return
			}
			if err == nil || err.Error() != tc.wantErr {
				t.Fatalf("Read error %v, want %q", err, tc.wantErr)
			}
			var le *LoadError
			if isLoad := errors.As(err, &le); isLoad != tc.tooLarge || errors.Is(err, errTestTooLarge) != tc.tooLarge {
				t.Errorf("error %v (%T): *LoadError %v, want %v; wraps ErrTooLarge: %v", err, err, isLoad, tc.tooLarge, errors.Is(err, errTestTooLarge))
			}
			if tc.wrapped != nil && !errors.Is(err, tc.wrapped) {
				t.Errorf("error %v does not wrap %v", err, tc.wrapped)
			}
			if cr, ok := tc.r.(*countingReader); ok && cr.read > testFormat.MaxSize+1 {
				t.Errorf("read %d bytes, want at most %d", cr.read, testFormat.MaxSize+1)
			}
		})
	}
}

// bigStat is an fs.File that says it is large but holds a small text.
type bigStat struct {
	fs.File
	size int64
}

type sizeInfo struct {
	fs.FileInfo
	size int64
}

func (i sizeInfo) Size() int64 { return i.size }

func (f bigStat) Stat() (fs.FileInfo, error) {
	fi, err := f.File.Stat()
	return sizeInfo{fi, f.size}, err
}

func TestReadFile(t *testing.T) {
	fsys := fstest.MapFS{"a.yaml": {Data: []byte("a: 1\n")}}
	tests := []struct {
		name    string
		size    int64 // the size Stat reports; 0: the real one
		wantErr string
	}{
		{"small", 0, ""},
		{"said to be at the limit", int64(testFormat.MaxSize), ""},
		{"said to be over the limit: not read", int64(testFormat.MaxSize) + 1, "a.yaml: file is over the 2 MiB limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := fsys.Open("a.yaml")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if tc.size > 0 {
				f = bigStat{f, tc.size}
			}
			data, err := testFormat.ReadFile("a.yaml", f)
			if tc.wantErr == "" {
				if err != nil || string(data) != "a: 1\n" {
					t.Errorf("ReadFile = %q, %v; want the file", data, err)
				}
				return
			}
			if err == nil || err.Error() != tc.wantErr || !errors.Is(err, errTestTooLarge) {
				t.Errorf("ReadFile error %v, want %q wrapping ErrTooLarge", err, tc.wantErr)
			}
		})
	}
}
