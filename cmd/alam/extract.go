package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/keywords"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// extractFlags are the flags of alam extract.
type extractFlags struct {
	jobs       int
	unordered  bool
	ext        []string
	input      string
	idField    string
	textField  string
	encoding   string
	output     string
	format     string
	withText   bool
	conllNames bool
	gazetteers []string
	noDefault  bool
	noRules    bool
	nerModel   string
	clusters   string
	noModel    bool
	maxBytes   int64
	verbose    bool
	progress   string
	taxonomy   string
	noTaxonomy bool
	topicModel string
	keywords   int
}

func newExtractCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var f extractFlags
	c := &cobra.Command{
		Use:   "extract [flags] [path ...]",
		Short: "annotate articles: mentions, entities, topics and keywords as JSON Lines",
		Long: `Extract reads articles from files, directories (recursively) or standard input
(no path, or -) and writes one JSON record per article, in input order.

Exit status: 0 when every article succeeded, 1 when any failed (its record
has an "error"), 2 for a usage error, 130 or 143 when SIGINT or SIGTERM
stopped the run (the records done before it are written; a second signal
exits at once).`,
		RunE: func(c *cobra.Command, args []string) error {
			return runExtract(c.Context(), f, args, stdin, stdout, stderr)
		},
	}
	fl := c.Flags()
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "number of articles processed at once")
	fl.BoolVar(&f.unordered, "unordered", false, "write records as they are done instead of in input order")
	fl.StringSliceVar(&f.ext, "ext", []string{pipeline.DefaultExt}, "extensions of the files taken from directories")
	fl.StringVar(&f.input, "input", "text", "input format: text (one article per file or stdin) or jsonl (one record per line)")
	fl.StringVar(&f.idField, "id-field", "id", "with --input jsonl: the field holding the article's id")
	fl.StringVar(&f.textField, "text-field", "text", "with --input jsonl: the field holding the article's text")
	fl.StringVar(&f.encoding, "encoding", "", "input encoding: utf-8, utf-16, windows-1256, iso-8859-6 (default: detect)")
	fl.StringVarP(&f.output, "output", "o", "", "write to this file instead of standard output")
	fl.StringVar(&f.format, "format", "jsonl", "output format: jsonl (one object per line), json (one indented array), conll (a token a line, BIO tags), brat (-o DIR: .txt and .ann per article) or html (a page; -o DIR: a page per article and an index)")
	fl.BoolVar(&f.conllNames, "conll-names", false, "with --format conll: the tag names of the CoNLL corpora (PERS, LOC, ORG)")
	fl.BoolVar(&f.withText, "text", false, "include each article's text in its record")
	fl.StringArrayVarP(&f.gazetteers, "gazetteer", "g", nil, "YAML gazetteer file merged over the default (repeatable)")
	fl.BoolVar(&f.noDefault, "no-default-gazetteer", false, "use only the --gazetteer files, not the embedded default")
	fl.BoolVar(&f.noRules, "no-rules", false, "find only gazetteer names (no title, head or given-name rules)")
	fl.StringVar(&f.nerModel, "ner-model", "", "a tagger model from alam train ner, instead of the embedded one")
	fl.StringVar(&f.clusters, "clusters", "", "the word clusters the --ner-model was trained with (alam train ner --clusters)")
	fl.BoolVar(&f.noModel, "no-model", false, "no tagger model: the gazetteer and the rules alone")
	fl.Int64Var(&f.maxBytes, "max-bytes", pipeline.DefaultMaxBytes, "largest article read, in bytes")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "print a one-line summary on standard error")
	fl.StringVar(&f.progress, "progress", "auto", "progress bar on standard error: auto (when it is a terminal), always, never")
	fl.StringVar(&f.taxonomy, "taxonomy", "", "topic taxonomy YAML file (default: the embedded IPTC Media Topics)")
	fl.BoolVar(&f.noTaxonomy, "no-taxonomy", false, "report no taxonomy topics")
	fl.StringVar(&f.topicModel, "topic-model", "", "a model from alam topics train: its labels are added to the topics as model:<label>")
	fl.IntVar(&f.keywords, "keywords", keywords.DefaultN, "number of keywords per article (0 for none)")
	completeExtractFlags(c)
	return c
}

