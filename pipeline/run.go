package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"sync"
	"time"
)

// Config sets up Run. The zero Config runs runtime.NumCPU() workers and
// emits in input order.
type Config struct {
	// Workers is the number of goroutines that run the stage; 0 or less
	// means runtime.NumCPU().
	Workers int

	// Unordered lets Run emit each document as soon as it is done, instead
	// of in input order.
	Unordered bool

	// Progress, if not nil, is called after each emit, from the worker
	// that calls emit, with the totals so far.
	Progress func(Summary)
}

// Summary counts what Run emitted.
type Summary struct {
	Documents int           // documents emitted
	Failed    int           // of those, documents with Err set
	Bytes     int64         // bytes of Text of the documents emitted
	Elapsed   time.Duration // time since Run started
}

// job is one document in flight, from the moment a worker pulls it from
// the source until it is emitted.
type job struct {
	doc       *Document
	abandoned bool // the stage did not finish because Run was cancelled
}

// Run pulls documents from src, runs stage on each with cfg.Workers
// goroutines, and passes each document to emit.
//
// Emit is called from one goroutine at a time, never concurrently, in input
// order unless cfg.Unordered is set, by one of the workers: the one that
// finishes a document while no other is emitting emits every document that
// may go out then and those that become ready while it does (a worker never
// waits for another's document to be finished). Every document pulled from
// src is emitted once, whether it succeeded or not: a document that arrives
// with Err set skips the stage, and a document whose stage returns an error
// or panics is emitted with Err set to an *Error naming its source. Nil
// documents from src are skipped. A panic in emit or cfg.Progress stops the
// run as an error would, and Run panics with the same value once its workers
// are done; a call of runtime.Goexit in them (testing's FailNow, say) stops
// it too, and Run then calls runtime.Goexit on its caller's goroutine.
//
// Memory does not grow with the input: at most 4×Workers+1 documents are
// pulled from src and not yet emitted at any time: the other workers may
// finish 4×Workers-1 documents after one that takes long before they wait
// for it. (Two workers held to 2×Workers waited on such a document for 2.5%
// more of their time on the ANT sample.)
//
// When ctx is cancelled, Run stops pulling from src, lets the stages that
// are running finish (they see ctx and may stop early), emits the documents
// that were done (in ordered mode, only those before the first one that was
// not, so the output is a prefix of the input) and returns ctx.Err(). If
// emit returns an error, Run stops in the same way, emits nothing more, and
// returns that error. Otherwise it returns a nil error once src is
// exhausted and every document is emitted.
//
// Run does not wait for src to yield again after it stops: if src is
// blocked (say, reading a terminal), the goroutine that ranges over it ends
// the next time src yields.
func Run(ctx context.Context, cfg Config, src iter.Seq[*Document], stage Stage, emit func(*Document) error) (Summary, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if stage == nil {
		stage = Chain()
	}
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	r := &runner{
		cfg: cfg, emit: emit, cancel: cancel, start: time.Now(),
		// slots holds one token per document in flight: the feeder takes
		// one before it passes a document on, and whoever emits it gives
		// it back.
		slots: make(chan struct{}, 4*workers),
		ring:  make([]job, 4*workers),
	}
	docs := r.feed(inner, src)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { r.work(inner, docs, stage) })
	}
	wg.Wait()
	r.sum.Elapsed = time.Since(r.start)
	if r.panicked {
		panic(r.panicValue)
	}
	if r.goexited {
		runtime.Goexit()
	}
	if r.emitErr != nil {
		return r.sum, r.emitErr
	}
	return r.sum, ctx.Err()
}

// runner is the state of one Run that its workers share.
type runner struct {
	cfg    Config
	emit   func(*Document) error
	cancel context.CancelFunc
	start  time.Time
	slots  chan struct{}

	mu sync.Mutex
	// ring holds the finished documents not yet emitted, the one numbered
	// n at n % len(ring), a nil doc where there is none (ordered mode; the
	// slots keep at most len(ring) in flight); ready lists them as they
	// finished (unordered mode).
	ring     []job
	head     int   // number of the next document to emit (ordered mode)
	ready    []job // unordered mode
	emitting bool  // a worker is emitting; the others leave their documents to it

	// Read and written only by the worker that is emitting.
	sum        Summary
	emitErr    error
	stopped    bool // nothing more is emitted
	panicked   bool
	panicValue any
	goexited   bool // emit or Progress called runtime.Goexit
}

// inOrder is a document and its number in the input, from 0.
type inOrder struct {
	n   int
	doc *Document
}

