package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/alam-nlp/alam/cmd/alam-beam/alambeam"
)

// options are the flags of alam-beam, beside Beam's own.
type options struct {
	inputs   []string
	format   string
	output   string
	shards   int
	entities bool
	minPair  int
	cfg      alambeam.Config
	blockMiB int64
}

func (o *options) register(fs *flag.FlagSet) {
	o.cfg = alambeam.DefaultConfig()
	fs.Func("input", "Beam filesystem pattern of the input files, such as 'news/*.txt' or 'gs://bucket/2024/*.jsonl' (repeatable)", func(v string) error {
		o.inputs = append(o.inputs, v)
		return nil
	})
	fs.StringVar(&o.format, "input-format", "text", "input format: text (one article per file) or jsonl (one record per line)")
	fs.StringVar(&o.output, "output", "", "prefix of the output files: PREFIX-SSSSS-of-NNNNN.jsonl")
	fs.IntVar(&o.shards, "shards", 4, "number of output files")
	fs.BoolVar(&o.entities, "entities", false, "also write PREFIX.entities.jsonl (entity counts over the corpus) and PREFIX.pairs.jsonl (entities named in the same articles)")
	fs.IntVar(&o.minPair, "min-pair", 2, "with --entities: the fewest articles a pair is written for")
	fs.StringVar(&o.cfg.IDField, "id-field", "id", "with --input-format jsonl: the field holding the article's id")
	fs.StringVar(&o.cfg.TextField, "text-field", "text", "with --input-format jsonl: the field holding the article's text")
	fs.Int64Var(&o.blockMiB, "block-mib", alambeam.DefaultBlockBytes>>20, "with --input-format jsonl: files are read in blocks of this many MiB, spread over the workers")
	fs.StringVar(&o.cfg.Encoding, "encoding", "", "input encoding: utf-8, utf-16, windows-1256, iso-8859-6 (default: detect)")
	fs.Int64Var(&o.cfg.MaxBytes, "max-bytes", 16<<20, "largest article read, in bytes")
	fs.BoolVar(&o.cfg.WithText, "text", false, "include each article's text in its record")
	fs.Func("g", "YAML gazetteer file merged over the default (repeatable; any Beam filesystem path)", func(v string) error {
		o.cfg.Gazetteers = append(o.cfg.Gazetteers, v)
		return nil
	})
	fs.BoolVar(&o.cfg.NoDefaultGazetteer, "no-default-gazetteer", false, "use only the -g files, not the embedded default")
	fs.BoolVar(&o.cfg.NoRules, "no-rules", false, "find only gazetteer names (no title, head or given-name rules)")
	fs.StringVar(&o.cfg.NERModel, "ner-model", "", "a tagger model from alam train ner, instead of the embedded one")
	fs.BoolVar(&o.cfg.NoNERModel, "no-model", false, "no tagger model: the gazetteer and the rules alone")
	fs.StringVar(&o.cfg.Taxonomy, "taxonomy", "", "topic taxonomy YAML file (default: the embedded IPTC Media Topics)")
	fs.BoolVar(&o.cfg.NoTaxonomy, "no-taxonomy", false, "report no taxonomy topics")
	fs.StringVar(&o.cfg.TopicModel, "topic-model", "", "a model from alam topics train: its labels are added to the topics as model:<label>")
	fs.IntVar(&o.cfg.Keywords, "keywords", o.cfg.Keywords, "number of keywords per article (0 for none)")
}

// check reports a usage error in the flags.
func (o *options) check() error {
	switch {
	case len(o.inputs) == 0:
		return errors.New("--input is required")
	case o.output == "":
		return errors.New("--output is required")
	case o.format != "text" && o.format != "jsonl":
		return fmt.Errorf("--input-format %q: want text or jsonl", o.format)
	case o.shards < 1:
		return fmt.Errorf("--shards %d: want at least 1", o.shards)
	case o.blockMiB < 1:
		return fmt.Errorf("--block-mib %d: want at least 1", o.blockMiB)
	case o.cfg.NoDefaultGazetteer && len(o.cfg.Gazetteers) == 0:
		return errors.New("--no-default-gazetteer needs at least one -g file")
	}
	o.cfg.BlockBytes = o.blockMiB << 20
	return nil
}

// build adds the job to the pipeline's root scope.
func build(s beam.Scope, o *options) {
	res := alambeam.Extract(s, o.cfg, alambeam.Input{Patterns: o.inputs, JSONLines: o.format == "jsonl", Articles: o.entities})
	alambeam.Write(s, o.output, ".jsonl", o.shards, res.Records)
	if o.entities {
		entities, pairs := alambeam.Aggregate(s, res.Articles)
		alambeam.WriteAggregate(s, o.output, entities, pairs, o.minPair)
	}
}

func main() {
	var o options
	o.register(flag.CommandLine)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: alam-beam --input PATTERN --output PREFIX [flags]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init()
	if err := o.check(); err != nil {
		fmt.Fprintf(os.Stderr, "alam-beam: %v\n", err)
		os.Exit(2)
	}
	if err := run(context.Background(), &o, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "alam-beam: %v\n", err)
		os.Exit(1)
	}
}

// run loads the extractor's resources once here, so that a bad file fails
// before the job starts, then runs the job on the runner that --runner
// names (Prism by default) and writes its counters to w.
func run(ctx context.Context, o *options, w io.Writer) error {
	if _, err := o.cfg.Stage(ctx); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	build(s, o)
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	if res != nil {
		report(w, res.Metrics(), time.Since(start))
	}
	return nil
}

// report writes the job's counters: "alam-beam: 3 articles, 1 failed, 52
// mentions, 0.0 MB of text in 4.2s".
func report(w io.Writer, m metrics.Results, elapsed time.Duration) {
	c := counters(m)
	fmt.Fprintf(w, "alam-beam: %d articles, %d failed, %d mentions, %.1f MB of text in %.1fs\n",
		c["articles"], c["failed_articles"], c["mentions"], float64(c["bytes"])/1e6, elapsed.Seconds())
}

// counters sums the counters of namespace alam over the steps.
func counters(m metrics.Results) map[string]int64 {
	out := map[string]int64{}
	for _, c := range m.AllMetrics().Counters() {
		if c.Namespace() == "alam" {
			out[strings.TrimSpace(c.Name())] += c.Result()
		}
	}
	return out
}
