package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/keywords"
	"github.com/alam-nlp/alam/pipeline"
)

func newEvalCmd(stdout, stderr io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "measure alam on annotated data",
		Args:  noSubcommand,
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(newEvalNERCmd(stdout), newEvalTopicsCmd(stdout), newEvalKeywordsCmd(stdout))
	return c
}

func newEvalTopicsCmd(stdout io.Writer) *cobra.Command {
	var f extractFlags
	var labelMap map[string]string
	var perArticle bool
	c := &cobra.Command{
		Use:   "topics DIR",
		Short: "score topics on a labelled folder tree: accuracy, macro-F1, confusion matrix",
		Long: `Topics reads DIR, one folder per gold label, runs the extractor on each text
file as alam extract does (same decoding, gazetteer, entities and topic
scorers), and takes as its label the first topic of the record that alam extract
writes: with --topic-model the first model:<label> topic (without the prefix),
otherwise the first taxonomy topic; no topic counts as "(none)". --map
folder=label,... maps folder names onto the predicted labels (e.g.
sport=medtop:15000000); with --map, folders without a mapping are skipped.`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			predict, err := topicPredictor(f)
			if err != nil {
				return dataErr(err)
			}
			rep, err := eval.TopicsWith(args[0], predict, eval.TopicsOptions{LabelMap: labelMap})
			if err != nil {
				return err
			}
			if err := rep.WriteText(stdout); err != nil {
				return err
			}
			if perArticle {
				for _, p := range rep.Predictions {
					if _, err := fmt.Fprintf(stdout, "%s\t%s\t%s\n", pipeline.QuoteName(p.Path), p.Gold, p.Pred); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.taxonomy, "taxonomy", "", "taxonomy YAML file (default: the embedded one)")
	fl.StringVar(&f.topicModel, "topic-model", "", "score this model from alam topics train instead of the taxonomy")
	fl.StringArrayVarP(&f.gazetteers, "gazetteer", "g", nil, "YAML gazetteer file merged over the default (repeatable)")
	fl.BoolVar(&f.noDefault, "no-default-gazetteer", false, "use only the --gazetteer files")
	fl.BoolVar(&f.noRules, "no-rules", false, "find only gazetteer names (no title, head or given-name rules)")
	fl.StringVar(&f.nerModel, "ner-model", "", "a tagger model from alam train ner, instead of the embedded one")
	fl.StringVar(&f.clusters, "clusters", "", "the word clusters the --ner-model was trained with (alam train ner --clusters)")
	fl.BoolVar(&f.noModel, "no-model", false, "no tagger model: the gazetteer and the rules alone")
	fl.StringToStringVar(&labelMap, "map", nil, "folder=label pairs")
	fl.BoolVar(&perArticle, "per-article", false, "after the report, a line per article: file, gold label, predicted label (tab-separated)")
	return c
}

// topicPredictor returns, for a text, the label that alam extract with the
// flags f gives it: the first model topic's label if f names a topic model,
// otherwise the first taxonomy topic's id, or "" when there is none.
func topicPredictor(f extractFlags) (eval.Classify, error) {
	g, err := loadGazetteers(f.gazetteers, f.noDefault)
	if err != nil {
		return nil, err
	}
	f.noTaxonomy = f.topicModel != "" // the taxonomy would not change the label
	cfg, err := extractConfig(f)
	if err != nil {
		return nil, err
	}
	cfg.Gazetteer = g
	x, err := extract.New(cfg)
	if err != nil {
		return nil, err
	}
	model := cfg.TopicModel != nil
	return func(text string) (string, error) {
		doc, err := x.Annotate(context.Background(), text)
		if err != nil {
			return "", err
		}
		return extract.TopTopic(doc, model), nil
	}, nil
}

func newEvalKeywordsCmd(stdout io.Writer) *cobra.Command {
	var idsFile, baselineIDs string
	var k, n int
	c := &cobra.Command{
		Use:   "keywords DOCS GOLD",
		Short: "score keywords against gold keyphrases: P/R/F1 at k, exact and on light stems",
		Long: `Keywords extracts the keywords of DOCS/<id>.txt for each id of --ids and
compares the first k with the gold keyphrases of GOLD (lines "<id> : kp1,kp2,...",
the AKEC layout), exactly and after normalization and light stemming. With
--baseline-ids, a TF-IDF top-k baseline whose document frequencies come from
those documents is scored the same way.`,
		Args: exactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if idsFile == "" {
				return usagef("eval keywords: --ids FILE is required")
			}
			ids, err := eval.ReadIDs(idsFile)
			if err != nil {
				return dataErr(err)
			}
			extractor := func(text string) ([]string, error) {
				var out []string
				for _, kw := range keywords.Extract(arabic.Analyze(text), n, keywords.Options{}) {
					out = append(out, kw.Text)
				}
				return out, nil
			}
			rep, err := eval.Keywords(args[0], args[1], ids, extractor, k)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, "alam keywords:")
			if err := rep.WriteText(stdout); err != nil {
				return err
			}
			if baselineIDs == "" {
				return nil
			}
			bids, err := eval.ReadIDs(baselineIDs)
			if err != nil {
				return dataErr(err)
			}
			docs, err := eval.ReadDocs(args[0], bids)
			if err != nil {
				return err
			}
			rep, err = eval.Keywords(args[0], args[1], ids, eval.TFIDFBaseline(docs), k)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, "TF-IDF baseline:")
			return rep.WriteText(stdout)
		},
	}
	c.Flags().StringVar(&idsFile, "ids", "", "file of the document ids to score, one per line")
	c.Flags().StringVar(&baselineIDs, "baseline-ids", "", "ids of the documents the TF-IDF baseline counts document frequencies on")
	c.Flags().IntVarP(&k, "k", "k", 10, "cut-off: the first k keywords count")
	c.Flags().IntVarP(&n, "n", "n", 10, "keywords extracted per document")
	return c
}

