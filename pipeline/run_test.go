package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// numbered yields n documents with IDs "0", "1", ...
func numbered(n int) iter.Seq[*Document] {
	return func(yield func(*Document) bool) {
		for i := range n {
			if !yield(&Document{ID: strconv.Itoa(i), Source: "doc" + strconv.Itoa(i)}) {
				return
			}
		}
	}
}

// endless yields documents until the consumer stops.
func endless() iter.Seq[*Document] {
	return func(yield func(*Document) bool) {
		for i := 0; ; i++ {
			if !yield(&Document{ID: strconv.Itoa(i), Source: "doc" + strconv.Itoa(i)}) {
				return
			}
		}
	}
}

// jitter is a stage that sleeps up to max and marks the document done.
func jitter(seed uint64, max time.Duration) Stage {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, seed))
	return StageFunc(func(ctx context.Context, doc *Document) error {
		mu.Lock()
		d := time.Duration(rng.Int64N(int64(max)))
		mu.Unlock()
		time.Sleep(d)
		doc.Text = "done " + doc.ID
		return nil
	})
}

// collector is an emit function that records IDs and checks that it is
// never called concurrently.
type collector struct {
	ids        []string
	busy       atomic.Bool
	concurrent bool
}

func (c *collector) emit(doc *Document) error {
	if !c.busy.CompareAndSwap(false, true) {
		c.concurrent = true
	}
	c.ids = append(c.ids, doc.ID)
	c.busy.Store(false)
	return nil
}

func TestRunOrdered(t *testing.T) {
	const n = 60
	for workers := 1; workers <= 8; workers++ {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var c collector
			sum, err := Run(context.Background(), Config{Workers: workers}, numbered(n), jitter(uint64(workers), 2*time.Millisecond), c.emit)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if c.concurrent {
				t.Errorf("emit was called concurrently")
			}
			if sum.Documents != n || sum.Failed != 0 {
				t.Errorf("summary = %+v, want %d documents, 0 failed", sum, n)
			}
			for i, id := range c.ids {
				if id != strconv.Itoa(i) {
					t.Fatalf("emitted[%d] = %q, want %q (order %v)", i, id, strconv.Itoa(i), c.ids)
				}
			}
			if len(c.ids) != n {
				t.Errorf("emitted %d documents, want %d", len(c.ids), n)
			}
		})
	}
}

func TestRunUnordered(t *testing.T) {
	const n = 100
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var c collector
			sum, err := Run(context.Background(), Config{Workers: workers, Unordered: true}, numbered(n), jitter(7, time.Millisecond), c.emit)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if c.concurrent {
				t.Errorf("emit was called concurrently")
			}
			seen := map[string]int{}
			for _, id := range c.ids {
				seen[id]++
			}
			for i := range n {
				if k := seen[strconv.Itoa(i)]; k != 1 {
					t.Errorf("document %d emitted %d times, want once", i, k)
				}
			}
			if len(c.ids) != n || sum.Documents != n {
				t.Errorf("emitted %d, summary %d, want %d", len(c.ids), sum.Documents, n)
			}
		})
	}
}

func TestRunCancel(t *testing.T) {
	tests := []struct {
		name      string
		workers   int
		unordered bool
		// stage cancels at document cancelAt, or emit does after
		// cancelAt emits if inEmit
		cancelAt int
		inEmit   bool
	}{
		{name: "emit cancels, 1 worker", workers: 1, cancelAt: 10, inEmit: true},
		{name: "emit cancels, 4 workers", workers: 4, cancelAt: 25, inEmit: true},
		{name: "stage cancels, 4 workers", workers: 4, cancelAt: 30},
		{name: "stage cancels, 8 workers", workers: 8, cancelAt: 5},
		{name: "stage cancels, unordered", workers: 4, cancelAt: 12, unordered: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stage := StageFunc(func(ctx context.Context, doc *Document) error {
				if !tt.inEmit && doc.ID == strconv.Itoa(tt.cancelAt) {
					cancel()
					return ctx.Err()
				}
				select {
				case <-time.After(time.Duration(rand.IntN(500)) * time.Microsecond):
				case <-ctx.Done():
					return ctx.Err()
				}
				return nil
			})
			var ids []string
			emit := func(doc *Document) error {
				if doc.Err != nil {
					t.Errorf("document %s emitted with error %v", doc.ID, doc.Err)
				}
				ids = append(ids, doc.ID)
				if tt.inEmit && len(ids) == tt.cancelAt {
					cancel()
				}
				return nil
			}
			finished := make(chan struct{})
			var sum Summary
			var err error
			go func() {
				defer close(finished)
				sum, err = Run(ctx, Config{Workers: tt.workers, Unordered: tt.unordered}, endless(), stage, emit)
			}()
			select {
			case <-finished:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return after cancellation")
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Run returned %v, want context.Canceled", err)
			}
			if sum.Documents != len(ids) {
				t.Errorf("summary counts %d documents, emit saw %d", sum.Documents, len(ids))
			}
			if tt.inEmit && len(ids) < tt.cancelAt {
				t.Errorf("emitted %d documents, want at least %d", len(ids), tt.cancelAt)
			}
			if tt.unordered {
				for _, id := range ids {
					if id == strconv.Itoa(tt.cancelAt) {
						t.Errorf("the cancelled document %s was emitted", id)
					}
				}
				return
			}
			for i, id := range ids {
				if id != strconv.Itoa(i) {
					t.Fatalf("emitted[%d] = %q: not a prefix in order: %v", i, id, ids)
				}
			}
			if !tt.inEmit && len(ids) > tt.cancelAt {
				t.Errorf("emitted %d documents, past the cancelled one %d", len(ids), tt.cancelAt)
			}
		})
	}
}

