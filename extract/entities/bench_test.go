package entities

import (
	"syscall"
	"testing"
	"time"

	"github.com/alam-nlp/alam/arabic"
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
	cpu := cpuTime()
	for b.Loop() {
		for _, a := range as {
			r.Recognize(a)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the process's CPU time so far, user and system: on a
// shared machine it varies less than the time on the clock.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkLexemes measures the vocabulary's lookups of the ANT sample's
// tokens, warm, in ns a token: with room for all the sample's forms, so
// that no lexeme is analysed again (the default vocabulary holds fewer).
func BenchmarkLexemes(b *testing.B) {
	as, _ := antAnalyses(b)
	r := defaultRecognizerInternal(b)
	r.vocab = newVocab(1 << 18)
	var (
		lex     []*lexeme
		missing []int32
		segs    []arabic.Segmentation
	)
	tokens := 0
	for _, a := range as {
		lex, missing = r.vocab.lexemes(r, a, lex, missing, &segs)
		tokens += len(a.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, a := range as {
			lex, missing = r.vocab.lexemes(r, a, lex, missing, &segs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}