func runExtract(ctx context.Context, f extractFlags, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	switch {
	case f.input != "text" && f.input != "jsonl":
		return usagef("--input %q: want text or jsonl", f.input)
	case f.progress != "auto" && f.progress != "always" && f.progress != "never":
		return usagef("--progress %q: want auto, always or never", f.progress)
	case f.jobs < 1:
		return usagef("--jobs %d: want at least 1", f.jobs)
	}
	if err := checkFormat(f); err != nil {
		return err
	}
	if err := checkOutput(f, args); err != nil {
		return err
	}
	warmDefaults(f)
	// Without files of the user's, the gazetteer stays nil: the default
	// matcher compiled at build time, which starts faster.
	var g *gazetteer.Gazetteer
	if len(f.gazetteers) > 0 || f.noDefault {
		var err error
		if g, err = loadGazetteers(f.gazetteers, f.noDefault); err != nil {
			return dataErr(err)
		}
	}
	cfg, err := extractConfig(f)
	if err != nil {
		return dataErr(err)
	}
	cfg.Gazetteer = g
	x, err := extract.New(cfg)
	if err != nil {
		return dataErr(err)
	}

	src, total := sources(ctx, f, args, stdin, showProgress(f.progress, stderr))
	enc, done, err := openEncoder(f, stdout)
	if err != nil {
		return err
	}

	runCfg := pipeline.Config{Workers: f.jobs, Unordered: f.unordered}
	bar := newProgress(f.progress, stderr, total)
	if bar != nil {
		runCfg.Progress = func(s pipeline.Summary) {
			bar.Describe(progressText(s))
			bar.Set(s.Documents)
		}
	}
	budget := newMemoryBudget()
	defer budget.release()
	stage := budget.stage(pipeline.Read(f.maxBytes), pipeline.Chain(pipeline.Decode(f.encoding), x.Stage()))
	var ids pipeline.IDs
	sum, runErr := pipeline.Run(ctx, runCfg, src, stage, func(doc *pipeline.Document) error {
		first, repeated := ids.Add(doc)
		if (doc.Err != nil || repeated) && bar != nil {
			bar.Clear()
		}
		if repeated {
			warnf(stderr, "%s: id %q repeats the id of %s", pipeline.QuoteName(doc.Source), doc.ID, pipeline.QuoteName(first))
		}
		if doc.Err != nil {
			warnf(stderr, "%v", doc.Err)
		}
		return enc.Encode(doc)
	})
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(stderr)
	}
	if err := enc.Close(); err != nil && runErr == nil {
		runErr = err
	}
	// -o gets the output only when the run went through (articles that
	// failed have their records); an interrupted or failed run leaves it
	// as it was.
	if err := done(runErr == nil); err != nil && runErr == nil {
		runErr = err
	}
	if f.verbose {
		warnf(stderr, "%s", describe(sum))
	}
	if msg := emptyInput(f, args, sum); msg != "" && runErr == nil {
		warnf(stderr, "%s", msg)
	}
	switch {
	case errors.Is(runErr, context.Canceled):
		why := "interrupted"
		if sig, ok := interruptedBy(ctx); ok {
			why += " by " + signalName(sig)
		}
		return fmt.Errorf("%s after %d articles", why, sum.Documents)
	case runErr != nil:
		return runErr
	case sum.Failed > 0:
		return errFailed
	}
	return nil
}

// warmDefaults starts decoding the embedded resources that f uses (the
// tagger model, the taxonomy, the default gazetteer's matcher), each on a
// goroutine of its own, so that loading them in turn after waits about as
// long as the longest rather than their sum. Each is decoded once (their
// loaders cache the result, an error included, which the call that needs
// it reports).
func warmDefaults(f extractFlags) {
	if !f.noModel && f.nerModel == "" {
		go nermodel.Default()
	}
	if !f.noTaxonomy && f.taxonomy == "" {
		go topics.DefaultTaxonomy()
	}
	if len(f.gazetteers) == 0 && !f.noDefault {
		go gazetteer.DefaultMatcher()
	}
}

