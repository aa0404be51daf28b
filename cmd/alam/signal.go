package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals are the signals that stop a run: the first cancels it (the
// records done so far are written, then alam exits with signalStatus), a
// second one exits at once with the same kind of status.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// signalError is the cause of a run's cancellation by a signal.
type signalError struct{ sig os.Signal }

func (e *signalError) Error() string { return "interrupted by " + signalName(e.sig) }

// signalStatus is the exit status of a process stopped by sig: 128 + its
// number, as a shell reports a process killed by it (130 for SIGINT, 143
// for SIGTERM).
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitFailed
}

func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// interruptedBy returns the signal that cancelled ctx, if one did.
func interruptedBy(ctx context.Context) (os.Signal, bool) {
	var se *signalError
	if errors.As(context.Cause(ctx), &se) {
		return se.sig, true
	}
	return nil, false
}

// onSignals returns a context that the first of sigs cancels, with a
// *signalError as its cause. After that, the next signal calls exit with
// its status at once, whatever the run is doing; a message goes to
// stderr first. stop undoes the handling; it may be called more than once.
func onSignals(sigs <-chan os.Signal, exit func(int), stderr io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	quit := make(chan struct{})
	go func() {
		var first os.Signal
		select {
		case first = <-sigs:
		case <-quit:
			return
		}
		cancel(&signalError{first})
		select {
		case sig := <-sigs:
			warnf(stderr, "%s again: exiting at once", signalName(sig))
			exit(signalStatus(sig))
		case <-quit:
		}
	}()
	var once sync.Once
	return ctx, func() {
		once.Do(func() { close(quit) })
		cancel(nil)
	}
}

// notifySignals routes stopSignals to onSignals.
func notifySignals() (ctx context.Context, stop func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, stopSignals...)
	ctx, stopCtx := onSignals(sigs, os.Exit, os.Stderr)
	return ctx, func() {
		signal.Stop(sigs)
		stopCtx()
	}
}
