//go:build !unix

package gazetteer

// cpuSeconds returns 0: processor time is read on Unix only.
func cpuSeconds() float64 { return 0 }
