package gazetteer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// head is a valid entry; its lines are 2 (id, value at column 9) to 5, and
// test inputs add fields from line 6 on.
const head = "entries:\n" +
	"  - id: country:KW\n" +
	"    type: COUNTRY\n" +
	"    name: Kuwait\n" +
	"    name_ar: الكويت\n"

// loadErrors loads src as t.yaml and returns the error lines, or nil.
func loadErrors(t *testing.T, src string) []string {
	t.Helper()
	g, err := Load("t.yaml", strings.NewReader(src))
	if err == nil {
		if g == nil {
			t.Fatal("Load returned neither a Gazetteer nor an error")
		}
		return nil
	}
	if g != nil {
		t.Errorf("Load returned a Gazetteer with the error %v", err)
	}
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("Load error %v (%T) is not a *LoadError", err, err)
	}
	var lines []string
	for _, e := range le.Errors {
		lines = append(lines, e.Error())
	}
	if got := strings.Join(lines, "\n"); got != err.Error() {
		t.Errorf("LoadError.Error() = %q, want the errors one per line %q", err.Error(), got)
	}
	return lines
}

// diffLines reports the differences between got and want error lines, with
// hex dumps of differing lines (Arabic text can differ invisibly).
func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("error %d:\n got %s\nwant %s\n got % x\nwant % x", i, g, w, g, w)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Unknown fields.
		{
			name: "unknown entry field with suggestion",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    nmae: Kuwait\n    name_ar: الكويت\n",
			want: []string{
				`t.yaml:2:5: missing required field "name"`,
				`t.yaml:4:5: unknown field "nmae" (did you mean "name"?)`,
			},
		},
		{
			name: "unknown entry field close to name_ar",
			in:   head + "    name_arr: الكويت\n",
			want: []string{`t.yaml:6:5: unknown field "name_arr" (did you mean "name_ar"?)`},
		},
		{
			name: "unknown entry field far from all",
			in:   head + "    colour: red\n",
			want: []string{`t.yaml:6:5: unknown field "colour"`},
		},
		{
			name: "short unknown field gets no suggestion",
			in:   head + "    x: 1\n",
			want: []string{`t.yaml:6:5: unknown field "x"`},
		},
		{
			name: "unknown top-level field",
			in:   "entires:\n  - id: country:KW\n",
			want: []string{
				`t.yaml:1:1: unknown field "entires" (did you mean "entries"?)`,
				`t.yaml:1:1: missing required field "entries"`,
			},
		},
		{
			name: "unknown context field",
			in:   head + "    context:\n      favor: [مسقط]\n",
			want: []string{`t.yaml:7:7: context: unknown field "favor" (did you mean "favour"?)`},
		},
		{
			name: "duplicate field",
			in:   head + "    name: State of Kuwait\n",
			want: []string{`t.yaml:6:5: duplicate field "name" (first at t.yaml:4:5)`},
		},
		{
			name: "duplicate attrs key",
			in:   head + "    attrs:\n      iso: KW\n      iso: KW\n",
			want: []string{`t.yaml:8:7: attrs: duplicate field "iso" (first at t.yaml:7:7)`},
		},
		{
			name: "field name not a string",
			in:   head + "    1: x\n",
			want: []string{`t.yaml:6:5: field name must be a string, got int`},
		},
		{
			name: "empty attrs key",
			in:   head + "    attrs: {\"\": x}\n",
			want: []string{`t.yaml:6:13: attrs: empty field name`},
		},

		// Wrong types.
		{
			name: "aliases is a mapping",
			in:   head + "    aliases: {a: b}\n",
			want: []string{`t.yaml:6:14: aliases: must be a list of strings, got mapping`},
		},
		{
			name: "alias is a list",
			in:   head + "    aliases: [[x]]\n",
			want: []string{`t.yaml:6:15: aliases[0]: must be a string, got list`},
		},
		{
			name: "demonyms is a string",
			in:   head + "    demonyms: كويتي\n",
			want: []string{`t.yaml:6:15: demonyms: must be a list of strings, got string`},
		},
		{
			name: "name is an int",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: 1961\n    name_ar: الكويت\n",
			want: []string{`t.yaml:4:11: name: must be a string, got int`},
		},
		{
			name: "name is a timestamp",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: 1961-06-19\n    name_ar: الكويت\n",
			want: []string{`t.yaml:4:11: name: must be a string, got timestamp`},
		},
		{
			name: "name with a custom tag",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: !country Kuwait\n    name_ar: الكويت\n",
			want: []string{`t.yaml:4:11: name: must be a string, got value tagged !country`},
		},
		{
			name: "id is a bool",
			in:   "entries:\n  - id: true\n    type: COUNTRY\n    name: Kuwait\n    name_ar: الكويت\n",
			want: []string{`t.yaml:2:9: id: must be a string, got bool`},
		},
		{
			name: "attrs is a list",
			in:   head + "    attrs: [iso]\n",
			want: []string{`t.yaml:6:12: attrs: must be a mapping, got list`},
		},
		{
			name: "context is a list",
			in:   head + "    context: [مسقط]\n",
			want: []string{`t.yaml:6:14: context: must be a mapping, got list`},
		},
		{
			name: "context words are a string",
			in:   head + "    context:\n      against: نصف\n",
			want: []string{`t.yaml:7:16: context.against: must be a list of strings, got string`},
		},
		{
			name: "attr is a mapping",
			in:   head + "    attrs:\n      x: {y: 1}\n",
			want: []string{`t.yaml:7:10: attrs.x: must be a scalar or a list of scalars, got mapping`},
		},
		{
			name: "attr list holds a list",
			in:   head + "    attrs:\n      x: [a, [b]]\n",
			want: []string{`t.yaml:7:14: attrs.x[1]: must be a scalar, got list`},
		},
		{
			name: "attr is null",
			in:   head + "    attrs:\n      wikidata:\n",
			want: []string{`t.yaml:7:16: attrs.wikidata: empty value`},
		},
		{
			name: "attr is infinite",
			in:   head + "    attrs:\n      x: .inf\n",
			want: []string{`t.yaml:7:10: attrs.x: .inf is not a finite number`},
		},
		{
			name: "attr with a custom tag",
			in:   head + "    attrs:\n      x: !thing y\n",
			want: []string{`t.yaml:7:10: attrs.x: must be a string, number or bool, got value tagged !thing`},
		},
		{
			name: "attr is binary",
			in:   head + "    attrs:\n      x: !!binary aGk=\n",
			want: []string{`t.yaml:7:10: attrs.x: must be a string, number or bool, got value tagged !!binary`},
		},
		{
			name: "entries is a mapping",
			in:   "entries: {id: country:KW}\n",
			want: []string{`t.yaml:1:10: entries: must be a list of entries, got mapping`},
		},
		{
			name: "entries is null",
			in:   "entries:\n",
			want: []string{`t.yaml:1:9: entries: must be a list of entries, got null`},
		},
		{
			name: "entry is a string",
			in:   "entries:\n  - country:KW\n",
			want: []string{`t.yaml:2:5: entries[0]: must be a mapping, got string`},
		},
		{
			name: "top level is a list",
			in:   "- id: country:KW\n",
			want: []string{`t.yaml:1:1: top level: must be a mapping with the field "entries", got list`},
		},
		{
			name: "empty file",
			in:   "",
			want: []string{`t.yaml:1:1: empty file: want a mapping with the field "entries"`},
		},
		{
			name: "only comments",
			in:   "# nothing yet\n",
			want: []string{`t.yaml:1:1: empty file: want a mapping with the field "entries"`},
		},
		{
			name: "empty document",
			in:   "---\n",
			want: []string{`t.yaml:2:1: top level: must be a mapping with the field "entries", got null`},
		},

		// Missing fields.
		{
			name: "all required fields missing",
			in:   "entries:\n  - attrs: {iso: KW}\n",
			want: []string{
				`t.yaml:2:5: missing required field "id"`,
				`t.yaml:2:5: missing required field "type"`,
				`t.yaml:2:5: missing required field "name"`,
				`t.yaml:2:5: missing required field "name_ar"`,
			},
		},
		{
			name: "name_ar missing",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: Kuwait\n",
			want: []string{`t.yaml:2:5: missing required field "name_ar"`},
		},
		{
			name: "name_ar null",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: Kuwait\n    name_ar:\n",
			want: []string{`t.yaml:5:13: name_ar: empty string`},
		},

		// Ids and types.
		{
			name: "duplicate id",
			in:   head + "  - id: country:KW\n    type: COUNTRY\n    name: State of Kuwait\n    name_ar: دولة الكويت\n",
			want: []string{`t.yaml:6:9: duplicate id "country:KW" (first at t.yaml:2:9)`},
		},
		{
			name: "bad id syntax",
			in:   "entries:\n  - id: person:John Allen\n    type: PERSON\n    name: John Allen\n    name_ar: جون آلن\n",
			want: []string{`t.yaml:2:9: id: bad id "person:John Allen" (want country:<ISO code>, city:<slug>, place:<slug>, person:<slug> or org:<slug>, slugs of ASCII letters, digits, '-', '_' and '.')`},
		},
		{
			name: "unknown id namespace",
			in:   "entries:\n  - id: town:amman\n    type: LOCATION\n    name: Amman\n    name_ar: عمّان\n",
			want: []string{`t.yaml:2:9: id: bad id "town:amman" (want country:<ISO code>, city:<slug>, place:<slug>, person:<slug> or org:<slug>, slugs of ASCII letters, digits, '-', '_' and '.')`},
		},
		{
			name: "unknown type",
			in:   "entries:\n  - id: city:amman\n    type: CITY\n    name: Amman\n    name_ar: عمّان\n",
			want: []string{`t.yaml:3:11: type: unknown type "CITY" (want PERSON, COUNTRY, LOCATION or ORG)`},
		},
		{
			name: "type in the wrong case",
			in:   "entries:\n  - id: country:KW\n    type: Country\n    name: Kuwait\n    name_ar: الكويت\n",
			want: []string{`t.yaml:3:11: type: unknown type "Country" (want PERSON, COUNTRY, LOCATION or ORG) (did you mean "COUNTRY"?)`},
		},
		{
			name: "type does not match the id namespace",
			in:   "entries:\n  - id: org:gcc\n    type: COUNTRY\n    name: GCC\n    name_ar: مجلس التعاون\n",
			want: []string{`t.yaml:3:11: type: COUNTRY does not match id "org:gcc" (org: ids are ORG)`},
		},

		// Country codes.
		{
			name: "country id with an unknown code",
			in:   "entries:\n  - id: country:XX\n    type: COUNTRY\n    name: Xland\n    name_ar: اكسلاند\n",
			want: []string{`t.yaml:2:9: id: "country:XX": "XX" is not an ISO 3166-1 alpha-2 country code`},
		},
		{
			name: "country id in lower case",
			in:   "entries:\n  - id: country:kw\n    type: COUNTRY\n    name: Kuwait\n    name_ar: الكويت\n",
			want: []string{`t.yaml:2:9: id: "country:kw": "kw" is not an ISO 3166-1 alpha-2 country code (write it in upper case: "KW")`},
		},
		{
			name: "country id with three letters",
			in:   "entries:\n  - id: country:KWT\n    type: COUNTRY\n    name: Kuwait\n    name_ar: الكويت\n",
			want: []string{`t.yaml:2:9: id: "country:KWT": "KWT" is not an ISO 3166-1 alpha-2 country code`},
		},
		{
			name: "iso not a country",
			in:   head + "    attrs:\n      iso: EU\n",
			want: []string{`t.yaml:7:12: attrs.iso: "EU" is not an ISO 3166-1 alpha-2 country code`},
		},
		{
			name: "iso UK",
			in:   head + "    attrs:\n      iso: UK\n",
			want: []string{`t.yaml:7:12: attrs.iso: "UK" is not an ISO 3166-1 alpha-2 country code (the United Kingdom is "GB")`},
		},
		{
			name: "iso is an int",
			in:   head + "    attrs:\n      iso: 414\n",
			want: []string{`t.yaml:7:12: attrs.iso: must be an ISO 3166-1 alpha-2 country code, got int`},
		},
		{
			name: "iso does not match the id",
			in:   head + "    attrs:\n      iso: KE\n",
			want: []string{`t.yaml:7:12: attrs.iso: "KE" does not match id "country:KW"`},
		},
		{
			name: "country list with a bad code",
			in:   "entries:\n  - id: city:amman\n    type: LOCATION\n    name: Amman\n    name_ar: عمّان\n    attrs:\n      country: [JO, ZZ]\n",
			want: []string{`t.yaml:7:21: attrs.country[1]: "ZZ" is not an ISO 3166-1 alpha-2 country code`},
		},
		{
			name: "wikidata id with a space",
			in:   head + "    attrs:\n      wikidata: Q 817\n",
			want: []string{`t.yaml:7:17: attrs.wikidata: "Q 817" is not a Wikidata item id (Q followed by digits, e.g. Q817)`},
		},
		{
			name: "wikidata id without Q",
			in:   head + "    attrs:\n      wikidata: 817\n",
			want: []string{`t.yaml:7:17: attrs.wikidata: "817" is not a Wikidata item id (Q followed by digits, e.g. Q817)`},
		},

		// Names, aliases, demonyms, context words.
		{
			name: "empty alias",
			in:   head + "    aliases:\n      - دولة الكويت\n      - \"\"\n",
			want: []string{`t.yaml:8:9: aliases[1]: empty string`},
		},
		{
			name: "null alias",
			in:   head + "    aliases:\n      - دولة الكويت\n      -\n",
			want: []string{`t.yaml:8:8: aliases[1]: empty string`},
		},
		{
			name: "blank alias",
			in:   head + "    aliases: [\"\u00a0 \"]\n",
			want: []string{`t.yaml:6:15: aliases[0]: empty string`},
		},
		{
			name: "alias with leading space",
			in:   head + "    aliases: [\" دولة الكويت\"]\n",
			want: []string{`t.yaml:6:15: aliases[0]: leading space in " دولة الكويت"`},
		},
		{
			name: "name with trailing space",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: \"Kuwait \"\n    name_ar: الكويت\n",
			want: []string{`t.yaml:4:11: name: trailing space in "Kuwait "`},
		},
		{
			name: "alias with a tab",
			in:   head + "    aliases: [\"دولة\\tالكويت\"]\n",
			want: []string{`t.yaml:6:15: aliases[0]: line break or control character U+0009 in "دولة\tالكويت"`},
		},
		{
			name: "name on two lines",
			in:   "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: |\n      State of\n      Kuwait\n    name_ar: الكويت\n",
			want: []string{`t.yaml:4:11: name: line break or control character U+000A in "State of\nKuwait\n"`},
		},
		{
			name: "alias repeated, columns in code points",
			in:   head + "    aliases: [دولة الكويت, دولة الكويت]\n",
			want: []string{`t.yaml:6:28: aliases[1]: "دولة الكويت" repeats aliases[0]`},
		},
		{
			name: "alias repeats name_ar",
			in:   head + "    aliases:\n      - الكويت\n",
			want: []string{`t.yaml:7:9: aliases: "الكويت" repeats name_ar`},
		},
		{
			name: "alias repeats name",
			in:   head + "    aliases:\n      - Kuwait\n",
			want: []string{`t.yaml:7:9: aliases: "Kuwait" repeats name`},
		},
		{
			name: "demonym repeated",
			in:   head + "    demonyms: [كويتي, كويتية, كويتي]\n",
			want: []string{`t.yaml:6:31: demonyms[2]: "كويتي" repeats demonyms[0]`},
		},
		{
			name: "demonyms on a person",
			in:   "entries:\n  - id: person:john-allen\n    type: PERSON\n    name: John Allen\n    name_ar: جون آلن\n    demonyms: [آلني]\n",
			want: []string{`t.yaml:6:15: demonyms: only COUNTRY and LOCATION entries take demonyms, not PERSON`},
		},
		{
			name: "context word both favour and against",
			in:   head + "    context:\n      favour: [أمير, الصباح]\n      against: [نصف, الصباح]\n",
			want: []string{`t.yaml:8:22: context.against: "الصباح" is also in context.favour`},
		},

		// Anchors, aliases and syntax.
		{
			name: "anchor and alias",
			in:   head + "    aliases: &a [دولة الكويت]\n    demonyms: *a\n",
			want: []string{
				`t.yaml:6:14: anchor &a: YAML anchors and aliases are not supported`,
				`t.yaml:7:15: alias *a: YAML anchors and aliases are not supported`,
			},
		},
		{
			name: "alias of an undefined anchor",
			in:   head + "    attrs:\n      role: Emir\n      title: *emir\n",
			want: []string{`t.yaml:8:14: YAML syntax error: unknown anchor 'emir' referenced (YAML anchors and aliases are not supported)`},
		},
		{
			name: "alias of an undefined anchor in flow style, first line",
			in:   "{entries: [*e], x: *e}",
			want: []string{`t.yaml:1:12: YAML syntax error: unknown anchor 'e' referenced (YAML anchors and aliases are not supported)`},
		},
		{
			name: "asterisks read as an alias",
			in:   head + "    attrs:\n      role: *the* emir\n",
			want: []string{`t.yaml:7:1: YAML syntax error: did not find expected alphabetic or numeric character`},
		},
		{
			name: "parser error on the first line",
			in:   "entries: [}\n",
			want: []string{`t.yaml:1:1: YAML syntax error: did not find expected node content`},
		},
		{
			// The parser names the line where the list began, not line 6.
			name: "parser error on a later line",
			in:   head + "  aliases: x\n",
			want: []string{`t.yaml:2:1: YAML syntax error: did not find expected '-' indicator`},
		},
		{
			name: "unclosed flow list",
			in:   head + "    aliases: [دولة الكويت\n",
			want: []string{`t.yaml:6:1: YAML syntax error: did not find expected ',' or ']'`},
		},
		{
			// The parser reads the tab-indented line as the continuation
			// of the plain scalar on line 5, and reports that line.
			name: "tab indentation",
			in:   head + "\taliases: [دولة الكويت]\n",
			want: []string{`t.yaml:5:1: YAML syntax error: found a tab character that violates indentation`},
		},
		{
			name: "bad indentation",
			in:   head + "      aliases: [دولة الكويت]\n",
			want: []string{`t.yaml:6:1: YAML syntax error: mapping values are not allowed in this context`},
		},
		{
			name: "two documents",
			in:   head + "---\n" + head,
			want: []string{`t.yaml:6:1: more than one YAML document (a gazetteer file holds one)`},
		},
		{
			name: "invalid UTF-8",
			in:   head + "    aliases: [دولة \xffالكويت]\n",
			want: []string{`t.yaml:6:20: invalid UTF-8 byte 0xff (gazetteer files must be UTF-8)`},
		},
		{
			name: "UTF-16",
			in:   "\xff\xfee\x00n\x00",
			want: []string{`t.yaml:1:1: invalid UTF-8 byte 0xff (gazetteer files must be UTF-8)`},
		},
		{
			name: "control character",
			in:   head + "    aliases: [دولة\x01الكويت]\n",
			want: []string{`t.yaml:6:19: control character U+0001 is not allowed in YAML`},
		},
		{
			name: "control character after CRLF lines",
			in:   "entries:\r\n  - id: country:KW\r\n\x7f",
			want: []string{`t.yaml:3:1: control character U+007F is not allowed in YAML`},
		},

		// Several problems are all reported, sorted by position.
		{
			name: "several problems in several entries",
			in: "entries:\n" +
				"  - id: country:KW\n" +
				"    type: COUNTRY\n" +
				"    name: Kuwait\n" +
				"    aliases: [\"\", دولة الكويت]\n" +
				"  - id: bad\n" +
				"    type: NATION\n" +
				"    name: Xland\n" +
				"    name_ar: اكسلاند\n" +
				"    atrs: {}\n",
			want: []string{
				`t.yaml:2:5: missing required field "name_ar"`,
				`t.yaml:5:15: aliases[0]: empty string`,
				`t.yaml:6:9: id: bad id "bad" (want country:<ISO code>, city:<slug>, place:<slug>, person:<slug> or org:<slug>, slugs of ASCII letters, digits, '-', '_' and '.')`,
				`t.yaml:7:11: type: unknown type "NATION" (want PERSON, COUNTRY, LOCATION or ORG)`,
				`t.yaml:10:5: unknown field "atrs" (did you mean "attrs"?)`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := loadErrors(t, tc.in)
			if got == nil {
				t.Fatalf("Load succeeded, want errors:\n%s", strings.Join(tc.want, "\n"))
			}
			diffLines(t, got, tc.want)
		})
	}
}

