package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/gazetteer"
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
	c.AddCommand(newTrainNERCmd(stdout, stderr))
	return c
}

// nerScored are the types alam scores and outputs; MISC is learned but not scored.
var nerScored = []string{"PERS", "LOC", "ORG"}

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
	var out, dev string
	var data []string
	cfg := tagger.Config{Epochs: 10, Seed: 1, Bits: 20}
	c := &cobra.Command{
		Use:   "ner FILE... -o MODEL [--dev FILE]",
		Short: "train the sequence tagger on CoNLL files of \"token TAG\" lines",
		Long: `Ner reads CoNLL files (one "token TAG" per line, space or tab separated, a
blank line between sentences; BIO or IO tags; PER is read as PERS; MISC and
other types are learned as they are) and brat folders (as --format brat
writes them: PERSON is read as PERS, COUNTRY and LOCATION as LOC), trains
an averaged perceptron tagger on the features of extract/nerfeat, and writes the model to MODEL. After every
epoch it prints the training error rate and, with --dev, the dev micro F1
over PERS, LOC and ORG (sentence by sentence, exact match). The same files and
settings always give the same model file.`,
		Args: minArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if out == "" {
				return usagef("train ner: -o MODEL is required")
			}
			x, err := nerExtractor()
			if err != nil {
				return dataErr(err)
			}
			var sents []tagger.Sentence
			for _, p := range args {
				s, err := readCoNLLFile(p)
				if err != nil {
					return dataErr(err)
				}
				ex, err := nerfeat.Examples(x, s)
				if err != nil {
					return dataErr(fmt.Errorf("%s: %w", p, err))
				}
				sents = append(sents, ex...)
			}
			var devEx []tagger.Sentence
			if dev != "" {
				s, err := readCoNLLFile(dev)
				if err != nil {
					return dataErr(err)
				}
				if devEx, err = nerfeat.Examples(x, s); err != nil {
					return dataErr(fmt.Errorf("%s: %w", dev, err))
				}
			}
			cfg.FeatureSet = nerfeat.Version
			cfg.Data = append(append([]string(nil), args...), data...)
			cfg.Epoch = func(epoch int, errRate float64, m *tagger.Model) {
				fmt.Fprintf(stderr, "alam: epoch %d/%d: training token error %.4f", epoch, cfg.Epochs, errRate)
				if devEx != nil {
					fmt.Fprintf(stderr, ", dev micro F1 %.4f", nerfeat.Score(m, devEx, nerScored).Micro.F1())
				}
				fmt.Fprintln(stderr)
			}
			fmt.Fprintf(stderr, "alam: training on %d sentences\n", len(sents))
			m, err := tagger.Train(sents, cfg)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			if _, err := m.WriteTo(f); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			warnf(stderr, "labels %v written to %s", m.Labels(), pipeline.QuoteName(out))
			return nil
		},
	}
	c.Flags().StringVarP(&out, "output", "o", "", "the model file to write")
	c.Flags().StringVar(&dev, "dev", "", "a CoNLL file scored after every epoch")
	c.Flags().IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "passes over the training data")
	c.Flags().Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the shuffle")
	c.Flags().IntVar(&cfg.Bits, "bits", cfg.Bits, "log2 of the number of feature buckets")
	c.Flags().StringArrayVar(&data, "data-note", nil, "a note on the training data stored in the model, e.g. its licence (repeatable)")
	return c
}

// loadNERModel reads a tagger model and checks it was trained on the
// features this build computes.
func loadNERModel(path string) (*tagger.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := tagger.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if fs := m.Info().FeatureSet; fs != nerfeat.Version {
		return nil, fmt.Errorf("%s: the model was trained on features %q; this build computes %q", path, fs, nerfeat.Version)
	}
	return m, nil
}

// evalNERModel scores a tagger model alone on a CoNLL file.
func evalNERModel(stdout io.Writer, model, file string) error {
	m, err := loadNERModel(model)
	if err != nil {
		return dataErr(err)
	}
	sents, err := readCoNLLFile(file)
	if err != nil {
		return dataErr(err)
	}
	x, err := nerExtractor()
	if err != nil {
		return dataErr(err)
	}
	ex, err := nerfeat.Examples(x, sents)
	if err != nil {
		return dataErr(fmt.Errorf("%s: %w", file, err))
	}
	return nerfeat.Score(m, ex, nerScored).WriteText(stdout)
}

// nerExtractor returns the tagger's feature extractor with the default
// gazetteer and rules as hints: the types and sources of their mentions.
func nerExtractor() (*nerfeat.Extractor, error) {
	g, err := loadGazetteers(nil, false)
	if err != nil {
		return nil, err
	}
	x, err := extract.New(extract.Config{Gazetteer: g})
	if err != nil {
		return nil, err
	}
	gm := gazetteer.Compile(g)
	return nerfeat.New(func(text string) ([]nerfeat.Hint, error) {
		doc, err := x.Annotate(context.Background(), text)
		if err != nil {
			return nil, err
		}
		hs := make([]nerfeat.Hint, len(doc.Mentions))
		for i, m := range doc.Mentions {
			hs[i] = nerfeat.Hint{Start: m.ByteStart, End: m.ByteEnd, Label: fmt.Sprintf("%s/%s/%s", m.Type, m.Source, m.Form)}
		}
		for _, m := range gm.FindAll(arabic.Analyze(text)) {
			if len(m.Candidates) > 0 {
				c := m.Candidates[0]
				hs = append(hs, nerfeat.Hint{Start: m.Start, End: m.End, Label: fmt.Sprintf("%s/%v", c.Entry.Type, c.Form), Raw: true})
			}
		}
		return hs, nil
	}), nil
}
