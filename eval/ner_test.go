package eval

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	in := "# id = 000\nالكويت B-LOC\nتدعو O\n\n# id = 001\nجون\tB-PERS\r\nآلن I-PERS\n# O\n\n\n"
	got, err := ReadCoNLL("x.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"الكويت", "تدعو"}, Tags: []string{"B-LOC", "O"}},
		{Tokens: []string{"جون", "آلن", "#"}, Tags: []string{"B-PERS", "I-PERS", "O"}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d sentences, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if !slices.Equal(got[i].Tokens, want[i].Tokens) || !slices.Equal(got[i].Tags, want[i].Tags) {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no tag", "الكويت\n", "x.txt:1: want \"token TAG\""},
		{"bad tag", "a O\nb LOC\n", "x.txt:2: tag \"LOC\" is not O, B-X or I-X"},
	}
	for _, tt := range tests {
		_, err := ReadCoNLL("x.txt", strings.NewReader(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want prefix %q", tt.name, err, tt.want)
		}
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Chunk
	}{
		{"single", "B-LOC O", []Chunk{{"LOC", 0, 1}}},
		{"two tokens", "O B-PERS I-PERS O", []Chunk{{"PERS", 1, 3}}},
		{"adjacent", "B-LOC B-LOC", []Chunk{{"LOC", 0, 1}, {"LOC", 1, 2}}},
		{"type change ends", "B-ORG I-LOC", []Chunk{{"ORG", 0, 1}, {"LOC", 1, 2}}},
		{"I without B starts one", "O I-ORG I-ORG", []Chunk{{"ORG", 1, 3}}},
		{"at the end", "O B-ORG I-ORG", []Chunk{{"ORG", 1, 3}}},
		{"none", "O O", nil},
	}
	for _, tt := range tests {
		if got := Chunks(strings.Fields(tt.tags)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Chunks(%s) = %v, want %v", tt.name, tt.tags, got, tt.want)
		}
	}
}

func TestNER(t *testing.T) {
	sents := []Sentence{
		{Tokens: strings.Fields("زار جون آلن الكويت أمس"), Tags: strings.Fields("O B-PERS I-PERS B-LOC O")},
		{Tokens: strings.Fields("وقال البيت الأبيض إن فرنسا"), Tags: strings.Fields("O B-ORG I-ORG O B-MISC")},
	}
	// A recognizer that finds جون آلن and الكويت exactly, calls البيت a
	// place (wrong type and span), and finds فرنسا, which gold calls MISC
	// (ignored).
	rec := func(text string) ([]Span, error) {
		var out []Span
		for _, s := range []struct{ word, typ string }{{"جون آلن", "PERS"}, {"الكويت", "LOC"}, {"البيت", "LOC"}, {"فرنسا", "LOC"}} {
			i := strings.Index(text, s.word)
			out = append(out, Span{Start: i, End: i + len(s.word), Type: s.typ})
		}
		return out, nil
	}
	rep, err := NER(sents, rec, []string{"PERS", "LOC", "ORG"}, map[string]string{"PER": "PERS"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Counts{"PERS": {TP: 1}, "LOC": {TP: 1, FP: 2}, "ORG": {FN: 1}}
	for typ, c := range want {
		if rep.ByType[typ] != c {
			t.Errorf("%s: %+v, want %+v", typ, rep.ByType[typ], c)
		}
	}
	if rep.Micro != (Counts{TP: 2, FP: 2, FN: 1}) {
		t.Errorf("micro %+v", rep.Micro)
	}
	if got := rep.Micro.F1(); got != 4.0/7.0 {
		t.Errorf("micro F1 %v, want 4/7", got)
	}
}

// TestNERReliability checks the reliability buckets of NER by hand: each
// scored span in its group's bucket and in AllGroups', right or not, with
// its score summed; a span without a group is not counted.
func TestNERReliability(t *testing.T) {
	sents := []Sentence{
		{Tokens: strings.Fields("زار جون آلن الكويت أمس"), Tags: strings.Fields("O B-PERS I-PERS B-LOC O")},
	}
	spans := []Span{
		{Type: "PERS", Score: 0.55, Group: "model"}, // جون آلن: right
		{Type: "LOC", Score: 1, Group: "gazetteer"}, // الكويت: right
		{Type: "LOC", Score: 0.58, Group: "model"},  // أمس: wrong
		{Type: "PERS", Score: 0.9},                  // زار: no group
	}
	words := []string{"جون آلن", "الكويت", "أمس", "زار"}
	rec := func(text string) ([]Span, error) {
		out := slices.Clone(spans)
		for i, w := range words {
			k := strings.Index(text, w)
			out[i].Start, out[i].End = k, k+len(w)
		}
		return out, nil
	}
	rep, err := NER(sents, rec, []string{"PERS", "LOC", "ORG"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, group string
		low         float64
		n, right    int
		sum         float64
	}{
		{"model, one right one wrong", "model", 0.5, 2, 1, 1.13},
		{"gazetteer at 1 is in the last bucket", "gazetteer", 0.95, 1, 1, 1},
		{"all: the model's bucket", AllGroups, 0.5, 2, 1, 1.13},
		{"all: the gazetteer's bucket", AllGroups, 0.95, 1, 1, 1},
		{"all: no span without a group", AllGroups, 0.9, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i := slices.Index(ReliabilityBuckets, tc.low)
			bs := rep.Reliability[tc.group]
			if i < 0 || i >= len(bs) {
				t.Fatalf("group %q has %d buckets, want one from %g", tc.group, len(bs), tc.low)
			}
			b := bs[i]
			if b.N != tc.n || b.Right != tc.right || math.Abs(b.Sum-tc.sum) > 1e-9 {
				t.Errorf("bucket %+v, want %d spans, %d right, sum %g", b, tc.n, tc.right, tc.sum)
			}
		})
	}
	var out strings.Builder
	if err := rep.WriteReliability(&out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, AllGroups+" ") || !strings.HasSuffix(last, "1.0000 1.0000") {
		t.Errorf("last line %q, want the all group's top bucket, precision and mean 1:\n%s", last, out.String())
	}
	if got := len(lines); got != 1+2+2 {
		t.Errorf("%d lines, want a header and 4 buckets:\n%s", got, out.String())
	}
}
