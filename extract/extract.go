package extract

import (
	"context"
	"fmt"
	"sync"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/extract/keywords"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
	"github.com/alam-nlp/alam/tagger"
)

// Config chooses what the extractor does. The zero Config finds the
// entities of the embedded default gazetteer, with the rules, and nothing
// else: no tagger model, no topics and no keywords. DefaultConfig adds the
// embedded tagger model, the default taxonomy's topics and
// keywords.DefaultN keywords, as the alam command does.
type Config struct {
	// Gazetteer is the gazetteer to match; nil means the default
	// (gazetteer.DefaultMatcher, compiled at build time).
	Gazetteer *gazetteer.Gazetteer
	// NoRules finds only gazetteer names, without the rules.
	NoRules bool
	// NERModel, if set, is a tagger model (from alam train ner, or
	// nermodel.Default) whose names join those of the gazetteer and the
	// rules; nil means the gazetteer and the rules alone.
	NERModel *tagger.Model
	// NERModelOnly, with NERModel, finds only the model's names (to score
	// the model alone).
	NERModelOnly bool
	// NERClusters are the word clusters (nerfeat.BuildClusters) that the
	// tagger's features read: they must be the ones NERModel was trained
	// with, which its feature set names (nerfeat.FeatureSet). Without
	// NERModel, they are those of the features of NERExamples.
	NERClusters *nerfeat.Clusters
	// Taxonomy, if set, scores its topics (topics.DefaultTaxonomy is the
	// embedded IPTC Media Topics).
	Taxonomy *topics.Taxonomy
	// TopicModel, if set, adds the labels of a trained classifier to the
	// topics.
	TopicModel *topics.Model
	// Keywords is the number of keywords per article; 0 means none.
	Keywords int
}

// DefaultConfig returns the configuration of the alam command: the
// default gazetteer with the rules and the embedded tagger model
// (nermodel.Default), the default taxonomy's topics and keywords.DefaultN
// keywords. Set NERModel to nil for the gazetteer and the rules alone.
//
// The taxonomy, the model and the default gazetteer (which New then takes
// from the same cache) are decoded on goroutines of their own, so that a
// process starts in about the time of the longest of the three rather
// than their sum; DefaultConfig returns when all three are done.
func DefaultConfig() (Config, error) {
	var t *topics.Taxonomy
	var terr error
	var wg sync.WaitGroup
	wg.Go(func() { t, terr = topics.DefaultTaxonomy() })
	wg.Go(func() { gazetteer.DefaultMatcher() }) // its error is New's
	m, err := nermodel.Default()
	wg.Wait()
	if terr != nil {
		return Config{}, fmt.Errorf("extract: default taxonomy: %w", terr)
	}
	if err != nil {
		return Config{}, fmt.Errorf("extract: %w", err)
	}
	return Config{Taxonomy: t, Keywords: keywords.DefaultN, NERModel: m}, nil
}

// Extractor holds what the stages share: the compiled gazetteer, the
// recognizer and the topic scorers. Build it once with New; it is
// immutable and safe for concurrent use.
type Extractor struct {
	recognizer *entities.Recognizer
	stage      pipeline.Stage
	front      pipeline.Stage // Analyze and Entities
	regions    map[string]string
}

// New compiles the resources of cfg.
func New(cfg Config) (*Extractor, error) {
	g := cfg.Gazetteer
	var m *gazetteer.Matcher
	if g != nil {
		m = gazetteer.Compile(g)
	} else {
		var err error
		if m, err = gazetteer.DefaultMatcher(); err != nil {
			return nil, fmt.Errorf("extract: default gazetteer: %w", err)
		}
		g = &gazetteer.Gazetteer{Entries: m.Entries()} // read only
	}
	// The tagger is trained on Arabic: English articles get the gazetteer
	// and the rules, on the same matcher. On the English evaluation
	// articles it gave no name and cost the whole extractor 6x its time
	// (BenchmarkEnglish in cmd/alam-bench: 0.52 MB/s with it, 2.8 without).
	// The two recognizers are built at once, on two goroutines: each
	// compiles the rules' lists, most of New's time.
	var english *entities.Recognizer
	var englishErr error
	var wg sync.WaitGroup
	if cfg.NERModel != nil && !cfg.NERModelOnly {
		wg.Go(func() { english, englishErr = entities.New(m, entities.Options{NoRules: cfg.NoRules}) })
	}
	r, err := entities.New(m, entities.Options{NoRules: cfg.NoRules, Model: cfg.NERModel, ModelOnly: cfg.NERModelOnly, Clusters: cfg.NERClusters})
	wg.Wait()
	if err == nil {
		err = englishErr
	}
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	if english == nil {
		english = r
	}
	stages := []pipeline.Stage{Analyze(), entitiesByLang(r, english)}
	front := pipeline.Chain(stages...)
	if cfg.Taxonomy != nil || cfg.TopicModel != nil {
		stages = append(stages, Topics(cfg.Taxonomy, cfg.TopicModel, g))
	}
	if cfg.Keywords > 0 {
		stages = append(stages, Keywords(cfg.Keywords))
	}
	return &Extractor{recognizer: r, stage: pipeline.Chain(stages...), front: front, regions: countryRegions(g)}, nil
}

// Stage returns the stages that annotate a decoded document, in order:
// Analyze, Entities, Topics (when there is a taxonomy or a classifier) and
// Keywords (when some are wanted).
func (x *Extractor) Stage() pipeline.Stage { return x.stage }

// Annotate runs the stages of x on text and returns the annotated
// document. Its error is the first stage's error, or ctx's.
func (x *Extractor) Annotate(ctx context.Context, text string) (*pipeline.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := &pipeline.Document{Text: text}
	if err := x.stage.Process(ctx, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// TopicInput returns what the Topics stage reads for text: the analysis
// and the entity mentions as topics.EntityRef, made as Annotate makes
// them. Give it to topics.ReadDir to train a classifier on the features
// it will see in alam extract.
func (x *Extractor) TopicInput(ctx context.Context, text string) (*arabic.Analysis, []topics.EntityRef, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	doc := &pipeline.Document{Text: text}
	if err := x.front.Process(ctx, doc); err != nil {
		return nil, nil, err
	}
	a, err := analysis(doc)
	if err != nil {
		return nil, nil, err
	}
	return a, entityRefs(doc, x.regions), nil
}
