package extract_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// laterCtx is a context that reports no error the first time its Err is
// called and context.Canceled after: a stage that looks at its context
// only once, at the start, runs to the end; one that looks inside its
// loops stops.
type laterCtx struct {
	context.Context
	calls atomic.Int32
}

func (c *laterCtx) Err() error {
	if c.calls.Add(1) == 1 {
		return nil
	}
	return context.Canceled
}

func TestStagesStopInsideLongArticles(t *testing.T) {
	text, err := os.ReadFile(referenceText)
	if err != nil {
		t.Fatal(err)
	}
	// About 30,000 tokens: several times the stages' checking interval.
	long := strings.Repeat(string(text)+"\n", 60)
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entities.New(gazetteer.Compile(g), entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	analyzed := func(t *testing.T) *pipeline.Document {
		doc := &pipeline.Document{Text: long}
		if err := extract.Analyze().Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	tests := []struct {
		name  string
		stage pipeline.Stage
		doc   func(t *testing.T) *pipeline.Document
	}{
		{"analyze", extract.Analyze(), func(*testing.T) *pipeline.Document { return &pipeline.Document{Text: long} }},
		{"entities", extract.Entities(r), analyzed},
		{"keywords", extract.Keywords(10), analyzed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc(t)
			ctx := &laterCtx{Context: context.Background()}
			err := tt.stage.Process(ctx, doc)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v after %d looks at the context, want context.Canceled", err, ctx.calls.Load())
			}
		})
	}
}
