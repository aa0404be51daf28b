package entities

import (
	"testing"

	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/internal/testutil"
)

// BenchmarkModelCost measures what the default tagger model adds to
// recognition, in one process: a Recognizer with the model and one
// without (both of the default gazetteer, both warm: they have met every
// form of the ANT sample before the timer starts) recognize the sample's
// analyses in turn, a pass each per iteration. It reports the processor
// time of a pass of each (model-cpu-ns, rules-cpu-ns, the garbage
// collector's work included: it runs beside them) and the model's part,
// their difference (part-cpu-ns). An op is both passes.
func BenchmarkModelCost(b *testing.B) {
	as, size := antAnalyses(b)
	m, err := nermodel.Default()
	if err != nil {
		b.Fatal(err)
	}
	withModel, rules := newTestRecognizer(b, Options{Model: m}), newTestRecognizer(b, Options{})
	pass := func(r *Recognizer) {
		for _, a := range as {
			r.Recognize(a)
		}
	}
	pass(withModel)
	pass(rules)
	b.SetBytes(int64(2 * size))
	b.ReportAllocs()
	var inModel, inRules int64
	for b.Loop() {
		t0 := testutil.CPUTime()
		pass(withModel)
		t1 := testutil.CPUTime()
		pass(rules)
		t2 := testutil.CPUTime()
		inModel += (t1 - t0).Nanoseconds()
		inRules += (t2 - t1).Nanoseconds()
	}
	n := float64(b.N)
	b.ReportMetric(float64(inModel)/n, "model-cpu-ns")
	b.ReportMetric(float64(inRules)/n, "rules-cpu-ns")
	b.ReportMetric(float64(inModel-inRules)/n, "part-cpu-ns")
}
