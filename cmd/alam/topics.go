package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/internal/outfile"
	"github.com/alam-nlp/alam/pipeline"
)

func newTopicsCmd(stdout, stderr io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "topics",
		Short: "train topic classifiers",
		Args:  noSubcommand,
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newTopicsTrainCmd(stdout, stderr))
	return c
}

func newTopicsTrainCmd(stdout, stderr io.Writer) *cobra.Command {
	var out, kind string
	var devEvery int
	var opt topics.TrainOptions
	var ef extractFlags
	c := &cobra.Command{
		Use:   "train DIR -o MODEL",
		Short: "train a topic classifier on a folder per label",
		Long: `Train reads DIR, which holds one folder per label (the label is the folder's
name) of text files, runs the extractor on each as alam extract does (the same
decoding, analysis and entities), trains a classifier on the light stems of
their words and word pairs and on their entities (country, region, kind, type,
id), with --taxonomy-features (logreg) also on the scores of the default
taxonomy's topics, and writes the model to MODEL. --kind chooses logistic regression
(logreg, the default), multinomial naive Bayes (nb) or complement naive Bayes
(cnb). The probabilities are calibrated by a temperature fitted on 5-fold
cross-validation. With --dev-every N, every N-th file of each label (in a
canonical order) is held out first: a model trained on the rest is scored on
them (accuracy, log loss, reliability table) on standard error, then the
model written is trained on every file. The same data always gives the same
file. Use it with alam extract --topic-model MODEL.`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if out == "" {
				return usagef("topics train: -o MODEL is required")
			}
			if err := outfile.CheckInputs(outfile.Target{Path: out}, args, []string{".txt"}); err != nil {
				return dataErr(fmt.Errorf("-o: %w", err))
			}
			opt.Kind = topics.Kind(kind)
			if err := opt.Validate(); err != nil {
				return usagef("topics train: %v", err)
			}
			g, err := loadGazetteers(ef.gazetteers, ef.noDefault)
			if err != nil {
				return dataErr(err)
			}
			// The extractor of alam extract (the same recognizer and NER
			// model), without topics or keywords, so that the model is
			// trained on the entities it will see.
			ef.noTaxonomy, ef.keywords, ef.topicModel = true, 0, ""
			cfg, err := extractConfig(ef)
			if err != nil {
				return dataErr(err)
			}
			cfg.Gazetteer = g
			x, err := extract.New(cfg)
			if err != nil {
				return dataErr(err)
			}
			ctx := c.Context()
			docs, err := topics.ReadDir(args[0], func(text string) (*arabic.Analysis, []topics.EntityRef, error) {
				return x.TopicInput(ctx, text)
			})
			if err != nil {
				return err
			}
			if devEvery >= 2 {
				train, dev := topics.HoldOut(docs, devEvery)
				m, err := topics.Train(train, opt)
				if err != nil {
					return err
				}
				fmt.Fprintf(stderr, "alam: %s trained on %d files, temperature %.4g; on the %d held out:\n", m.Kind(), len(train), m.Temperature(), len(dev))
				if err := m.Check(dev, 10).WriteText(stderr); err != nil {
					return err
				}
			}
			m, err := topics.Train(docs, opt)
			if err != nil {
				return err
			}
			if err := writeOutput(out, m.Save); err != nil {
				return err
			}
			warnf(stderr, "%s model, %d labels %v, temperature %.4g, written to %s", m.Kind(), len(m.Labels()), m.Labels(), m.Temperature(), pipeline.QuoteName(out))
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVarP(&out, "output", "o", "", "the model file to write")
	fl.StringVar(&kind, "kind", string(topics.DefaultKind), "classifier: logreg, nb or cnb")
	fl.Float64Var(&opt.Alpha, "alpha", topics.DefaultAlpha, "smoothing constant (nb, cnb)")
	fl.Float64Var(&opt.Lambda, "lambda", topics.DefaultLambda, "L2 penalty (logreg)")
	fl.Float64Var(&opt.EntityWeight, "entity-weight", topics.DefaultEntityWeight, "weight of the entity features against the words (logreg, cnb)")
	fl.IntVar(&opt.MinCount, "min-count", topics.DefaultMinCount, "drop features seen fewer times")
	fl.BoolVar(&opt.NoBigrams, "no-bigrams", false, "use single words only")
	fl.BoolVar(&opt.NoEntities, "no-entities", false, "use the words only, not the entities")
	fl.BoolVar(&opt.TaxonomyFeatures, "taxonomy-features", false, "also read the default taxonomy's topic scores as features (logreg)")
	fl.BoolVar(&opt.NoCalibration, "no-calibration", false, "keep the raw scores (temperature 1)")
	fl.IntVar(&devEvery, "dev-every", 0, "hold out every N-th file of each label and report on them first")
	fl.StringArrayVarP(&ef.gazetteers, "gazetteer", "g", nil, "YAML gazetteer file merged over the default (repeatable)")
	fl.BoolVar(&ef.noDefault, "no-default-gazetteer", false, "use only the --gazetteer files")
	fl.BoolVar(&ef.noRules, "no-rules", false, "find only gazetteer names (no title, head or given-name rules)")
	fl.StringVar(&ef.nerModel, "ner-model", "", "a tagger model from alam train ner, instead of the embedded one (use the same in alam extract)")
	fl.StringVar(&ef.clusters, "clusters", "", "the word clusters the --ner-model was trained with (alam train ner --clusters)")
	fl.BoolVar(&ef.noModel, "no-model", false, "no tagger model: the gazetteer and the rules alone")
	return c
}

// loadTaxonomy loads a taxonomy file, or returns the default for "".
func loadTaxonomy(path string) (*topics.Taxonomy, error) {
	if path == "" {
		return topics.DefaultTaxonomy()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return topics.LoadTaxonomy(path, f)
}

// loadModel loads a topic model file, or returns nil for "".
func loadModel(path string) (*topics.Model, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := topics.LoadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
