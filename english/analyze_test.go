package english_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
)

// tokenView is a token as the tests write it: its text in the original,
// its Norm and its code-point offsets.
type tokenView struct {
	text, norm         string
	runeStart, runeEnd int
}

func views(a *arabic.Analysis) []tokenView {
	out := make([]tokenView, len(a.Tokens))
	for i, t := range a.Tokens {
		out[i] = tokenView{t.Text(a.Text), t.Norm, t.RuneStart, t.RuneEnd}
	}
	return out
}

// The expected tokens were written by hand from the text: offsets counted
// in code points, é and the curly quotes one code point each, 🙂 one.
func TestAnalyzer(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []tokenView
	}{
		{"plain", "Kuwait said", []tokenView{{"Kuwait", "kuwait", 0, 6}, {"said", "said", 7, 11}}},
		{"curly quotes and possessive, non-ASCII name", "“Stéphane Dujarric’s view,” he said",
			[]tokenView{{"“", "“", 0, 1}, {"Stéphane", "stéphane", 1, 9}, {"Dujarric", "dujarric", 10, 18}, {"’s", "'s", 18, 20},
				{"view", "view", 21, 25}, {",", ",", 25, 26}, {"”", "”", 26, 27}, {"he", "he", 28, 30}, {"said", "said", 31, 35}}},
		{"single curly quotes", "‘Hello’ said", []tokenView{{"‘", "‘", 0, 1}, {"Hello", "hello", 1, 6}, {"’", "’", 6, 7}, {"said", "said", 8, 12}}},
		{"contractions cut as prose cuts them", "don't they'll", []tokenView{{"do", "do", 0, 2}, {"n't", "n't", 2, 5}, {"they", "they", 6, 10}, {"'ll", "'ll", 10, 13}}},
		{"curly contraction", "it’s", []tokenView{{"it", "it", 0, 2}, {"’s", "'s", 2, 4}}},
		{"won't and can't: the stems prose leaves take their verb's Norm", "won’t can't", []tokenView{{"wo", "will", 0, 2}, {"n’t", "n't", 2, 5}, {"ca", "can", 6, 8}, {"n't", "n't", 8, 11}}},
		{"n't before a comma, which prose drops, and capitals", "WON'T, Won’t, shan't", []tokenView{{"WO", "will", 0, 2}, {"N'T", "n't", 2, 5}, {",", ",", 5, 6},
			{"Wo", "will", 7, 9}, {"n’t", "n't", 9, 12}, {",", ",", 12, 13}, {"sha", "shall", 14, 17}, {"n't", "n't", 17, 20}}},
		{"wo and ca as words keep their Norm", "wo ca AI ain't", []tokenView{{"wo", "wo", 0, 2}, {"ca", "ca", 3, 5}, {"AI", "ai", 6, 8}, {"ai", "be", 9, 11}, {"n't", "n't", 11, 14}}},
		{"&rsquo; that prose reads as an apostrophe", "don&rsquo;t go", []tokenView{{"do", "do", 0, 2}, {"n&rsquo;t", "n't", 2, 11}, {"go", "go", 12, 14}}},
		{"possessive before a comma, which prose drops", "Qatar's, view", []tokenView{{"Qatar", "qatar", 0, 5}, {"'s", "'s", 5, 7}, {",", ",", 7, 8}, {"view", "view", 9, 13}}},
		{"curly clitics before punctuation, which prose drops", "they’ll, we’re. Qatar’s, view", []tokenView{{"they", "they", 0, 4}, {"’ll", "'ll", 4, 7}, {",", ",", 7, 8},
			{"we", "we", 9, 11}, {"’re", "'re", 11, 14}, {".", ".", 14, 15}, {"Qatar", "qatar", 16, 21}, {"’s", "'s", 21, 23}, {",", ",", 23, 24}, {"view", "view", 25, 29}}},
		{"possessive before a bracket", "(Allen's)", []tokenView{{"(", "(", 0, 1}, {"Allen", "allen", 1, 6}, {"'s", "'s", 6, 8}, {")", ")", 8, 9}}},
		{"em dash inside a prose token", "DOHA—Oil", []tokenView{{"DOHA", "doha", 0, 4}, {"—", "—", 4, 5}, {"Oil", "oil", 5, 8}}},
		{"hyphen and abbreviation as the gazetteer cuts them", "Gen. al-Sabah, U.S.", []tokenView{{"Gen", "gen", 0, 3}, {".", ".", 3, 4},
			{"al", "al", 5, 7}, {"-", "-", 7, 8}, {"Sabah", "sabah", 8, 13}, {",", ",", 13, 14}, {"U", "u", 15, 16}, {".", ".", 16, 17}, {"S", "s", 17, 18}, {".", ".", 18, 19}}},
		{"emoji", "ok 🙂 x", []tokenView{{"ok", "ok", 0, 2}, {"🙂", "🙂", 3, 4}, {"x", "x", 5, 6}}},
		{"dollar", "$100", []tokenView{{"$", "$", 0, 1}, {"100", "100", 1, 4}}},
		{"Arabic inside", "Allen (آلن) said", []tokenView{{"Allen", "allen", 0, 5}, {"(", "(", 6, 7}, {"آلن", "الن", 7, 10}, {")", ")", 10, 11}, {"said", "said", 12, 16}}},
		{"a run longer than prose is given keeps alam's token", "x " + strings.Repeat(")", 150) + " Kuwait's",
			[]tokenView{{"x", "x", 0, 1}, {strings.Repeat(")", 150), strings.Repeat(")", 150), 2, 152}, {"Kuwait", "kuwait", 153, 159}, {"'s", "'s", 159, 161}}},
		{"empty", "", nil},
		{"spaces only", " \n\t ", nil},
	}
	an := english.NewAnalyzer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := an.Analyze(context.Background(), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			got := views(a)
			if len(got) != len(tt.want) {
				t.Fatalf("tokens %+v\nwant %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("token %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestAnalyzerSentences(t *testing.T) {
	text := "Gulf talks resume\n\nDOHA — Gen. John Allen said on Monday that the talks in the U.S. would go on. “We wait,” he said. Others left."
	a, err := english.NewAnalyzer().Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range a.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Gulf talks resume", "DOHA — Gen. John Allen said on Monday that the talks in the U.S. would go on.", "“We wait,” he said.", "Others left."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences\n%q\nwant\n%q", got, want)
	}
}

func TestAnalyzerCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := english.NewAnalyzer().Analyze(ctx, "Kuwait said"); err == nil {
		t.Error("no error from a cancelled context")
	}
}

