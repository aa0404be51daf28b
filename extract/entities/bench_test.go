package entities

import (
	"context"
	"slices"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/internal/testutil"
)

// antSample is the ANT corpus sample; BenchmarkWithModel is skipped when
// it is absent (it is not shipped).
const antSample = "../../../shared/data/ant_corpus_v2.1_sample"

// BenchmarkWithModel measures the tagger's part of recognition alone
// (withModel: the features summed into the default model's emission
// scores, decoding, merging the names) on the first 400 articles of the
// ANT sample, whose analyses, lexemes and candidates are made once
// before, in time elapsed and in processor time: the part of BenchmarkExtract/ant that ant-no-model lacks, but
// for the lexemes' tagger Words, made once per word type.
func BenchmarkWithModel(b *testing.B) {
	run, size := withModelArticles(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := testutil.CPUSeconds()
	for b.Loop() {
		run()
	}
	// Processor time, which the other processes of a busy machine
	// inflate less than they do the time elapsed.
	if cpu = testutil.CPUSeconds() - cpu; cpu > 0 {
		b.ReportMetric(cpu*1e3/float64(b.N), "cpu-ms/op")
	}
}

// withModelArticles prepares the articles of BenchmarkWithModel and
// returns a function that runs withModel over them all, and their size.
func withModelArticles(b *testing.B) (run func(), size int) {
	texts, _ := testutil.TextFiles(antSample)
	if len(texts) == 0 {
		b.Skip("corpus absent: " + antSample)
	}
	texts = texts[:min(len(texts), 400)]
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
	arts := make([]prepared, len(texts))
	for i, t := range texts {
		d := r.newArticle(arabic.Analyze(t), new(scratch))
		names, cands, err := d.candidates(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		arts[i] = prepared{d: d, names: names, cands: slices.Clone(cands)}
		d.scr.cands = nil
		size += len(t)
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
