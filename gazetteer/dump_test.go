package gazetteer

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteYAMLFormat(t *testing.T) {
	g := newGazetteer([]Entry{
		{
			ID: "country:OM", Type: Country, Name: "Oman", NameAr: "عُمان",
			Aliases:  []string{"سلطنة عمان", "Sultanate of Oman"},
			Demonyms: []string{"عماني"},
			Attrs:    map[string]any{"wikidata": "Q842", "iso": "OM", "member_of": []any{"org:gcc", "org:arab-league"}, "founded": 1744, "area": 309500.0, "monarchy": true},
			Context:  Context{Favour: []string{"مسقط", "السلطان"}, Against: []string{"الأردن"}},
			Pos:      Position{File: "x.yaml", Line: 2, Col: 5},
		},
		{ID: "person:john-allen", Type: Person, Name: "John Allen", NameAr: "جون آلن"},
	})
	want := `entries:
  - id: country:OM
    type: COUNTRY
    name: Oman
    name_ar: عُمان
    aliases:
      - سلطنة عمان
      - Sultanate of Oman
    demonyms:
      - عماني
    attrs:
      area: 309500.0
      founded: 1744
      iso: OM
      member_of: ['org:gcc', 'org:arab-league']
      monarchy: true
      wikidata: Q842
    context:
      favour: [مسقط, السلطان]
      against: [الأردن]

  - id: person:john-allen
    type: PERSON
    name: John Allen
    name_ar: جون آلن
`
	var b bytes.Buffer
	if err := g.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != want {
		t.Errorf("WriteYAML wrote:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteYAMLEmpty(t *testing.T) {
	for _, g := range []*Gazetteer{nil, {}, newGazetteer(nil)} {
		var b bytes.Buffer
		if err := g.WriteYAML(&b); err != nil {
			t.Fatal(err)
		}
		if want := "entries: []\n"; b.String() != want {
			t.Errorf("WriteYAML of %#v wrote %q, want %q", g, b.String(), want)
		}
		g2, err := Load("empty.yaml", &b)
		if err != nil || len(g2.Entries) != 0 {
			t.Errorf("Load of the empty dump = %v, %v", g2, err)
		}
	}
}

// roundTrip writes g, loads the result and checks that the entries are the
// same; it returns the YAML.
func roundTrip(t *testing.T, g *Gazetteer) string {
	t.Helper()
	var b bytes.Buffer
	if err := g.WriteYAML(&b); err != nil {
		t.Fatalf("WriteYAML: %v", err)
	}
	g2, err := Load("dump.yaml", bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("Load of the dump: %v\n%s", err, b.Bytes())
	}
	if !sameEntries(g.Entries, g2.Entries) {
		for i := range min(len(g.Entries), len(g2.Entries)) {
			if !sameEntries(g.Entries[i:i+1], g2.Entries[i:i+1]) {
				t.Errorf("entry %d changed:\n got %#v\nwant %#v", i, g2.Entries[i], g.Entries[i])
			}
		}
		t.Fatalf("round trip changed the entries (%d → %d)", len(g.Entries), len(g2.Entries))
	}
	return b.String()
}

func TestWriteYAMLRoundTripFiles(t *testing.T) {
	tests := []struct {
		name string
		load func() (*Gazetteer, error)
	}{
		{"tiny.yaml", func() (*Gazetteer, error) { return LoadFile(filepath.Join("testdata", "tiny.yaml")) }},
		{"tiny fixtures merged", func() (*Gazetteer, error) { return LoadFS(os.DirFS("testdata"), "tiny*.yaml") }},
		{"default", Default},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := tc.load()
			if err != nil {
				t.Skipf("not loadable (TestDefaultLoads reports why): %v", err)
			}
			out := roundTrip(t, g)
			if strings.Contains(out, `\u`) || strings.Contains(out, `\x`) {
				t.Errorf("dump escapes characters:\n%s", out)
			}
			for _, e := range g.Entries {
				if !strings.Contains(out, e.NameAr) {
					t.Errorf("dump does not hold %q (% x) as UTF-8 text", e.NameAr, e.NameAr)
				}
			}
		})
	}
}

