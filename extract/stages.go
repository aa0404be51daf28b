package extract

import (
	"context"
	"errors"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract/englishnames"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/internal/reuse"
	"github.com/alam-nlp/alam/langid"
	"github.com/alam-nlp/alam/pipeline"
)

// ErrNotAnalyzed is returned by the stages that need the analysis when
// the Analyze stage has not run on the document.
var ErrNotAnalyzed = errors.New("extract: document not analyzed")

// Analyze returns the stage that analyzes a document's text: tokens and
// sentences (doc.Analysis, an *arabic.Analysis), doc.Stats and doc.Lang.
// An English article's analysis is then refined with prose's tokens
// (english.Analyzer); the others keep the arabic package's.
// It stops with ctx's error when ctx is done, as the other stages of this
// package do: each looks at ctx inside its long loops, so that a cancelled
// run does not wait for the end of a long article.
func Analyze() pipeline.Stage {
	en := english.NewAnalyzer()
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a, err := arabic.AnalyzeContext(ctx, doc.Text)
		if err != nil {
			return err
		}
		a = english.SplitPossessives(a)
		doc.Lang = langid.Detect(a)
		if doc.Lang == langid.English {
			if a, err = en.Refine(ctx, a); err != nil {
				return err
			}
		}
		doc.Analysis = a
		doc.Stats = pipeline.Stats{Chars: chars(a), Tokens: len(a.Tokens), Sentences: len(a.Sentences)}
		return nil
	})
}

// chars returns the number of code points of a's text: those up to the
// end of its last token, which the token knows, and those after it,
// counted, rather than the whole text counted again.
func chars(a *arabic.Analysis) int {
	if len(a.Tokens) == 0 {
		return utf8.RuneCountInString(a.Text)
	}
	t := a.Tokens[len(a.Tokens)-1]
	return t.RuneEnd + utf8.RuneCountInString(a.Text[t.End:])
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
func Entities(r *entities.Recognizer) pipeline.Stage { return entitiesByLang(r, r) }

// entitiesByLang is Entities with the recognizer english for the articles
// whose Lang is English, and r for the others.
func entitiesByLang(r, english *entities.Recognizer) pipeline.Stage {
	o := newOutputs(r)
	// The recognizer's mentions of a document are read by output and
	// dropped (their candidates and keys are the article's): their arrays
	// are kept for the next documents, those of a huge one left to the
	// garbage collector.
	kept := &reuse.Slices[entities.Mention]{Max: 4096}
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a, err := analysis(doc)
		if err != nil {
			return err
		}
		rec := r
		if doc.Lang == langid.English {
			rec = english
		}
		h := kept.Get()
		found, err := rec.AppendContext(ctx, *h, a)
		defer kept.Put(h, found)
		if err != nil {
			return err
		}
		all := englishnames.Find(a, found)
		if err := ctx.Err(); err != nil {
			return err
		}
		doc.Mentions, doc.Entities = o.output(a, all)
		return nil
	})
}
