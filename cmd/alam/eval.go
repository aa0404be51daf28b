package main

import (
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
)

func newEvalCmd(stdout, stderr io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "measure alam on annotated data",
		Args:  exactArgs(0),
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newEvalNERCmd(stdout))
	return c
}

func newEvalNERCmd(stdout io.Writer) *cobra.Command {
	var files []string
	var noDefault, noRules bool
	c := &cobra.Command{
		Use:   "ner FILE",
		Short: "score the entity recognizer on a CoNLL file of \"token TAG\" lines",
		Long: `Ner joins the tokens of each sentence with spaces, runs the recognizer on
blocks of sentences, maps each mention onto the tokens it covers, and scores
exact entity matches per type and micro-averaged, as seqeval does, over
PERS, LOC and ORG (PERSON counts as PERS; COUNTRY and LOCATION as LOC; the
gold tag PER as PERS; MISC is not scored). Demonyms (form adjective) are not
entities in these corpora and are left out.`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			g, err := loadGazetteers(files, noDefault)
			if err != nil {
				return &usageError{err}
			}
			x, err := extract.New(extract.Config{Gazetteer: g, NoRules: noRules})
			if err != nil {
				return &usageError{err}
			}
			f, err := os.Open(args[0])
			if err != nil {
				return &usageError{err}
			}
			defer f.Close()
			sents, err := eval.ReadCoNLL(args[0], f)
			if err != nil {
				return err
			}
			rep, err := eval.NER(sents, recognizeSpans(x), []string{"PERS", "LOC", "ORG"}, map[string]string{"PER": "PERS"})
			if err != nil {
				return err
			}
			return rep.WriteText(stdout)
		},
	}
	c.Flags().StringArrayVarP(&files, "gazetteer", "g", nil, "YAML gazetteer file merged over the default (repeatable)")
	c.Flags().BoolVar(&noDefault, "no-default-gazetteer", false, "use only the --gazetteer files")
	c.Flags().BoolVar(&noRules, "no-rules", false, "score gazetteer names only")
	return c
}

// nerTypes maps alam's types onto the CoNLL corpora's.
var nerTypes = map[string]string{"PERSON": "PERS", "COUNTRY": "LOC", "LOCATION": "LOC", "ORG": "ORG"}

// recognizeSpans adapts the recognizer of x to eval.NER.
func recognizeSpans(x *extract.Extractor) eval.Recognize {
	return func(text string) ([]eval.Span, error) {
		mentions, _ := x.Recognizer.Recognize(arabic.Analyze(text))
		var out []eval.Span
		for _, m := range mentions {
			if m.Form == "adjective" {
				continue
			}
			out = append(out, eval.Span{Start: m.ByteStart, End: m.ByteEnd, Type: nerTypes[m.Type]})
		}
		return out, nil
	}
}
