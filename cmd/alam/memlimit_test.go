package main

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/alam-nlp/alam/pipeline"
)

func TestMemoryBudget(t *testing.T) {
	var limits []int64
	var percents []int
	b := &memoryBudget{base: 100, set: func(n int64) int64 { limits = append(limits, n); return 0 },
		percent: func(p int) int { percents = append(percents, p); return 0 }}
	errRead := errors.New("unreadable")
	read := pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		if doc.ID == "bad" {
			return errRead
		}
		doc.Raw = make([]byte, longInFlight/2)
		return nil
	})
	var during []int64
	inner := pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		during = append(during, b.inFlight)
		if doc.ID == "nested" {
			// A second article while the first is in flight.
			return b.stage(read, pipeline.StageFunc(func(context.Context, *pipeline.Document) error {
				during = append(during, b.inFlight)
				return nil
			})).Process(context.Background(), &pipeline.Document{ID: "inner"})
		}
		return nil
	})
	s := b.stage(read, inner)
	if err := s.Process(context.Background(), &pipeline.Document{ID: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), &pipeline.Document{ID: "bad"}); !errors.Is(err, errRead) {
		t.Fatalf("err = %v, want the read error", err)
	}
	if err := s.Process(context.Background(), &pipeline.Document{ID: "nested"}); err != nil {
		t.Fatal(err)
	}
	b.release()
	const n = longInFlight / 2
	want := []int64{100 + n*perArticleBytes, 100, 100 + n*perArticleBytes, 100 + 2*n*perArticleBytes, 100 + n*perArticleBytes, 100, math.MaxInt64}
	if !slices.Equal(limits, want) {
		t.Errorf("limits %v, want %v", limits, want)
	}
	// GOGC 50 while the two are in flight (longInFlight bytes), 100 after.
	if wantPercents := []int{50, 100, 100}; !slices.Equal(percents, wantPercents) {
		t.Errorf("GOGC set to %v, want %v", percents, wantPercents)
	}
	if wantDuring := []int64{n, n, 2 * n}; !slices.Equal(during, wantDuring) {
		t.Errorf("bytes in flight during the stages %v, want %v", during, wantDuring)
	}
	if b.inFlight != 0 {
		t.Errorf("%d bytes still in flight", b.inFlight)
	}
	var none *memoryBudget
	if err := none.stage(read, inner).Process(context.Background(), &pipeline.Document{ID: "c"}); err != nil {
		t.Fatal(err)
	}
	none.release()
}
