package main

import (
	"context"
	"errors"
	"io"
	"os"
	"syscall"
	"testing"
	"time"
)

// TestOnSignals checks the handling of signals without a process: the
// first signal cancels the context with the signal as its cause, the
// second calls exit with 128 + its number.
func TestOnSignals(t *testing.T) {
	tests := []struct {
		name     string
		sigs     []os.Signal
		wantExit int // -1: exit not called
	}{
		{"none", nil, -1},
		{"one SIGINT cancels", []os.Signal{os.Interrupt}, -1},
		{"one SIGTERM cancels", []os.Signal{syscall.SIGTERM}, -1},
		{"a second SIGINT exits with 130", []os.Signal{os.Interrupt, os.Interrupt}, 130},
		{"SIGTERM then SIGINT exits with 130", []os.Signal{syscall.SIGTERM, os.Interrupt}, 130},
		{"SIGINT then SIGTERM exits with 143", []os.Signal{os.Interrupt, syscall.SIGTERM}, 143},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := make(chan os.Signal, 2)
			exited := make(chan int, 1)
			ctx, stop := onSignals(ch, func(code int) { exited <- code }, io.Discard)
			defer stop()
			for _, s := range tt.sigs {
				ch <- s
			}
			if len(tt.sigs) == 0 {
				stop()
				if ctx.Err() == nil {
					t.Fatal("stop did not cancel the context")
				}
				if _, ok := interruptedBy(ctx); ok {
					t.Error("a context stopped without a signal says it was interrupted")
				}
				return
			}
			select {
			case <-ctx.Done():
			case <-time.After(30 * time.Second):
				t.Fatal("the first signal did not cancel the context")
			}
			sig, ok := interruptedBy(ctx)
			if !ok || sig != tt.sigs[0] {
				t.Errorf("interruptedBy = %v, %v; want %v", sig, ok, tt.sigs[0])
			}
			if !errors.Is(ctx.Err(), context.Canceled) {
				t.Errorf("ctx.Err() = %v", ctx.Err())
			}
			if tt.wantExit < 0 {
				select {
				case code := <-exited:
					t.Errorf("exit(%d) after one signal", code)
				case <-time.After(50 * time.Millisecond):
				}
				return
			}
			select {
			case code := <-exited:
				if code != tt.wantExit {
					t.Errorf("exit(%d), want exit(%d)", code, tt.wantExit)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("the second signal did not exit")
			}
		})
	}
}
