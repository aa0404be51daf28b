//go:build !unix

package testutil

// CPUSeconds returns 0: processor time is read on Unix only.
func CPUSeconds() float64 { return 0 }
