package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/pipeline"
)

// Corpus is the set of articles both sides read, held in memory so that
// neither measures the disk.
type Corpus struct {
	Dir   string
	Files []File
	Bytes int64
}

// File is one article, undecoded.
type File struct {
	Path string
	Raw  []byte
}

// loadCorpus reads every .txt file under dir, in lexical order.
func loadCorpus(dir string) (*Corpus, error) {
	c := &Corpus{Dir: dir}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".txt") {
			return nil
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		c.Files = append(c.Files, File{Path: p, Raw: raw})
		c.Bytes += int64(len(raw))
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(c.Files) == 0 {
		return nil, fmt.Errorf("%s: no .txt files", dir)
	}
	return c, nil
}

// Engine is one side of the comparison: it processes the whole corpus
// with the given number of workers.
type Engine struct {
	Name string
	Run  func(ctx context.Context, c *Corpus, workers int) error
}

// Result is the rounds of one engine at one number of workers.
type Result struct {
	Engine  string
	Workers int
	Rounds  []time.Duration
}

// Median returns the median of the rounds' times.
func (r Result) Median() time.Duration {
	d := slices.Clone(r.Rounds)
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	n := len(d)
	if n%2 == 1 {
		return d[n/2]
	}
	return (d[n/2-1] + d[n/2]) / 2
}

// Report is what Bench measured.
type Report struct {
	Corpus  *Corpus
	Rounds  int
	Results []Result // for each number of workers: alam, then the peer
}

// Bench builds both engines once, then for each number of workers runs
// them alternating for the given number of rounds.
func Bench(ctx context.Context, c *Corpus, workers []int, rounds int) (*Report, error) {
	alam, err := alamEngine()
	if err != nil {
		return nil, err
	}
	peer, err := bleveEngine()
	if err != nil {
		return nil, err
	}
	engines := []Engine{alam, peer}
	rep := &Report{Corpus: c, Rounds: rounds}
	for _, w := range workers {
		res := []Result{{Engine: alam.Name, Workers: w}, {Engine: peer.Name, Workers: w}}
		for r := range rounds {
			for k := range engines {
				i := (k + r) % len(engines) // who goes first changes every round
				start := time.Now()
				if err := engines[i].Run(ctx, c, w); err != nil {
					return nil, fmt.Errorf("%s -j %d: %w", engines[i].Name, w, err)
				}
				res[i].Rounds = append(res[i].Rounds, time.Since(start))
			}
		}
		rep.Results = append(rep.Results, res...)
	}
	return rep, nil
}

// Write prints the report: a line per engine and number of workers with
// every round's MB/s, the medians of MB/s and articles/s, and the ratio
// of alam's median throughput to the peer's.
func (rep *Report) Write(w io.Writer) {
	c := rep.Corpus
	fmt.Fprintf(w, "corpus: %s, %d articles, %d bytes; %d rounds, alternating; medians\n",
		c.Dir, len(c.Files), c.Bytes, rep.Rounds)
	fmt.Fprintf(w, "%-16s %3s %10s %12s   %s\n", "engine", "-j", "MB/s", "articles/s", "MB/s per round")
	for i := 0; i+1 < len(rep.Results); i += 2 {
		a, p := rep.Results[i], rep.Results[i+1]
		for _, r := range []Result{a, p} {
			med := r.Median().Seconds()
			var each []string
			for _, d := range r.Rounds {
				each = append(each, fmt.Sprintf("%.1f", float64(c.Bytes)/d.Seconds()/1e6))
			}
			fmt.Fprintf(w, "%-16s %3d %10.1f %12.0f   %s\n", r.Engine, r.Workers,
				float64(c.Bytes)/med/1e6, float64(len(c.Files))/med, strings.Join(each, " "))
		}
		fmt.Fprintf(w, "ratio alam/peer -j %d: %.2f\n", a.Workers, p.Median().Seconds()/a.Median().Seconds())
	}
}

// alamEngine is the whole extractor with its defaults (embedded gazetteer,
// rules, taxonomy topics, keywords), run the way `alam extract` runs it.
func alamEngine() (Engine, error) {
	cfg, err := extract.DefaultConfig()
	if err != nil {
		return Engine{}, err
	}
	x, err := extract.New(cfg)
	if err != nil {
		return Engine{}, err
	}
	stage := pipeline.Chain(pipeline.Decode(""), x.Stage())
	return Engine{Name: "alam extract", Run: func(ctx context.Context, c *Corpus, workers int) error {
		src := func(yield func(*pipeline.Document) bool) {
			for _, f := range c.Files {
				id := strings.TrimSuffix(filepath.Base(f.Path), filepath.Ext(f.Path))
				if !yield(&pipeline.Document{ID: id, Source: f.Path, Raw: f.Raw}) {
					return
				}
			}
		}
		enc := pipeline.NewJSONLines(io.Discard, pipeline.EncodeOptions{})
		sum, err := pipeline.Run(ctx, pipeline.Config{Workers: workers}, src, stage, enc.Encode)
		if err != nil {
			return err
		}
		if sum.Documents != len(c.Files) {
			return fmt.Errorf("%d records for %d articles", sum.Documents, len(c.Files))
		}
		return enc.Close()
	}}, nil
}

// bleveEngine is bleve's Arabic analyzer over the same bytes, the files
// shared out to the workers.
func bleveEngine() (Engine, error) {
	a, err := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		return Engine{}, err
	}
	return Engine{Name: "bleve ar", Run: func(ctx context.Context, c *Corpus, workers int) error {
		var next, tokens atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for {
					i := int(next.Add(1) - 1)
					if i >= len(c.Files) || ctx.Err() != nil {
						return
					}
					tokens.Add(int64(len(a.Analyze(c.Files[i].Raw))))
				}
			})
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return err
		}
		if tokens.Load() == 0 {
			return fmt.Errorf("no tokens from %d articles", len(c.Files))
		}
		return nil
	}}, nil
}
