package pipeline

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestJSONLinesMeta(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opt   JSONLOptions
		id    string
		meta  string // "" for nil
	}{
		{name: "other fields kept in order", input: `{"url":"http://x/?a=1&b=<2>","id":"a","section":"رياضة","text":"x","date":"2024-01-02"}`,
			id: "a", meta: `{"url":"http://x/?a=1&b=<2>","section":"رياضة","date":"2024-01-02"}`},
		{name: "values as written", input: `{"id":"a","text":"x","n":1.50,"big":12345678901234567890,"o":{"k":[true,null]},"s":"\u0627"}`,
			id: "a", meta: `{"n":1.50,"big":12345678901234567890,"o":{"k":[true,null]},"s":"\u0627"}`},
		{name: "white space between members dropped", input: `{ "id" : 7 , "text" : "x" , "k" : [1, 2] }`,
			id: "7", meta: `{"k":[1, 2]}`},
		{name: "numeric id is its digits", input: `{"id":007.0,"text":"x"}`, id: "in.jsonl:1"}, // invalid JSON: 007
		{name: "large numeric id", input: `{"id":12345678901234567890,"text":"x"}`, id: "12345678901234567890", meta: `{}`},
		{name: "only id and text", input: `{"id":"a","text":"x"}`, id: "a", meta: `{}`},
		{name: "kept when the text is missing", input: `{"id":"a","body":"x"}`, id: "a", meta: `{"body":"x"}`},
		{name: "custom fields", input: `{"doc":"k","body":"x","id":"i","text":"t"}`, opt: JSONLOptions{IDField: "doc", TextField: "body"},
			id: "k", meta: `{"id":"i","text":"t"}`},
		{name: "repeated name kept twice", input: `{"id":"a","text":"x","k":1,"k":2}`, id: "a", meta: `{"k":1,"k":2}`},
		{name: "not an object", input: `[1]`, id: "in.jsonl:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*Document
			for d := range JSONLines("in.jsonl", strings.NewReader(tt.input), tt.opt) {
				docs = append(docs, d)
			}
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			d := docs[0]
			if d.ID != tt.id {
				t.Errorf("ID = %q, want %q", d.ID, tt.id)
			}
			if string(d.Meta) != tt.meta {
				t.Errorf("Meta = %s, want %s", d.Meta, tt.meta)
			}
			if d.Meta != nil && !json.Valid(d.Meta) {
				t.Errorf("Meta %s is not valid JSON", d.Meta)
			}
		})
	}
}

func TestIDs(t *testing.T) {
	var ids IDs
	docs := []struct {
		doc   *Document
		first string
		dup   bool
	}{
		{&Document{ID: "a", Source: "x/a.txt"}, "", false},
		{&Document{ID: "b", Source: "in.jsonl:2"}, "", false},
		{&Document{ID: "a", Source: "y/a.txt"}, "x/a.txt", true},
		{&Document{ID: "a", Source: "z/a.txt"}, "x/a.txt", true},
		{&Document{ID: "", Source: "e"}, "", false},
	}
	for i, tt := range docs {
		first, dup := ids.Add(tt.doc)
		if first != tt.first || dup != tt.dup {
			t.Errorf("%d: Add(%s) = %q, %v; want %q, %v", i, tt.doc.Source, first, dup, tt.first, tt.dup)
		}
	}
}

func TestScoreJSON(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1, "1"}, {0, "0"}, {0.912345, "0.9123"}, {0.99995, "1"}, {2.0 / 3, "0.6667"},
		{0.00004, "0"}, {-0.00004, "0"}, {-0.5, "-0.5"}, {math.Copysign(0, -1), "0"},
		{math.NaN(), "0"}, {math.Inf(1), "0"}, {math.Inf(-1), "0"},
		{1e-7, "0"}, {123456.78915, "123456.7892"}, {1e21, "1000000000000000000000"},
	}
	for _, tt := range tests {
		b, err := Score(tt.in).MarshalJSON()
		if err != nil || string(b) != tt.want {
			t.Errorf("Score(%v) = %s, %v; want %s", tt.in, b, err, tt.want)
		}
	}
}