func TestLoadValid(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Entry
	}{
		{
			name: "minimal entry",
			in:   head,
			want: []Entry{{ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت", Pos: Position{File: "t.yaml", Line: 2, Col: 5}}},
		},
		{
			name: "no entries",
			in:   "entries: []\n",
			want: []Entry{},
		},
		{
			name: "empty lists and maps are nil",
			in:   head + "    aliases: []\n    demonyms: []\n    attrs: {}\n    context: {favour: [], against: []}\n",
			want: []Entry{{ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت", Pos: Position{File: "t.yaml", Line: 2, Col: 5}}},
		},
		{
			name: "all fields",
			in: head +
				"    aliases: [دولة الكويت, State of Kuwait]\n" +
				"    demonyms: [كويتي]\n" +
				"    attrs:\n" +
				"      iso: KW\n" +
				"      wikidata: Q817\n" +
				"      member_of: [org:gcc, org:arab-league]\n" +
				"      independence: 1961-06-19\n" +
				"      population: 4_300_000\n" +
				"      hex: 0x1F\n" +
				"      area: 17818.0\n" +
				"      gdp: 1.6e11\n" +
				"      monarchy: true\n" +
				"      mixed: [1, 2.5, false, x]\n" +
				"      empty: []\n" +
				"    context:\n" +
				"      favour: [الصباح]\n" +
				"      against: [نصف]\n",
			want: []Entry{{
				ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت",
				Aliases:  []string{"دولة الكويت", "State of Kuwait"},
				Demonyms: []string{"كويتي"},
				Attrs: map[string]any{
					"iso": "KW", "wikidata": "Q817",
					"member_of":    []any{"org:gcc", "org:arab-league"},
					"independence": "1961-06-19",
					"population":   4300000,
					"hex":          31,
					"area":         17818.0,
					"gdp":          1.6e11,
					"monarchy":     true,
					"mixed":        []any{1, 2.5, false, "x"},
					"empty":        []any{},
				},
				Context: Context{Favour: []string{"الصباح"}, Against: []string{"نصف"}},
				Pos:     Position{File: "t.yaml", Line: 2, Col: 5},
			}},
		},
		{
			name: "byte order mark, CRLF, quoted scalars",
			in:   "\uFEFFentries:\r\n  - {id: 'city:amman', type: \"LOCATION\", name: Amman, name_ar: \"عمّان\"}\r\n",
			want: []Entry{{ID: "city:amman", Type: Location, Name: "Amman", NameAr: "عمّان", Pos: Position{File: "t.yaml", Line: 2, Col: 5}}},
		},
		{
			name: "reserved codes that CLDR counts as countries",
			in:   "entries:\n  - id: country:XK\n    type: COUNTRY\n    name: Kosovo\n    name_ar: كوسوفو\n    attrs: {iso: XK}\n",
			want: []Entry{{ID: "country:XK", Type: Country, Name: "Kosovo", NameAr: "كوسوفو", Attrs: map[string]any{"iso": "XK"}, Pos: Position{File: "t.yaml", Line: 2, Col: 5}}},
		},
		{
			name: "explicit string tag and merge-like key in attrs",
			in:   head + "    attrs: {code: !!str 965, \"<<\": x}\n",
			want: []Entry{{ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت", Attrs: map[string]any{"code": "965", "<<": "x"}, Pos: Position{File: "t.yaml", Line: 2, Col: 5}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Load("t.yaml", strings.NewReader(tc.in))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if !reflect.DeepEqual(g.Entries, tc.want) {
				t.Errorf("entries:\n got %#v\nwant %#v", g.Entries, tc.want)
			}
		})
	}
}

func TestLoadFixture(t *testing.T) {
	g, err := LoadFile(filepath.Join("testdata", "tiny.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range g.Entries {
		ids = append(ids, e.ID)
	}
	wantIDs := []string{"country:KW", "country:OM", "city:amman", "person:john-allen", "org:gcc"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("ids = %q, want %q", ids, wantIDs)
	}
	om, ok := g.Lookup("country:OM")
	if !ok {
		t.Fatal("country:OM not found")
	}
	if want := "عُمان"; om.NameAr != want {
		t.Errorf("country:OM name_ar = %q (% x), want %q (% x)", om.NameAr, om.NameAr, want, want)
	}
	if want := (Position{File: filepath.Join("testdata", "tiny.yaml"), Line: 18, Col: 5}); om.Pos != want {
		t.Errorf("country:OM Pos = %v, want %v", om.Pos, want)
	}
	wantCtx := Context{Favour: []string{"مسقط", "السلطان"}, Against: []string{"الأردن", "الأردنية"}}
	if !reflect.DeepEqual(om.Context, wantCtx) {
		t.Errorf("country:OM context = %q, want %q", om.Context, wantCtx)
	}
}

func TestLoadNilReader(t *testing.T) {
	if _, err := Load("t.yaml", nil); err == nil {
		t.Error("Load with a nil reader succeeded")
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestLoadReadError(t *testing.T) {
	_, err := Load("t.yaml", failingReader{})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("Load error = %v, want the reader's error", err)
	}
	var le *LoadError
	if errors.As(err, &le) {
		t.Errorf("a read failure is reported as a *LoadError: %v", err)
	}
}

func TestLoadFileMissing(t *testing.T) {
	_, err := LoadFile(filepath.Join(t.TempDir(), "none.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadFile error = %v, want one wrapping fs.ErrNotExist", err)
	}
}

// entriesReader generates n bytes of gazetteer entries without holding
// them in memory, and counts the bytes read from it.
type entriesReader struct {
	n, read int64
}

func (r *entriesReader) Read(p []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	const prefix = "entries:\n"
	const entry = "  - {id: 'country:KW', type: COUNTRY, name: Kuwait, name_ar: الكويت}\n"
	n := 0
	for n < len(p) && r.read < r.n {
		var b byte
		if r.read < int64(len(prefix)) {
			b = prefix[r.read]
		} else {
			b = entry[(r.read-int64(len(prefix)))%int64(len(entry))]
		}
		p[n] = b
		n++
		r.read++
	}
	return n, nil
}

func TestLoadTooLarge(t *testing.T) {
	r := &entriesReader{n: 100 << 20}
	_, err := Load("big.yaml", r)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Load error = %v, want one wrapping ErrTooLarge", err)
	}
	if want := "big.yaml: file is over the 8 MiB limit"; err.Error() != want {
		t.Errorf("Load error = %q, want %q", err, want)
	}
	// Failing fast: Load stops reading right after the limit.
	if r.read > MaxFileSize+1 {
		t.Errorf("Load read %d bytes of a 100 MiB input, want at most %d", r.read, MaxFileSize+1)
	}
}

func TestLoadFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, &entriesReader{n: 100 << 20}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		load func() (*Gazetteer, error)
		want string
	}{
		{"LoadFile", func() (*Gazetteer, error) { return LoadFile(path) }, path + ": file is over the 8 MiB limit"},
		{"LoadFS", func() (*Gazetteer, error) { return LoadFS(os.DirFS(dir)) }, "big.yaml: file is over the 8 MiB limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.load()
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error = %v, want one wrapping ErrTooLarge", err)
			}
			if err.Error() != tc.want {
				t.Errorf("error = %q, want %q", err, tc.want)
			}
		})
	}
}

