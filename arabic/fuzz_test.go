package arabic

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the seeds of every fuzz test: the hard cases of the unit
// tests and the reference article.
func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"", "والإمارات لآلن بداعش للتحالف {داعش} الأميركي", "«هذه حرب رهيبة..» 10/28/2014 مشاركة :",
		"وَالإِمَارَاتُ", "\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", "\uFEFB\uFDFA", "ا\u200D\u0654", "ـٔ", "الكو\u200Fيت",
		"١٬٠٠٠٫٥ ٪", "https://x.com/a_(b) info@kuna.net.kw #داعش @UN", "د. محمد 1950 م. هـ.", "a\xffb\xc2",
		"\u0301\u064E", "U.S. Dr. Smith", "ﷺ ﷲ", "Ǆ İ ﬁ ＵＮ",
	} {
		f.Add(s)
	}
	if data, err := os.ReadFile(referenceArticle); err == nil {
		f.Add(string(data))
	}
}

func FuzzNormalize(f *testing.F) {
	fuzzSeeds(f)
	var normalizers []*Normalizer
	for _, fold := range []Fold{Default, Default | FoldHamzaSeats, NFKC, StripTashkeel | FoldAlef} {
		normalizers = append(normalizers, NewNormalizer(fold))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range normalizers {
			fold := n.Folds()
			once := n.String(s)
			if twice := n.String(once); twice != once {
				t.Fatalf("folds %b: not idempotent on %s: %s then %s", fold, hex(s), hex(once), hex(twice))
			}
			if !utf8.ValidString(once) {
				t.Fatalf("folds %b: invalid UTF-8 out of %s: %s", fold, hex(s), hex(once))
			}
			m := n.Map(s)
			if m.Norm != once {
				t.Fatalf("Map(%s).Norm = %s, String gives %s", hex(s), hex(m.Norm), hex(once))
			}
			checkMap(t, n, m)
		}
	})
}

// checkMap checks that every span of the normalized text, cut on rune
// boundaries, maps to a span of the original that is in bounds, on rune
// boundaries, and whose normalization contains the span.
func checkMap(t *testing.T, n *Normalizer, m *Mapped) {
	var cuts []int
	for i := range m.Norm {
		cuts = append(cuts, i)
	}
	cuts = append(cuts, len(m.Norm))
	if len(cuts) > 40 {
		cuts = cuts[:40] // keep the quadratic check small
	}
	for _, a := range cuts {
		for _, b := range cuts {
			if b < a {
				continue
			}
			o := m.Span(a, b)
			if o.Start < 0 || o.Start > o.End || o.End > len(m.Orig) {
				t.Fatalf("Span(%d,%d) = %+v out of bounds of %s", a, b, o, hex(m.Orig))
			}
			if !utf8.ValidString(m.Orig) {
				continue // rune boundaries are not defined
			}
			if !utf8.RuneStart(byteAt(m.Orig, o.Start)) || !utf8.RuneStart(byteAt(m.Orig, o.End)) {
				t.Fatalf("Span(%d,%d) = %+v not on rune boundaries of %s", a, b, o, hex(m.Orig))
			}
			if rs := utf8.RuneCountInString(m.Orig[:o.Start]); rs != o.RuneStart || rs+utf8.RuneCountInString(m.Orig[o.Start:o.End]) != o.RuneEnd {
				t.Fatalf("Span(%d,%d) = %+v: code points do not match bytes", a, b, o)
			}
			if got := n.String(m.Orig[o.Start:o.End]); !strings.Contains(got, m.Norm[a:b]) {
				t.Fatalf("Span(%d,%d) of %s: original %s normalizes to %s, which lacks %s",
					a, b, hex(m.Orig), hex(m.Orig[o.Start:o.End]), hex(got), hex(m.Norm[a:b]))
			}
		}
	}
}

// byteAt returns s[i], or a rune start at the end of s.
func byteAt(s string, i int) byte {
	if i == len(s) {
		return 0
	}
	return s[i]
}

func FuzzTokenize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		a := Analyze(s)
		checkTokens(t, s, a.Tokens)
		checkSentences(t, s, a.Tokens, a.Sentences)
		for _, tok := range a.Tokens {
			checkSegments(t, s, tok, Segment(s, tok))
			Stem(tok.Norm)
		}
	})
}
