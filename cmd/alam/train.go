package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/format"
	"github.com/alam-nlp/alam/internal/outfile"
	"github.com/alam-nlp/alam/pipeline"
	"github.com/alam-nlp/alam/tagger"
)

func newTrainCmd(stdout, stderr io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "train",
		Short: "train models",
		Args:  noSubcommand,
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newTrainNERCmd(stdout, stderr), newTrainClustersCmd(stderr))
	return c
}

func newTrainClustersCmd(stderr io.Writer) *cobra.Command {
	var out string
	var opt nerfeat.ClusterOptions
	c := &cobra.Command{
		Use:   "clusters FILE... -o CLUSTERS",
		Short: "learn word clusters for the tagger's features from the words of CoNLL files",
		Long: `Clusters reads the words of CoNLL files (the first column; the tags are not
read) or brat folders, analyses each sentence as alam analyses an article,
and clusters the words seen at least --min-count times by the words just
before and just after them (nerfeat.BuildClusters: divisive clustering of
their context vectors, --depth levels). It writes one line a word, "bit
path, word, count", for alam train ner --clusters. The same files and
settings always give the same file.`,
		Args: minArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if out == "" {
				return usagef("train clusters: -o CLUSTERS is required")
			}
			if err := outfile.CheckInputs(outfile.Target{Path: out}, args, format.BratExts()); err != nil {
				return dataErr(fmt.Errorf("-o: %w", err))
			}
			var words [][]string
			for _, p := range args {
				s, err := readCoNLLFile(p)
				if err != nil {
					return dataErr(err)
				}
				w, err := extract.NERWords(s)
				if err != nil {
					return dataErr(fmt.Errorf("%s: %w", p, err))
				}
				words = append(words, w...)
			}
			cl, err := nerfeat.BuildClusters(words, opt)
			if err != nil {
				return dataErr(err)
			}
			if err := writeOutput(out, func(w io.Writer) error { _, err := cl.WriteTo(w); return err }); err != nil {
				return err
			}
			warnf(stderr, "%d words of %d sentences clustered (%s), written to %s", cl.Len(), len(words), cl.Sum(), pipeline.QuoteName(out))
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "", "the clusters file to write")
	c.Flags().IntVar(&opt.MinCount, "min-count", 2, "the least number of times a word is seen to be clustered")
	c.Flags().IntVar(&opt.Contexts, "contexts", 2000, "the most frequent words whose presence next to a word is its context")
	c.Flags().IntVar(&opt.Depth, "depth", 16, "the longest bit path")
	return c
}

// readClusters reads a clusters file of alam train clusters; "" gives nil
// (no clusters).
func readClusters(path string) (*nerfeat.Clusters, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return nerfeat.ReadClusters(path, f)
}

// nerScored are the types alam scores and outputs; MISC is learned but not scored.
var nerScored = []string{"PERS", "LOC", "ORG"}

