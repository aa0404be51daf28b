package arabic_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
)

func ExampleAnalyzeContext() {
	ctx, cancel := context.WithCancel(context.Background())
	a, err := arabic.AnalyzeContext(ctx, "ذهب محمد إلى القاهرة.")
	fmt.Println(len(a.Tokens), err)
	cancel()
	// A long text stops within a few thousand tokens of the cancel.
	_, err = arabic.AnalyzeContext(ctx, strings.Repeat("كتب ", 100000))
	fmt.Println(err)
	// Output:
	// 5 <nil>
	// context canceled
}

func TestAnalyzeContext(t *testing.T) {
	long := strings.Repeat("ذهب محمد إلى القاهرة. ", 10000) // 50,000 tokens
	tests := []struct {
		name    string
		cancel  bool
		text    string
		wantErr error
	}{
		{"live, long", false, long, nil},
		{"cancelled, long", true, long, context.Canceled},
		{"cancelled, empty", true, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				cancel()
			}
			a, err := arabic.AnalyzeContext(ctx, tt.text)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				if a != nil {
					t.Errorf("got an analysis with the error")
				}
				return
			}
			want := arabic.Analyze(tt.text)
			if len(a.Tokens) != len(want.Tokens) || len(a.Sentences) != len(want.Sentences) {
				t.Errorf("%d tokens, %d sentences; Analyze gives %d, %d", len(a.Tokens), len(a.Sentences), len(want.Tokens), len(want.Sentences))
			}
		})
	}
}