func TestRunFailures(t *testing.T) {
	stage := StageFunc(func(ctx context.Context, doc *Document) error {
		switch doc.ID {
		case "1":
			return errors.New("bad input")
		case "2":
			panic("boom")
		case "3":
			doc.Err = errors.New("set, not returned")
		case "4":
			var m map[string]int
			m["x"] = 1 // a runtime panic
		}
		doc.Text = "ok"
		return nil
	})
	src := func(yield func(*Document) bool) {
		for i := range 6 {
			d := &Document{ID: strconv.Itoa(i), Source: "doc" + strconv.Itoa(i)}
			if i == 5 {
				d.Err = &Error{Source: d.Source, Err: errors.New("from the source")}
			}
			if !yield(d) {
				return
			}
			if i == 2 && !yield(nil) { // nil documents are skipped
				return
			}
		}
	}
	want := []struct {
		id, err string
		panics  bool
	}{
		{id: "0"},
		{id: "1", err: "doc1: bad input"},
		{id: "2", err: "doc2: stage panicked: boom", panics: true},
		{id: "3", err: "doc3: set, not returned"},
		{id: "4", err: "doc4: stage panicked: assignment to entry in nil map", panics: true},
		{id: "5", err: "doc5: from the source"},
	}
	var got []*Document
	sum, err := Run(context.Background(), Config{Workers: 3}, src, stage, func(d *Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if sum.Documents != 6 || sum.Failed != 5 {
		t.Errorf("summary = %+v, want 6 documents, 5 failed", sum)
	}
	if len(got) != len(want) {
		t.Fatalf("emitted %d documents, want %d", len(got), len(want))
	}
	for i, w := range want {
		t.Run("doc"+w.id, func(t *testing.T) {
			d := got[i]
			if d.ID != w.id {
				t.Fatalf("ID = %q, want %q", d.ID, w.id)
			}
			if w.err == "" {
				if d.Err != nil {
					t.Errorf("Err = %v, want nil", d.Err)
				}
				return
			}
			if d.Err == nil || !strings.HasPrefix(d.Err.Error(), w.err) {
				t.Errorf("Err = %v, want %q", d.Err, w.err)
			}
			var pe *PanicError
			if errors.As(d.Err, &pe) != w.panics {
				t.Errorf("errors.As(PanicError) = %v, want %v", !w.panics, w.panics)
			}
			if w.panics && len(pe.Stack) == 0 {
				t.Errorf("PanicError has no stack")
			}
		})
	}
}

func TestRunEmitError(t *testing.T) {
	stop := errors.New("disk full")
	calls := 0
	sum, err := Run(context.Background(), Config{Workers: 4}, endless(), nil, func(d *Document) error {
		calls++
		if calls == 7 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("Run returned %v, want %v", err, stop)
	}
	if calls != 7 || sum.Documents != 6 {
		t.Errorf("emit called %d times, summary %d documents; want 7 and 6", calls, sum.Documents)
	}
}

// TestRunBounded checks that a slow consumer holds back the source: no
// more than 4×Workers+1 documents are between the source and emit, and no
// more than Workers run the stage at once.
func TestRunBounded(t *testing.T) {
	for _, workers := range []int{1, 2, 5} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var inFlight, maxInFlight, running, maxRunning atomic.Int64
			raise := func(max *atomic.Int64, v int64) {
				for {
					m := max.Load()
					if v <= m || max.CompareAndSwap(m, v) {
						return
					}
				}
			}
			src := func(yield func(*Document) bool) {
				for i := range 200 {
					raise(&maxInFlight, inFlight.Add(1))
					if !yield(&Document{ID: strconv.Itoa(i)}) {
						return
					}
				}
			}
			stage := StageFunc(func(ctx context.Context, doc *Document) error {
				raise(&maxRunning, running.Add(1))
				time.Sleep(50 * time.Microsecond)
				running.Add(-1)
				return nil
			})
			emit := func(*Document) error {
				time.Sleep(100 * time.Microsecond) // slower than the workers
				inFlight.Add(-1)
				return nil
			}
			if _, err := Run(context.Background(), Config{Workers: workers}, src, stage, emit); err != nil {
				t.Fatalf("Run: %v", err)
			}
			if got, limit := maxInFlight.Load(), int64(4*workers+1); got > limit {
				t.Errorf("%d documents in flight, want at most %d", got, limit)
			}
			if got := maxRunning.Load(); got > int64(workers) {
				t.Errorf("%d stages ran at once, want at most %d", got, workers)
			}
		})
	}
}

