package main

import (
	"bufio"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"
)

// BenchmarkFirstRecord measures alam's start-up as a user sees it: the
// time from starting `alam extract` on the reference article (the test
// binary run as alam) to the first output record. first-record-ms is the
// median over the runs.
func BenchmarkFirstRecord(b *testing.B) {
	const article = "../../testdata/000_08d5b8224b143400.txt"
	var times []time.Duration
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "extract", article)
		cmd.Env = append(os.Environ(), mainEnv+"=1")
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		line, err := bufio.NewReaderSize(out, 1<<16).ReadBytes('\n')
		times = append(times, time.Since(start))
		if err != nil || len(line) < 2 {
			b.Fatalf("no record: %v", err)
		}
		if err := cmd.Wait(); err != nil {
			b.Fatal(err)
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "first-record-ms")
}