// checkAnalysis checks the invariants of an English analysis of s: tokens
// in order, inside s, with code-point offsets that match the bytes, and
// together the same text as alam's own tokens; sentences that hold every
// token once, in order.
func checkAnalysis(t *testing.T, s string, a *arabic.Analysis) {
	t.Helper()
	prevEnd := 0
	var joined strings.Builder
	for i, k := range a.Tokens {
		if k.Start < prevEnd || k.End <= k.Start || k.End > len(s) {
			t.Fatalf("token %d bytes [%d,%d) after %d in %q", i, k.Start, k.End, prevEnd, s)
		}
		if k.RuneStart != utf8.RuneCountInString(s[:k.Start]) || k.RuneEnd != utf8.RuneCountInString(s[:k.End]) {
			t.Fatalf("token %d code points [%d,%d) do not match bytes [%d,%d) in %q", i, k.RuneStart, k.RuneEnd, k.Start, k.End, s)
		}
		prevEnd = k.End
		joined.WriteString(k.Text(s))
	}
	var want strings.Builder
	for _, k := range arabic.Tokenize(s) {
		want.WriteString(k.Text(s))
	}
	if joined.String() != want.String() {
		t.Fatalf("tokens cover %q, alam's tokens %q", joined.String(), want.String())
	}
	end := 0
	for i, st := range a.Sentences {
		if st.FirstToken != end || st.EndToken <= st.FirstToken {
			t.Fatalf("sentence %d tokens [%d,%d) after %d", i, st.FirstToken, st.EndToken, end)
		}
		end = st.EndToken
	}
	if end != len(a.Tokens) {
		t.Fatalf("sentences end at token %d of %d", end, len(a.Tokens))
	}
}

func FuzzAnalyzer(f *testing.F) {
	for _, s := range []string{
		"“Stéphane Dujarric’s view,” he said — ok 🙂", "Qatar's, (Allen's)", "don&rsquo;t they'll I'm we're",
		"‘Hello’ 'x' \"y\"", "DOHA—Oil 3-1 2.4% U.S. e.g.", "قال آلن (John Allen's) —", "a\u00a0b\u2028c", "&rsquo;&rsquo;s's",
		":-) (._.) ¯\\(ツ)/¯", "\xff'\xfes", "a " + strings.Repeat(").", 60) + " b's, c",
	} {
		f.Add(s)
	}
	an := english.NewAnalyzer()
	f.Fuzz(func(t *testing.T, s string) {
		a, err := an.Analyze(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		if a.Text != s {
			t.Fatal("analysis of another text")
		}
		if !utf8.ValidString(s) {
			// Offsets in code points are counted as Go counts them (an
			// invalid byte is one); alam's tokens are the reference.
			return
		}
		checkAnalysis(t, s, a)
	})
}

func TestRefineNil(t *testing.T) {
	a, err := english.NewAnalyzer().Refine(context.Background(), nil)
	if err != nil || a == nil || a.Text != "" || len(a.Tokens) != 0 || len(a.Sentences) != 0 {
		t.Errorf("Refine(nil) = %+v, %v; want an empty analysis", a, err)
	}
}
