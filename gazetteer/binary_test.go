package gazetteer

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
)

// TestDefaultMatcherFile checks that default.matcher is the compiled form
// of data/*.yaml by this build: it fails when the data or the compile
// rules changed and nobody ran go generate ./gazetteer (which runs this
// test with -update to rewrite the file).
func TestDefaultMatcherFile(t *testing.T) {
	g, err := loadDefault(dataFS)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Compile(g).AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, DefaultMatcherFile, b)
	if t.Failed() {
		t.Log("data/*.yaml or the compile rules changed since default.matcher was written: run go generate ./gazetteer")
	}
}

// TestDefaultMatchesCompile checks that the decoded default is what
// compiling the YAML gives: the same entries, tables and matches.
func TestDefaultMatchesCompile(t *testing.T) {
	g, err := loadDefault(dataFS)
	if err != nil {
		t.Fatal(err)
	}
	want := Compile(g)
	got, err := DefaultMatcher()
	if err != nil {
		t.Fatal(err)
	}
	sameMatcher(t, got, want)
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(def.Entries, g.Entries) {
		t.Error("Default's entries differ from those of data/*.yaml")
	}
	if e, ok := def.Lookup("country:KW"); !ok || e.NameAr != "الكويت" {
		t.Errorf("Lookup(country:KW) = %v, %v", e.NameAr, ok)
	}
	ref, err := os.ReadFile("../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := arabic.Analyze(string(ref))
	if m1, m2 := got.FindAll(a), want.FindAll(a); len(m1) == 0 || !reflect.DeepEqual(m1, m2) {
		t.Errorf("FindAll on the reference article: %d matches decoded, %d compiled, or they differ", len(m1), len(m2))
	}
}

// sameMatcher compares two matchers table by table.
func sameMatcher(t *testing.T, got, want *Matcher) {
	t.Helper()
	if !reflect.DeepEqual(got.entries, want.entries) {
		t.Error("entries differ")
	}
	if got.vocab.Len() != want.vocab.Len() {
		t.Fatalf("vocab: %d tokens, want %d", got.vocab.Len(), want.vocab.Len())
	}
	for id := uint32(1); id <= uint32(want.vocab.Len()); id++ {
		if g, w := got.vocab.String(id), want.vocab.String(id); g != w {
			t.Fatalf("token %d = %q (% x), want %q (% x)", id, g, g, w, w)
		}
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"trie", got.trie, want.trie},
		{"firsts", got.firsts, want.firsts},
		{"context", got.context, want.context},
		{"marks", got.marks, want.marks},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differ", c.name)
		}
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	g, err := LoadFile(filepath.Join("testdata", "tiny.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	g.Entries[0].Attrs["flag"] = true
	g.Entries[0].Attrs["pi"] = 3.25
	g.Entries[0].Attrs["n"] = -7
	want := Compile(g)
	b, err := want.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeMatcher(b)
	if err != nil {
		t.Fatal(err)
	}
	sameMatcher(t, got, want)
	if c := got.Lookup("بالكويت"); len(c) != 1 || c[0].Entry.ID != "country:KW" {
		t.Errorf("Lookup(بالكويت) on the decoded matcher = %v", c)
	}
	b2, err := got.AppendBinary([]byte("x"))
	if err != nil || !bytes.Equal(b2[1:], b) {
		t.Errorf("encoding the decoded matcher gives other bytes (err %v)", err)
	}
}

func TestAppendBinaryBadAttr(t *testing.T) {
	g := &Gazetteer{Entries: []Entry{{ID: "org:x", Type: Org, Name: "X Corp", NameAr: "شركة إكس", Attrs: map[string]any{"n": int64(1)}}}}
	if _, err := Compile(g).AppendBinary(nil); err == nil || !strings.Contains(err.Error(), "int64") {
		t.Errorf("err = %v, want one naming int64", err)
	}
}

func TestDecodeMatcherErrors(t *testing.T) {
	g, err := LoadFile(filepath.Join("testdata", "tiny.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	good, err := Compile(g).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	// withPayload returns good with its payload changed by f and the
	// checksum fixed, to reach the checks behind the checksum.
	withPayload := func(f func([]byte) []byte) []byte {
		b := slices.Clone(good[:16])
		b = append(b, f(slices.Clone(good[16:]))...)
		binary.LittleEndian.PutUint32(b[12:], crc32Sum(b[16:]))
		return b
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"YAML", []byte("entries:\n  - id: x\n"), "bad magic"},
		{"version", func() []byte { b := slices.Clone(good); b[8] = 9; return b }(), "version 9"},
		{"version 1, before the rank sets", func() []byte { b := slices.Clone(good); b[8] = 1; return b }(), "version 1, this build reads version 2 (recompile it)"},
		{"one bit flipped", func() []byte { b := slices.Clone(good); b[len(b)/2] ^= 4; return b }(), "checksum"},
		{"truncated", withPayload(func(p []byte) []byte { return p[:len(p)-3] }), "truncated"},
		{"trailing bytes", withPayload(func(p []byte) []byte { return append(p, 0) }), "1 bytes after the end"},
		{"huge count", withPayload(func(p []byte) []byte { binary.LittleEndian.PutUint32(p, 1<<30); return p }), "exceeds the data"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := DecodeMatcher(tc.data)
			if m != nil || err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("DecodeMatcher = %v, %v; want an error with %q", m, err, tc.want)
			}
		})
	}
}

// TestCheckTables breaks the trie of a compiled matcher one index at a
// time: checkTables, which DecodeMatcher runs, must refuse each.
func TestCheckTables(t *testing.T) {
	g, err := LoadFile(filepath.Join("testdata", "tiny.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// listAt returns the index of the first list value of m.
	listAt := func(m *Matcher) int {
		for k, v := range m.values {
			if _, _, ok := v.list(); ok {
				return k
			}
		}
		t.Fatal("tiny.yaml compiles to no value list (a node naming two entries)")
		return -1
	}
	tests := []struct {
		name   string
		mutate func(m *Matcher)
		want   string
	}{
		{"unchanged", func(*Matcher) {}, ""},
		{"root's children not from node 1", func(m *Matcher) { m.first[0] = 2 }, "root's children start at node 2"},
		{"valued node past the last", func(m *Matcher) {
			n := len(m.label)
			m.valued.words[n/64].bits |= 1 << (n % 64)
		}, "valued nodes past the last node"},
		{"too few words of valued nodes", func(m *Matcher) { m.valued.words = m.valued.words[:0] }, "words of valued nodes"},
		{"more valued nodes than values", func(m *Matcher) { m.values = m.values[:2] }, "valued nodes, 2 values"},
		{"entry out of range", func(m *Matcher) { m.values[0].entry = int32(len(m.entries)) }, "value 0: entry"},
		{"form 3", func(m *Matcher) { m.values[0].bits |= 3 }, "form 3"},
		{"marks out of range", func(m *Matcher) { m.values[0] = newValue(0, FormName, int32(len(m.marks))) }, "value 0: entry 0, marks"},
		{"list past the values", func(m *Matcher) {
			k := listAt(m)
			start, _, _ := m.values[k].list()
			m.values[k] = listValue(start, uint32(len(m.values)))
		}, "a list of"},
		{"list of one", func(m *Matcher) {
			k := listAt(m)
			start, _, _ := m.values[k].list()
			m.values[k] = listValue(start, 1)
		}, "a list of 1"},
		{"list into the nodes' values", func(m *Matcher) { k := listAt(m); m.values[k] = listValue(0, 2) }, "a list of 2 from 0"},
		{"list in a list", func(m *Matcher) {
			k := listAt(m)
			start, _, _ := m.values[k].list()
			m.values[start] = listValue(start, 2)
		}, "a list of 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Compile(g)
			tc.mutate(m)
			err := m.checkTables()
			if tc.want == "" {
				if err != nil {
					t.Errorf("checkTables = %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("checkTables = %v, want an error with %q", err, tc.want)
			}
		})
	}
}

func crc32Sum(b []byte) uint32 { return crc32.Checksum(b, crcTable) }

// FuzzDecodeMatcher feeds the payload decoder (behind the checksum, which
// the fuzzer would rarely get right) with mutations of a real payload.
// Invariants: no panic; a decoded matcher answers FindAll, Lookup and
// Ambiguous without panicking, and its encoding decodes to the same
// matcher, whose encoding is the same bytes.
func FuzzDecodeMatcher(f *testing.F) {
	g, err := LoadFile(filepath.Join("testdata", "tiny.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	b, err := Compile(g).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b[16:])
	empty, _ := Compile(&Gazetteer{}).MarshalBinary()
	f.Add(empty[16:])
	texts := []*arabic.Analysis{
		arabic.Analyze("وصل جون آلن إلى الكويت وسلطنة عُمان، ثم إلى عمّان."),
		arabic.Analyze("Kuwait and the GCC"),
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		m, err := decodePayload(payload)
		if err != nil {
			if m != nil {
				t.Fatal("a matcher and an error")
			}
			return
		}
		for _, a := range texts {
			for _, match := range m.FindAll(a) {
				e := m.NewEvidence(a)
				for _, c := range match.Candidates {
					e.Count(c.Index, match)
				}
			}
		}
		m.Lookup("الكويت")
		m.Ambiguous()
		enc, err := m.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		m2, err := DecodeMatcher(enc)
		if err != nil {
			t.Fatalf("decoding the encoding: %v", err)
		}
		sameMatcher(t, m2, m)
		enc2, err := m2.AppendBinary(nil)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("second encoding differs (err %v)", err)
		}
	})
}

// BenchmarkDecodeDefault measures decoding the embedded compiled default
// gazetteer, what DefaultMatcher costs at start-up (compare
// BenchmarkCompileDefault, which parses the YAML and compiles it).
func BenchmarkDecodeDefault(b *testing.B) {
	b.SetBytes(int64(len(defaultMatcher)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeMatcher(defaultMatcher); err != nil {
			b.Fatal(err)
		}
	}
}