// errorList returns the problems of a *LoadError.
func errorList(t *testing.T, err error) []*Error {
	t.Helper()
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *LoadError", err, err)
	}
	return le.Errors
}

func TestLoadAliasBomb(t *testing.T) {
	// The classic "billion laughs": ten levels of ten aliases each would
	// expand to 10^10 strings. It must fail at once, on the anchors.
	var b strings.Builder
	b.WriteString(head + "    attrs:\n")
	b.WriteString("      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "      l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	_, err := Load("bomb.yaml", strings.NewReader(b.String()))
	list := errorList(t, err)
	if len(list) != MaxErrors {
		t.Errorf("got %d errors, want %d (10 anchors, 90 aliases)", len(list), MaxErrors)
	}
	for _, e := range list {
		if !strings.HasSuffix(e.Msg, "YAML anchors and aliases are not supported") {
			t.Errorf("unexpected error %v", e)
		}
	}
	if want := "bomb.yaml:7:11: anchor &l0: YAML anchors and aliases are not supported"; list[0].Error() != want {
		t.Errorf("first error = %q, want %q", list[0], want)
	}
	if want := "bomb.yaml:8:16: alias *l0: YAML anchors and aliases are not supported"; list[2].Error() != want {
		t.Errorf("third error = %q, want %q", list[2], want)
	}
}

func TestLoadManyAliases(t *testing.T) {
	src := head + "    attrs:\n      l0: &l0 lol\n      l1: [" + strings.TrimSuffix(strings.Repeat("*l0, ", 100000), ", ") + "]\n"
	_, err := Load("many.yaml", strings.NewReader(src))
	list := errorList(t, err)
	if len(list) != MaxErrors+1 {
		t.Fatalf("got %d errors, want %d and the note on the rest", len(list), MaxErrors+1)
	}
	// 1 anchor and 100000 aliases: 99 aliases shown, then the 100th.
	want := fmt.Sprintf("many.yaml:8:%d: too many errors: 99901 more not shown", 12+99*5)
	if got := list[MaxErrors].Error(); got != want {
		t.Errorf("last error = %q, want %q", got, want)
	}
}

func TestLoadDeepNesting(t *testing.T) {
	tests := []struct {
		name  string
		depth int
		want  string
	}{
		{"deeper than the schema", 50, "deep.yaml:7:11: attrs.x[0]: must be a scalar, got list"},
		{"deeper than the parser allows", 20000, "deep.yaml:7:1: YAML syntax error: exceeded max depth of 10000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := head + "    attrs:\n      x: " + strings.Repeat("[", tc.depth) + strings.Repeat("]", tc.depth) + "\n"
			_, err := Load("deep.yaml", strings.NewReader(src))
			list := errorList(t, err)
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			diffLines(t, got, []string{tc.want})
		})
	}
}

func TestLoadTooManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("entries:\n")
	for range 500 {
		b.WriteString("  - id: country:KW\n") // 500 entries without names, 499 duplicates
	}
	_, err := Load("many.yaml", strings.NewReader(b.String()))
	list := errorList(t, err)
	if len(list) != MaxErrors+1 {
		t.Fatalf("got %d errors, want %d", len(list), MaxErrors+1)
	}
	// Per entry: missing type, name, name_ar at 2:5..., duplicate id at 2:9.
	wantFirst := []string{
		`many.yaml:2:5: missing required field "type"`,
		`many.yaml:2:5: missing required field "name"`,
		`many.yaml:2:5: missing required field "name_ar"`,
		`many.yaml:3:5: missing required field "type"`,
		`many.yaml:3:5: missing required field "name"`,
		`many.yaml:3:5: missing required field "name_ar"`,
		`many.yaml:3:9: duplicate id "country:KW" (first at many.yaml:2:9)`,
	}
	var got []string
	for _, e := range list[:len(wantFirst)] {
		got = append(got, e.Error())
	}
	diffLines(t, got, wantFirst)
	// 3 problems for the first entry, then 4 per entry: 1999 in all. The
	// first 99 end with entry 25 (line 26); the 100th is the missing type
	// of entry 26, and the first left out its missing name.
	if want := `many.yaml:27:5: too many errors: 1899 more not shown`; list[MaxErrors].Error() != want {
		t.Errorf("last error = %q, want %q", list[MaxErrors], want)
	}
}

