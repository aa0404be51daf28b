package topics

import (
	"bytes"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
)

const fuzzArticle = "اندلعت الحرب في المدينة. واستمر القصف، ثم أعلن وقف إطلاق النار قبل المباراة."

func FuzzLoadTaxonomy(f *testing.F) {
	small, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	f.Add(defaultYAML[:4096])
	f.Add([]byte("version: 1\ntopics:\n  - id: a\n    label: b\n    terms: {حرب: 1e-300, \"وقف  إطلاق\": 10}\n"))
	f.Add([]byte("version: 1\ntopics: [{id: a, label: b, kinds: {x: 1}, entities: {y: .inf}}]\n"))
	f.Add([]byte("a: &a [*a]\n"))
	a := arabic.Analyze(fuzzArticle)
	ents := []EntityRef{{ID: "org:isis", Kind: "armed-group"}, {ID: "y", Kind: "x"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		tax, err := LoadTaxonomy("f.yaml", bytes.NewReader(data))
		if err != nil {
			if tax != nil {
				t.Fatal("a taxonomy and an error")
			}
			var le *LoadError
			if !errors.As(err, &le) || len(le.Errors) == 0 || len(le.Errors) > MaxErrors+1 {
				t.Fatalf("error %v is not a LoadError with 1 to %d problems", err, MaxErrors+1)
			}
			for _, e := range le.Errors {
				if !strings.HasPrefix(e.Error(), "f.yaml") || e.Pos.Line < 0 || e.Pos.Col < 0 {
					t.Fatalf("bad position in %q", e.Error())
				}
			}
			return
		}
		for _, tp := range tax.ScoreWith(a, ents, all) {
			if !(tp.Score >= 0 && tp.Score <= 1) || len(tp.Evidence) > MaxEvidence {
				t.Fatalf("topic %+v", tp)
			}
			for _, e := range tp.Evidence {
				if !strings.Contains(fuzzArticle, e) && e != "org:isis" && e != "y" {
					t.Fatalf("evidence %q not in the article", e)
				}
			}
		}
	})
}

func FuzzLoadModel(f *testing.F) {
	m := trainCorpus(f)
	good := save(f, m)
	f.Add(good)
	f.Add(good[:len(good)/3])
	nb, err := Train(corpusDocs(f), TrainOptions{Kind: NaiveBayes, MinCount: 1})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(save(f, nb))
	f.Add([]byte(modelMagic + "\x01"))
	f.Add(appendCRC([]byte(modelMagic + "\x01\x00\x01\x00\x00\x00\x00\x00\x00\xe0\x3f\x01\x01a\x01\x01\x02bc\x01\x00\x05")))
	a := arabic.Analyze(fuzzArticle)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := LoadModel(bytes.NewReader(data))
		if err != nil {
			if m != nil {
				t.Fatal("a model and an error")
			}
			if !errors.Is(err, ErrNotModel) && !errors.Is(err, ErrModelVersion) && !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrCorrupt) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		preds := m.Predict(a)
		sum := 0.0
		for _, p := range preds {
			if math.IsNaN(p.Score) || p.Score < 0 || p.Score > 1 {
				t.Fatalf("prediction %+v", p)
			}
			sum += p.Score
		}
		if len(preds) != len(m.labels) || math.Abs(sum-1) > 1e-9 {
			t.Fatalf("predictions %v sum to %v", preds, sum)
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		if data[len(modelMagic)] == modelVersion && !bytes.Equal(b.Bytes(), data) {
			t.Fatalf("the accepted file is not what Save writes for its model")
		}
		back, err := LoadModel(&b)
		if err != nil || !slices.Equal(back.Predict(a), preds) {
			t.Fatalf("round trip: %v", err)
		}
	})
}
