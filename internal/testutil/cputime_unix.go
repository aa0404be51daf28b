//go:build unix

package testutil

import (
	"syscall"
	"time"
)

// CPUTime returns the process's CPU time so far, user and system (the
// garbage collector's workers included): on a shared machine it varies
// less than the time on the clock. Benchmarks report the difference over
// their loop as cpu-ns/op.
func CPUTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
