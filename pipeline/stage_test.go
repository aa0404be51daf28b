package pipeline

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

func TestChain(t *testing.T) {
	errStop := errors.New("stop")
	var trace []string
	var cancel context.CancelFunc
	cancelling := StageFunc(func(ctx context.Context, doc *Document) error {
		trace = append(trace, "cancel")
		cancel()
		return nil
	})
	step := func(name string, err error, setErr bool) Stage {
		return StageFunc(func(ctx context.Context, doc *Document) error {
			trace = append(trace, name)
			if setErr {
				doc.Err = err
				return nil
			}
			return err
		})
	}
	tests := []struct {
		name      string
		stages    []Stage
		preset    error // doc.Err before the chain runs
		wantTrace []string
		wantErr   error
	}{
		{name: "empty", wantTrace: nil},
		{name: "in order", stages: []Stage{step("a", nil, false), step("b", nil, false), step("c", nil, false)}, wantTrace: []string{"a", "b", "c"}},
		{name: "nil stages skipped", stages: []Stage{nil, step("a", nil, false), nil}, wantTrace: []string{"a"}},
		{name: "stops at returned error", stages: []Stage{step("a", nil, false), step("b", errStop, false), step("c", nil, false)}, wantTrace: []string{"a", "b"}, wantErr: errStop},
		{name: "stops at doc.Err", stages: []Stage{step("a", errStop, true), step("b", nil, false)}, wantTrace: []string{"a"}, wantErr: errStop},
		{name: "runs nothing for a failed doc", stages: []Stage{step("a", nil, false)}, preset: errStop, wantErr: errStop},
		{name: "nested", stages: []Stage{Chain(step("a", nil, false), step("b", nil, false)), step("c", nil, false)}, wantTrace: []string{"a", "b", "c"}},
		{name: "stops when ctx is done", stages: []Stage{step("a", nil, false), cancelling, step("c", nil, false)}, wantTrace: []string{"a", "cancel"}, wantErr: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trace = nil
			doc := &Document{Err: tt.preset}
			var ctx context.Context
			ctx, cancel = context.WithCancel(context.Background())
			defer cancel()
			err := Chain(tt.stages...).Process(ctx, doc)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(trace, tt.wantTrace) {
				t.Errorf("ran %v, want %v", trace, tt.wantTrace)
			}
		})
	}
}