func TestLoadFS(t *testing.T) {
	good := "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: Kuwait\n    name_ar: الكويت\n"
	better := "entries:\n  - id: country:KW\n    type: COUNTRY\n    name: Kuwait\n    name_ar: الكويت\n    aliases: [دولة الكويت]\n"
	other := "entries:\n  - id: country:OM\n    type: COUNTRY\n    name: Oman\n    name_ar: عُمان\n"
	bad := "entries:\n  - id: country:KW\n"
	fsys := fstest.MapFS{
		"a.yaml":          {Data: []byte(good)},
		"b.yaml":          {Data: []byte(other)},
		"c.yaml":          {Data: []byte(better)},
		"notes.txt":       {Data: []byte("not YAML")},
		"dir.yaml/x.yaml": {Data: []byte(good)},
		"bad/1.yaml":      {Data: []byte(bad)},
		"bad/2.yaml":      {Data: []byte(bad + "  - id: country:KW\n")},
	}
	tests := []struct {
		name     string
		patterns []string
		wantIDs  []string
		wantPos  []string
		wantErr  []string
	}{
		{
			name:    "default pattern, later files replace in place",
			wantIDs: []string{"country:KW", "country:OM"},
			wantPos: []string{"c.yaml:2:5", "b.yaml:2:5"},
		},
		{
			name:     "patterns in sorted order, each file once",
			patterns: []string{"c.yaml", "[ab].yaml", "a.yaml"},
			wantIDs:  []string{"country:KW", "country:OM"},
			wantPos:  []string{"c.yaml:2:5", "b.yaml:2:5"},
		},
		{
			name:     "one file",
			patterns: []string{"b.yaml"},
			wantIDs:  []string{"country:OM"},
			wantPos:  []string{"b.yaml:2:5"},
		},
		{
			name:     "errors of all files, duplicate ids only within a file",
			patterns: []string{"bad/*.yaml"},
			wantErr: []string{
				`bad/1.yaml:2:5: missing required field "type"`,
				`bad/1.yaml:2:5: missing required field "name"`,
				`bad/1.yaml:2:5: missing required field "name_ar"`,
				`bad/2.yaml:2:5: missing required field "type"`,
				`bad/2.yaml:2:5: missing required field "name"`,
				`bad/2.yaml:2:5: missing required field "name_ar"`,
				`bad/2.yaml:3:5: missing required field "type"`,
				`bad/2.yaml:3:5: missing required field "name"`,
				`bad/2.yaml:3:5: missing required field "name_ar"`,
				`bad/2.yaml:3:9: duplicate id "country:KW" (first at bad/2.yaml:2:9)`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := LoadFS(fsys, tc.patterns...)
			if tc.wantErr != nil {
				var got []string
				for _, e := range errorList(t, err) {
					got = append(got, e.Error())
				}
				diffLines(t, got, tc.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids, pos []string
			for _, e := range g.Entries {
				ids = append(ids, e.ID)
				pos = append(pos, e.Pos.String())
			}
			if !reflect.DeepEqual(ids, tc.wantIDs) || !reflect.DeepEqual(pos, tc.wantPos) {
				t.Errorf("ids %q at %q, want %q at %q", ids, pos, tc.wantIDs, tc.wantPos)
			}
		})
	}
}

func TestLoadFSNoFiles(t *testing.T) {
	tests := []struct {
		name     string
		patterns []string
		want     error
	}{
		{"no match", []string{"*.yml"}, ErrNoFiles},
		{"only a directory matches", []string{"dir.yaml"}, ErrNoFiles},
		{"bad pattern", []string{"[a"}, fs.ErrInvalid},
	}
	fsys := fstest.MapFS{"dir.yaml/x.yaml": {Data: []byte("entries: []\n")}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := LoadFS(fsys, tc.patterns...)
			if tc.want == fs.ErrInvalid {
				// path.ErrBadPattern does not wrap fs.ErrInvalid; any error will do.
				if err == nil {
					t.Errorf("LoadFS(%q) = %v, want an error", tc.patterns, g)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("LoadFS(%q) error = %v, want %v", tc.patterns, err, tc.want)
			}
		})
	}
}

// FuzzLoad checks that Load never panics, returns either entries or an
// error, and that what it loads survives WriteYAML and Load unchanged.
// Run it with -fuzzminimizetime=2s or so: the seeds are whole files, and
// minimizing each new input could otherwise take up to a minute.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"tiny.yaml", "tiny_override.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(head + "    attrs: {x: [1, 2.5, true, \"a\\nb\", \"\\u200c\"], y: 1e300, z: -0.0}\n"))
	f.Add([]byte(head + "    aliases: [\"null\", \"- x\", \"a: b\", \"#c\", \"'q'\", \"\\\"\"]\n"))
	f.Add([]byte(head + "    context: {favour: [أ], against: [ب]}\n"))
	f.Add([]byte("entries:\n  - {id: 'x', type: 1}\n---\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Load("fuzz.yaml", bytes.NewReader(data))
		if (g == nil) == (err == nil) {
			t.Fatalf("Load returned %v and %v, want exactly one", g, err)
		}
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Errors) == 0 || len(le.Errors) > MaxErrors+1 {
				t.Fatalf("Load error %v is not a *LoadError with 1 to %d errors", err, MaxErrors+1)
			}
			for _, e := range le.Errors {
				if e.Pos.File != "fuzz.yaml" || e.Msg == "" {
					t.Fatalf("bad error %#v", e)
				}
			}
			return
		}
		var out bytes.Buffer
		if err := g.WriteYAML(&out); err != nil {
			t.Fatalf("WriteYAML: %v", err)
		}
		g2, err := Load("dump.yaml", bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("Load of the dump: %v\ndump:\n%s", err, out.Bytes())
		}
		if !sameEntries(g.Entries, g2.Entries) {
			t.Fatalf("round trip changed the entries:\n got %#v\nwant %#v\ndump:\n%s", g2.Entries, g.Entries, out.Bytes())
		}
		var out2 bytes.Buffer
		if err := g2.WriteYAML(&out2); err != nil {
			t.Fatalf("second WriteYAML: %v", err)
		}
		if !bytes.Equal(out.Bytes(), out2.Bytes()) {
			t.Fatalf("second dump differs:\n%s\n----\n%s", out.Bytes(), out2.Bytes())
		}
	})
}

