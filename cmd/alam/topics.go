package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

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
	var out string
	var opt topics.TrainOptions
	c := &cobra.Command{
		Use:   "train DIR -o MODEL",
		Short: "train a naive Bayes topic classifier on a folder per label",
		Long: `Train reads DIR, which holds one folder per label (the label is the folder's
name) of UTF-8 text files, trains a multinomial naive Bayes classifier on the
light stems of their words and word pairs, and writes the model to MODEL.
The same data always gives the same file. Use it with alam extract
--topic-model MODEL.`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if out == "" {
				return usagef("topics train: -o MODEL is required")
			}
			if err := outfile.CheckInputs(outfile.Target{Path: out}, args, []string{".txt"}); err != nil {
				return dataErr(fmt.Errorf("-o: %w", err))
			}
			m, err := topics.TrainDir(args[0], opt)
			if err != nil {
				return err
			}
			if err := writeOutput(out, m.Save); err != nil {
				return err
			}
			warnf(stderr, "%d labels %v written to %s", len(m.Labels()), m.Labels(), pipeline.QuoteName(out))
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "", "the model file to write")
	c.Flags().Float64Var(&opt.Alpha, "alpha", topics.DefaultAlpha, "smoothing constant")
	c.Flags().IntVar(&opt.MinCount, "min-count", topics.DefaultMinCount, "drop features seen fewer times")
	c.Flags().BoolVar(&opt.NoBigrams, "no-bigrams", false, "use single words only")
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
