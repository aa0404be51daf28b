package alambeam

import (
	"cmp"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*EntityCount)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*PairCount)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*ranked)(nil)).Elem())
	register.DoFn2x0[Article, func(string, EntityCount)](&entityCountsFn{})
	register.DoFn2x0[Article, func(string, int)](&pairsFn{})
	register.Combiner1[EntityCount](&entityMergeFn{})
	register.Combiner1[int](&sumFn{})
	register.Function2x1[string, EntityCount, ranked](rankEntity)
	register.DoFn3x0[string, int, func(ranked)](&rankPairFn{})
	register.DoFn3x1[context.Context, int, func(*ranked) bool, error](&writeRankedFn{})
	register.Emitter2[string, EntityCount]()
	register.Emitter2[string, int]()
	register.Emitter1[ranked]()
	register.Iter1[ranked]()
}

// EntityCount is an entity of the corpus: in how many articles it occurs
// and how many mentions it has in all.
type EntityCount struct {
	Entity   string `json:"entity"`
	Type     string `json:"type"`
	Name     string `json:"name"`
	NameAr   string `json:"name_ar"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// PairCount is two entities named in the same articles, A before B in
// byte order, with the number of those articles.
type PairCount struct {
	A        string `json:"a"`
	B        string `json:"b"`
	Articles int    `json:"articles"`
}

// Aggregate counts the entities of articles (a PCollection of Article) and
// the pairs of entities that occur in one article, with Beam's combiners:
// each worker sums what it saw before anything is shuffled. It returns the
// entities and the pairs as PCollections keyed by entity id and by "A\tB"
// (values EntityCount and int).
func Aggregate(s beam.Scope, articles beam.PCollection) (entities, pairs beam.PCollection) {
	s = s.Scope("alam.Aggregate")
	entities = beam.CombinePerKey(s, &entityMergeFn{}, beam.ParDo(s, &entityCountsFn{}, articles))
	pairs = beam.CombinePerKey(s, &sumFn{}, beam.ParDo(s, &pairsFn{}, articles))
	return entities, pairs
}

// WriteAggregate writes what Aggregate gives to two files: name+
// ".entities.jsonl", an EntityCount a line, and name+".pairs.jsonl", a
// PairCount a line for the pairs found in at least minPair articles; each
// sorted by articles, most first, then by id.
func WriteAggregate(s beam.Scope, name string, entities, pairs beam.PCollection, minPair int) {
	s = s.Scope("alam.WriteAggregate")
	writeRanked(s, name+".entities.jsonl", beam.ParDo(s, rankEntity, entities))
	writeRanked(s, name+".pairs.jsonl", beam.ParDo(s, &rankPairFn{Min: minPair}, pairs))
}

// entityCountsFn gives one EntityCount per entity of an article.
type entityCountsFn struct{}

func (f *entityCountsFn) ProcessElement(a Article, emit func(string, EntityCount)) {
	for _, e := range a.Entities {
		emit(e.ID, EntityCount{Entity: e.ID, Type: e.Type, Name: e.Name, NameAr: e.NameAr, Articles: 1, Mentions: e.Count})
	}
}

// entityMergeFn adds up the counts of one entity. An entity found by rules
// may be named differently in different articles: the longest name is
// kept, the first in byte order among equals, so that the result does not
// depend on the order of the merges.
type entityMergeFn struct{}

func (f *entityMergeFn) MergeAccumulators(a, b EntityCount) EntityCount {
	a.Articles += b.Articles
	a.Mentions += b.Mentions
	if better(b.Name, a.Name) {
		a.Name = b.Name
	}
	if better(b.NameAr, a.NameAr) {
		a.NameAr = b.NameAr
	}
	if a.Type == "" || b.Type != "" && b.Type < a.Type {
		a.Type = b.Type
	}
	return a
}

func better(x, y string) bool {
	return len(x) > len(y) || len(x) == len(y) && x < y
}

// pairsFn gives each pair of distinct entities of an article, once.
type pairsFn struct{}

func (f *pairsFn) ProcessElement(a Article, emit func(string, int)) {
	ids := make([]string, 0, len(a.Entities))
	for _, e := range a.Entities {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for i := range ids {
		for _, b := range ids[i+1:] {
			emit(ids[i]+"\t"+b, 1)
		}
	}
}

// sumFn adds up ints.
type sumFn struct{}

func (f *sumFn) MergeAccumulators(a, b int) int { return a + b }

// ranked is one line of an aggregate file with what it is sorted by.
type ranked struct {
	Articles int
	Key      string
	Line     string
}

func rankEntity(id string, c EntityCount) ranked {
	line, _ := json.Marshal(c) // cannot fail: strings and ints
	return ranked{Articles: c.Articles, Key: id, Line: string(line)}
}

// rankPairFn drops the pairs of fewer than Min articles.
type rankPairFn struct {
	Min int `json:"min"`
}

func (f *rankPairFn) ProcessElement(key string, n int, emit func(ranked)) {
	if n < f.Min {
		return
	}
	a, b, _ := strings.Cut(key, "\t")
	line, _ := json.Marshal(PairCount{A: a, B: b, Articles: n})
	emit(ranked{Articles: n, Key: key, Line: string(line)})
}

// writeRanked writes lines to one file, sorted; one worker sorts them all,
// so it is for what aggregates made small.
func writeRanked(s beam.Scope, name string, lines beam.PCollection) {
	beam.ParDo0(s, &writeRankedFn{Name: name}, beam.GroupByKey(s, beam.AddFixedKey(s, lines)))
}

type writeRankedFn struct {
	Name string `json:"name"`
}

func (f *writeRankedFn) ProcessElement(ctx context.Context, _ int, lines func(*ranked) bool) error {
	var all []ranked
	var r ranked
	for lines(&r) {
		all = append(all, r)
	}
	slices.SortFunc(all, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Key, b.Key))
	})
	return writeLines(ctx, f.Name, func(yield func(string) bool) {
		for _, r := range all {
			if !yield(r.Line) {
				return
			}
		}
	})
}
