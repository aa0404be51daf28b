package entities

import (
	"context"
	"slices"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/internal/testutil"
)

// antSample is the ANT corpus sample; the benchmarks that read it are
// skipped when it is absent (it is not shipped).
const antSample = "../../../shared/data/ant_corpus_v2.1_sample"

// antAnalyses returns the analyses of the ANT sample's articles and their
// size in bytes, or skips b.
func antAnalyses(b *testing.B) ([]*arabic.Analysis, int) {
	texts, size := testutil.TextFiles(antSample)
	if len(texts) == 0 {
		b.Skip("corpus absent: " + antSample)
	}
	as := make([]*arabic.Analysis, len(texts))
	for i, t := range texts {
		as[i] = arabic.Analyze(t)
	}
	return as, size
}

// BenchmarkRecognizeANT measures the rules' side of recognition (the
// default gazetteer, no model) on the ANT sample's analyses, warm: the
// vocabulary has met every form before the timer starts, so it measures
// what every article costs once its words are known.
func BenchmarkRecognizeANT(b *testing.B) {
	as, size := antAnalyses(b)
	r := defaultRecognizerInternal(b)
	for _, a := range as {
		r.Recognize(a)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := testutil.CPUTime()
	for b.Loop() {
		for _, a := range as {
			r.Recognize(a)
		}
	}
	b.ReportMetric(float64((testutil.CPUTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkLexemes measures the vocabulary's lookups of the ANT sample's
// tokens, warm, in ns a token: with room for all the sample's forms, so
// that no lexeme is analysed again.
func BenchmarkLexemes(b *testing.B) {
	as, _ := antAnalyses(b)
	r := defaultRecognizerInternal(b)
	r.vocab = newVocab(1 << 18)
	var (
		lex  []*lexeme
		bufs lexBufs
		segs []arabic.Segmentation
	)
	tokens := 0
	for _, a := range as {
		lex = r.vocab.lexemes(r, a, lex, &bufs, &segs)
		tokens += len(a.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, a := range as {
			lex = r.vocab.lexemes(r, a, lex, &bufs, &segs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}

// BenchmarkWithModel measures the tagger's part of recognition alone
// (withModel: the features summed into the default model's emission
// scores, decoding, merging the names) on the first 400 articles of the
// ANT sample, whose analyses, lexemes and candidates are made once
// before: the part of BenchmarkExtract/ant that ant-no-model lacks, but
// for the lexemes' tagger Words, made once per word type.
func BenchmarkWithModel(b *testing.B) {
	run, size := withModelArticles(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := testutil.CPUTime()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64((testutil.CPUTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// withModelArticles prepares the articles of BenchmarkWithModel and
// returns a function that runs withModel over them all, and their size.
func withModelArticles(b *testing.B) (run func(), size int) {
	as, _ := antAnalyses(b)
	as = as[:min(len(as), 400)]
	m, err := nermodel.Default()
	if err != nil {
		b.Fatal(err)
	}
	r := newTestRecognizer(b, Options{Model: m})
	type prepared struct {
		d     article
		names gazNames
		cands []mention
		work  []mention // the copy withModel reads (it keeps the array for its next list, and returns its last)
	}
	arts := make([]prepared, len(as))
	for i, a := range as {
		d := r.newArticle(a, new(scratch))
		names, cands, err := d.candidates(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		arts[i] = prepared{d: d, names: names, cands: slices.Clone(cands)}
		d.scr.cands = nil
		size += len(a.Text)
	}
	return func() {
		for i := range arts {
			p := &arts[i]
			p.work = append(p.work[:0], p.cands...)
			out, err := p.d.withModel(context.Background(), p.names, p.work, nil)
			if err != nil {
				b.Fatal(err)
			}
			p.work = out[:0]
		}
	}, size
}

// BenchmarkLexemesCold measures a cold pass of the vocabulary over the
// ANT sample's tokens: each op starts from an empty vocabulary, so that
// every distinct form is analysed once (newLexeme), as in one `alam
// extract` run; ns/form is a pass's time over its distinct forms.
func BenchmarkLexemesCold(b *testing.B) {
	as, _ := antAnalyses(b)
	r := defaultRecognizerInternal(b)
	var (
		lex  []*lexeme
		bufs lexBufs
		segs []arabic.Segmentation
	)
	b.ReportAllocs()
	forms := 0
	cpu := testutil.CPUTime()
	for b.Loop() {
		r.vocab = newVocab(1 << 18)
		for _, a := range as {
			lex = r.vocab.lexemes(r, a, lex, &bufs, &segs)
		}
		forms = r.vocab.len()
	}
	b.ReportMetric(float64((testutil.CPUTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*forms), "ns/form")
}
