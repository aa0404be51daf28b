package arabic

import (
	"os"
	"testing"

	"github.com/alam-nlp/alam/internal/testutil"
)

// referenceArticle is the project's reference article.
const referenceArticle = "../testdata/000_08d5b8224b143400.txt"

// antSample is the ANT corpus sample; benchmarks on it are skipped when it
// is absent (it may not be shipped with the project).
const antSample = "../../shared/data/ant_corpus_v2.1_sample"

// benchTexts returns the named sets of articles the benchmarks run on.
func benchTexts(b *testing.B) map[string][]string {
	b.Helper()
	texts := map[string][]string{}
	ref, err := os.ReadFile(referenceArticle)
	if err != nil {
		b.Fatal(err)
	}
	texts["reference"] = []string{string(ref)}
	texts["ant"], _ = testutil.TextFiles(antSample)
	return texts
}

// runBench runs f over every article of each set; f returns the number of
// tokens it saw, reported per byte as allocs are.
func runBench(b *testing.B, f func(text string) int) {
	texts := benchTexts(b)
	for _, name := range []string{"reference", "ant"} {
		articles := texts[name]
		b.Run(name, func(b *testing.B) {
			if len(articles) == 0 {
				b.Skip("corpus absent: " + antSample)
			}
			size := 0
			for _, a := range articles {
				size += len(a)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			tokens := 0
			for b.Loop() {
				tokens = 0
				for _, a := range articles {
					tokens += f(a)
				}
			}
			b.ReportMetric(float64(tokens), "tokens/op")
		})
	}
}

func BenchmarkNormalize(b *testing.B) {
	runBench(b, func(text string) int { return len(Normalize(text)) })
}

func BenchmarkNormalizeMap(b *testing.B) {
	runBench(b, func(text string) int { return len(Map(text).Norm) })
}

func BenchmarkTokenize(b *testing.B) {
	runBench(b, func(text string) int { return len(Tokenize(text)) })
}

func BenchmarkAnalyze(b *testing.B) {
	runBench(b, func(text string) int { return len(Analyze(text).Tokens) })
}

func BenchmarkTokenizeSegment(b *testing.B) {
	var segs []Segmentation
	runBench(b, func(text string) int {
		toks := Tokenize(text)
		for _, t := range toks {
			segs = defaultTokenizer.AppendSegments(segs[:0], text, t)
		}
		return len(toks)
	})
}

func BenchmarkStem(b *testing.B) {
	runBench(b, func(text string) int {
		toks := Tokenize(text)
		for _, t := range toks {
			Stem(t.Norm)
		}
		return len(toks)
	})
}

// BenchmarkTokenizeSegmentWith filters the readings as a matcher does, with
// a filter that rejects every stem (the common case).
func BenchmarkTokenizeSegmentWith(b *testing.B) {
	var segs []Segmentation
	none := func(string) bool { return false }
	runBench(b, func(text string) int {
		toks := Tokenize(text)
		for _, t := range toks {
			segs = defaultTokenizer.AppendSegmentsWith(segs[:0], text, t, SegmentOptions{Keep: none, NoEnclitics: true})
		}
		return len(toks)
	})
}

// BenchmarkStems measures Analysis.Stems alone on the ANT sample: the
// tokens are made beforehand, and each call has a fresh Analysis of them.
func BenchmarkStems(b *testing.B) {
	texts, size := testutil.TextFiles(antSample)
	if len(texts) == 0 {
		b.Skip("corpus absent: " + antSample)
	}
	analyses := make([]*Analysis, len(texts))
	for i, text := range texts {
		analyses[i] = Analyze(text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range analyses {
			(&Analysis{Text: a.Text, Tokens: a.Tokens}).Stems()
		}
	}
}
