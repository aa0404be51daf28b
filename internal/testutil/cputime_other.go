//go:build !unix

package testutil

import "time"

// CPUTime returns 0: the process's CPU time is read on Unix only
// (cputime_unix.go), and benchmarks report a cpu-ns/op of 0 elsewhere.
func CPUTime() time.Duration { return 0 }