func newEvalNERCmd(stdout io.Writer) *cobra.Command {
	var files []string
	var noDefault, noRules, noModel, taggerOnly, reliability bool
	var nerModel, clustersFile string
	var docSentences int
	c := &cobra.Command{
		Use:   "ner FILE",
		Short: "score the entity recognizer on a CoNLL file of \"token TAG\" lines",
		Long: `Ner joins the tokens of each sentence with spaces, runs the recognizer on
documents of --doc-sentences consecutive sentences (one per line; 1 scores
sentence by sentence), maps each mention onto the tokens it covers, and
scores exact entity matches per type and micro-averaged, as seqeval does,
over PERS, LOC and ORG (PERSON counts as PERS; COUNTRY and LOCATION as LOC;
the gold tag PER as PERS; MISC is not scored). Demonyms (form adjective)
are not entities in these corpora and are left out.

The recognizer is alam's default: the gazetteer, the rules and the
embedded tagger model; --ner-model uses a model from alam train ner
instead, --no-model the gazetteer and rules alone, and --tagger-only
scores the model's own names alone.`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			g, err := loadGazetteers(files, noDefault)
			if err != nil {
				return dataErr(err)
			}
			cfg := extract.Config{Gazetteer: g, NoRules: noRules, NERModelOnly: taggerOnly}
			if cfg.NERClusters, err = readClusters(clustersFile); err != nil {
				return dataErr(err)
			}
			if !noModel {
				if cfg.NERModel, err = nerModelOrDefault(nerModel); err != nil {
					return dataErr(err)
				}
			}
			x, err := extract.New(cfg)
			if err != nil {
				return dataErr(err)
			}
			sents, err := readCoNLLFile(args[0])
			if err != nil {
				return dataErr(err)
			}
			rep, err := eval.NERDocs(sents, recognizeSpans(x), nerScored, map[string]string{"PER": "PERS"}, docSentences)
			if err != nil {
				return err
			}
			if err := rep.WriteText(stdout); err != nil || !reliability {
				return err
			}
			fmt.Fprintln(stdout)
			return rep.WriteReliability(stdout)
		},
	}
	c.Flags().StringArrayVarP(&files, "gazetteer", "g", nil, "YAML gazetteer file merged over the default (repeatable)")
	c.Flags().BoolVar(&noDefault, "no-default-gazetteer", false, "use only the --gazetteer files")
	c.Flags().BoolVar(&noRules, "no-rules", false, "score gazetteer names only")
	c.Flags().BoolVar(&reliability, "reliability", false, "also print a reliability table: for each source (gazetteer, rule, model, and all) and score bucket, the mentions, how many are right, their precision and their mean score")
	c.Flags().StringVar(&nerModel, "ner-model", "", "a tagger model from alam train ner, instead of the embedded one")
	c.Flags().BoolVar(&noModel, "no-model", false, "no tagger model: the gazetteer and the rules alone")
	c.Flags().StringVar(&clustersFile, "clusters", "", "the word clusters the --ner-model was trained with (alam train ner --clusters)")
	c.Flags().BoolVar(&taggerOnly, "tagger-only", false, "score the tagger model's names alone")
	c.Flags().IntVar(&docSentences, "doc-sentences", eval.DocSentences, "consecutive sentences read as one document (1: sentence by sentence)")
	return c
}

// nerTypes maps alam's types onto the CoNLL corpora's.
var nerTypes = map[pipeline.EntityType]string{pipeline.Person: "PERS", pipeline.Country: "LOC", pipeline.Location: "LOC", pipeline.Org: "ORG"}

// recognizeSpans adapts the recognizer of x to eval.NER.
func recognizeSpans(x *extract.Extractor) eval.Recognize {
	return func(text string) ([]eval.Span, error) {
		doc, err := x.Annotate(context.Background(), text)
		if err != nil {
			return nil, err
		}
		var out []eval.Span
		for _, m := range doc.Mentions {
			if m.Form == pipeline.FormAdjective {
				continue
			}
			group := "model"
			if m.Source == pipeline.SourceGazetteer {
				group = "gazetteer"
			} else if m.Source == pipeline.SourceRule {
				group = "rule"
			}
			out = append(out, eval.Span{Start: m.ByteStart, End: m.ByteEnd, Type: nerTypes[m.Type], Score: float64(m.Score), Group: group})
		}
		return out, nil
	}
}