// sameEntries compares entries without their positions.
func sameEntries(a, b []Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.Pos, y.Pos = Position{}, Position{}
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// TestLoadRefusesNamesThatMatchEverywhere loads a fixture of names that are
// stop words, single letters or no letters at all: each is refused with
// its position and the reason.
func TestLoadRefusesNamesThatMatchEverywhere(t *testing.T) {
	path := filepath.Join("testdata", "matches_everywhere.yaml")
	_, err := LoadFile(path)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("LoadFile(%s) = %v, want a *LoadError", path, err)
	}
	var got []string
	for _, e := range le.Errors {
		got = append(got, e.Error())
	}
	p := path + ":"
	want := []string{
		p + `7:14: name_ar: "في" is an Arabic stop word: it would match in nearly every text (give the entry context.favour words, or leave the name out)`,
		p + `12:15: aliases: "مِنْ" is an Arabic stop word: it would match in nearly every text (give the entry context.favour words, or leave the name out)`,
		p + `12:21: aliases: "The" is an English stop word: it would match in nearly every text (give the entry context.favour words, or leave the name out)`,
		p + `12:26: aliases: "In" is an English stop word: it would match in nearly every text (give the entry context.favour words, or leave the name out)`,
		p + `17:15: aliases: "." has no letter: it would match wherever its characters stand`,
		p + `17:20: aliases: "2014" has no letter: it would match wherever its characters stand`,
		p + `17:28: aliases: "-" has no letter: it would match wherever its characters stand`,
		p + `17:33: aliases: "«»" has no letter: it would match wherever its characters stand`,
		p + `20:11: name: "B." is a single letter: it would match in nearly every text`,
		p + `21:14: name_ar: "بـ" is a single letter: it would match in nearly every text`,
		p + `22:15: aliases: "A" is a single letter: it would match in nearly every text`,
		p + `22:18: aliases: "ب." is a single letter: it would match in nearly every text`,
		p + `27:16: demonyms: "من" is an Arabic stop word: it would match in nearly every text (give the entry context.favour words, or leave the name out)`,
	}
	diffLines(t, got, want)
}

