// Package nermodel holds alam's default tagger model, embedded: a
// regularised, averaged linear-chain CRF (package tagger) over the features of
// extract/nerfeat, trained by scripts/train-ner.sh on the train split of
// ANERcorp (CC BY-SA 4.0) and the train split of AQMAR (CC BY-SA 3.0).
// The model is derived from those corpora and is distributed under CC
// BY-SA 4.0 (see LICENSE and NOTICE in this folder); the code keeps the
// project's licence.
package nermodel

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/tagger"
)

//go:embed ner.model
var data []byte

var load = sync.OnceValues(func() (*tagger.Model, error) {
	m, err := tagger.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("nermodel: the embedded model: %w", err)
	}
	if fs := m.Info().FeatureSet; fs != nerfeat.Version {
		return nil, fmt.Errorf("nermodel: the embedded model was trained on features %q; this build computes %q (run scripts/train-ner.sh)", fs, nerfeat.Version)
	}
	return m, nil
})

// Default returns the embedded model, read on the first call and shared:
// a *tagger.Model is immutable.
func Default() (*tagger.Model, error) { return load() }
