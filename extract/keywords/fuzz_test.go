package keywords

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"بدأت الحرب. والحرب قاسية. وانتهت الحرب.",
		"وصل وزير الخارجية. قال وزير الخارجية إن الوزير سعيد.",
		"«والإمارات» ﻻ ﷲ الحَــرْب\u200c والـحرب ISIS 2014 #داعش",
		"وال و ف فال ﻟﻠ",
	} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, text string, n int) {
		if !utf8.ValidString(text) || n > 100 {
			return
		}
		a := arabic.Analyze(text)
		got := Extract(a, n, Options{})
		if n > 0 && len(got) > n || n <= 0 && len(got) > DefaultN {
			t.Fatalf("%d keywords for n = %d", len(got), n)
		}
		runes := []rune(text)
		for _, k := range got {
			if k.Start < 0 || k.End > len(runes) || k.Start >= k.End {
				t.Fatalf("%q: bad span [%d:%d] of %d code points", k.Text, k.Start, k.End, len(runes))
			}
			span := string(runes[k.Start:k.End])
			if arabic.Normalize(span) != arabic.Normalize(k.Text) {
				t.Fatalf("%q: [%d:%d] is %q", k.Text, k.Start, k.End, span)
			}
			if !(k.Score > 0 && k.Score <= 1) {
				t.Fatalf("%q: score %v", k.Text, k.Score)
			}
		}
	})
}

// FuzzExtractEnglish runs the English rules with names at any place,
// overlapping or out of the text, on alam's tokens and on the English
// analysis an English article gets (english.Analyzer: prose's cuts, clitic
// tokens such as n&rsquo;t whose Norm is not their text): keywords stay
// spans of the text, at most n, scored in (0, 1], and no two are one
// keyword in another case.
func FuzzExtractEnglish(f *testing.F) {
	for _, s := range []string{
		"DOHA — Oil prices rose. Foreign Minister John Allen said oil prices fell. “Let us go,” Allen said.",
		"Kuwait’s talks. Kuwait's talks. KUWAIT talks Stéphane",
		"a b. A B. ab AB Ab",
		"They don&rsquo;t go. They won't go. THEY'LL go, don't they? Qatar's, (Allen's) talks; Qatar's talks",
	} {
		f.Add(s, 5, 0, 4)
	}
	an := english.NewAnalyzer()
	f.Fuzz(func(t *testing.T, text string, n, start, end int) {
		if !utf8.ValidString(text) || n > 100 {
			return
		}
		refined, err := an.Analyze(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []*arabic.Analysis{arabic.Analyze(text), refined} {
			checkEnglishKeywords(t, text, a, n, start, end)
		}
	})
}

func checkEnglishKeywords(t *testing.T, text string, a *arabic.Analysis, n, start, end int) {
	t.Helper()
	names := []Name{{Start: start, End: end, Key: "a"}, {Start: start + 1, End: end + 3, Key: "b"}, {Start: end, End: end + 2, Key: "a"}}
	got := Extract(a, n, Options{English: true, Names: names})
	if n > 0 && len(got) > n || n <= 0 && len(got) > DefaultN {
		t.Fatalf("%d keywords for n = %d", len(got), n)
	}
	runes := []rune(text)
	seen := map[string]bool{}
	for _, k := range got {
		if k.Start < 0 || k.End > len(runes) || k.Start >= k.End || string(runes[k.Start:k.End]) != k.Text {
			t.Fatalf("%q: bad span [%d:%d] of %d code points", k.Text, k.Start, k.End, len(runes))
		}
		if !(k.Score > 0 && k.Score <= 1) {
			t.Fatalf("%q: score %v", k.Text, k.Score)
		}
		if f := strings.ToLower(k.Text); seen[f] {
			t.Fatalf("%q twice", k.Text)
		} else {
			seen[f] = true
		}
	}
}
