package pipeline

import "context"

// Stage is one step of the analysis.
//
// Process may read and modify doc; it must not keep doc (or anything that
// aliases its slices) after it returns. It may be called concurrently on
// different documents, so a Stage that holds state must make it safe for
// concurrent use. An error fails this document only: the runner records it
// in doc.Err and goes on with the next document. A Stage may also fail a
// document by setting doc.Err and returning nil.
type Stage interface {
	Process(ctx context.Context, doc *Document) error
}

// StageFunc adapts an ordinary function to the Stage interface.
type StageFunc func(ctx context.Context, doc *Document) error

// Process calls f(ctx, doc).
func (f StageFunc) Process(ctx context.Context, doc *Document) error { return f(ctx, doc) }

// Chain returns a Stage that runs stages in order on a document. It stops at
// the first stage that returns an error, returning that error, or that
// leaves doc.Err set, returning doc.Err. It runs nothing for a document whose
// Err is already set, and no stage after ctx is done: then it returns
// ctx's error. Nil stages are skipped; Chain() is a Stage that does
// nothing.
func Chain(stages ...Stage) Stage {
	list := make([]Stage, 0, len(stages))
	for _, s := range stages {
		if s != nil {
			list = append(list, s)
		}
	}
	return chain(list)
}

type chain []Stage

func (c chain) Process(ctx context.Context, doc *Document) error {
	for _, s := range c {
		if doc.Err != nil {
			return doc.Err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, doc); err != nil {
			return err
		}
	}
	return doc.Err
}
