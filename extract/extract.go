package extract

import (
	"fmt"

	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// Config chooses what the extractor does. The zero Config uses the
// embedded default gazetteer with the rules.
type Config struct {
	// Gazetteer is the gazetteer to match; nil means gazetteer.Default().
	Gazetteer *gazetteer.Gazetteer
	// NoRules finds only gazetteer names, without the rules.
	NoRules bool
}

// Extractor holds what the stages share: the compiled gazetteer and the
// rules. Build it once with New; it is immutable and safe for concurrent
// use.
type Extractor struct {
	Matcher    *gazetteer.Matcher
	Recognizer *Recognizer
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
	return &Extractor{Matcher: m, Recognizer: r}, nil
}

// Stage returns the stages that annotate a decoded document, in order:
// Analyze, then Entities.
func (x *Extractor) Stage() pipeline.Stage {
	return pipeline.Chain(Analyze(), Entities(x.Recognizer))
}