// readNERExamples reads the CoNLL files (or brat folders) at paths and
// turns their sentences into the tagger's examples, in order; an error
// names the file.
func readNERExamples(x *extract.Extractor, paths []string) ([]tagger.Sentence, error) {
	var all []tagger.Sentence
	for _, p := range paths {
		s, err := readCoNLLFile(p)
		if err != nil {
			return nil, err
		}
		ex, err := extract.NERExamples(x, s, 0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		all = append(all, ex...)
	}
	return all, nil
}

// readCoNLLFile reads a CoNLL file, or a brat folder (a directory of
// .txt and .ann files, as --format brat writes them).
func readCoNLLFile(path string) ([]eval.Sentence, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return eval.ReadBrat(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return eval.ReadCoNLL(path, f)
}

func newTrainNERCmd(stdout, stderr io.Writer) *cobra.Command {
	var out, dev, clustersFile string
	var data []string
	var prune float64
	var algorithm string
	var folds int
	var cvSeeds []uint
	cfg := tagger.Config{Epochs: crfEpochs, Seed: 1, Bits: 18, Rate: crfRate, L2: crfL2, Average: true}
	prune = crfPrune
	c := &cobra.Command{
		Use:   "ner FILE... -o MODEL [--dev FILE]",
		Short: "train the sequence tagger on CoNLL files of \"token TAG\" lines",
		Long: `Ner reads CoNLL files (one "token TAG" per line, space or tab separated, a
blank line between sentences; BIO or IO tags; PER is read as PERS; MISC and
other types are learned as they are) and brat folders (as --format brat
writes them: PERSON is read as PERS, COUNTRY and LOCATION as LOC), trains
a tagger on the features the recognizer gives its model (extract.NERExamples: the words, and what the gazetteer and the rules
find in documents of 25 consecutive sentences), and writes the model to
MODEL. After every epoch it prints the training error rate and, with
--dev, the dev micro F1 over PERS, LOC and ORG (the model alone, exact
match); with --dev, the temperature of the model's probabilities is then
chosen on the dev file (tagger.Calibrate). --prune drops the weights
smaller than it, for a smaller file. The same files and settings always
give the same model file.

--algorithm crf (the default) trains a linear-chain CRF (tagger.TrainCRF:
AdaGrad at --rate, an L2 penalty of --l2, the weights averaged over all
steps; 8 epochs, weights below 0.01 dropped); --algorithm perceptron an
averaged structured perceptron (tagger.Train; 10 epochs, nothing dropped,
unless --epochs and --prune say otherwise). By 5-fold cross-validation over
ANERcorp train (3 seeds), the CRF's models score 0.8355 micro F1 alone,
the perceptron's 0.8286 (docs/QUALITY.md). The embedded model is such a
CRF, weights below 0.1 dropped (scripts/train-ner.sh).

With --folds K, ner writes no model: it cross-validates instead. The
sentences of the first FILE are split into K contiguous parts; each part in
turn is the dev split of a model trained, with the settings given, on the
other parts followed by the other FILEs (always trained on), and pruned as
--prune says. It prints the micro F1 and each type's F1 of every such model
(the model alone, exact match, PERS, LOC and ORG) and their means, for
every seed of --cv-seeds (default: --seed).`,
		Args: minArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if out == "" && folds == 0 {
				return usagef("train ner: -o MODEL is required")
			}
			if folds != 0 && (out != "" || dev != "") {
				return usagef("train ner: --folds writes no model and reads no --dev")
			}
			if folds < 0 || folds == 1 {
				return usagef("train ner: --folds %d: want at least 2", folds)
			}
			// NaN and the infinities pass comparisons: a penalty or a rate
			// of them trains a model of no use without a word.
			if cfg.L2 < 0 || math.IsNaN(cfg.L2) || math.IsInf(cfg.L2, 0) {
				return usagef("train ner: --l2 %g: want 0 or more", cfg.L2)
			}
			if cfg.Rate < 0 || math.IsNaN(cfg.Rate) || math.IsInf(cfg.Rate, 0) {
				return usagef("train ner: --rate %g: want more than 0 (0: 0.1)", cfg.Rate)
			}
			train := tagger.Train
			switch algorithm {
			case "perceptron":
				if !c.Flags().Changed("epochs") {
					cfg.Epochs = 10
				}
				if !c.Flags().Changed("prune") {
					prune = 0
				}
			case "crf":
				train = tagger.TrainCRF
			default:
				return usagef("train ner: --algorithm %q: want perceptron or crf", algorithm)
			}
			// A brat folder is read for its .txt and .ann files.
			if err := outfile.CheckInputs(outfile.Target{Path: out}, append(slices.Clone(args), dev), format.BratExts()); err != nil {
				return dataErr(fmt.Errorf("-o: %w", err))
			}
			cl, err := readClusters(clustersFile)
			if err != nil {
				return dataErr(err)
			}
			x, err := rulesExtractor(cl)
			if err != nil {
				return dataErr(err)
			}
			if folds != 0 {
				first, err := readCoNLLFile(args[0])
				if err != nil {
					return dataErr(err)
				}
				others, err := readNERExamples(x, args[1:])
				if err != nil {
					return dataErr(err)
				}
				seeds := []uint64{cfg.Seed}
				if len(cvSeeds) > 0 {
					seeds = seeds[:0]
					for _, s := range cvSeeds {
						seeds = append(seeds, uint64(s))
					}
				}
				cfg.FeatureSet = nerfeat.FeatureSet(cl)
				_, err = crossValidate(stdout, x, first, others, folds, seeds, cfg, prune, train)
				if err != nil {
					return dataErr(err)
				}
				return nil
			}
			sents, err := readNERExamples(x, args)
			if err != nil {
				return dataErr(err)
			}
			var devEx []tagger.Sentence
			if dev != "" {
				s, err := readCoNLLFile(dev)
				if err != nil {
					return dataErr(err)
				}
				if devEx, err = extract.NERExamples(x, s, 0); err != nil {
					return dataErr(fmt.Errorf("%s: %w", dev, err))
				}
			}
			cfg.FeatureSet = nerfeat.FeatureSet(cl)
			cfg.Data = append(append([]string(nil), args...), data...)
			cfg.Epoch = func(epoch int, errRate float64, m *tagger.Model) {
				msg := fmt.Sprintf("epoch %d/%d: training token error %.4f", epoch, cfg.Epochs, errRate)
				if devEx != nil {
					msg += fmt.Sprintf(", dev micro F1 %.4f", nerfeat.Score(m, devEx, nerScored).Micro.F1())
				}
				warnf(stderr, "%s", msg)
			}
			warnf(stderr, "training on %d sentences", len(sents))
			m, err := train(sents, cfg)
			if err != nil {
				return err
			}
			if prune > 0 {
				var kept int
				m, kept = m.Pruned(float32(prune))
				warnf(stderr, "%d weights of at least %g kept", kept, prune)
			}
			if devEx != nil {
				t := tagger.Calibrate(m, calibrationTemps, func(m *tagger.Model) ([]float64, []bool) {
					return nerfeat.SpanConfidences(m, devEx, nerScored)
				})
				m = m.WithTemperature(t)
				warnf(stderr, "temperature %g chosen on %s", t, pipeline.QuoteName(dev))
			}
			if err := writeOutput(out, func(w io.Writer) error { _, err := m.WriteTo(w); return err }); err != nil {
				return err
			}
			warnf(stderr, "labels %v written to %s", m.Labels(), pipeline.QuoteName(out))
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "", "the model file to write")
	c.Flags().StringVar(&clustersFile, "clusters", "", "word clusters (from alam train clusters) for the features; give the same to alam eval ner")
	c.Flags().StringVar(&dev, "dev", "", "a CoNLL file scored after every epoch, on which the temperature is chosen")
	c.Flags().IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "passes over the training data (perceptron: 10)")
	c.Flags().Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the shuffle")
	c.Flags().IntVar(&cfg.Bits, "bits", cfg.Bits, "log2 of the number of feature buckets")
	c.Flags().StringVar(&algorithm, "algorithm", "crf", "crf (linear-chain CRF, AdaGrad, L2, averaged) or perceptron (averaged structured perceptron)")
	c.Flags().Float64Var(&cfg.Rate, "rate", cfg.Rate, "with --algorithm crf: the AdaGrad learning rate")
	c.Flags().Float64Var(&cfg.L2, "l2", cfg.L2, "with --algorithm crf: the L2 penalty on the weights (0: none)")
	c.Flags().BoolVar(&cfg.Average, "average", cfg.Average, "with --algorithm crf: average the weights over all steps")
	c.Flags().Float64Var(&prune, "prune", prune, "drop the feature weights whose absolute value is below this (perceptron: 0)")
	c.Flags().IntVar(&folds, "folds", 0, "cross-validate over K contiguous parts of the first file instead of writing a model")
	c.Flags().UintSliceVar(&cvSeeds, "cv-seeds", nil, "with --folds: the seeds to train each fold with (default: --seed)")
	c.Flags().StringArrayVar(&data, "data-note", nil, "a note on the training data stored in the model, e.g. its licence (repeatable)")
	return c
}

// The settings of --algorithm crf, chosen by 5-fold cross-validation over
// ANERcorp train (docs/QUALITY.md, crf11).
const (
	crfEpochs = 8
	crfRate   = 1
	crfL2     = 3
	crfPrune  = 0.01
)

// calibrationTemps are the temperatures tried on the dev file.
var calibrationTemps = []float64{0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32}

// loadNERModel reads a tagger model and checks it was trained on the
// features this build computes.
func loadNERModel(path string) (*tagger.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return extract.ReadNERModel(path, f)
}

// rulesExtractor returns the extractor of the default gazetteer and the
// rules, without a model: what the tagger's features read.
func rulesExtractor(cl *nerfeat.Clusters) (*extract.Extractor, error) {
	g, err := loadGazetteers(nil, false)
	if err != nil {
		return nil, err
	}
	return extract.New(extract.Config{Gazetteer: g, NERClusters: cl})
}

// nerModelOrDefault reads the tagger model at path, or returns the
// embedded default when path is "".
func nerModelOrDefault(path string) (*tagger.Model, error) {
	if path == "" {
		return nermodel.Default()
	}
	return loadNERModel(path)
}
