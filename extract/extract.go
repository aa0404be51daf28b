package extract

import (
	"fmt"

	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// Config chooses what the extractor does. The zero Config uses the
// embedded default gazetteer with the rules, the embedded default
// taxonomy, no classifier, and keywords.DefaultN keywords.
type Config struct {
	// Gazetteer is the gazetteer to match; nil means gazetteer.Default().
	Gazetteer *gazetteer.Gazetteer
	// NoRules finds only gazetteer names, without the rules.
	NoRules bool
	// Taxonomy scores the topics; nil means topics.DefaultTaxonomy().
	Taxonomy *topics.Taxonomy
	// NoTaxonomy reports no taxonomy topics.
	NoTaxonomy bool
	// TopicModel, if set, adds the labels of a trained classifier to the
	// topics.
	TopicModel *topics.Model
	// Keywords is the number of keywords: 0 means keywords.DefaultN, a
	// negative number none.
	Keywords int
}

// Extractor holds what the stages share: the compiled gazetteer and the
// rules. Build it once with New; it is immutable and safe for concurrent
// use.
type Extractor struct {
	Matcher    *gazetteer.Matcher
	Recognizer *Recognizer
	Taxonomy   *topics.Taxonomy // nil when no taxonomy topics are wanted
	TopicModel *topics.Model    // nil when there is none
	keywords   int
}

// New compiles the resources of cfg.
func New(cfg Config) (*Extractor, error) {
	g := cfg.Gazetteer
	if g == nil {
		var err error
		if g, err = gazetteer.Default(); err != nil {
			return nil, fmt.Errorf("extract: default gazetteer: %w", err)
		}
	}
	m := gazetteer.Compile(g)
	r, err := NewRecognizer(m, RecognizerOptions{NoRules: cfg.NoRules})
	if err != nil {
		return nil, err
	}
	x := &Extractor{Matcher: m, Recognizer: r, TopicModel: cfg.TopicModel, keywords: cfg.Keywords}
	if !cfg.NoTaxonomy {
		x.Taxonomy = cfg.Taxonomy
		if x.Taxonomy == nil {
			if x.Taxonomy, err = topics.DefaultTaxonomy(); err != nil {
				return nil, fmt.Errorf("extract: default taxonomy: %w", err)
			}
		}
	}
	return x, nil
}

// Stage returns the stages that annotate a decoded document, in order:
// Analyze, Entities, Topics (when there is a taxonomy or a classifier) and
// Keywords (unless none are wanted).
func (x *Extractor) Stage() pipeline.Stage {
	stages := []pipeline.Stage{Analyze(), Entities(x.Recognizer)}
	if x.Taxonomy != nil || x.TopicModel != nil {
		stages = append(stages, Topics(x.Taxonomy, x.TopicModel))
	}
	if x.keywords >= 0 {
		stages = append(stages, Keywords(x.keywords))
	}
	return pipeline.Chain(stages...)
}