func TestRunProgress(t *testing.T) {
	var seen []Summary
	src := func(yield func(*Document) bool) {
		for _, text := range []string{"ab", "", "مرحبا"} {
			if !yield(&Document{ID: text, Text: text}) {
				return
			}
		}
	}
	sum, err := Run(context.Background(), Config{Workers: 2, Progress: func(s Summary) { seen = append(seen, s) }}, src, nil, func(*Document) error { return nil })
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	wantBytes := []int64{2, 2, 12}
	if len(seen) != 3 {
		t.Fatalf("progress called %d times, want 3", len(seen))
	}
	for i, s := range seen {
		if s.Documents != i+1 || s.Bytes != wantBytes[i] {
			t.Errorf("progress[%d] = %+v, want %d documents, %d bytes", i, s, i+1, wantBytes[i])
		}
	}
	if sum.Bytes != 12 || sum.Elapsed <= 0 {
		t.Errorf("summary = %+v, want 12 bytes and a positive elapsed time", sum)
	}
}

func TestRunEmpty(t *testing.T) {
	for _, tt := range []struct {
		name string
		src  iter.Seq[*Document]
	}{
		{name: "nil source", src: nil},
		{name: "no documents", src: numbered(0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sum, err := Run(context.Background(), Config{}, tt.src, nil, func(*Document) error {
				t.Error("emit called")
				return nil
			})
			if err != nil || sum.Documents != 0 {
				t.Errorf("Run = %+v, %v; want no documents, no error", sum, err)
			}
		})
	}
}

// TestRunEmitPanics checks that a panic in emit, which runs on a worker,
// stops the run (no emit after it) and reaches Run's caller with its value.
func TestRunEmitPanics(t *testing.T) {
	for _, unordered := range []bool{false, true} {
		t.Run(fmt.Sprintf("unordered=%v", unordered), func(t *testing.T) {
			calls := 0
			got := func() (v any) {
				defer func() { v = recover() }()
				Run(context.Background(), Config{Workers: 3, Unordered: unordered}, endless(), nil, func(*Document) error {
					calls++
					if calls == 4 {
						panic("emit broke")
					}
					return nil
				})
				return nil
			}()
			if got != "emit broke" {
				t.Errorf("Run panicked with %v, want %q", got, "emit broke")
			}
			if calls != 4 {
				t.Errorf("emit called %d times, want 4 (none after the panic)", calls)
			}
		})
	}
}

// TestRunAheadOfSlowDocument checks that, in ordered mode, the other
// workers go on while a document is slow: document 0's stage finishes only
// once the 4×Workers-1 documents after it have run theirs (the most that
// may be in flight behind it), which would never happen if a finished
// document had to be emitted before its worker took the next.
func TestRunAheadOfSlowDocument(t *testing.T) {
	for _, workers := range []int{2, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			ahead := 4*workers - 1
			var finished atomic.Int64
			behind := make(chan struct{})
			stage := StageFunc(func(ctx context.Context, doc *Document) error {
				if doc.ID != "0" {
					if finished.Add(1) == int64(ahead) {
						close(behind)
					}
					return nil
				}
				select {
				case <-behind:
					return nil
				case <-time.After(5 * time.Second):
					return errors.New("the documents behind never ran")
				}
			})
			var ids []string
			sum, err := Run(context.Background(), Config{Workers: workers}, numbered(3*ahead), stage, func(doc *Document) error {
				if doc.Err != nil {
					t.Errorf("document %s: %v", doc.ID, doc.Err)
				}
				ids = append(ids, doc.ID)
				return nil
			})
			if err != nil || sum.Documents != 3*ahead || ids[0] != "0" {
				t.Fatalf("Run = %+v, %v; emitted %v; want %d documents from 0", sum, err, ids, 3*ahead)
			}
		})
	}
}

// TestRunEmitGoexit checks that runtime.Goexit in emit (testing's FailNow,
// for one), which runs on a worker, stops the run rather than leaving the
// other workers waiting for that worker's emitting, and ends Run's caller's
// goroutine as it did when emit ran there.
func TestRunEmitGoexit(t *testing.T) {
	for _, unordered := range []bool{false, true} {
		t.Run(fmt.Sprintf("unordered=%v", unordered), func(t *testing.T) {
			calls := 0
			returned := false
			ended := make(chan struct{})
			go func() {
				defer close(ended)
				Run(context.Background(), Config{Workers: 3, Unordered: unordered}, endless(), nil, func(*Document) error {
					calls++
					if calls == 4 {
						runtime.Goexit()
					}
					return nil
				})
				returned = true
			}()
			select {
			case <-ended:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not end after emit called runtime.Goexit")
			}
			if returned {
				t.Error("Run returned to its caller; want its goroutine ended")
			}
			if calls != 4 {
				t.Errorf("emit called %d times, want 4 (none after runtime.Goexit)", calls)
			}
		})
	}
}
