// Command alam-bench compares the throughput of alam's whole extractor
// with a peer that does less: bleve's Arabic analyzer (tokenize, lower
// case, NFKC, stop words, normalization, light stemming).
//
//	go run . [-rounds 5] [-j 1,2] [DIR]   # default: ../../../shared/data/ant_corpus_v2.1_sample
//
// It reads every .txt file under DIR into memory first, then for each
// number of workers runs both, alternating (which one goes first changes
// every round), for several rounds, and prints MB/s and articles/s of
// each round's run, their medians, and the ratio of alam's median to the
// peer's. alam runs as `alam extract` does: pipeline.Run with -j workers
// over Decode and the extractor's stage (gazetteer, rules, topics and
// keywords all on), writing JSON Lines to io.Discard.
//
// It lives in its own module so that the library never depends on bleve.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "alam-bench: %v\n", err)
		os.Exit(1)
	}
}

// run parses args, runs the benchmark and writes its report to stdout.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("alam-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rounds := fs.Int("rounds", 5, "rounds per setting; the median is reported")
	jobs := fs.String("j", "1,2", "comma-separated numbers of workers")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir := "../../../shared/data/ant_corpus_v2.1_sample"
	switch fs.NArg() {
	case 0:
	case 1:
		dir = fs.Arg(0)
	default:
		return fmt.Errorf("want at most one directory, got %d", fs.NArg())
	}
	if *rounds < 1 {
		return fmt.Errorf("-rounds %d: want at least 1", *rounds)
	}
	workers, err := parseJobs(*jobs)
	if err != nil {
		return err
	}
	corpus, err := loadCorpus(dir)
	if err != nil {
		return err
	}
	rep, err := Bench(ctx, corpus, workers, *rounds)
	if err != nil {
		return err
	}
	rep.Write(stdout)
	return nil
}

// parseJobs parses "1,2" into [1 2].
func parseJobs(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-j %q: want numbers of workers ≥ 1, such as 1,2", s)
		}
		out = append(out, n)
	}
	return out, nil
}
