package extract_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/tagger"
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

func TestReadNERModel(t *testing.T) {
	data := []tagger.Sentence{{Features: [][]string{{"w=زيد"}, {"w=وصل"}}, Labels: []string{"B-PERS", "O"}}}
	write := func(featureSet string) []byte {
		m, err := tagger.Train(data, tagger.Config{Epochs: 1, Bits: 8, FeatureSet: featureSet})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, tc := range []struct {
		name    string
		file    []byte
		wantErr string // "" for none
	}{
		{"this build's features", write(nerfeat.Version), ""},
		{"other features", write("nerfeat/0"), `m.model: the model was trained on features "nerfeat/0"`},
		{"not a model", []byte("hello"), "m.model: "},
		{"empty", nil, "m.model: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := extract.ReadNERModel("m.model", bytes.NewReader(tc.file))
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.wantErr == "" && m.Info().FeatureSet != nerfeat.Version:
				t.Fatalf("feature set %q", m.Info().FeatureSet)
			case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want one starting %q", err, tc.wantErr)
			}
		})
	}
}
