package alambeam

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths, which every job may name

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/keywords"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
	"github.com/alam-nlp/alam/tagger"
)

// Config is what the workers need to build the extractor and read the
// input. It is shipped to them inside the DoFns (as JSON), so it holds
// paths and switches, never loaded data; every path is read through Beam's
// filesystems, on the worker.
//
// The zero Config is not the alam command's: use DefaultConfig, which sets
// the default taxonomy's topics and keywords.DefaultN keywords as alam
// extract does.
type Config struct {
	// Gazetteers are YAML gazetteer files merged over the embedded default.
	Gazetteers []string `json:"gazetteers,omitempty"`
	// NoDefaultGazetteer uses only Gazetteers, not the embedded default.
	NoDefaultGazetteer bool `json:"no_default_gazetteer,omitempty"`
	// NoRules finds only gazetteer names.
	NoRules bool `json:"no_rules,omitempty"`
	// NERModel is a tagger model file from alam train ner; "" means the
	// embedded one (extract/nermodel), unless NoNERModel.
	NERModel string `json:"ner_model,omitempty"`
	// NoNERModel uses no tagger model: the gazetteer and the rules alone.
	NoNERModel bool `json:"no_ner_model,omitempty"`
	// Taxonomy is a topic taxonomy YAML file; "" means the embedded IPTC
	// Media Topics (unless NoTaxonomy).
	Taxonomy string `json:"taxonomy,omitempty"`
	// NoTaxonomy reports no taxonomy topics.
	NoTaxonomy bool `json:"no_taxonomy,omitempty"`
	// TopicModel is a model file from alam topics train; "" means none.
	TopicModel string `json:"topic_model,omitempty"`
	// Keywords is the number of keywords per article; 0 means none.
	Keywords int `json:"keywords,omitempty"`
	// Encoding names the input encoding ("" detects it), as alam extract's
	// --encoding.
	Encoding string `json:"encoding,omitempty"`
	// MaxBytes is the size limit of one file or one JSON Lines record;
	// 0 or less means pipeline.DefaultMaxBytes.
	MaxBytes int64 `json:"max_bytes,omitempty"`
	// IDField and TextField name a JSON Lines record's id and text fields;
	// "" means "id" and "text".
	IDField   string `json:"id_field,omitempty"`
	TextField string `json:"text_field,omitempty"`
	// WithText adds each article's text to its record.
	WithText bool `json:"with_text,omitempty"`
	// BlockBytes is the size of the blocks a JSON Lines file is cut into;
	// 0 or less means DefaultBlockBytes.
	BlockBytes int64 `json:"block_bytes,omitempty"`
}

// DefaultBlockBytes is the block size of JSON Lines files when
// Config.BlockBytes is not set: 64 MiB, as Beam's own text reader cuts
// files.
const DefaultBlockBytes = 64 << 20

// DefaultConfig returns the configuration of alam extract with no flags:
// the default gazetteer with the rules, the embedded tagger model, the
// default taxonomy and
// keywords.DefaultN keywords.
func DefaultConfig() Config {
	return Config{Keywords: keywords.DefaultN}
}

func (c Config) maxBytes() int64 {
	if c.MaxBytes <= 0 {
		return pipeline.DefaultMaxBytes
	}
	return c.MaxBytes
}

func (c Config) blockBytes() int64 {
	if c.BlockBytes <= 0 {
		return DefaultBlockBytes
	}
	return c.BlockBytes
}

func (c Config) jsonlOptions(firstLine int) pipeline.JSONLOptions {
	return pipeline.JSONLOptions{IDField: c.IDField, TextField: c.TextField, MaxBytes: c.maxBytes(), FirstLine: firstLine}
}

// Stage loads the resources that c names and returns the stage that turns
// a document with Raw or Text into an annotated one: Decode, then the
// extractor's stages. It is what every worker calls once, in Setup; a
// program calls it before it starts the pipeline, to fail early on a
// resource that cannot be loaded.
func (c Config) Stage(ctx context.Context) (pipeline.Stage, error) {
	var gs []*gazetteer.Gazetteer
	if !c.NoDefaultGazetteer {
		g, err := gazetteer.Default()
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	for _, p := range c.Gazetteers {
		b, err := ReadFile(ctx, p)
		if err != nil {
			return nil, err
		}
		g, err := gazetteer.Load(p, bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	if len(gs) == 0 {
		return nil, errors.New("alambeam: no gazetteer: NoDefaultGazetteer needs at least one of Gazetteers")
	}
	cfg := extract.Config{Gazetteer: gazetteer.Merge(gs...), NoRules: c.NoRules, Keywords: max(c.Keywords, 0)}
	if !c.NoNERModel {
		var err error
		if cfg.NERModel, err = c.nerModel(ctx); err != nil {
			return nil, err
		}
	}
	if !c.NoTaxonomy {
		var err error
		if c.Taxonomy == "" {
			cfg.Taxonomy, err = topics.DefaultTaxonomy()
		} else {
			var b []byte
			if b, err = ReadFile(ctx, c.Taxonomy); err == nil {
				cfg.Taxonomy, err = topics.LoadTaxonomy(c.Taxonomy, bytes.NewReader(b))
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if c.TopicModel != "" {
		b, err := ReadFile(ctx, c.TopicModel)
		if err != nil {
			return nil, err
		}
		if cfg.TopicModel, err = topics.LoadModel(bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("%s: %w", c.TopicModel, err)
		}
	}
	x, err := extract.New(cfg)
	if err != nil {
		return nil, err
	}
	return pipeline.Chain(pipeline.Decode(c.Encoding), x.Stage()), nil
}

// nerModel loads the tagger model that c names, or the embedded one. A
// model file must have been trained on the features this build computes,
// as alam extract --ner-model checks.
func (c Config) nerModel(ctx context.Context) (*tagger.Model, error) {
	if c.NERModel == "" {
		return nermodel.Default()
	}
	b, err := ReadFile(ctx, c.NERModel)
	if err != nil {
		return nil, err
	}
	return extract.ReadNERModel(c.NERModel, bytes.NewReader(b))
}

// ReadFile reads the file at path (a local path, or gs:// and the like
// where the filesystem is linked in) through Beam's filesystems.
func ReadFile(ctx context.Context, path string) ([]byte, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