// feed ranges over src in a goroutine of its own and passes each document,
// numbered, on the returned channel, once it has a slot for it; it closes
// the channel when src is exhausted or ctx is done. The channel has room
// for every slot, so that the feeder never waits for a worker: a worker
// finds the documents that slots were freed for waiting, and the feeder
// runs only when one is freed.
func (r *runner) feed(ctx context.Context, src iter.Seq[*Document]) <-chan inOrder {
	docs := make(chan inOrder, cap(r.slots))
	go func() {
		defer close(docs)
		if src == nil {
			return
		}
		n := 0
		for d := range src {
			if d == nil {
				continue
			}
			select {
			case r.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			docs <- inOrder{n, d}
			n++
		}
	}()
	return docs
}

// work is one worker: it runs the stage on each document from docs and
// hands it over to be emitted, until docs is closed or ctx is done (the
// documents left in docs then come after every one taken, and are not
// emitted).
func (r *runner) work(ctx context.Context, docs <-chan inOrder, stage Stage) {
	var batch []job
	for {
		var d inOrder
		var ok bool
		select {
		case d, ok = <-docs:
		case <-ctx.Done():
		}
		if !ok {
			return
		}
		j := job{doc: d.doc}
		process(ctx, stage, &j)
		batch = r.finish(d.n, j, batch)
	}
}

// finish hands over job j, numbered n, to be emitted. If no other worker is
// emitting, this one emits every document that may go out now, and the
// ones that become ready meanwhile; it returns batch for reuse.
func (r *runner) finish(n int, j job, batch []job) []job {
	r.mu.Lock()
	if r.cfg.Unordered {
		r.ready = append(r.ready, j)
	} else {
		r.ring[n%len(r.ring)] = j
	}
	if r.emitting {
		r.mu.Unlock()
		return batch
	}
	r.emitting = true
	for {
		batch = batch[:0]
		if r.cfg.Unordered {
			batch = append(batch, r.ready...)
			clear(r.ready)
			r.ready = r.ready[:0]
		} else {
			for k := r.head % len(r.ring); r.ring[k].doc != nil; k = r.head % len(r.ring) {
				batch = append(batch, r.ring[k])
				r.ring[k] = job{}
				r.head++
			}
		}
		if len(batch) == 0 {
			r.emitting = false
			r.mu.Unlock()
			return batch
		}
		r.mu.Unlock()
		for i := range batch {
			r.deliver(&batch[i])
			batch[i] = job{}
			<-r.slots
		}
		r.mu.Lock()
	}
}

// deliver emits one finished job, unless the run has stopped; it is called
// by the emitting worker only.
func (r *runner) deliver(j *job) {
	if r.stopped {
		return
	}
	if j.abandoned {
		// Ordered output must stay a prefix of the input.
		r.stopped = !r.cfg.Unordered
		return
	}
	returned := false
	defer func() {
		if v := recover(); v != nil {
			r.panicked, r.panicValue, r.stopped = true, v, true
			r.cancel()
		} else if !returned {
			// runtime.Goexit: this worker ends as the emitting one, so
			// no other emits again; the run stops as on a panic.
			r.goexited, r.stopped = true, true
			r.cancel()
		}
	}()
	if err := r.emit(j.doc); err != nil {
		r.emitErr = err
		r.stopped = true
		r.cancel()
		returned = true
		return
	}
	r.sum.Documents++
	if j.doc.Err != nil {
		r.sum.Failed++
	}
	r.sum.Bytes += int64(len(j.doc.Text))
	if r.cfg.Progress != nil {
		r.sum.Elapsed = time.Since(r.start)
		r.cfg.Progress(r.sum)
	}
	returned = true
}

// process runs the stage on one job's document, turning an error or a
// panic into doc.Err, or marks the job abandoned if ctx was cancelled
// before or during the stage.
func process(ctx context.Context, stage Stage, j *job) {
	doc := j.doc
	if ctx.Err() != nil {
		j.abandoned = true
		return
	}
	if doc.Err != nil {
		doc.Err = docError(doc, doc.Err)
		return
	}
	err := protect(ctx, stage, doc)
	if err == nil {
		err = doc.Err
	}
	if err != nil && ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		j.abandoned = true
		return
	}
	doc.Err = docError(doc, err)
}

// protect calls stage.Process and turns a panic into an error that carries
// the panic value and the stack.
func protect(ctx context.Context, stage Stage, doc *Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return stage.Process(ctx, doc)
}

// PanicError is the reason for a document whose stage panicked.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the goroutine's stack at the panic
}

// Error returns "stage panicked: <value>"; the stack is left out.
func (e *PanicError) Error() string { return fmt.Sprintf("stage panicked: %v", e.Value) }