func TestAttrsImmutable(t *testing.T) {
	src := map[string]any{"iso": "KW", "member_of": []any{"org:gcc"}, "codes": []string{"KW", "KWT"}}
	a := NewAttrs(src)
	src["iso"] = "changed"
	src["member_of"].([]any)[0] = "changed"
	src["codes"].([]string)[0] = "changed"
	v, _ := a.Get("member_of")
	v.([]any)[0] = "changed too"
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"codes":["KW","KWT"],"iso":"KW","member_of":["org:gcc"]}`; string(b) != want {
		t.Errorf("Attrs = %s, want %s", b, want)
	}
	if a.String("iso") != "KW" || a.String("member_of") != "" || a.Len() != 3 {
		t.Errorf("String/Len: %q %q %d", a.String("iso"), a.String("member_of"), a.Len())
	}
	var back Attrs
	if err := json.Unmarshal(b, &back); err != nil || back.Len() != 3 {
		t.Errorf("Unmarshal: %v, %d attributes", err, back.Len())
	}
	if b, _ := json.Marshal(Attrs{}); string(b) != "{}" {
		t.Errorf("zero Attrs = %s, want {}", b)
	}
}

// FuzzMeta checks the meta of any JSON Lines record: nil or a valid JSON
// object holding every member of the record but its id and text, in order.
func FuzzMeta(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x","section":"s"}`, `{"id":1,"text":"x","o":{"k":[1,{"a":null}]}}`,
		`{"text":"x","k":1,"k":2}`, `{"body":"x"}`, `[1]`, `{"id":"a","text":"x",}`, `{"\u0069d":"a","text":"x"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\r\n") {
			return // one record a line
		}
		for d := range JSONLines("f", strings.NewReader(line), JSONLOptions{}) {
			if d.Meta == nil {
				continue
			}
			if !json.Valid(d.Meta) || jsonKind(d.Meta) != "object" {
				t.Fatalf("meta %q of %q is not a JSON object", d.Meta, line)
			}
			keys, err := topLevelKeys(d.Meta)
			if err != nil {
				t.Fatal(err)
			}
			all, err := topLevelKeys([]byte(strings.TrimSpace(line)))
			if err != nil {
				t.Fatalf("meta %q from a line that is no object: %q", d.Meta, line)
			}
			var want []string
			for _, k := range all {
				if k != "id" && k != "text" {
					want = append(want, k)
				}
			}
			if strings.Join(keys, "\x00") != strings.Join(want, "\x00") {
				t.Fatalf("meta keys %q, want %q, from %q", keys, want, line)
			}
		}
	})
}

// scoreByStrconv is Score.AppendJSON as strconv writes it, without the
// shortcut for scores below 10^9.
func scoreByStrconv(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	if math.Abs(f) < 1e15 {
		f = math.Round(f*1e4) / 1e4
	}
	if f == 0 {
		f = 0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// TestScoreShortcut checks the shortcut against strconv on every score of
// 4 decimals within ±200, on values just off them, on random values of
// every size up to the shortcut's limit and past it, and on the edges.
func TestScoreShortcut(t *testing.T) {
	check := func(f float64) {
		if got, want := string(Score(f).AppendJSON(nil)), scoreByStrconv(f); got != want {
			t.Fatalf("Score(%v) = %s, want %s", f, got, want)
		}
	}
	// Every score of 4 decimals in [-3, 3] (the scores alam writes are
	// in [0, 1]), then every 7th out to ±200.
	for n := int64(-2_000_000); n <= 2_000_000; n++ {
		if (n < -30_000 || n > 30_000) && n%7 != 0 {
			continue
		}
		f := float64(n) / 1e4
		check(f)
		check(math.Nextafter(f, math.Inf(1)))
		check(f + 0.00005) // a tie, rounded away from zero
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		check((rng.Float64()*2 - 1) * math.Pow(10, float64(rng.IntN(17)-4)))
	}
	for _, f := range []float64{1e9 - 1e-4, 1e9, -1e9 + 1e-4, 999_999_999.99995, math.SmallestNonzeroFloat64, -0.00004, math.Copysign(0, -1)} {
		check(f)
	}
}
