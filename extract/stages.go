package extract

import (
	"context"
	"errors"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract/englishnames"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/langid"
	"github.com/alam-nlp/alam/pipeline"
)

// ErrNotAnalyzed is returned by the stages that need the analysis when
// the Analyze stage has not run on the document.
var ErrNotAnalyzed = errors.New("extract: document not analyzed")

// Analyze returns the stage that analyzes a document's text: tokens and
// sentences (doc.Analysis, an *arabic.Analysis), doc.Stats and doc.Lang.
func Analyze() pipeline.Stage {
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a := english.SplitPossessives(arabic.Analyze(doc.Text))
		doc.Analysis = a
		doc.Stats = pipeline.Stats{Chars: utf8.RuneCountInString(doc.Text), Tokens: len(a.Tokens), Sentences: len(a.Sentences)}
		doc.Lang = langid.Detect(a)
		return nil
	})
}

// analysis returns the analysis of doc made by the Analyze stage.
func analysis(doc *pipeline.Document) (*arabic.Analysis, error) {
	a, ok := doc.Analysis.(*arabic.Analysis)
	if !ok {
		return nil, ErrNotAnalyzed
	}
	return a, nil
}

// Entities returns the stage that finds the named entities of an analyzed
// document with r: doc.Mentions and doc.Entities.
func Entities(r *entities.Recognizer) pipeline.Stage {
	o := newOutputs(r)
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a, err := analysis(doc)
		if err != nil {
			return err
		}
		doc.Mentions, doc.Entities = o.output(a, englishnames.Find(a, r.Recognize(a)))
		return nil
	})
}
