package topics

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// Reliability is how a model did on labelled documents: its accuracy,
// its log loss, and how well its probabilities match how often it is
// right.
type Reliability struct {
	Docs, Correct int
	// LogLoss is the mean of −ln(probability of the gold label); a gold
	// label the model does not have counts as probability 1e-12.
	LogLoss float64
	// ECE is the expected calibration error: the mean over Bins, weighted
	// by their documents, of |accuracy − mean confidence|.
	ECE float64
	// Bins split the documents by the probability of their first label
	// (the confidence) into equal-width intervals of [0, 1].
	Bins []Bin
}

// Bin is the documents whose confidence is in [Lo, Hi) ([Lo, 1] for the
// last bin).
type Bin struct {
	Lo, Hi        float64
	Docs, Correct int
	Confidence    float64 // the mean confidence of its documents
}

// Accuracy returns the share of documents right, or 0.
func (r Reliability) Accuracy() float64 {
	if r.Docs == 0 {
		return 0
	}
	return float64(r.Correct) / float64(r.Docs)
}

// Check predicts docs (with their entities) and measures the predictions
// in bins equal-width bins of confidence (10 when bins < 1).
func (m *Model) Check(docs []LabeledDoc, bins int) Reliability {
	if bins < 1 {
		bins = 10
	}
	r := Reliability{Bins: make([]Bin, bins)}
	for i := range r.Bins {
		r.Bins[i].Lo, r.Bins[i].Hi = float64(i)/float64(bins), float64(i+1)/float64(bins)
	}
	for _, d := range docs {
		preds := m.PredictWith(d.Analysis, d.Entities)
		top := preds[0]
		gold := 1e-12
		for _, p := range preds {
			if p.Label == d.Label {
				gold = max(p.Score, 1e-12)
			}
		}
		r.Docs++
		r.LogLoss -= math.Log(gold)
		b := &r.Bins[min(int(top.Score*float64(bins)), bins-1)]
		b.Docs++
		b.Confidence += top.Score
		if top.Label == d.Label {
			r.Correct++
			b.Correct++
		}
	}
	if r.Docs == 0 {
		return r
	}
	r.LogLoss /= float64(r.Docs)
	for i := range r.Bins {
		b := &r.Bins[i]
		if b.Docs == 0 {
			continue
		}
		b.Confidence /= float64(b.Docs)
		r.ECE += float64(b.Docs) / float64(r.Docs) * math.Abs(float64(b.Correct)/float64(b.Docs)-b.Confidence)
	}
	return r
}

// WriteText writes the report: accuracy, log loss and ECE, then a line
// per bin that holds documents.
func (r Reliability) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents, accuracy %.4f, log loss %.4f, ECE %.4f\n", r.Docs, r.Accuracy(), r.LogLoss, r.ECE)
	fmt.Fprintf(&b, "%-12s %6s %10s %9s\n", "confidence", "docs", "mean conf", "accuracy")
	for _, bin := range r.Bins {
		if bin.Docs == 0 {
			continue
		}
		fmt.Fprintf(&b, "[%.2f, %.2f%s %6d %10.3f %9.3f\n", bin.Lo, bin.Hi, closing(bin.Hi), bin.Docs, bin.Confidence, float64(bin.Correct)/float64(bin.Docs))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func closing(hi float64) string {
	if hi >= 1 {
		return "]"
	}
	return ")"
}
