package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii kept", "corpus/a.txt", "corpus/a.txt"},
		{"arabic kept", "أخبار/الكويت.txt", "أخبار/الكويت.txt"},
		{"control characters kept (JSON escapes them)", "a\x1b[31m.txt", "a\x1b[31m.txt"},
		{"a backslash alone kept", `a\b.txt`, `a\b.txt`},
		{"invalid byte", "a\xffb", `a\xffb`},
		{"two invalid bytes", "\xfe\xff", `\xfe\xff`},
		{"truncated arabic letter", "ك\xd9", `ك\xd9`},
		{"backslash doubled beside an invalid byte", "a\\b\xff", `a\\b\xff`},
		{"a real backslash-x doubled", `a\xffb`, `a\\xffb`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EscapeName(tt.in)
			if got != tt.want {
				t.Errorf("EscapeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("EscapeName(%q) = %q is not UTF-8", tt.in, got)
			}
		})
	}
}

// TestEscapeNameDistinct checks names that an escape done carelessly
// would merge.
func TestEscapeNameDistinct(t *testing.T) {
	names := []string{"a\xff", "a\xfe", "a\uFFFD", `a\xff`, `a\\xff`, `a\`, "a\\\xff", "a", "a\xff\xff", `a\xff\xff`}
	seen := map[string]string{}
	for _, n := range names {
		e := EscapeName(n)
		if prev, ok := seen[e]; ok {
			t.Errorf("%q and %q both escape to %q", prev, n, e)
		}
		seen[e] = n
	}
}

func TestQuoteName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "corpus/a.txt", "corpus/a.txt"},
		{"arabic with spaces", "أخبار اليوم.txt", "أخبار اليوم.txt"},
		{"replacement character kept", "a\uFFFD.txt", "a\uFFFD.txt"},
		{"terminal escape", "\x1b[2J.txt", `"\x1b[2J.txt"`},
		{"newline", "a\nb.txt", `"a\nb.txt"`},
		{"carriage return", "a\rb", `"a\rb"`},
		{"C1 control", "a\u009bb", `"a\u009bb"`},
		{"right-to-left override", "a\u202etxt.exe", `"a\u202etxt.exe"`},
		{"invalid byte", "a\xffb", `"a\xffb"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QuoteName(tt.in); got != tt.want {
				t.Errorf("QuoteName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeControls(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "a.txt: binary file", "a.txt: binary file"},
		{"newlines and tabs kept", "a\n\tb", "a\n\tb"},
		{"escape sequence", "open \x1b]0;pwned\x07: denied", `open \x1b]0;pwned\a: denied`},
		{"invalid byte", "a\xffb", `a\xffb`},
		{"bidi isolate", "a\u2066b", `a\u2066b`},
		{"arabic kept", "الكويت: ملف", "الكويت: ملف"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EscapeControls(tt.in); got != tt.want {
				t.Errorf("EscapeControls(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestErrorQuotesSource(t *testing.T) {
	err := &Error{Source: "x\x1b[31m.txt", Err: ErrBinary}
	if got, want := err.Error(), `"x\x1b[31m.txt": binary file`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestFilesNamesNotUTF8 checks that two files whose names differ only in
// bytes that are not UTF-8 get distinct ids and sources in the records.
func TestFilesNamesNotUTF8(t *testing.T) {
	root := tree(t, map[string]string{"a\xfe.txt": "x", "a\xff.txt": "y"})
	var buf bytes.Buffer
	enc := NewJSONLines(&buf, EncodeOptions{})
	for doc := range Files(context.Background(), []string{root}, FileOptions{}) {
		if doc.Err != nil {
			t.Fatal(doc.Err)
		}
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
	}
	enc.Close()
	ids, sources := map[string]bool{}, map[string]bool{}
	for line := range strings.Lines(buf.String()) {
		var rec struct{ ID, Source string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		ids[rec.ID], sources[rec.Source] = true, true
	}
	if !ids[`a\xfe`] || !ids[`a\xff`] || len(sources) != 2 {
		t.Errorf("ids %v, sources %v; want a\\xfe and a\\xff, two sources", ids, sources)
	}
}

// TestFailedFileNameQuoted checks a walk's error for a file whose name
// holds a terminal escape: the record's error quotes the name.
func TestFailedFileNameQuoted(t *testing.T) {
	root := tree(t, map[string]string{"bad\x1b[31m.txt@": "missing-target"})
	for doc := range Files(context.Background(), []string{root}, FileOptions{}) {
		var e *Error
		if !errors.As(doc.Err, &e) {
			t.Fatalf("%s: err %v, want an *Error", doc.Source, doc.Err)
		}
		if msg := doc.Err.Error(); strings.ContainsRune(msg, 0x1b) || !strings.Contains(msg, `bad\x1b[31m.txt"`) {
			t.Errorf("error %q, want the name quoted", msg)
		}
	}
}

// unescapeName reverses EscapeName, as docs/OUTPUT.md tells a reader to:
// `\\` is a backslash, `\xHH` the byte HH; a name without `\x` was kept.
func unescapeName(s string) (string, bool) {
	if !strings.Contains(s, `\x`) {
		return s, true
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b = append(b, s[i])
			continue
		}
		switch {
		case i+1 < len(s) && s[i+1] == '\\':
			b = append(b, '\\')
			i++
		case i+3 < len(s) && s[i+1] == 'x':
			var v byte
			for _, c := range []byte(s[i+2 : i+4]) {
				switch {
				case c >= '0' && c <= '9':
					v = v<<4 | (c - '0')
				case c >= 'a' && c <= 'f':
					v = v<<4 | (c - 'a' + 10)
				default:
					return "", false
				}
			}
			b = append(b, v)
			i += 3
		default:
			return "", false
		}
	}
	return string(b), true
}

// FuzzEscapeName checks that EscapeName gives valid UTF-8 that reads back
// to the name, so that distinct names stay distinct; and that QuoteName and
// EscapeControls leave no control character raw.
func FuzzEscapeName(f *testing.F) {
	for _, s := range []string{"", "a.txt", "a\xffb", `a\xffb`, `a\\xff`, "\\\xfe", "\x1b[31m", "a\u202eb", "ك\xd9", `\x`, `\x4`, "\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := EscapeName(s)
		if !utf8.ValidString(e) {
			t.Fatalf("EscapeName(%q) = %q, not UTF-8", s, e)
		}
		if back, ok := unescapeName(e); !ok || back != s {
			t.Fatalf("EscapeName(%q) = %q reads back as %q (%v)", s, e, back, ok)
		}
		for _, out := range []string{QuoteName(s), EscapeControls(s)} {
			for i, r := range out {
				if r != '\n' && r != '\t' && unsafeRune(r) || r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD") {
					t.Fatalf("%q holds %U raw (from %q)", out, r, s)
				}
			}
		}
	})
}