// TestLoadAcceptsShortNames loads the short names that are fine: acronyms
// in capitals, a letter with digits, a stop word with context words, a
// name that starts with a stop word.
func TestLoadAcceptsShortNames(t *testing.T) {
	g, err := LoadFile(filepath.Join("testdata", "matches_rarely.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 5 {
		t.Errorf("%d entries, want 5", len(g.Entries))
	}
}

func TestMatchProblem(t *testing.T) {
	tests := []struct {
		name    string
		s       string
		context bool
		bad     bool
	}{
		{"arabic name", "الكويت", false, false},
		{"arabic stop word", "على", false, true},
		{"arabic stop word with tashkeel", "عَلَى", false, true},
		{"arabic stop word with context", "على", true, false},
		{"name starting with a stop word", "أبو مازن", false, false},
		{"english stop word", "the", false, true},
		{"english stop word capitalized", "The", false, true},
		{"english stop word as an acronym", "WHO", false, false},
		{"english stop word as an acronym, with context", "IT", true, false},
		{"one letter", "ب", false, true},
		{"one letter with context", "ب", true, true},
		{"one latin letter with a dot", "A.", false, true},
		{"one letter with tatweel", "ـبـ", false, true},
		{"letter and digits", "G20", false, false},
		{"two letters", "UN", false, false},
		{"punctuation", "...", false, true},
		{"arabic punctuation", "،", false, true},
		{"digits", "1948", false, true},
		{"digits with context", "1948", true, true},
		{"symbols", "$%", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := matchProblem(tt.s, tt.context)
			if (msg != "") != tt.bad {
				t.Errorf("matchProblem(%q, %v) = %q, want a problem: %v", tt.s, tt.context, msg, tt.bad)
			}
		})
	}
}
