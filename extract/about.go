package extract

import (
	"context"
	"strings"

	"github.com/alam-nlp/alam/extract/keywords"
	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/pipeline"
)

// Model topics are reported when their probability reaches
// ModelThreshold, at most ModelMaxTopics of them, with ids "model:<label>".
const (
	ModelThreshold = 0.2
	ModelMaxTopics = 3
	modelIDPrefix  = "model:"
)

// Topics returns the stage that says what an analyzed document is about:
// doc.Topics. With a taxonomy t it scores t's topics on the document's
// words and on its entities (run it after Entities, whose mentions count
// as evidence). With a classifier m it adds m's labels, as topics
// "model:<label>" whose score is the label's probability, after the
// taxonomy's. Either may be nil.
func Topics(t *topics.Taxonomy, m *topics.Model) pipeline.Stage {
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a, err := analysis(doc)
		if err != nil {
			return err
		}
		doc.Topics = doc.Topics[:0]
		if t != nil {
			for _, tp := range t.Score(a, entityRefs(doc)) {
				doc.Topics = append(doc.Topics, pipeline.Topic{
					ID: tp.ID, Label: tp.Label, LabelAr: tp.LabelAr, Score: pipeline.Score(tp.Score), Evidence: tp.Evidence,
				})
			}
		}
		if m != nil {
			for i, p := range m.Predict(a) {
				if i == ModelMaxTopics || p.Score < ModelThreshold {
					break
				}
				doc.Topics = append(doc.Topics, pipeline.Topic{ID: modelIDPrefix + p.Label, Label: p.Label, Score: pipeline.Score(p.Score)})
			}
		}
		return nil
	})
}

// entityRefs lists the document's mentions as topic evidence.
func entityRefs(doc *pipeline.Document) []topics.EntityRef {
	kinds := make(map[string]string, len(doc.Entities))
	for _, e := range doc.Entities {
		if k := e.Attrs.String("kind"); k != "" {
			kinds[e.ID] = k
		}
	}
	refs := make([]topics.EntityRef, 0, len(doc.Mentions))
	for _, m := range doc.Mentions {
		refs = append(refs, topics.EntityRef{ID: m.Entity, Kind: kinds[m.Entity], Type: string(m.Type), Name: m.Text})
	}
	return refs
}

// Keywords returns the stage that finds the n best keyphrases of an
// analyzed document (keywords.DefaultN when n is 0): doc.Keywords.
func Keywords(n int) pipeline.Stage {
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a, err := analysis(doc)
		if err != nil {
			return err
		}
		doc.Keywords = doc.Keywords[:0]
		kw, err := keywords.ExtractContext(ctx, a, n, keywords.Options{})
		if err != nil {
			return err
		}
		for _, k := range kw {
			doc.Keywords = append(doc.Keywords, pipeline.Keyword{Text: k.Text, Score: pipeline.Score(k.Score)})
		}
		return nil
	})
}

// TopTopic returns the label a record's topics give doc: the id of its
// first taxonomy topic, or, if model, the label of its first model topic
// (the id without "model:"); "" when there is none. alam eval topics
// scores this, so that it measures what alam extract writes.
func TopTopic(doc *pipeline.Document, model bool) string {
	for _, t := range doc.Topics {
		label, isModel := strings.CutPrefix(t.ID, modelIDPrefix)
		if isModel == model {
			return label
		}
	}
	return ""
}
