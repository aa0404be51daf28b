package eval

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alam-nlp/alam/pipeline"
)

// Classify returns the label of a text, or "" for none.
type Classify func(text string) (string, error)

// TopicsOptions tune Topics. The zero value scores the folder names as
// they are.
type TopicsOptions struct {
	// LabelMap, if not nil, maps folder names to the gold labels that
	// predict is expected to return (sport → medtop:15000000); folders
	// without a mapping are skipped.
	LabelMap map[string]string
}

// TopicsReport scores a classifier on labelled documents: one gold label
// and one predicted label per document.
type TopicsReport struct {
	Docs, Correct int
	// Gold lists the gold labels, sorted; Labels lists every gold or
	// predicted label, sorted ("" for "no label" sorts first).
	Gold, Labels []string
	// ByLabel counts, per label, the documents predicted right (TP), the
	// documents wrongly given the label (FP) and the documents of the
	// label given another one (FN).
	ByLabel map[string]Counts
	// Confusion counts documents by gold label, then predicted label.
	Confusion map[string]map[string]int
	// Predictions lists every document scored, in the order read.
	Predictions []DocPrediction
}

// DocPrediction is the gold and the predicted label of one document.
type DocPrediction struct {
	Path       string // the file, dir joined with its path below dir
	Gold, Pred string
}

// Accuracy returns the share of documents predicted right, or 0.
func (r TopicsReport) Accuracy() float64 { return ratio(r.Correct, r.Docs) }

// MacroF1 returns the mean F1 over the gold labels (labels that are only
// ever predicted do not count), or 0.
func (r TopicsReport) MacroF1() float64 {
	if len(r.Gold) == 0 {
		return 0
	}
	sum := 0.0
	for _, l := range r.Gold {
		sum += r.ByLabel[l].F1()
	}
	return sum / float64(len(r.Gold))
}

// Topics scores predict on the documents under dir with TopicsOptions{};
// see TopicsWith.
func Topics(dir string, predict Classify) (TopicsReport, error) {
	return TopicsWith(dir, predict, TopicsOptions{})
}

// TopicsWith scores predict on the documents under dir: each directory
// directly under dir is a gold label (through opt.LabelMap, if set), and
// every *.txt file below it, at any depth, a document of that label,
// decoded as alam extract decodes a file (pipeline.DecodeBytes, the
// encoding detected; a byte order mark is dropped), so that predict sees
// the text the extractor sees. Files directly in dir are
// ignored; documents are read in sorted order. An unreadable document or an
// error of predict stops the scoring with an error naming the file.
func TopicsWith(dir string, predict Classify, opt TopicsOptions) (TopicsReport, error) {
	rep := TopicsReport{ByLabel: map[string]Counts{}, Confusion: map[string]map[string]int{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return rep, fmt.Errorf("eval: %w", err)
	}
	labels := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		gold := e.Name()
		if opt.LabelMap != nil {
			var ok bool
			if gold, ok = opt.LabelMap[gold]; !ok {
				continue
			}
		}
		err := filepath.WalkDir(filepath.Join(dir, e.Name()), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ".txt") {
				return nil
			}
			text, err := decodeFile(path)
			if err != nil {
				return err
			}
			pred, err := predict(text)
			if err != nil {
				return fmt.Errorf("eval: %s: %w", path, err)
			}
			rep.add(gold, pred)
			rep.Predictions = append(rep.Predictions, DocPrediction{Path: path, Gold: gold, Pred: pred})
			labels[gold], labels[pred] = true, true
			return nil
		})
		if err != nil {
			return rep, err
		}
	}
	rep.Labels = slices.Sorted(func(yield func(string) bool) {
		for l := range labels {
			if !yield(l) {
				return
			}
		}
	})
	for _, l := range rep.Labels {
		if rep.Confusion[l] != nil {
			rep.Gold = append(rep.Gold, l)
		}
	}
	return rep, nil
}

// decodeFile reads a file and decodes it as the extractor's Decode stage
// does with no encoding named.
func decodeFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	text, _, err := pipeline.DecodeBytes(data, "")
	if err != nil {
		return "", fmt.Errorf("eval: %s: %w", path, err)
	}
	return text, nil
}

// add counts one document.
func (r *TopicsReport) add(gold, pred string) {
	r.Docs++
	row := r.Confusion[gold]
	if row == nil {
		row = map[string]int{}
		r.Confusion[gold] = row
	}
	row[pred]++
	g := r.ByLabel[gold]
	if pred == gold {
		r.Correct++
		g.TP++
		r.ByLabel[gold] = g
		return
	}
	g.FN++
	r.ByLabel[gold] = g
	p := r.ByLabel[pred]
	p.FP++
	r.ByLabel[pred] = p
}

// WriteText writes the report: accuracy and macro-F1, precision, recall
// and F1 per label, and the confusion matrix with gold labels as rows and
// predicted labels as columns (numbered; the numbers are those of the
// label list).
func (r TopicsReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents, accuracy %.4f, macro-F1 %.4f over %d gold labels\n", r.Docs, r.Accuracy(), r.MacroF1(), len(r.Gold))
	name := func(l string) string {
		if l == "" {
			return "(none)"
		}
		return l
	}
	width := len("label")
	for _, l := range r.Labels {
		width = max(width, len(name(l)))
	}
	fmt.Fprintf(&b, "%3s %-*s %9s %9s %9s %6s %6s\n", "#", width, "label", "precision", "recall", "f1", "gold", "pred")
	for i, l := range r.Labels {
		c := r.ByLabel[l]
		fmt.Fprintf(&b, "%3d %-*s %9.4f %9.4f %9.4f %6d %6d\n", i+1, width, name(l), c.Precision(), c.Recall(), c.F1(), c.TP+c.FN, c.TP+c.FP)
	}
	fmt.Fprintf(&b, "confusion (rows gold, columns predicted, by #):\n%3s %-*s", "", width, "")
	for i := range r.Labels {
		fmt.Fprintf(&b, " %4d", i+1)
	}
	b.WriteByte('\n')
	for i, g := range r.Labels {
		row := r.Confusion[g]
		if row == nil {
			continue
		}
		fmt.Fprintf(&b, "%3d %-*s", i+1, width, name(g))
		for _, p := range r.Labels {
			fmt.Fprintf(&b, " %4d", row[p])
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