// extractConfig builds the extractor's configuration from the flags,
// loading the taxonomy and the topic model they name.
func extractConfig(f extractFlags) (extract.Config, error) {
	cfg := extract.Config{NoRules: f.noRules, Keywords: max(f.keywords, 0)}
	var err error
	if !f.noModel {
		if cfg.NERModel, err = nerModelOrDefault(f.nerModel); err != nil {
			return cfg, err
		}
		if cfg.NERClusters, err = readClusters(f.clusters); err != nil {
			return cfg, err
		}
	}
	if !f.noTaxonomy {
		if cfg.Taxonomy, err = loadTaxonomy(f.taxonomy); err != nil {
			return cfg, err
		}
	}
	cfg.TopicModel, err = loadModel(f.topicModel)
	return cfg, err
}

// sources returns the documents to read, and their number when it is
// known without reading them (-1 otherwise).
func sources(ctx context.Context, f extractFlags, args []string, stdin io.Reader, counted bool) (src func(yield func(*pipeline.Document) bool), total int) {
	if len(args) == 0 || len(args) == 1 && args[0] == "-" {
		if f.input == "jsonl" {
			return pipeline.JSONLines("stdin", stdin, pipeline.JSONLOptions{IDField: f.idField, TextField: f.textField, MaxBytes: f.maxBytes}), -1
		}
		return pipeline.ReaderMax("-", stdin, f.maxBytes), 1
	}
	if f.input == "jsonl" {
		return jsonlFiles(ctx, f, args), -1
	}
	files := pipeline.Files(ctx, args, pipeline.FileOptions{Ext: f.ext})
	if !counted {
		return files, -1
	}
	// The bar shows the time left: count the files first (the walk reads
	// directories only).
	for range files {
		total++
	}
	return files, total
}

// jsonlFiles reads every named file as a JSON Lines stream.
func jsonlFiles(ctx context.Context, f extractFlags, paths []string) func(yield func(*pipeline.Document) bool) {
	return func(yield func(*pipeline.Document) bool) {
		for _, p := range paths {
			if ctx.Err() != nil {
				return
			}
			file, err := os.Open(p)
			if err != nil {
				src := pipeline.EscapeName(p)
				var pe *fs.PathError
				if errors.As(err, &pe) { // the source names the file
					err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
				}
				if !yield(&pipeline.Document{ID: src, Source: src, Err: &pipeline.Error{Source: src, Err: err}}) {
					return
				}
				continue
			}
			for doc := range pipeline.JSONLines(p, file, pipeline.JSONLOptions{IDField: f.idField, TextField: f.textField, MaxBytes: f.maxBytes}) {
				if !yield(doc) {
					file.Close()
					return
				}
			}
			file.Close()
		}
	}
}

// loadGazetteers merges the user's files over the default (unless
// noDefault).
func loadGazetteers(files []string, noDefault bool) (*gazetteer.Gazetteer, error) {
	var gs []*gazetteer.Gazetteer
	if !noDefault {
		g, err := gazetteer.Default()
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	for _, f := range files {
		g, err := gazetteer.LoadFile(f)
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	if len(gs) == 0 {
		return nil, usagef("--no-default-gazetteer needs at least one --gazetteer file")
	}
	return gazetteer.Merge(gs...), nil
}

// showProgress reports whether a progress bar goes to w in mode.
func showProgress(mode string, w io.Writer) bool {
	return mode == "always" || mode == "auto" && isTerminal(w)
}

// newProgress returns a progress bar on w, or nil when there should be
// none. total is the number of articles, or -1 when unknown.
func newProgress(mode string, w io.Writer, total int) *progressbar.ProgressBar {
	if !showProgress(mode, w) {
		return nil
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionFullWidth(),
	)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// describe sums up a run: articles, errors, throughput.
func describe(s pipeline.Summary) string {
	mb := float64(s.Bytes) / 1e6
	secs := s.Elapsed.Seconds()
	rate, perSec := 0.0, 0.0
	if secs > 0 {
		rate, perSec = mb/secs, float64(s.Documents)/secs
	}
	return fmt.Sprintf("%d articles, %d failed, %.1f MB in %.1fs (%.1f MB/s, %.0f articles/s)",
		s.Documents, s.Failed, mb, secs, rate, perSec)
}
