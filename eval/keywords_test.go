package eval

import (
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestReadKeyphrases(t *testing.T) {
	f, err := os.Open("testdata/keywords/gold.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadKeyphrases("gold.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"k1": {"الحرب", "داعش", "مؤتمر الكويت", "الحرب على داعش"},
		"k2": {"أسعار النفط", "النفط", "الأسواق العالمية"},
		"t1": {"الذهب"},
		"t2": {"المدينة"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d documents, want %d: %q", len(got), len(want), got)
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
}

func TestReadKeyphrasesErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no colon", "k1 الحرب\n", `g.txt:1: want "<id> : kp1,kp2,...", got "k1 الحرب"`},
		{"no id", " : الحرب\n", `g.txt:1: want "<id> : kp1,kp2,...", got " : الحرب"`},
		{"twice", "k1 : a\n\nk1 : b\n", "g.txt:3: document k1 listed twice"},
		{"bad UTF-8", "k1 : \xff\n", "g.txt:1: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadKeyphrases("g.txt", strings.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestNormalizeKeyphrase(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"article", "الحرب", "حرب"},
		{"conjunction and article", "والحرب", "حرب"},
		{"suffix", "العالمية", "عالم"},
		{"phrase", "أسعار  النفط", "اسعار نفط"},
		{"diacritics", "الحَرْب", "حرب"},
		{"punctuation dropped", "النفط، الخام", "نفط خام"},
		{"numbers and Latin", "كوفيد 19 COVID", "كوفيد 19 covid"},
		{"empty", " ، ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeKeyphrase(tt.in); got != tt.want {
				t.Errorf("NormalizeKeyphrase(%q) = %q, want %q\n% x\n% x", tt.in, got, tt.want, got, tt.want)
			}
		})
	}
}

func TestKeywords(t *testing.T) {
	preds := map[string][]string{
		"مؤتمر":  {"والحرب", "داعش", "الكويت", "الحرب"},
		"ارتفعت": {"النفط", "أسواق", "الذهب"},
	}
	extract := func(text string) ([]string, error) {
		for k, v := range preds {
			if strings.HasPrefix(text, k) {
				return v, nil
			}
		}
		return nil, errors.New("unknown text")
	}
	ids, err := ReadIDs("testdata/keywords/test.ids")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, []string{"k1", "k2"}) {
		t.Fatalf("ids %q", ids)
	}
	rep, err := Keywords("testdata/keywords/docs", "testdata/keywords/gold.txt", ids, extract, 3)
	if err != nil {
		t.Fatal(err)
	}
	// k1: exact hits داعش (P 1/3, R 1/4); stems hit حرب and داعش (P 2/3, R 2/4).
	// k2: both hit النفط only (P 1/3, R 1/3).
	f := func(p, r float64) float64 { return 2 * p * r / (p + r) }
	want := KeywordsReport{
		Docs: 2, K: 3, GoldPerDoc: 3.5,
		Exact:      PRF{(1.0/3 + 1.0/3) / 2, (1.0/4 + 1.0/3) / 2, (f(1.0/3, 1.0/4) + f(1.0/3, 1.0/3)) / 2},
		Normalized: PRF{(2.0/3 + 1.0/3) / 2, (2.0/4 + 1.0/3) / 2, (f(2.0/3, 2.0/4) + f(1.0/3, 1.0/3)) / 2},
	}
	if rep.Docs != want.Docs || rep.K != want.K || rep.GoldPerDoc != want.GoldPerDoc || !closePRF(rep.Exact, want.Exact) || !closePRF(rep.Normalized, want.Normalized) {
		t.Errorf("report %+v\nwant   %+v", rep, want)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	wantText := `2 documents, 3.5 gold keyphrases each on average; first 3 predictions, macro-averaged
match            P@3       R@3      F1@3
exact         0.3333    0.2917    0.3095
stems         0.5000    0.4167    0.4524
`
	if b.String() != wantText {
		t.Errorf("WriteText:\n%s\nwant:\n%s", b.String(), wantText)
	}

	t.Run("errors", func(t *testing.T) {
		if _, err := Keywords("testdata/keywords/docs", "testdata/keywords/gold.txt", []string{"k1", "k3"}, extract, 3); err == nil ||
			!strings.Contains(err.Error(), "document k3 has no gold keyphrases") {
			t.Errorf("missing gold: %v", err)
		}
		if _, err := Keywords("testdata/keywords/docs", "testdata/keywords/gold.txt", []string{"t2"}, extract, 3); err == nil ||
			!strings.Contains(err.Error(), "document t2: unknown text") {
			t.Errorf("extract error: %v", err)
		}
		if _, err := Keywords("testdata/keywords/docs", "testdata/keywords/missing.txt", ids, extract, 3); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("missing gold file: %v", err)
		}
	})
}

func closePRF(a, b PRF) bool {
	return math.Abs(a.Precision-b.Precision) < 1e-12 && math.Abs(a.Recall-b.Recall) < 1e-12 && math.Abs(a.F1-b.F1) < 1e-12
}

func TestTFIDFBaseline(t *testing.T) {
	train, err := ReadDocs("testdata/keywords/docs", []string{"t1", "t2.txt"})
	if err != nil {
		t.Fatal(err)
	}
	extract := TFIDFBaseline(train)
	got, err := extract("ارتفعت أسعار النفط في الأسواق العالمية.")
	if err != nil {
		t.Fatal(err)
	}
	// Phrases unseen in the training documents first (idf ln 3 + 1), in
	// text order; then ارتفعت, ارتفعت أسعار and أسعار, which t1 holds.
	want := []string{
		"ارتفعت أسعار النفط", "أسعار النفط", "النفط", "النفط في الأسواق", "الأسواق", "الأسواق العالمية", "العالمية",
		"ارتفعت", "ارتفعت أسعار", "أسعار",
	}
	if !slices.Equal(got, want) {
		t.Errorf("baseline %q\nwant     %q", got, want)
	}
	got, _ = extract("الحرب الحرب، المدينة. وتستمر الحرب")
	if len(got) == 0 || got[0] != "الحرب" {
		t.Errorf("baseline %q, want الحرب (tf 3) first", got)
	}
	if got, _ := extract(""); len(got) != 0 {
		t.Errorf("baseline of an empty text: %q", got)
	}
}
