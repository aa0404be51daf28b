package keywords

import (
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
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
