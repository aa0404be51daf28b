package extract

import (
	"context"
	"errors"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/pipeline"
)

// ErrNotAnalyzed is returned by the stages that need the analysis when
// the Analyze stage has not run on the document.
var ErrNotAnalyzed = errors.New("extract: document not analyzed")

// Analyze returns the stage that analyzes a document's text: tokens and
// sentences (doc.Analysis, an *arabic.Analysis), doc.Stats and doc.Lang.
func Analyze() pipeline.Stage {
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a := arabic.Analyze(doc.Text)
		doc.Analysis = a
		doc.Stats = pipeline.Stats{Chars: utf8.RuneCountInString(doc.Text), Tokens: len(a.Tokens), Sentences: len(a.Sentences)}
		doc.Lang = language(a)
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

// language guesses the language of a text from the scripts of its words:
// "ar" when most letters are Arabic, "en" when most are Latin, "und"
// otherwise (no words, or another script).
func language(a *arabic.Analysis) string {
	var arabicLetters, latin, other int
	for _, t := range a.Tokens {
		switch t.Kind {
		case arabic.Word:
			arabicLetters += t.RuneEnd - t.RuneStart
		case arabic.Latin:
			for _, r := range t.Norm {
				if unicode.IsLetter(r) {
					latin++
				}
			}
		case arabic.Foreign:
			other += t.RuneEnd - t.RuneStart
		}
	}
	switch {
	case arabicLetters > latin && arabicLetters > other:
		return "ar"
	case latin > arabicLetters && latin > other:
		return "en"
	}
	return "und"
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
		doc.Mentions, doc.Entities = o.output(a, r.Recognize(a))
		return nil
	})
}
