package entities_test

import (
	"context"
	"errors"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/gazetteer"
)

// countingCtx is a context that is never done until its Err has been
// called doneAt times: from that call on, Err reports context.Canceled.
type countingCtx struct {
	context.Context
	calls, doneAt int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.calls >= c.doneAt {
		return context.Canceled
	}
	return nil
}

// TestRecognizeDoneAtTheEnd cancels recognition at each look at the
// context in turn, the last one too, and checks what RecognizeContext
// and AppendContext promise on ctx's error: no mentions, and dst as it
// was (its length; the array past it may have been written).
func TestRecognizeDoneAtTheEnd(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := arabic.Analyze("قال الرئيس الأمريكي باراك أوباما في القاهرة إن مصر والكويت ستتعاونان. وزار وزير الخارجية عمان.")
	for _, tc := range []struct {
		name string
		opt  entities.Options
	}{
		{"rules", entities.Options{}},
		{"model", entities.Options{Model: m}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := entities.New(gazetteer.Compile(g), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			count := &countingCtx{Context: context.Background(), doneAt: 1 << 30}
			want, err := r.RecognizeContext(count, a)
			if err != nil || len(want) < 3 {
				t.Fatalf("never done: %d mentions, %v; want 3 at least, no error", len(want), err)
			}
			looks := count.calls
			for doneAt := 1; doneAt <= looks; doneAt++ {
				got, err := r.RecognizeContext(&countingCtx{Context: context.Background(), doneAt: doneAt}, a)
				if !errors.Is(err, context.Canceled) || got != nil {
					t.Errorf("done at look %d of %d: RecognizeContext gave %d mentions, %v; want none, %v", doneAt, looks, len(got), err, context.Canceled)
				}
				dst := make([]entities.Mention, 1, 16)
				got, err = r.AppendContext(&countingCtx{Context: context.Background(), doneAt: doneAt}, dst, a)
				if !errors.Is(err, context.Canceled) || len(got) != len(dst) {
					t.Errorf("done at look %d of %d: AppendContext gave %d mentions after dst's %d, %v; want dst, %v", doneAt, looks, len(got), len(dst), err, context.Canceled)
				}
			}
		})
	}
}