func TestWriteYAMLRoundTripValues(t *testing.T) {
	tests := []struct {
		name  string
		alias string // also used as a context word, and as a demonym when it is a valid name
		attr  any
	}{
		{"plain Arabic", "دولة الكويت", "أمير الكويت"},
		{"looks like null", "null", "~"},
		{"looks like a bool", "true", "no"},
		{"looks like a number", "1961", "0x1F"},
		{"looks like a date", "1961-06-19", "2006-01-29"},
		{"YAML indicators", "- x", "a: b"},
		{"comment sign", "#c", "x #y"},
		{"quotes", `'q' "d"`, `"`},
		{"flow indicators", "[a], {b}", "a, b"},
		{"tashkeel and shadda", "عُمَان", "عمّان"},
		{"zero-width non-joiner", "می\u200cخواهم", "\u200c"},
		{"byte order mark inside", "a\ufeffb", "\ufeff"},
		{"tatweel", "الكويـــت", "ـ"},
		{"right-to-left mark", "\u200fالكويت", "\u200f"},
		{"line breaks in attrs", "الكويت العاصمة", "a\nb\r\nc\n"},
		{"spaces around attrs", "x y", "  x  "},
		{"tab in attrs", "x", "a\tb"},
		{"NEL and line separator in attrs", "x", "a\u0085b\u2028c"},
		{"empty string attr", "x", ""},
		{"int", "x", 42},
		{"negative int", "x", -7},
		{"largest int", "x", math.MaxInt64},
		{"integral float", "x", 3.0},
		{"small float", "x", 1e-300},
		{"large float", "x", 1e300},
		{"negative zero", "x", math.Copysign(0, -1)},
		{"bool", "x", false},
		{"list", "x", []any{"a", 1, 2.5, true, "null", "", "a\nb"}},
		{"empty list", "x", []any{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A string with no letter, or one letter, is no name (see
			// matchProblem): it goes only into the context words.
			names := []string{tc.alias}
			if matchProblem(tc.alias, true) != "" {
				names = []string{"دولة الكويت"}
			}
			g := newGazetteer([]Entry{{
				ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت",
				Aliases:  names,
				Demonyms: names,
				Attrs:    map[string]any{"v": tc.attr},
				Context:  Context{Favour: []string{tc.alias}},
			}})
			roundTrip(t, g)
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteYAMLErrors(t *testing.T) {
	kw := func(attrs map[string]any) *Gazetteer {
		return newGazetteer([]Entry{{ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت", Attrs: attrs}})
	}
	tests := []struct {
		name string
		g    *Gazetteer
		want string
	}{
		{"map attr", kw(map[string]any{"m": map[string]any{"a": 1}}), `gazetteer: entry "country:KW": attrs.m: unsupported value of type map[string]interface {}`},
		{"int64 attr", kw(map[string]any{"n": int64(1)}), `gazetteer: entry "country:KW": attrs.n: unsupported value of type int64`},
		{"NaN attr", kw(map[string]any{"f": math.NaN()}), `gazetteer: entry "country:KW": attrs.f: NaN is not a finite number`},
		{"nested list attr", kw(map[string]any{"l": []any{[]any{1}}}), `gazetteer: entry "country:KW": attrs.l: unsupported value of type []interface {}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := tc.g.WriteYAML(&b)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("WriteYAML error = %v, want %q", err, tc.want)
			}
			if b.Len() != 0 {
				t.Errorf("WriteYAML wrote %q before failing", b.String())
			}
		})
	}
	t.Run("failing writer", func(t *testing.T) {
		err := kw(nil).WriteYAML(failingWriter{})
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("WriteYAML error = %v, want the writer's", err)
		}
	})
}
