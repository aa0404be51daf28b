package topics

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestLoadTaxonomyErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the errors, in order
	}{
		{"empty file", "", []string{
			`t.yaml:1:1: empty file: want a mapping with the fields "version" and "topics"`}},
		{"not a mapping", "- a\n", []string{
			`t.yaml:1:1: top level: must be a mapping with the fields "version" and "topics", got list`}},
		{"no version", "topics: []\n", []string{
			`t.yaml:1:1: missing required field "version" (want version: 1)`}},
		{"version 2", "version: 2\ntopics: []\n", []string{
			`t.yaml:1:10: version: 2 is not supported (this alam reads version 1)`}},
		{"version string", "version: \"1\"\ntopics: []\n", []string{
			`t.yaml:1:10: version: must be the number 1, got string`}},
		{"unknown top field", "version: 1\ntopics: []\nextra: 1\n", []string{
			`t.yaml:3:1: unknown field "extra" (want one of version, topics)`}},
		{"no topics", "version: 1\n", []string{
			`t.yaml:1:1: missing required field "topics"`}},
		{"topics not a list", "version: 1\ntopics: {a: 1}\n", []string{
			`t.yaml:2:9: topics: must be a list of topics, got mapping`}},
		{"topic not a mapping", "version: 1\ntopics:\n  - war\n", []string{
			`t.yaml:3:5: topics[0]: must be a mapping, got string`}},
		{"missing id and label", "version: 1\ntopics:\n  - label_ar: حرب\n", []string{
			`t.yaml:3:5: topics[0]: missing required field "id"`,
			`t.yaml:3:5: topics[0]: missing required field "label"`}},
		{"unknown topic field", "version: 1\ntopics:\n  - id: a\n    label: b\n    term: {حرب: 1}\n", []string{
			`t.yaml:5:5: topics[0]: unknown field "term" (want one of id, label, label_ar, terms, entities, kinds)`}},
		{"id not a string", "version: 1\ntopics:\n  - id: [a]\n    label: b\n", []string{
			`t.yaml:3:9: topics[0].id: must be a string, got list`}},
		{"empty label", "version: 1\ntopics:\n  - id: a\n    label: \"  \"\n", []string{
			`t.yaml:4:12: topics[0].label: empty string`}},
		{"duplicate id", "version: 1\ntopics:\n  - id: a\n    label: b\n  - id: a\n    label: c\n", []string{
			`t.yaml:5:9: topics[1].id: duplicate topic id "a" (first at t.yaml:3:9)`}},
		{"duplicate field", "version: 1\ntopics:\n  - id: a\n    label: b\n    label: c\n", []string{
			`t.yaml:5:5: topics[0]: duplicate field "label" (first at t.yaml:4:5)`}},
		{"terms not a mapping", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms: [حرب]\n", []string{
			`t.yaml:5:12: topics[0].terms: must be a mapping of names to weights, got list`}},
		{"weight not a number", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      حرب: \"2\"\n", []string{
			`t.yaml:6:12: topics[0].terms.حرب: weight must be a number, got string`}},
		{"weight zero", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      حرب: 0\n", []string{
			`t.yaml:6:12: topics[0].terms.حرب: weight 0 is out of range (want a number > 0 and <= 10)`}},
		{"weight too big", "version: 1\ntopics:\n  - id: a\n    label: b\n    kinds: {club: 10.5}\n", []string{
			`t.yaml:5:19: topics[0].kinds.club: weight 10.5 is out of range (want a number > 0 and <= 10)`}},
		{"weight nan", "version: 1\ntopics:\n  - id: a\n    label: b\n    entities: {org:x: .nan}\n", []string{
			`t.yaml:5:23: topics[0].entities.org:x: weight .nan is out of range (want a number > 0 and <= 10)`}},
		{"weight missing", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      حرب:\n", []string{
			`t.yaml:6:11: topics[0].terms.حرب: weight must be a number, got null`}},
		{"empty term", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      \" \": 1\n", []string{
			`t.yaml:6:7: topics[0].terms: empty key`}},
		{"term of punctuation", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      \"،\": 1\n", []string{
			`t.yaml:6:7: topics[0].terms: term "،": "،" is not a word (terms are words only)`}},
		{"term with a number", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      \"كوفيد 19\": 1\n", []string{
			`t.yaml:6:7: topics[0].terms: term "كوفيد 19": "19" is not a word (terms are words only)`}},
		{"term key not a string", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      12: 1\n", []string{
			`t.yaml:6:7: topics[0].terms: key must be a string, got int`}},
		{"duplicate term after normalization", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      الحرب: 1\n      حرب: 2\n", []string{
			`t.yaml:7:7: topics[0].terms: term "حرب" has the same stems (حرب) as "الحرب" at t.yaml:6:7`}},
		{"duplicate term with diacritics", "version: 1\ntopics:\n  - id: a\n    label: b\n    terms:\n      \"وقف إطلاق النار\": 1\n      \"وَقْف اطلاق النّار\": 2\n", []string{
			`t.yaml:7:7: topics[0].terms: term "وَقْف اطلاق النّار" has the same stems (وقف اطلاق نار) as "وقف إطلاق النار" at t.yaml:6:7`}},
		{"duplicate key", "version: 1\ntopics:\n  - id: a\n    label: b\n    kinds: {club: 1, club: 2}\n", []string{
			`t.yaml:5:22: topics[0].kinds: duplicate key "club" (first at t.yaml:5:13)`}},
		{"anchor and alias", "version: 1\ntopics:\n  - &t {id: a, label: b}\n  - *t\n", []string{
			`t.yaml:3:5: anchor &t: YAML anchors and aliases are not supported`,
			`t.yaml:4:5: alias *t: YAML anchors and aliases are not supported`}},
		{"alias of an undefined anchor", "version: 1\ntopics: *t\n", []string{
			`t.yaml:2:9: YAML syntax error: unknown anchor 't' referenced (YAML anchors and aliases are not supported)`}},
		{"version is a timestamp", "version: 2001-12-14\ntopics: []\n", []string{
			`t.yaml:1:10: version: must be the number 1, got timestamp`}},
		{"syntax error", "version: 1\ntopics:\n  - id: a\n    label: [b\n", []string{
			`t.yaml:4:1: YAML syntax error: did not find expected ',' or ']'`}},
		{"tab indentation", "version: 1\n\ttopics: []\n", []string{
			`t.yaml:2:1: YAML syntax error: found a tab character that violates indentation`}},
		{"two documents", "version: 1\ntopics: []\n---\nversion: 1\n", []string{
			`t.yaml:3:1: more than one YAML document (a taxonomy file holds one)`}},
		{"invalid UTF-8", "version: 1\ntopics:\n  - id: \xff\n", []string{
			`t.yaml:3:9: invalid UTF-8 byte 0xff (taxonomy files must be UTF-8)`}},
		{"control character", "version: 1\x00\n", []string{
			`t.yaml:1:11: control character U+0000 is not allowed in YAML`}},
		{"several problems in order", "version: 3\ntopics:\n  - id: a\n    label: b\n    terms: {حرب: -1, سلم: x}\n  - id: a\n", []string{
			`t.yaml:1:10: version: 3 is not supported (this alam reads version 1)`,
			`t.yaml:5:18: topics[0].terms.حرب: weight -1 is out of range (want a number > 0 and <= 10)`,
			`t.yaml:5:27: topics[0].terms.سلم: weight must be a number, got string`,
			`t.yaml:6:5: topics[1]: missing required field "label"`,
			`t.yaml:6:9: topics[1].id: duplicate topic id "a" (first at t.yaml:3:9)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tax, err := LoadTaxonomy("t.yaml", strings.NewReader(tt.in))
			if tax != nil {
				t.Errorf("got a taxonomy, want none")
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v (%T), want a *LoadError", err, err)
			}
			var got []string
			for _, e := range le.Errors {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLoadTaxonomyLimits(t *testing.T) {
	t.Run("too large", func(t *testing.T) {
		big := strings.Repeat("#", MaxTaxonomySize+1)
		_, err := LoadTaxonomy("big.yaml", strings.NewReader(big))
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("error %v, want ErrTooLarge", err)
		}
		if want := "big.yaml: file is over the 4 MiB limit"; err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
	})
	t.Run("error cap", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("version: 1\ntopics:\n")
		for range MaxErrors + 20 {
			b.WriteString("  - 1\n")
		}
		_, err := LoadTaxonomy("t.yaml", strings.NewReader(b.String()))
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("error %v, want a *LoadError", err)
		}
		if len(le.Errors) != MaxErrors+1 {
			t.Fatalf("%d errors, want %d", len(le.Errors), MaxErrors+1)
		}
		if got, want := le.Errors[MaxErrors].Error(), "t.yaml:103:5: too many errors: 20 more not shown"; got != want {
			t.Errorf("last error %q, want %q", got, want)
		}
	})
	t.Run("nil reader", func(t *testing.T) {
		if _, err := LoadTaxonomy("x.yaml", nil); err == nil {
			t.Error("no error for a nil reader")
		}
	})
	t.Run("read error", func(t *testing.T) {
		_, err := LoadTaxonomy("x.yaml", errReader{})
		if !errors.Is(err, errBroken) {
			t.Errorf("error %v, want it to wrap errBroken", err)
		}
	})
}

var errBroken = errors.New("broken reader")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBroken }

func TestLoadTaxonomyFixture(t *testing.T) {
	tax := loadFixture(t)
	got := tax.Topics()
	want := []Topic{{ID: "test:war", Label: "war", LabelAr: "الحرب"}, {ID: "test:sport", Label: "sport", LabelAr: "الرياضة"}}
	if len(got) != len(want) {
		t.Fatalf("%d topics, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Label != want[i].Label || got[i].LabelAr != want[i].LabelAr {
			t.Errorf("topic %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDefaultTaxonomy(t *testing.T) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	list := tax.Topics()
	if len(list) != 17 {
		t.Fatalf("%d topics, want the 17 IPTC top-level topics", len(list))
	}
	for i, tp := range list {
		if want := fmt.Sprintf("medtop:%02d000000", i+1); tp.ID != want {
			t.Errorf("topic %d has id %q, want %q", i, tp.ID, want)
		}
		if tp.Label == "" || tp.LabelAr == "" {
			t.Errorf("topic %s has an empty label: %+v", tp.ID, tp)
		}
	}
	if again, _ := DefaultTaxonomy(); again != tax {
		t.Error("DefaultTaxonomy compiled the taxonomy twice")
	}
}

func loadFixture(t testing.TB) *Taxonomy {
	t.Helper()
	f, err := os.Open("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tax, err := LoadTaxonomy("testdata/small.yaml", f)
	if err != nil {
		t.Fatal(err)
	}
	return tax
}
