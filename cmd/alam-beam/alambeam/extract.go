package alambeam

import (
	"bytes"
	"context"
	"iter"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/alam-nlp/alam/pipeline"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*Article)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*ArticleEntity)(nil)).Elem())
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string), func(Article), error](&fileFn{})
	register.DoFn4x1[context.Context, block, func(string), func(Article), error](&jsonlFn{})
	register.Emitter1[string]()
	register.Emitter1[Article]()
}

// The counters of Extract, in namespace "alam".
var (
	articlesCounter = beam.NewCounter("alam", "articles")        // records written
	failedCounter   = beam.NewCounter("alam", "failed_articles") // of those, records with an error
	mentionsCounter = beam.NewCounter("alam", "mentions")        // mentions in the records
	bytesCounter    = beam.NewCounter("alam", "bytes")           // bytes of decoded text, as alam extract -v counts
)

// Input names what Extract reads.
type Input struct {
	// Patterns are Beam filesystem patterns ("news/*.txt",
	// "gs://bucket/2024/*.jsonl"); a file may match more than one pattern,
	// and is then read as often.
	Patterns []string
	// JSONLines reads each file as JSON Lines records (alam extract
	// --input jsonl); otherwise each file is one article. A JSON Lines file
	// whose name ends in ".gz" is decompressed (and then read whole, by one
	// worker).
	JSONLines bool
	// Articles fills Result.Articles, for Aggregate.
	Articles bool
}

// Result is what Extract gives.
type Result struct {
	// Records holds one JSON record per article (a string without its
	// newline), as pipeline.NewJSONLines writes it.
	Records beam.PCollection
	// Articles holds an Article for each article that succeeded, when
	// Input.Articles is set, and is empty otherwise.
	Articles beam.PCollection
}

// Article is the entities one article names, what Aggregate counts.
type Article struct {
	ID       string
	Entities []ArticleEntity
}

// ArticleEntity is one entity of an article, with its number of mentions
// there.
type ArticleEntity struct {
	ID, Type, Name, NameAr string
	Count                  int
}

// Extract reads the articles that in names and annotates each one with
// the extractor that cfg describes, built once per worker. Records come in
// no particular order.
func Extract(s beam.Scope, cfg Config, in Input) Result {
	s = s.Scope("alam.Extract")
	var matches []beam.PCollection
	for _, p := range in.Patterns {
		matches = append(matches, fileio.MatchFiles(s, p))
	}
	files := beam.Flatten(s, matches...)
	var records, articles beam.PCollection
	if in.JSONLines {
		blocks := jsonlBlocks(s, cfg, fileio.ReadMatches(s, files, fileio.ReadUncompressed()))
		records, articles = beam.ParDo2(s, &jsonlFn{fn: fn{Cfg: cfg, Articles: in.Articles}}, blocks)
	} else {
		readable := beam.Reshuffle(s, fileio.ReadMatches(s, files, fileio.ReadUncompressed()))
		records, articles = beam.ParDo2(s, &fileFn{fn: fn{Cfg: cfg, Articles: in.Articles}}, readable)
	}
	return Result{Records: records, Articles: articles}
}

// fn is what the extracting DoFns share: the configuration shipped to the
// workers, and the stage built from it once per DoFn instance.
type fn struct {
	Cfg      Config `json:"cfg"`
	Articles bool   `json:"articles"`

	stage pipeline.Stage
	buf   bytes.Buffer
}

// Setup builds the extractor.
func (f *fn) Setup(ctx context.Context) error {
	var err error
	f.stage, err = f.Cfg.Stage(ctx)
	return err
}

// run annotates the documents of src one after the other, as alam extract
// does with any number of workers (an error or a panic fails only its own
// document), and emits their records.
func (f *fn) run(ctx context.Context, src iter.Seq[*pipeline.Document], emit func(string), emitArticle func(Article)) error {
	enc := pipeline.NewJSONLines(&f.buf, pipeline.EncodeOptions{Text: f.Cfg.WithText})
	_, err := pipeline.Run(ctx, pipeline.Config{Workers: 1}, src, f.stage, func(doc *pipeline.Document) error {
		f.buf.Reset()
		if err := enc.Encode(doc); err != nil {
			return err
		}
		emit(string(bytes.TrimSuffix(f.buf.Bytes(), []byte("\n"))))
		articlesCounter.Inc(ctx, 1)
		bytesCounter.Inc(ctx, int64(len(doc.Text)))
		if doc.Err != nil {
			failedCounter.Inc(ctx, 1)
			return nil
		}
		mentionsCounter.Inc(ctx, int64(len(doc.Mentions)))
		if f.Articles {
			emitArticle(articleOf(doc))
		}
		return nil
	})
	return err
}

func articleOf(doc *pipeline.Document) Article {
	a := Article{ID: doc.ID, Entities: make([]ArticleEntity, len(doc.Entities))}
	for i, e := range doc.Entities {
		a.Entities[i] = ArticleEntity{ID: e.ID, Type: string(e.Type), Name: e.Name, NameAr: e.NameAr, Count: e.Count}
	}
	return a
}

// fileFn annotates one file as one article.
type fileFn struct {
	fn
}

// ProcessElement reads the file, at most Cfg.MaxBytes of it, and emits its
// record.
func (f *fileFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string), emitArticle func(Article)) error {
	doc := readFile(ctx, file, f.Cfg.maxBytes())
	return f.run(ctx, func(yield func(*pipeline.Document) bool) { yield(doc) }, emit, emitArticle)
}
