package extract_test

import (
	"slices"
	"testing"

	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
)

func TestNERExamples(t *testing.T) {
	x, err := extract.New(extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	sents := []eval.Sentence{
		{Tokens: []string{"وصل", "الرئيس", "محمد", "علي", "إلى", "(القاهرة)", "."},
			Tags: []string{"O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"}},
		{Tokens: []string{"غادر", "زيد", "عمرو"}, Tags: []string{"O", "B-PER", "I-PER"}},
	}
	ex, err := extract.NERExamples(x, sents, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The tokenizer splits (القاهرة) into three tokens: the brackets take
	// O, the name its tag; PER is read as PERS.
	want := [][]string{
		{"O", "O", "B-PERS", "I-PERS", "O", "O", "B-LOC", "O", "O"},
		{"O", "B-PERS", "I-PERS"},
	}
	if len(ex) != len(want) {
		t.Fatalf("%d examples, want %d", len(ex), len(want))
	}
	for i, e := range ex {
		if !slices.Equal(e.Labels, want[i]) {
			t.Errorf("sentence %d: labels %q, want %q", i, e.Labels, want[i])
		}
		if len(e.Features) != len(e.Labels) {
			t.Errorf("sentence %d: %d feature lists for %d labels", i, len(e.Features), len(e.Labels))
		}
	}
	// Sentence by sentence, the same labels.
	one, err := extract.NERExamples(x, sents, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range one {
		if !slices.Equal(one[i].Labels, want[i]) {
			t.Errorf("sentence by sentence, %d: labels %q, want %q", i, one[i].Labels, want[i])
		}
	}
}
