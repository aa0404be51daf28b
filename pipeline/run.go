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

	// Progress, if not nil, is called after each emit, from the goroutine
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

// job is one document in flight, from the moment Run pulls it from the
// source until it is emitted.
type job struct {
	doc       *Document
	abandoned bool          // the stage did not finish because Run was cancelled
	done      chan struct{} // closed by the worker (ordered mode only)
}

// Run pulls documents from src, runs stage on each with cfg.Workers
// goroutines, and passes each document to emit.
//
// Emit is called from one goroutine at a time, never concurrently, in input
// order unless cfg.Unordered is set. Every document pulled from src is
// emitted once, whether it succeeded or not: a document that arrives with
// Err set skips the stage, and a document whose stage returns an error or
// panics is emitted with Err set to an *Error naming its source. Nil
// documents from src are skipped.
//
// Memory does not grow with the input: at most 2×Workers+1 documents are
// pulled from src and not yet emitted at any time.
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
	start := time.Now()
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if stage == nil {
		stage = Chain()
	}
	inner, cancel := context.WithCancel(ctx)
	defer cancel()

	// slots holds one token per document in flight: the dispatcher takes a
	// token before it pulls a document, the emitter gives it back after
	// emitting. Every buffered channel below has room for all of them, so
	// only the wait for a token (or a document) ever blocks the dispatcher.
	capacity := 2 * workers
	slots := make(chan struct{}, capacity)
	jobs := make(chan *job, capacity)
	order := make(chan *job, capacity) // ordered mode: jobs in input order
	done := make(chan *job, capacity)  // unordered mode: jobs as finished

	docs := feed(inner, src)
	go dispatch(inner, docs, slots, jobs, order, cfg.Unordered)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				work(inner, stage, j)
				if cfg.Unordered {
					done <- j
				} else {
					close(j.done)
				}
			}
		}()
	}
	if cfg.Unordered {
		go func() {
			wg.Wait()
			close(done)
		}()
	}

	var sum Summary
	var emitErr error
	stopped := false // nothing more is emitted
	deliver := func(j *job) {
		defer func() { <-slots }()
		if stopped {
			return
		}
		if j.abandoned {
			// Ordered output must stay a prefix of the input.
			stopped = !cfg.Unordered
			return
		}
		if err := emit(j.doc); err != nil {
			emitErr = err
			stopped = true
			cancel()
			return
		}
		sum.Documents++
		if j.doc.Err != nil {
			sum.Failed++
		}
		sum.Bytes += int64(len(j.doc.Text))
		if cfg.Progress != nil {
			sum.Elapsed = time.Since(start)
			cfg.Progress(sum)
		}
	}
	if cfg.Unordered {
		for j := range done {
			deliver(j)
		}
	} else {
		for j := range order {
			<-j.done
			deliver(j)
		}
	}
	wg.Wait()
	sum.Elapsed = time.Since(start)
	if emitErr != nil {
		return sum, emitErr
	}
	return sum, ctx.Err()
}

// feed ranges over src in a goroutine of its own and sends each document on
// the returned channel, which it closes when src is exhausted or ctx is
// done.
func feed(ctx context.Context, src iter.Seq[*Document]) <-chan *Document {
	docs := make(chan *Document)
	go func() {
		defer close(docs)
		if src == nil {
			return
		}
		for d := range src {
			if d == nil {
				continue
			}
			select {
			case docs <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	return docs
}

// dispatch hands documents to the workers, and in ordered mode to the
// emitter too, one token from slots each. It closes jobs and order when the
// documents run out or ctx is done.
func dispatch(ctx context.Context, docs <-chan *Document, slots chan struct{}, jobs, order chan *job, unordered bool) {
	defer close(jobs)
	defer close(order)
	for {
		if ctx.Err() != nil {
			return
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		var d *Document
		var ok bool
		select {
		case d, ok = <-docs:
		case <-ctx.Done():
		}
		if !ok {
			<-slots
			return
		}
		j := &job{doc: d}
		if !unordered {
			j.done = make(chan struct{})
			order <- j
		}
		jobs <- j
	}
}

// work runs the stage on one job's document, turning an error or a panic
// into doc.Err, or marks the job abandoned if ctx was cancelled before or
// during the stage.
func work(ctx context.Context, stage Stage, j *job) {
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
